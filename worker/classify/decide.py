"""The decision: from the evidence to one label, its confidence and, for a rejection, its stage.

A short decision list picks the label, precision on rejections first: an interview invitation
or an offer beats rejection words in the same email, rejection words about something other
than a job do not make a rejection, and a rejection is only sure (``worker.contract.SURE``)
when a phrase that decides on its own says the employer declined, with nothing against it.
"""

import math
import re
from dataclasses import dataclass

from worker.classify import guards, model, names
from worker.classify.evidence import Evidence, flag, sender_evidence, text_evidence
from worker.classify.gate import text_verdict
from worker.classify.scope import (
    EMPLOYMENT_WORDS,
    JOB_WORDS,
    NOT_A_JOB,
    confirms_an_application,
    declines_a_job,
    health_appointment,
    word_counts,
)
from worker.classify.stage import rejection_stage
from worker.contract import LABELS
from worker.parse import ParsedMessage
from worker.text import fold, is_reply

SOFT_PROPOSALS = frozenset({names.ARE_YOU_AVAILABLE, names.MEETING_PROPOSED})
"""Invitation rules a recruiter's sourcing uses too ("are you free for a quick call?")."""

EXPLICIT_INVITATIONS = frozenset({
    names.INVITATION_TO_INTERVIEW, names.WOULD_LIKE_TO_MEET, names.SCHEDULE_A_CALL, names.AVAILABILITY_REQUESTED,
    names.INTERVIEW_CONFIRMED, names.ARE_YOU_AVAILABLE, names.INTERVIEW_RESCHEDULED, names.NEXT_ROUND,
    names.COMPLETE_THE_ASSESSMENT, names.SLOTS_OFFERED, names.SCHEDULING_LINK, names.DE_INVITATION, names.DE_APPOINTMENT,
    names.DE_NEXT_ROUND, names.FR_INVITATION, names.FR_AVAILABILITY, names.FR_NEXT_STEP, names.ES_INVITATION,
    names.ES_AVAILABILITY, names.ES_NEXT_STEP, names.NL_INVITATION, names.NL_AVAILABILITY, names.NL_NEXT_ROUND,
})
"""Invitation rules that ask the user to a next step in so many words. In an email that also
says no in so many words ("not this role, but would you interview for that one?") only
these make it an invitation: a subject naming the stage, a time or a meeting link in a
rejection do not."""

PENDING = frozenset({names.APPLICATION_RECEIVED, names.WE_WILL_REVIEW, names.STILL_REVIEWING, names.BE_IN_TOUCH,
                     names.IF_SELECTED, names.WRITER_IS_CANDIDATE, names.APPLICATION_WITHDRAWN,
                     names.CANDIDATE_DECLINES})
"""Evidence that the application is still open or that the user is writing: a rejection with
any of it is only "Please check"."""

UNRECOGNISED = 0.6
"""Confidence of ``other`` when no rule recognised the message: job mail the rules do not know
looks the same, so it is no sure ``other``."""

SURE_REJECTION = 0.95
"""Confidence of a rejection said in a phrase that decides on its own, about a job, in a
message that neither invites, confirms, nor offers."""

CHECK_REJECTION = 0.7
"""Confidence of any other rejection: the "Please check" tier (``worker.contract.needs_check``)."""

SETTLED = 0.97
"""Confidence of everyday mail settled by the gate (a list, a report, a notification, no job word)."""


@dataclass(frozen=True, slots=True)
class Classification:
    """A label with its confidence and evidence; for a rejection or an invitation, its stage; for a rejection, its flags."""

    label: str
    confidence: float
    evidence: tuple[Evidence, ...]
    stage: str | None = None
    keeps_on_file: bool = False
    offers_feedback: bool = False

    @property
    def reasons(self) -> list[str]:
        """The evidence for the chosen label first, then the rest, as short sentences."""
        first = [e for e in self.evidence if e.label == self.label]
        rest = [e for e in self.evidence if e.label != self.label]
        return [str(e) for e in first + rest]


ADDRESSED = re.compile(r"\b(?:you|your|yours|ihre?[mnrs]?|deine?[mnrs]?|dich|dir|du|sie|vous|votre|vos|ta|tes|ton|tu|te|su|sus|usted|tus|je|jouw|jij|uw|u)\b")
"""Words that address the reader: a confirmation of the user's application always has one; a
policy or process note about candidates in general (label ``other``) need not."""

SOFT_BREAK = re.compile(r"(?<=[a-z\u00df-\u00ff,])[ \t]*\n(?=[a-z\u00df-\u00ff])")
"""A line break inside a sentence (hard-wrapped plain text): a lower-case letter or a comma
before it, a lower-case letter after."""

