"""The weekly digest email: built from the same summary as the API and the dashboard, sent over
SMTP at the user's chosen day and hour, never twice for one user and week.

The digest sums up the last complete ISO week in the user's time zone; it is due from the
user's weekday and hour in the following week (default Monday 08:00). Before sending, a row
(user, week) is inserted: the unique pair is the claim, so a second scheduler or a retried job
finds it and sends nothing. A failed send removes the claim so the next run tries again."""

import logging
import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from html import escape

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server import summary
from server.models import Digest, User, utcnow

log = logging.getLogger("onward.digest")

UNSUBSCRIBE_SALT = "onward-digest-unsubscribe"


@dataclass(frozen=True)
class Smtp:
    """Where digests go out (``ONWARD_SMTP_*``); ``host`` None means digests are off."""

    host: str | None
    port: int
    security: str
    username: str | None
    password: str | None
    sender: str
    public_url: str

    @classmethod
    def from_config(cls, config) -> "Smtp":
        return cls(config["SMTP_HOST"], config["SMTP_PORT"], config["SMTP_SECURITY"], config["SMTP_USERNAME"],
                   config["SMTP_PASSWORD"], config["DIGEST_FROM"], config["PUBLIC_URL"].rstrip("/"))


def unsubscribe_token(secret_key: str, user_id: int) -> str:
    return URLSafeSerializer(secret_key, salt=UNSUBSCRIBE_SALT).dumps(user_id)


def user_of_token(secret_key: str, token: str) -> int | None:
    """The user id an opt-out link was made for, or None for a forged or damaged one."""
    try:
        value = URLSafeSerializer(secret_key, salt=UNSUBSCRIBE_SALT).loads(token)
    except BadSignature:
        return None
    return value if isinstance(value, int) else None


def due_week(user: User, now: datetime) -> str | None:
    """The week whose digest is due for ``user`` at ``now``, or None before their slot this week."""
    if not user.digest_enabled:
        return None
    tz = summary.zone(user.timezone)
    local = now.astimezone(tz)
    this_monday = local.date() - timedelta(days=local.isoweekday() - 1)
    slot = datetime.combine(this_monday + timedelta(days=user.digest_weekday - 1), time(user.digest_hour), tz)
    if now < slot:
        return None
    return summary.week_of(datetime.combine(this_monday - timedelta(days=3), time(12), tz), tz)


def _pct(value: float | None) -> str:
    return "no replies yet" if value is None else f"{round(value * 100)}%"


def _lines(s: dict) -> list[tuple[str, str]]:
    """The numbers of the digest as (label, value), in the order both parts show them."""
    stages = ", ".join(f"{n} {stage}" for stage, n in s["rejections_by_stage"].items() if n) or "none"
    median = s["median_days_to_first_response"]
    return [
        ("Applications sent", str(s["applications_sent"])),
        ("Responses", str(s["responses"])),
        ("Assessments", str(s["assessments"])),
        ("Interview invitations", str(s["interviews"])),
        ("Offers", str(s["offers"])),
        ("Rejections", f"{s['rejections']} (by stage: {stages})"),
        ("Gone quiet", str(s["ghosted"])),
        ("Reply rate, last 12 weeks", _pct(s["response_rate"])),
        ("Median days to a first reply", "no replies yet" if median is None else f"{median:g}"),
        ("Weeks in a row with applications", str(s["streak_weeks"])),
        ("Applications sent vs. the week before",
         f"{s['change']['applications_sent']['delta']:+d} (4-week average {s['change']['applications_sent']['four_week_average']:g})"),
    ]


