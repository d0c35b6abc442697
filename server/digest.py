"""The weekly digest email: built from the same summary as the API and the dashboard, sent over
SMTP at the user's chosen day and hour, never twice for one user and week.

The digest sums up the last complete ISO week in the user's time zone; it is due from the
user's weekday and hour in the following week (default Monday 08:00). Before sending, a row
(user, week) is inserted: the unique pair is the claim, so a second scheduler or a retried job
finds it and sends nothing. A failed send, or a digest that cannot be built for one user, removes the
claim so the next run tries again, and the run goes on to the next user; a claim left ``sending`` by a
run that died is taken over after ``STALE_CLAIM``."""

import logging
import smtplib
import ssl
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid, parseaddr

from flask import render_template
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server import summary, translations
from server.models import Application, Digest, StatusChange, User, utcnow
from server.outbound_text import one_line
from server.translations import N_, ngettext
from server.translations import gettext as _

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


STAGE_WORDS = {"application": N_("at the application stage"), "assessment": N_("after an assessment"),
               "interview": N_("after an interview"), "unknown": N_("at a stage the email does not say")}
"""How a rejection's stage reads in the digest (the dashboard says it the same way); translated when written.
The one word for an employer answering an application is "response", in the digest, the dashboard and the summary alike."""

OPEN_WORDS = {"offer": N_("Offer from {who}, received {day}."), "interviewing": N_("Interview with {who}: invited {day}."),
              "assessment": N_("Assessment for {who}: invited {day}.")}
"""How an open offer, interview or assessment reads, with the day it came."""


def plain_day(value: date | datetime | str, tz=None) -> str:
    """A date as people write it, in the user's zone and language: ``Wed 18 Nov 2026``, ``Mi., 18. Nov. 2026``."""
    return translations.day(value, tz)


def plain_period(start: str, end: str) -> str:
    """A week as people write it: ``16–22 November 2026``, ``30 November – 6 December 2026`` (in the reader's language)."""
    return translations.period(date.fromisoformat(start), date.fromisoformat(end))


def _who(app: Application) -> str:
    return f"{app.company} ({app.role})" if app.role else app.company


def named(session: Session, user_id: int, s: dict, now: datetime) -> dict:
    """What happened by name: the applications sent in the week, each rejection of the week with its
    first step, and every offer, interview and assessment still open with the day it came."""
    tz = summary.zone(s["timezone"])
    begin, end = summary.bounds(date.fromisoformat(s["start"]), tz)
    sent = session.scalars(select(Application).where(Application.user_id == user_id, Application.first_contact_at >= begin,
                                                     Application.first_contact_at < end)
                           .order_by(Application.first_contact_at, Application.id)).all()
    rejections = [{**r, "day": plain_day(r["date"], tz), "stage_words": _(STAGE_WORDS.get(r["stage"] or "unknown", STAGE_WORDS["unknown"]))}
                  for r in s["recent_rejections"] if begin <= datetime.fromisoformat(r["date"]) < end]
    open_rows = session.execute(
        select(Application, func.max(StatusChange.at)).join(StatusChange, StatusChange.application_id == Application.id)
        .where(Application.user_id == user_id, Application.status.in_(list(OPEN_WORDS)), StatusChange.to_status == Application.status)
        .group_by(Application.id).order_by(func.max(StatusChange.at))).all()
    order = list(OPEN_WORDS)
    waiting = [_(OPEN_WORDS[app.status]).format(who=_who(app), day=plain_day(at, tz))
               for app, at in sorted(open_rows, key=lambda row: (order.index(row[0].status), row[1]))]
    return {"sent": [_who(a) for a in sent], "rejections": rejections, "open": waiting}


def _numbers(s: dict) -> list[tuple[str, str]]:
    """The week's figures as (label, value), in the order both parts show them, in plain words."""
    stages = "; ".join(f"{n} {_(STAGE_WORDS[stage])}" for stage, n in s["rejections_by_stage"].items() if n)
    median = s["median_days_to_first_response"]
    rate = s["response_rate"]
    days = round(median) if median is not None else 0
    return [
        (_("Applications sent"), str(s["applications_sent"])),
        (_("Responses"), str(s["responses"])),
        (_("Assessments"), str(s["assessments"])),
        (_("Interview invitations"), str(s["interviews"])),
        (_("Offers"), str(s["offers"])),
        (_("Rejections"), f"{s['rejections']} ({stages})" if stages else str(s["rejections"])),
        (_("Gone quiet"), str(s["ghosted"])),
        (_("Response rate, last 12 weeks"), _("no responses yet") if rate is None else
         _("{percent}% of your applications").format(percent=round(rate * 100))),
        (_("Typical wait for a first response"), _("no responses yet") if median is None else
         ngettext("about %(num)d day", "about %(num)d days", days) % {"num": days}),
    ]