SOFT_BREAK_HTML = re.compile(r"(?<=[a-z\u00df-\u00ff,])[ \t]*\n(?:[ \t]*\n)?(?=[a-z\u00df-\u00ff])")
"""The same in a body converted from HTML, where a ``<br>`` in the middle of a sentence
becomes an empty line."""


def unwrap(body: str, html: bool = False) -> str:
    """A body (before folding, so that case still tells a new sentence) with line breaks inside
    sentences made spaces: phrases and the sentence guards then see a sentence whole however
    its lines were broken."""
    return (SOFT_BREAK_HTML if html else SOFT_BREAK).sub(" ", body) if "\n" in body else body


def settled(reason: str, shown: str) -> Classification:
    """Everyday mail the gate settled: ``other``, with what showed it as the evidence."""
    return Classification("other", SETTLED, (Evidence("other", reason, shown, 0),))


def classify(msg: ParsedMessage) -> Classification:
    """Classify one parsed message. Pure and deterministic."""
    everyday = text_verdict(fold(f"{msg.subject}\n{msg.body}"))
    if everyday:
        return settled(*everyday)
    subject = "" if is_reply(msg.subject) else fold(msg.subject)
    body = fold(unwrap(msg.body, msg.body_was_html))
    text = body if not subject else f"{subject}\n{body}"
    evidence = text_evidence(text, subject)
    evidence.extend(sender_evidence(msg))
    scores = dict.fromkeys(LABELS, 0.0)
    for e in evidence:
        scores[e.label] += e.weight
    if any(e.rule == names.HIRING_SIDE for e in evidence):
        scores["interview_invitation"] = 0.0
    label = _decide(scores, evidence, msg, text)
    if label == "rejection" and any(e.rule == names.CANDIDATE_DECLINES for e in evidence):
        label = "other"
    if label == "rejection" and not declines_a_job(text):
        evidence.append(Evidence("other", names.NOT_A_JOB, "", 0))
        label = "other"
    if label == "application_confirmation" and (_names_nothing_but_other_things(text) or ADDRESSED.search(text) is None
                                                 or not confirms_an_application(text, _generic_receipt(evidence))):
        evidence.append(Evidence("other", names.NOT_A_JOB, "", 0))
        label = "other"
    if label == "interview_invitation" and health_appointment(text):
        evidence.append(Evidence("other", names.HEALTH_APPOINTMENT, "", 0))
        label = "other"
    # --- the statistical second opinion (worker.classify.model): only for `other` with no evidence against a job;
    # it never proposes a rejection. The gate's mail never gets here.
    if label == "other" and not any(e.label == "other" for e in evidence):
        opinion = model.second_opinion(subject, body, msg.from_address)
        if opinion is not None:
            evidence.append(opinion[0])
            stage = _invitation_stage(evidence) if opinion[0].label == "interview_invitation" else None
            return Classification(opinion[0].label, opinion[1], tuple(evidence), stage=stage)
    # --- end of the second opinion
    if label == "interview_invitation":
        return Classification(label, _confidence(label, scores), tuple(evidence), stage=_invitation_stage(evidence))
    if label != "rejection":
        return Classification(label, _confidence(label, scores), tuple(evidence))
    return Classification(
        label,
        _rejection_confidence(scores, evidence, text),
        tuple(evidence),
        stage=rejection_stage(text),
        keeps_on_file=flag("on_file", text),
        offers_feedback=flag("feedback", text),
    )


GENERIC_RECEIPTS = frozenset({names.THANKS_FOR_APPLYING, names.BE_IN_TOUCH, names.WE_WILL_REVIEW, names.STILL_REVIEWING})
"""Confirmation rules whose words any receipt has (a quote request, a talk proposal): alone, they
only confirm a job application in a message that names one."""


def _generic_receipt(evidence: list[Evidence]) -> bool:
    """Whether only ``GENERIC_RECEIPTS`` speak for a confirmation."""
    return all(e.rule in GENERIC_RECEIPTS for e in evidence if e.label == "application_confirmation" and e.weight > 0)


ASSESSMENT_INVITATIONS = frozenset({names.COMPLETE_THE_ASSESSMENT, names.ASSESSMENT_TO_TAKE})
"""Invitation rules that ask for a test, an exercise or an assignment rather than a conversation."""


def _invitation_stage(evidence: list[Evidence]) -> str:
    """``assessment`` when the invitation is mostly to a test to take (the server then moves the
    application to Assessment, not Interviewing), else ``interview``."""
    inviting = [e for e in evidence if e.label == "interview_invitation"]
    test = sum(e.weight for e in inviting if e.rule in ASSESSMENT_INVITATIONS)
    return "assessment" if test > 0 and test >= sum(e.weight for e in inviting) - test else "interview"


