"""Which kind of job email a message is, how sure, and why: a pure function of a parsed message.

Weighted rules (``worker.rules``) score each label on the new text of the message; a short
decision list then picks the label, with precision on rejections first: an interview
invitation or an offer beats rejection words in the same email, and rejection words in a
conditional sentence ("if you don't hear from us...") do not count at all.
"""

import math
import re
from dataclasses import dataclass

from worker.model import load as load_model
from worker.parse import ParsedMessage
from worker.prefilter import Haystack
from worker.rules import (
    _CONDITIONAL,
    _EARLIER,
    _NEGATION,
    _NOT_HELD,
    _RELAYED,
    _THEY_DECIDED,
    FLAG_PATTERNS,
    RULES,
    STAGE_RULES,
    Rule,
    fold,
)
from worker.senders import is_job_board

REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|aw|antw|sv|r|rif|fw|fwd|wg|tr|rv|doorst|enc|vs)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
"""Subject prefixes of replies and forwards: their subject repeats an earlier message's."""

_IF_SELECTED = re.compile(
    r"\b(?:if|should|once|when|in case) (?:you are|you're|your (?:application|profile|experience) (?:is|are)|you get|we decide|you have been|you've been|you were|selected) ?(?:selected|shortlisted|successful|chosen|invited|progressed|suitable|a match)?"
    r"|\bif (?:your|you|we) (?:\w+ ){0,4}(?:match|fit|meet|suitable|interested in (?:moving|progressing))|\bfalls (?:\w+ ){0,6}(?:passt|passen|interessant|infrage|uberzeugt)"
    r"|\bsi (?:votre|ton) (?:profil|candidature) (?:correspond|retient|est retenu)|\b(?:si|en caso de que|siempre que) (?:tu|su) (?:perfil|candidatura) (?:encaja|se ajust|es seleccionad|resulta|result|encaj|cumpl)|\bals (?:je|uw|jouw) (?:profiel|sollicitatie) (?:past|aansluit)|\b(?:als|indien|wanneer|zodra) (?:je|u|jij) (?:\w+ )?(?:geselecteerd|uitgekozen|door bent|doorgaat)"
    r"|\bif (?:we|you)(?:'d| would| decide to| want to| choose to| wish to)? (?:like to )?(?:move|moving|proceed|progress|take (?:it|things|your)|invite|go ahead)\b|\b(?:whether|either way|or not|of niet|ou non|o no|oder nicht)\b"
    r"|\b(?:who|anyone|everyone|whoever|someone) (?:is |are |will be |gets? |would be )?(?:invited|selected|shortlisted|progressed)\b|\bbefore (?:anyone|we invite|inviting)\b"
)
"""Sentences that describe what would happen if the user were chosen: not an invitation yet."""

_NOT_FOR_YOU = re.compile(
    r"feedback|ruckmeldung|retour|retroalimentacion|terugkoppeling|comentarios"
    r"|\b(?:other|andere|anderen|d'autres|otros|otras) (?:candidates|applicants|kandidaten|kandidat|bewerber|candidats|candidatos|candidatas|sollicitanten)"
    r"|\b(?:go|going|talk|walk) (?:you )?through (?:their|the|our|my|his|her|your) (?:\w+ )?(?:comments|notes|thoughts|reasoning|scores?|results?|decision)"
    r"|\b(?:other|andere|anderen|autres|otras|otros) (?:\w+ )?(?:briefs|roles|positions|opportunities|openings|vacancies|mandate|mandaten|stellen|postes|missions|vacatures|vacantes|oportunidades)\b"
)
"""Sentences where meeting words are not an invitation: a call offered to give feedback or to
go through the comments, other candidates invited to the next round, or a recruiter's call
about other roles after a no."""

_PERSONAL = re.compile(
    r"\b(?:your|ihre|deine|votre|ta|tu|su|je|jouw|uw) (?:\w+ )?(?:application|candidacy|bewerbung|candidature|candidatura|postulacion|solicitud|sollicitatie)\b"
)
"""A job board's mail about the user's own application (not its newsletter or alert)."""

_SENTENCE_END = re.compile(r"[.!?;\n]")

