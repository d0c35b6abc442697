"""The advice for one rejection: the strategies the policy picks (``server/strategies.py``)
from the email and the user's recent history, and the concrete next steps they offer, first
the feedback draft (``server/drafts.py``). The draft to the employer is in the email's language; what
is said to the user (the summary, strategies, reasons and step titles) is in ``reader``'s language when
a page or the digest gives one (``server.translations.current``), else the email's too (the API's card).

``build`` works for a stored message and for an email the extension shows that is not stored
yet (``for_email`` finds what the user has stored about it); the only I/O is reading the user's
own rows."""

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server import drafts, memory, recipients, strategies, translations
from server.models import POSSIBLE_REJECTION, Application, Message, User, utcnow
from server.pipeline import company_key, role_key
from server.schemas import parse_datetime
from server.translations import N_, by_what_is_known, gettext_for, language_of
from worker.contract import needs_check
from worker.extract import detect_language

ADVISED = frozenset({"rejection", POSSIBLE_REJECTION})
"""What a message must count as to get a card: a rejection (strategies) or a "Please check" email (the question)."""

RECENT_DAYS = 60
"""How far back "your recent rejections" look."""

FOLLOW_UP_DAYS = 7
"""An application with no answer for this many days is worth a follow-up (the default of ``days``)."""

WAITING = ("applied", "assessment")
"""Statuses in which the user is waiting for an answer they could follow up on."""


def _rejections(session: Session, user_id: int, since: datetime, until: datetime) -> list[tuple[datetime, str | None, int]]:
    label = Message.effective_label
    return list(session.execute(select(Message.date, Message.stage, Message.id).where(
        Message.user_id == user_id, label == "rejection", Message.date >= since, Message.date <= until)))