def _names_nothing_but_other_things(text: str) -> bool:
    """Whether a text names no job at all but something else that is applied for (a talk, a
    grant, a place on a course): then its "thanks for submitting" confirms no application."""
    return JOB_WORDS.search(text) is None and NOT_A_JOB.search(text) is not None


def _decide(scores: dict[str, float], evidence: list[Evidence], msg: ParsedMessage, text: str) -> str:
    rej, inv, off = scores["rejection"], scores["interview_invitation"], scores["offer"]
    conf, alert, out = scores["application_confirmation"], scores["job_alert"], scores["recruiter_outreach"]
    phrase_alert = sum(e.weight for e in evidence if e.label == "job_alert" and e.weight >= 2 and e.rule != names.JOB_BOARD_SENDER)
    strong_rej = any(e.label == "rejection" and e.weight >= 3 for e in evidence)
    # A no said in a phrase (weight 2 or more) beside meeting words is an invitation only when a
    # next step is offered in so many words (``EXPLICIT_INVITATIONS``); else it is asked as a rejection.
    said_no = any(e.label == "rejection" and e.weight >= 2 for e in evidence)
    own_application = guards.OWN_APPLICATION.search(text[:1000]) is not None
    # A recruiter's "are you free for a quick call this week?" is how sourcing asks: such soft
    # proposals do not outweigh the signs of an unsolicited approach.
    firm_inv = inv - sum(e.weight for e in evidence if e.rule in SOFT_PROPOSALS)
    sourcing = out >= 4 and out >= phrase_alert and out >= firm_inv and not own_application and rej < 3
    if phrase_alert >= 2 and alert >= 4 and conf < 4 and not sourcing and not ((strong_rej or conf >= 2) and own_application):
        return "job_alert"
    if any(e.rule == names.OWN_STORY for e in evidence):
        return "other"
    if off >= 3 and off >= rej:
        return "offer"
    if sourcing and off < 3:
        return "recruiter_outreach"
    explicit = sum(e.weight for e in evidence if e.rule in EXPLICIT_INVITATIONS)
    proposal_only = firm_inv <= 0 and guards.JOB_SEARCH_WORDS.search(text) is None  # "are you free on Friday?" from a friend
    if inv >= 3 and (explicit >= 3 or not said_no) and not proposal_only:
        return "interview_invitation"
    withdrawn = any(e.rule == names.APPLICATION_WITHDRAWN for e in evidence)
    if rej >= 3 and (rej >= conf or (strong_rej and not withdrawn)):
        return "rejection"
    if conf >= 2 and conf >= out:
        return "application_confirmation"
    if out >= 4 or (out >= 2 and not msg.is_bulk and conf == 0 and alert == 0):
        return "recruiter_outreach"
    if alert >= 4 and phrase_alert >= 2:
        return "job_alert"
    # Some words of a no in job mail that nothing else explains: too weak to tell, so the user is
    # asked (a rejection below SURE is only listed under "Please check"), not left with ``other``.
    if rej >= 1 and guards.JOB_SEARCH_WORDS.search(text) is not None:
        return "rejection"
    return "other"


def _rejection_confidence(scores: dict[str, float], evidence: list[Evidence], text: str) -> float:
    """``SURE_REJECTION`` only when the evidence is decisive on every count: a deciding phrase
    says no, the message speaks of a job or of the user's application, it names nothing else
    that gets declined (a course, a talk, an order, leave: see ``worker.classify.scope``) more
than a third as often as a job, and
    nothing in it pulls another way (an invitation, an offer, a confirmation's promise, the
    user writing). Otherwise ``CHECK_REJECTION``: the user confirms it."""
    strong = any(e.label == "rejection" and e.weight >= 3 for e in evidence)
    against = (scores["interview_invitation"] >= 2 or scores["offer"] >= 2 or scores["recruiter_outreach"] >= 2
               or any(e.rule in PENDING for e in evidence))
    job_words, other_words = word_counts(text)
    about_a_job = job_words > 2 * other_words and (EMPLOYMENT_WORDS.search(text) is not None
                                                  or (other_words == 0 and guards.OWN_APPLICATION.search(text) is not None))
    return SURE_REJECTION if strong and not against and about_a_job else CHECK_REJECTION


def _confidence(label: str, scores: dict[str, float]) -> float:
    """A confidence in [0, 1]: grows with the label's score and its lead over the runner-up
    (``UNRECOGNISED`` for ``other``, which the rules only reach by finding nothing else)."""
    if label == "other":
        return UNRECOGNISED
    own = scores[label]
    runner_up = max((v for k, v in scores.items() if k != label), default=0.0)
    lead = max(0.0, own - runner_up)
    value = 0.5 + 0.3 * (1 - math.exp(-own / 4)) + 0.2 * (1 - math.exp(-lead / 3))
    return round(min(value, 0.99), 2)