_JOB_CONTEXT = re.compile(
    r"\b(?:interview\w*|role|position|application|candidate|candidacy|recruit\w*|hiring|talent|careers?|jobs?|itinerary|cv|resume|round|panel"
    r"|stelle|bewerbung|kennenlernen|\w*gesprach\w*|poste|candidature|entretien|puesto|candidatura|entrevista|vacature|sollicitatie|functie|\w*gesprek\w*)\b"
)
"""Words of a hiring process: a meeting link or a time slot only hints at an interview in a
message that has one (not in a calendar invitation to a team's weekly sync)."""

_NEEDS_JOB_CONTEXT = frozenset({"video meeting details", "time slot given"})

HIRING_SIDE = "user interviews others"
"""The rule (label ``other``) that marks work mail about interviewing candidates: its meeting
words do not invite the user."""

IF_SELECTED = "invitation only if selected"
"""Evidence of an invitation promised for later ("if shortlisted, we will invite you to
interview"): a confirmation's wording, never a rejection's."""

OWN_STORY = "writer tells of their own rejection"
"""The rule (label ``other``) that marks a friend's news: not a rejection of the user,
whatever else the message says."""

MODEL_THRESHOLD = 0.99
"""How sure the model must be to call a rejection what the rules left as other or a
confirmation: naive Bayes is overconfident, so only near-certain calls are taken."""

MODEL_CONFIDENCE = 0.75
"""The highest confidence given to a rejection found by the model alone."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One rule that fired: what it found and how much it weighed."""

    label: str
    rule: str
    text: str
    weight: float

    def __str__(self) -> str:
        return f'{self.rule}: "{self.text}"'


@dataclass(frozen=True, slots=True)
class Classification:
    """A label with its confidence and evidence; for a rejection, its stage and flags."""

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


def is_reply(subject: str) -> bool:
    return bool(REPLY_PREFIX.match(subject))


def classify(msg: ParsedMessage) -> Classification:
    """Classify one parsed message. Pure and deterministic."""
    reply = is_reply(msg.subject)
    subject = "" if reply else fold(msg.subject)
    text = fold(msg.body) if not subject else f"{subject}\n{fold(msg.body)}"
    evidence = _evidence(text, subject)
    if any(e.rule in _NEEDS_JOB_CONTEXT for e in evidence) and not _JOB_CONTEXT.search(text):
        evidence = [e for e in evidence if e.rule not in _NEEDS_JOB_CONTEXT]
    evidence.extend(_sender_evidence(msg))
    scores = dict.fromkeys(("rejection", "application_confirmation", "interview_invitation", "offer", "job_alert", "recruiter_outreach", "other"), 0.0)
    for e in evidence:
        scores[e.label] += e.weight
    if any(e.rule == HIRING_SIDE for e in evidence):
        scores["interview_invitation"] = 0.0
    label = _decide(scores, evidence, msg, text)
    confidence = _confidence(label, scores)
    if _model_may_rescue(label, evidence):
        rescued = _model_rejection(text)
        if rescued:
            evidence.append(rescued)
            label, confidence = "rejection", min(confidence, MODEL_CONFIDENCE)
    if label != "rejection":
        return Classification(label, confidence, tuple(evidence))
    return Classification(
        label,
        confidence,
        tuple(evidence),
        stage=rejection_stage(text),
        keeps_on_file=_flag("on_file", text),
        offers_feedback=_flag("feedback", text),
    )


def _model_may_rescue(label: str, evidence: list[Evidence]) -> bool:
    """The model may only turn into a rejection what the rules left as other or a plain
    confirmation, and never a message with clear signs of an invitation, an offer, an alert
    or sourcing: calling those a rejection is the costly mistake."""
    if label not in ("other", "application_confirmation"):
        return False
    if any(e.rule in _NO_RESCUE for e in evidence):
        return False
    # Any sign of a meeting to come, however weak (a time of day, a slot, a link), blocks the
    # rescue: only "interview" named in passing does not, as rejections after one do that.
    if any(e.label == "interview_invitation" and e.rule != "interview mentioned" for e in evidence):
        return False
    return not any(e.label in _NEVER_RESCUED and e.weight >= 2 for e in evidence)


_SOFT_PROPOSALS = frozenset({"are you available", "meeting proposed"})
_JOB_CONTEXT = re.compile(
    r"\b(?:interview\w*|position|role|application|applied|candida\w*|recruit\w*|hiring|job|vacanc\w*|opportunit\w*|cv|resume|"
    r"talent|career\w*|bewerbung|stelle|gesprach|entretien|poste|entrevista|puesto|sollicit\w*|functie|gesprek|vacature)\b")