def compose(s: dict, to: str, smtp: Smtp, opt_out_url: str) -> EmailMessage:
    """The digest as a multipart email: a plain-text part and an HTML part with the same content."""
    dashboard = f"{smtp.public_url}/summary?week={s['week']}"
    funnel = " → ".join(f"{f['step']} {f['count']}" for f in s["funnel"])
    strategy = s["strategy"]
    text = [f"Your week in the search: {s['week']} ({s['start']} to {s['end']})", "", s["headline"], ""]
    text += [f"{label}: {value}" for label, value in _lines(s)]
    text += ["", f"Funnel, last 12 weeks: {funnel}", "", f"For this week: {strategy['title']}", strategy["reason"], "",
             f"See it all: {dashboard}", f"Stop these emails: {opt_out_url}", ""]
    rows = "".join(f"<tr><th scope=\"row\" style=\"text-align:left;padding:2px 12px 2px 0\">{escape(label)}</th>"
                   f"<td>{escape(value)}</td></tr>" for label, value in _lines(s))
    html = (f"<!doctype html><html lang=\"en\"><body style=\"font-family:sans-serif;color:#1d2733\">"
            f"<h1 style=\"font-size:20px\">Your week in the search: {escape(s['week'])}</h1>"
            f"<p>{escape(s['headline'])}</p><table>{rows}</table>"
            f"<p>Funnel, last 12 weeks: {escape(funnel)}</p>"
            f"<h2 style=\"font-size:16px\">For this week: {escape(strategy['title'])}</h2><p>{escape(strategy['reason'])}</p>"
            f"<p><a href=\"{escape(dashboard)}\">See it all in Onward</a></p>"
            f"<p style=\"font-size:12px;color:#5b6775\"><a href=\"{escape(opt_out_url)}\">Stop these weekly emails</a></p>"
            f"</body></html>")
    msg = EmailMessage()
    msg["Subject"] = f"Your week in the search: {s['applications_sent']} sent, {s['responses']} replies ({s['week']})"
    msg["From"] = smtp.sender
    msg["To"] = formataddr(("", to))
    msg["Message-ID"] = make_msgid(domain="onward.invalid")
    msg["List-Unsubscribe"] = f"<{opt_out_url}>"
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg["X-Onward-Week"] = s["week"]
    msg.set_content("\n".join(text))
    msg.add_alternative(html, subtype="html")
    return msg


def deliver(msg: EmailMessage, smtp: Smtp) -> None:
    """Hand one message to the SMTP server (the only network I/O of this module)."""
    context = ssl.create_default_context()
    if smtp.security == "ssl":
        client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=30, context=context)
    else:
        client = smtplib.SMTP(smtp.host, smtp.port, timeout=30)
    with client:
        if smtp.security == "starttls":
            client.starttls(context=context)
        if smtp.username:
            client.login(smtp.username, smtp.password or "")
        client.send_message(msg)


def _claim(session: Session, user_id: int, week: str) -> bool:
    """Insert the (user, week) row; False when another run already has it."""
    try:
        with session.begin_nested():
            session.add(Digest(user_id=user_id, week=week, status="sending"))
        session.commit()
        return True
    except IntegrityError:
        session.rollback()
        return False


def send_due(session: Session, smtp: Smtp, secret_key: str, user_ids: list[int] | None = None,
             now: datetime | None = None) -> dict:
    """Send every digest that is due (for ``user_ids``, or every user). Returns counts and, for a
    failed send, the user and the error; the caller raises so the job is retried."""
    now = now or utcnow()
    result: dict = {"sent": 0, "already_sent": 0, "failed": []}
    if not smtp.host:
        result["disabled"] = "no SMTP server is configured (ONWARD_SMTP_HOST)"
        return result
    query = select(User).where(User.digest_enabled.is_(True)).order_by(User.id)
    if user_ids is not None:
        query = query.where(User.id.in_(user_ids))
    for user in session.scalars(query).all():
        week = due_week(user, now)
        if week is None:
            continue
        if not _claim(session, user.id, week):
            result["already_sent"] += 1
            continue
        try:
            s = summary.weekly(session, user.id, week, now)
            opt_out = f"{smtp.public_url}/digest/unsubscribe?t={unsubscribe_token(secret_key, user.id)}"
            deliver(compose(s, user.email, smtp, opt_out), smtp)
        except (OSError, smtplib.SMTPException) as exc:
            session.rollback()
            session.execute(delete(Digest).where(Digest.user_id == user.id, Digest.week == week))
            session.commit()
            log.warning("digest for user %s, %s not sent: %s", user.id, week, exc)
            result["failed"].append({"user_id": user.id, "week": week, "error": str(exc)[:200]})
            continue
        digest = session.scalar(select(Digest).where(Digest.user_id == user.id, Digest.week == week))
        digest.status, digest.sent_at = "sent", utcnow()
        session.commit()
        result["sent"] += 1
        log.info("digest for user %s, %s sent", user.id, week)
    return result