def funnel_sentence(s: dict) -> str:
    """The 12-week funnel in one plain sentence (the same counts as the dashboard's funnel)."""
    steps = {f["step"]: f["count"] for f in s["funnel"]}
    if not steps.get("applied"):
        return _("No applications sent in the last 12 weeks yet.")
    sent = steps["applied"]
    return ngettext("Of the %(num)d application you sent in the last 12 weeks, %(responded)d had a response, "
                    "%(interviewing)d reached an interview and %(offer)d an offer.",
                    "Of the %(num)d applications you sent in the last 12 weeks, %(responded)d had a response, "
                    "%(interviewing)d reached an interview and %(offer)d an offer.", sent) % {
        "num": sent, "responded": steps["responded"], "interviewing": steps["interviewing"], "offer": steps["offer"]}


def compose(s: dict, to: str, smtp: Smtp, opt_out_url: str, names: dict | None = None, now: datetime | None = None) -> EmailMessage:
    """The digest as a multipart email (plain text and HTML with the same content, laid out for
    phones), with the headers mail servers and clients expect."""
    now = now or utcnow()
    names = names or {"sent": [], "rejections": [], "open": []}
    period = plain_period(s["start"], s["end"])
    context = {"s": s, "names": names, "numbers": _numbers(s), "period": period, "strategy": s["strategy"], "funnel": funnel_sentence(s),
               "dashboard": f"{smtp.public_url}/summary?week={s['week']}", "opt_out": opt_out_url}
    msg = EmailMessage()
    msg["Subject"] = ngettext("Your week, {period}: {sent} sent, {num} response", "Your week, {period}: {sent} sent, {num} responses",
                              s["responses"]).format(period=period, sent=s["applications_sent"], num=s["responses"])
    msg["From"] = smtp.sender
    msg["To"] = formataddr(("", one_line(to)))
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid(domain=parseaddr(smtp.sender)[1].rpartition("@")[2] or "onward.invalid")
    msg["List-Unsubscribe"] = f"<{opt_out_url}>"
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg["X-Onward-Week"] = s["week"]
    msg.set_content(render_template("digest/digest.txt", **context))
    msg.add_alternative(render_template("digest/digest.html", **context), subtype="html")
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


STALE_CLAIM = timedelta(minutes=30)
"""A ``sending`` row older than this was left by a run that died mid-send (killed, machine lost): the next
run takes it over, so no user's digest stays ``sending`` for good. Far longer than one SMTP hand-off."""


def _claim(session: Session, user_id: int, week: str, now: datetime) -> bool:
    """Insert the (user, week) row, or take over a stale ``sending`` one; False when another run has it."""
    try:
        with session.begin_nested():
            session.add(Digest(user_id=user_id, week=week, status="sending", claimed_at=now))
        session.commit()
        return True
    except IntegrityError:
        session.rollback()
    taken = session.execute(update(Digest).where(Digest.user_id == user_id, Digest.week == week, Digest.status == "sending",
                                                 Digest.claimed_at < now - STALE_CLAIM).values(claimed_at=now))
    session.commit()
    return taken.rowcount == 1


def _release(session: Session, user_id: int, week: str) -> None:
    """Remove the claim of a digest that was not sent, so the next run tries it again."""
    session.rollback()
    session.execute(delete(Digest).where(Digest.user_id == user_id, Digest.week == week))
    session.commit()


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
        if not _claim(session, user.id, week, now):
            result["already_sent"] += 1
            continue
        try:
            with translations.speaking(user.language):
                s = summary.weekly(session, user.id, week, now)
                opt_out = f"{smtp.public_url}/digest/unsubscribe?t={unsubscribe_token(secret_key, user.id)}"
                message = compose(s, user.email, smtp, opt_out, named(session, user.id, s, now), now)
        except Exception:  # noqa: BLE001 - one user's data must not stop everyone else's digest; logged with its traceback
            log.exception("digest for user %s, %s could not be built", user.id, week)
            _release(session, user.id, week)
            result["failed"].append({"user_id": user.id, "week": week, "error": "the digest could not be built (see the server log)"})
            continue
        try:
            deliver(message, smtp)
        except (OSError, smtplib.SMTPException) as exc:
            _release(session, user.id, week)
            log.warning("digest for user %s, %s not sent: %s", user.id, week, exc)
            result["failed"].append({"user_id": user.id, "week": week, "error": str(exc)[:200]})
            continue
        digest = session.scalar(select(Digest).where(Digest.user_id == user.id, Digest.week == week))
        digest.status, digest.sent_at = "sent", utcnow()
        session.commit()
        result["sent"] += 1
        log.info("digest for user %s, %s sent", user.id, week)
    return result