def search_weeks(session: Session, user_id: int, at: datetime) -> int:
    """Whole weeks since the user's first application (0 when there is none yet)."""
    first = session.scalar(select(func.min(Application.first_contact_at)).where(Application.user_id == user_id))
    return max(0, (at - first).days // 7) if first else 0


def context(session: Session, user_id: int, fields: dict, at: datetime, stored_id: int | None) -> strategies.Context:
    """The policy's view of this rejection: what the email said and the user's history up to ``at``."""
    recent = _rejections(session, user_id, at - timedelta(days=RECENT_DAYS), at)
    stages = [stage for _, stage, mid in recent if mid != stored_id] + [fields.get("stage")]
    last_5 = sum(1 for date, _, mid in recent if mid != stored_id and date >= at - timedelta(days=5)) + 1
    return strategies.Context(
        stage=fields.get("stage"), keeps_on_file=bool(fields.get("keeps_on_file")),
        offers_feedback=bool(fields.get("offers_feedback")), skill_area=fields.get("skill_area"),
        company=fields.get("company"), rejections_last_5_days=last_5, recent_rejections=len(stages),
        recent_application_stage=stages.count("application"), search_weeks=search_weeks(session, user_id, at))


def waiting_applications(session: Session, user_id: int, days: int, now: datetime) -> list[Application]:
    """Applications still waiting for an answer after ``days`` days, the longest-waiting first."""
    return list(session.scalars(select(Application).where(
        Application.user_id == user_id, Application.status.in_(WAITING),
        Application.last_contact_at <= now - timedelta(days=days)).order_by(Application.last_contact_at, Application.id)))


def email_language(fields: dict, text: str | None) -> str:
    """The language to advise in: the one the classifier found, else the one the text on screen is
    written in (an email the classifier did not take for job mail has none), else English."""
    found = fields.get("language")
    if not found and text:
        found = detect_language(f"{fields.get('subject') or ''}\n{text}")
    return language_of(found)


SUMMARIES: dict[str | None, tuple[str, str, str, str]] = {
    "interview": (N_("{company} said no to your application for {role} after the interview."),
                  N_("{company} said no to your application after the interview."),
                  N_("Your application for {role} was turned down after the interview."),
                  N_("Your application was turned down after the interview.")),
    "assessment": (N_("{company} said no to your application for {role} after the assessment."),
                   N_("{company} said no to your application after the assessment."),
                   N_("Your application for {role} was turned down after the assessment."),
                   N_("Your application was turned down after the assessment.")),
    "application": (N_("{company} said no to your application for {role} before any interview."),
                    N_("{company} said no to your application before any interview."),
                    N_("Your application for {role} was turned down before any interview."),
                    N_("Your application was turned down before any interview.")),
    None: (N_("{company} said no to your application for {role}."), N_("{company} said no to your application."),
           N_("Your application for {role} was turned down."), N_("Your application was turned down.")),
}
"""The one sentence of what happened, by stage (``None``: unknown), as ``by_what_is_known`` picks it."""


def summary(_, company: str | None, role: str | None, stage: str | None) -> str:
    """The one sentence of what happened: who said no, to which application, at which stage."""
    return by_what_is_known(_, SUMMARIES.get(stage, SUMMARIES[None]), company, role)


def _feedback_title(_, company: str | None) -> str:
    return _("Ask {company} for feedback").format(company=company) if company else _("Ask for feedback")


def _reflection_title(_, stage: str | None) -> str:
    if stage == "application":  # no process to look back on: the application itself
        return _("Note what you would keep and what you would change in this application")
    return _("Write down what went well and what to change")


def _thank_you(_, draft: dict, fields: dict) -> dict | None:
    """Two lines of thanks to the person who can read them; none when nobody would (a no-reply sender)."""
    if not draft["to"]:
        return None
    name = fields.get("from_name") if draft["to_source"] == "sender" else None
    who = " ".join((name or "").split()) or draft["to"]
    return {"kind": "network", "title": _("Send a short thank-you"), "to": draft["to"],
            "text": _("Write two lines to {who}: thanks for their time, and that you would be glad to stay in touch.").format(who=who)}


def _follow_up(_, draft: dict, application: Application | None) -> dict | None:
    """A reminder about THIS application's feedback request, when it went to someone who can answer."""
    if application is None or not draft["to"]:
        return None
    return {"kind": "follow_up", "title": _("Remind me in {days} days if no feedback came").format(days=FOLLOW_UP_DAYS),
            "application_id": application.id, "days": FOLLOW_UP_DAYS,
            "ics_url": f"/api/v1/applications/{application.id}/follow-up.ics?days={FOLLOW_UP_DAYS}"}


def _step(kind: str, _, fields: dict, draft: dict, application: Application | None) -> dict | None:
    role = fields.get("role") or (application.role if application else None)
    if kind == "reflection":
        return {"kind": kind, "title": _reflection_title(_, fields.get("stage")),
                "application_id": application.id if application else None}
    if kind == "similar_roles":
        if not role:
            return None
        return {"kind": kind, "title": _("Search for roles like {role}").format(role=role), "links": drafts.similar_roles(role)}
    if kind == "follow_up":
        return _follow_up(_, draft, application)
    if kind == "network":
        return _thank_you(_, draft, fields)
    raise ValueError(f"unknown next step {kind!r}")


def build(session: Session, user_id: int, fields: dict, message: Message | None, application: Application | None,
          now: datetime | None = None, reason: str | None = None, text: str | None = None, reader: str | None = None) -> dict:
    """The advice for a rejection described by ``fields`` (a message's values), stored as ``message`` or not:
    the draft in the email's language, the rest in ``reader``'s (None: the email's). ``text`` is the email's
    body when the page still shows it (a contact address it names can then receive the feedback request)."""
    now = now or utcnow()
    at = min(fields.get("date") or now, now)
    language = email_language(fields, text)
    reader = language_of(reader) if reader else language
    _ = gettext_for(reader)
    chosen = strategies.for_rejection(context(session, user_id, fields, at, message.id if message else None), reader)
    company, role, stage = fields.get("company"), fields.get("role") or (application.role if application else None), fields.get("stage")
    name, own = session.execute(select(User.display_name, User.email).where(User.id == user_id)).one()
    draft = drafts.feedback_email(language, company, role, stage, recipients.recipient(fields.get("from_address"), text, own),
                                  fields.get("subject"), name, reader)
    steps = [{"kind": "feedback_email", "title": _feedback_title(_, company), **draft}]
    kinds: list[str] = []
    for choice in chosen:
        kinds += [k for k in choice.strategy.next_steps if k not in kinds and k != "feedback_email"]
    steps += [s for s in (_step(k, _, fields, draft, application) for k in kinds) if s]
    steps.append({"kind": "not_a_rejection", "title": _("Not a rejection"), "message_id": message.id if message else None})
    if application is not None:
        steps.append({"kind": "open_application", "title": _("Open the application"), "url": f"/applications/{application.id}"})
    return {
        "message_id": message.id if message else None,
        "application_id": application.id if application else None,
        "company": company, "role": role, "stage": stage, "language": language,
        "summary": summary(_, company, role, stage),
        "strategies": [c.to_dict() for c in chosen],
        "next_steps": steps,
        "check": False,
        "needs_name": not name,
        "reason": reason or (memory.reason(message) if message else None),
    }


CHECK_SUMMARY = N_("Please check: is this a rejection?")
"""What the card and the pages say about a "Please check" email: a neutral question, never "X said no"."""


def check_question(company: str | None, from_name: str | None = None, language: str | None = None) -> str:
    """The one-line question for a "Please check" email, in ``language`` (None: the reader's, ``current``)."""
    _ = gettext_for(language or translations.current())
    who = company or from_name
    return _("Is this email from {who} a rejection?").format(who=who) if who else _("Is this email a rejection?")


def for_check(fields: dict, message: Message | None, application: Application | None, reader: str | None = None) -> dict:
    """What the card shows for a "Please check" email: the neutral question and its two one-click
    answers instead of strategies (it is not counted as a rejection until the user says yes), in
    ``reader``'s language (None: the email's)."""
    mid = message.id if message else None
    language = language_of(fields.get("language"))
    reader = language_of(reader) if reader else language
    _ = gettext_for(reader)
    return {
        "message_id": mid, "application_id": application.id if application else None,
        "company": fields.get("company"), "role": fields.get("role"), "stage": fields.get("stage"),
        "language": language,
        "summary": _(CHECK_SUMMARY), "question": check_question(fields.get("company"), fields.get("from_name"), reader),
        "strategies": [],
        "next_steps": [{"kind": "check_yes", "title": _("Yes, it is a rejection"), "message_id": mid},
                       {"kind": "check_no", "title": _("No, it is not"), "message_id": mid}],
        "check": True, "reason": None,
    }


def message_fields(message: Message) -> dict:
    """A stored message's values as ``build`` reads them."""
    return {f: getattr(message, f) for f in ("stage", "keeps_on_file", "offers_feedback", "skill_area", "company", "role",
                                              "language", "from_name", "from_address", "subject", "date")}


def for_message(session: Session, user_id: int, message: Message, now: datetime | None = None, text: str | None = None,
                reader: str | None = None) -> dict:
    """The advice for one of the user's stored rejections (``text``: its body, when the page shows it);
    for one still to be checked, the question (``for_check``). ``reader``: the language of a page or the
    digest (``server.translations.current``); None keeps the email's, as the API's card does."""
    if message.effective_label == POSSIBLE_REJECTION:
        return for_check(message_fields(message), message, application_for(session, user_id, message, message_fields(message)), reader)
    application = session.get(Application, message.application_id) if message.application_id else None
    return build(session, user_id, message_fields(message), message, application, now, text=text, reader=reader)


def stored_message(session: Session, user_id: int, data: dict) -> Message | None:
    """The user's stored message for the email on screen (a ``CLASSIFY`` body): by Message-ID, else by sender and subject."""
    if data.get("message_id"):
        found = session.scalar(select(Message).where(Message.user_id == user_id, Message.message_id == data["message_id"]))
        if found is not None:
            return found
    if not data.get("from_address") or not data.get("subject"):
        return None
    return session.scalar(select(Message).where(
        Message.user_id == user_id, func.lower(Message.from_address) == data["from_address"].strip().lower(),
        Message.subject == " ".join(data["subject"].split())).order_by(Message.date.desc(), Message.id.desc()).limit(1))


def application_for(session: Session, user_id: int, message: Message | None, record: dict) -> Application | None:
    """The application an email belongs to: its stored message's, else the latest with this employer (and role)."""
    if message is not None and message.application_id:
        return session.get(Application, message.application_id)
    key = company_key(record.get("company"))
    if key is None:
        return None
    candidates = session.scalars(select(Application).where(Application.user_id == user_id, Application.company_key == key)
                                 .order_by(Application.last_contact_at.desc(), Application.id.desc())).all()
    role = role_key(record.get("role"))
    same_role = [a for a in candidates if role and a.role_key == role]
    return (same_role or candidates or [None])[0]


def for_email(session: Session, user_id: int, data: dict, record: dict, message: Message | None,
              application: Application | None) -> dict | None:
    """The advice for a rejection open in webmail (a ``CLASSIFY`` body and the classifier's ``record``):
    the stored message's when there is one, else built from what the page shows. An unsure rejection
    takes the user's earlier answer for its sender (None when that was "not a rejection"), else is a question."""
    text = data.get("text")
    if message is not None:
        return for_message(session, user_id, message, text=text)
    fields = {**record, "date": parse_datetime(data["date"]) if data.get("date") else utcnow(),
              "from_address": data.get("from_address"), "from_name": data.get("from_name"), "subject": data.get("subject")}
    if needs_check(record.get("label", ""), float(record.get("confidence") or 0)):
        known = memory.recall(session, user_id, data.get("from_address"), company_key(record.get("company")))
        if known is None:
            return for_check(fields, None, application)
        if known.label != "rejection":
            return None
        return build(session, user_id, fields, None, application,
                     reason=memory.from_memory(data.get("from_address"), known.label, known.answered_at), text=text)
    return build(session, user_id, fields, None, application, text=text)