"""Words of the job search: without any, a soft proposal ("are you free on Friday?") is not an invitation."""
_NEVER_RESCUED = frozenset({"interview_invitation", "offer", "job_alert", "recruiter_outreach"})
_NO_RESCUE = frozenset({"application withdrawn", OWN_STORY, HIRING_SIDE, IF_SELECTED, "writer is the candidate"})


def _model_rejection(text: str) -> Evidence | None:
    """The model's second opinion: evidence for a rejection the rules did not recognise,
    given only when the model is near certain (see ``MODEL_THRESHOLD``)."""
    model = load_model()
    if model is None:
        return None
    p = model.probabilities(text).get("rejection", 0.0)
    return Evidence("rejection", "wording reads like a rejection (model)", f"p={p:.3f}", 0.0) if p >= MODEL_THRESHOLD else None


def _flag(name: str, text: str) -> bool:
    """Whether a rejection says it keeps the details / offers feedback (not "we cannot offer feedback")."""
    return any(not _NEGATION.search(text, max(0, m.start() - 40), m.start()) for m in FLAG_PATTERNS[name].finditer(text))


def _evidence(text: str, subject: str) -> list[Evidence]:
    found: list[Evidence] = []
    relayed = _RELAYED.search(text) is not None
    prepared = {False: Haystack(text), True: Haystack(subject)}
    for rule in RULES:
        haystack = subject if rule.subject_only else text
        if not haystack or (rule.prefilter and not rule.prefilter.may_match(prepared[rule.subject_only])):
            continue
        promised = None
        for match in rule.pattern.finditer(haystack):
            if _counts(rule, haystack, match, relayed):
                found.append(Evidence(rule.label, rule.name, match.group(0).strip(), rule.weight))
                break
            if promised is None and rule.label == "interview_invitation" and rule.weight >= 2 and _promised(_sentence(haystack, match.start(), match.end())):
                promised = match
        else:
            if promised is not None:
                found.append(Evidence("application_confirmation", IF_SELECTED, promised.group(0).strip(), 0))
    return found


def _promised(sentence: str) -> bool:
    """Whether a sentence promises the user a meeting should they be chosen ("if you are
    shortlisted, we will invite you"), not one that tells of others being invited."""
    found = _IF_SELECTED.search(sentence)
    return found is not None and _PROMISE_START.match(found.group(0)) is not None


_PROMISE_START = re.compile(r"(?:if|should|once|when|in case|si|als|falls|en caso|siempre|indien|wanneer|zodra)\b")


def _counts(rule: Rule, text: str, match: re.Match, relayed: bool = False) -> bool:
    """Whether a match is meant as said: not negated, not hypothetical, not quoted, not about an
    earlier application, not a third party's story (unless a recruiter is relaying the
    employer's answer)."""
    start = match.start()
    if rule.unconditional and text.count('"', text.rfind("\n", 0, start) + 1, start) % 2:
        return False
    if rule.negatable and _NEGATION.search(text, max(0, start - 40), start):
        return False
    if rule.unconditional or rule.label == "interview_invitation":
        sentence = _sentence(text, start, match.end())
        if rule.unconditional and (_CONDITIONAL.search(sentence) or _EARLIER.search(sentence) or (not relayed and _THEY_DECIDED.search(sentence))):
            return False
        if rule.label == "interview_invitation" and (_IF_SELECTED.search(sentence) or _NOT_FOR_YOU.search(_previous_sentence(text, start) + sentence)):
            return False
    return True


