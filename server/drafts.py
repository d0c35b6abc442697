"""Ready-to-send texts: the feedback-request email in the language of the rejection, its
``mailto:`` link, and links to search the main job boards for similar roles. Pure functions.

Every sentence is a whole message id of the catalogues (``server/translations``), one per
combination of what is known (company, role, stage), so no language ever gets a fragment glued
into a sentence that does not fit it ("the the role role")."""

import re
from urllib.parse import quote, quote_plus

from server.outbound_text import lines, one_line
from server.recipients import Recipient
from server.translations import N_, by_what_is_known, gettext_for

PROCESS_STAGES = ("interview", "assessment")
"""Stages after which there was a process to thank the employer for."""

REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|aw|antw|sv|vs|r|rif|réf|ref|wg|fw|fwd|tr)\s*:\s*)+", re.IGNORECASE)
"""Reply and forward prefixes a mail client puts before a subject, in the five languages and a few more."""


THANKS = (N_("Thank you for letting me know your decision on my application for {role} at {company}."),
          N_("Thank you for letting me know your decision on my application to {company}."),
          N_("Thank you for letting me know your decision on my application for {role}."),
          N_("Thank you for letting me know your decision on my application."))
"""The draft's first sentence, as ``by_what_is_known`` picks it."""


def _process(_, stage: str | None) -> str | None:
    if stage == "interview":
        return _("I appreciated the time you took to speak with me.")
    if stage == "assessment":
        return _("I appreciated the chance to take part in the assessment.")
    return None


def _ask(_, stage: str | None) -> str:
    if stage == "interview":
        return _("If you have a few minutes, I would be grateful for any feedback on my interview. "
                 "Even one or two points I could improve would help me a lot.")
    if stage == "assessment":
        return _("If you have a few minutes, I would be grateful for any feedback on my assessment. "
                 "Even one or two points I could improve would help me a lot.")
    return _("If you have a few minutes, I would be grateful for any feedback on my application. "
             "Even one or two points I could improve would help me a lot.")


def _subject(_, original: str | None, role: str | None) -> str:
    """``Re:`` and the rejection's own subject, so the reader knows which email this answers."""
    original = REPLY_PREFIX.sub("", " ".join((original or "").split()))
    if original:
        return f"Re: {original}"
    if role:
        return _("Feedback on my application for {role}").format(role=role)
    return _("Feedback on my application")


def _note(_, to: Recipient, company: str | None) -> str | None:
    """The line beside the draft that says where it goes when it is not a plain reply."""
    if to.source == "contact":
        return _("The email names {address} for questions, so the draft goes there.").format(address=to.address)
    if to.source == "none" and to.person:
        if company:
            return _("A reply to this email would not reach a person: send the draft to {person}, who signed it, "
                     "or to someone else at {company} you were in touch with.").format(person=to.person, company=company)
        return _("A reply to this email would not reach a person: send the draft to {person}, who signed it, "
                 "or to someone else at the employer you were in touch with.").format(person=to.person)
    if to.source == "none":
        if company:
            return _("A reply to this email would not reach a person: send the draft to someone at {company} "
                     "you were in touch with, or through the contact page of their website.").format(company=company)
        return _("A reply to this email would not reach a person: send the draft to someone at the employer "
                 "you were in touch with, or through the contact page of their website.")
    return None


def feedback_email(language: str | None, company: str | None, role: str | None, stage: str | None, to: Recipient,
                   original_subject: str | None = None, name: str | None = None, reader: str | None = None) -> dict:
    """A short, polite feedback request as plain text in ``language``, signed with ``name`` when the
    user gave one, with its recipient, the line saying where it goes (to the user: in ``reader``'s
    language, None: ``language``), and its ``mailto:`` link."""
    _ = gettext_for(language)
    stage = stage if stage in PROCESS_STAGES else None
    thanks = " ".join(s for s in (by_what_is_known(_, THANKS, company, role), _process(_, stage)) if s)
    close = _("Thank you again, and best regards,")
    sign_off = f"{close}\n{name.strip()}" if name and name.strip() else close
    body = "\n\n".join((_("Hello,"), thanks, _ask(_, stage), sign_off)) + "\n"
    subject = _subject(_, original_subject, role)
    note = _note(gettext_for(reader or language), to, company)
    return {"to": to.address, "to_source": to.source, "to_person": to.person, "note": note, "subject": subject, "body": body,
            "mailto": mailto(to.address, subject, body)}


def mailto(to: str, subject: str, body: str) -> str:
    """A ``mailto:`` URL (RFC 6068): recipient and subject on one line, the body's line breaks as CRLF and
    no other control character (``server.outbound_text``), everything percent-encoded."""
    to, subject, body = one_line(to), one_line(subject), lines(body).replace("\n", "\r\n")
    return f"mailto:{quote(to, safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


JOB_BOARDS = (
    ("LinkedIn", "https://www.linkedin.com/jobs/search/?keywords={q}"),
    ("Indeed", "https://www.indeed.com/jobs?q={q}"),
    ("Glassdoor", "https://www.glassdoor.com/Job/jobs.htm?sc.keyword={q}"),
)
"""Where "similar roles" searches go: the main international boards, searched by job title."""


def similar_roles(role: str) -> list[dict]:
    """A search for this job title on each board."""
    q = quote_plus(role)
    return [{"name": name, "url": url.format(q=q)} for name, url in JOB_BOARDS]