def _previous_sentence(text: str, start: int) -> str:
    """The sentence before the one a match is in: "I'd love to give you feedback. Are you free
    for a call?" offers a feedback call, not an interview."""
    left = max(text.rfind(c, 0, start) for c in ".!?;\n")
    if left <= 0:
        return ""
    before = max(text.rfind(c, 0, left) for c in ".!?;\n") + 1
    return text[before:left] + " "


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around a match (from the last sentence end before it to the next one)."""
    left = max(text.rfind(c, 0, start) for c in ".!?;\n") + 1
    right = _SENTENCE_END.search(text, end)
    return text[left : right.start() if right else len(text)].strip()


def _sender_evidence(msg: ParsedMessage) -> list[Evidence]:
    found = []
    if is_job_board(msg.sender_domain):
        found.append(Evidence("job_alert", "sender is a job board", msg.sender_domain, 2))
    if msg.is_bulk:
        found.append(Evidence("job_alert", "bulk mail headers", "List-Unsubscribe" if msg.list_unsubscribe else "List-Id/Precedence", 1))
    return found


_EXPLICIT_INVITATIONS = frozenset({
    "invitation to interview", "would like to meet", "schedule a call", "availability requested", "interview confirmed",
    "are you available", "interview rescheduled", "next round", "complete the assessment", "slots offered", "scheduling link",
    "de: Einladung", "de: Termin", "de: nächste Runde", "fr: invitation", "fr: disponibilités", "fr: étape suivante",
    "es: invitación", "es: disponibilidad", "es: siguiente fase", "nl: uitnodiging", "nl: beschikbaarheid", "nl: volgende ronde",
})
"""Invitation rules that ask the user to a next step in so many words. In an email that also
says no in so many words ("not this role, but would you interview for that one?") only
these make it an invitation: a subject naming the stage, a time or a meeting link in a
rejection do not."""


def _decide(scores: dict[str, float], evidence: list[Evidence], msg: ParsedMessage, text: str) -> str:
    rej, inv, off = scores["rejection"], scores["interview_invitation"], scores["offer"]
    conf, alert, out = scores["application_confirmation"], scores["job_alert"], scores["recruiter_outreach"]
    phrase_alert = sum(e.weight for e in evidence if e.label == "job_alert" and e.weight >= 2 and not e.rule.startswith("sender"))
    strong_rej = any(e.label == "rejection" and e.weight >= 3 for e in evidence)
    own_application = _PERSONAL.search(text[:1000]) is not None
    # A recruiter's "are you free for a quick call this week?" is how sourcing asks: such soft
    # proposals do not outweigh the signs of an unsolicited approach.
    firm_inv = inv - sum(e.weight for e in evidence if e.rule in _SOFT_PROPOSALS)
    sourcing = out >= 4 and out >= phrase_alert and out >= firm_inv and not own_application and rej < 3
    if phrase_alert >= 2 and alert >= 4 and conf < 4 and not sourcing and not ((strong_rej or conf >= 2) and own_application):
        return "job_alert"
    if any(e.rule == OWN_STORY for e in evidence):
        return "other"
    if off >= 3 and off >= rej:
        return "offer"
    if sourcing and off < 3:
        return "recruiter_outreach"
    explicit = sum(e.weight for e in evidence if e.rule in _EXPLICIT_INVITATIONS)
    proposal_only = firm_inv <= 0 and _JOB_CONTEXT.search(text) is None  # "are you free on Friday?" from a friend
    if inv >= 3 and (explicit >= 3 or not strong_rej) and not proposal_only:
        return "interview_invitation"
    withdrawn = any(e.rule == "application withdrawn" for e in evidence)
    if rej >= 3 and (rej >= conf or (strong_rej and not withdrawn)):
        return "rejection"
    if conf >= 2 and conf >= out:
        return "application_confirmation"
    if out >= 4 or (out >= 2 and not msg.is_bulk and conf == 0 and alert == 0):
        return "recruiter_outreach"
    if alert >= 4 and phrase_alert >= 2:
        return "job_alert"
    return "other"


def _confidence(label: str, scores: dict[str, float]) -> float:
    """A confidence in [0, 1]: grows with the label's score and its lead over the runner-up."""
    if label == "other":
        return round(max(0.5, 0.95 - 0.1 * max(scores.values())), 2)
    own = scores[label]
    runner_up = max((v for k, v in scores.items() if k != label), default=0.0)
    lead = max(0.0, own - runner_up)
    value = 0.5 + 0.3 * (1 - math.exp(-own / 4)) + 0.2 * (1 - math.exp(-lead / 3))
    return round(min(value, 0.99), 2)


def rejection_stage(text: str) -> str:
    """The stage a rejection came at, from the first clue in ``STAGE_RULES`` order that
    appears in the folded text (interview and assessment clues only when they took place:
    "not invited to interview" is an application-stage no, see ``_NOT_HELD``)."""
    for stage, pattern in STAGE_RULES:
        for match in pattern.finditer(text):
            if stage == "application" or not _NOT_HELD.search(text, max(0, match.start() - 40), match.start()):
                return stage
    return "unknown"
