"""Which rules fire on a text, each as evidence: the rule, its label, its words and weight.

A match only counts when it is meant as said (see ``worker.classify.guards``): not negated,
not in a conditional or capacity sentence, not quoted, not about an earlier application, not
a third party's story, and, for meeting words, not someone else's next round.
"""

import re
from dataclasses import dataclass

from worker.classify import guards, names
from worker.classify.rules import FLAG_PATTERNS, RULES, Rule
from worker.parse import ParsedMessage
from worker.prefilter import Alternatives, Haystack, haystack
from worker.senders import is_job_board

_SENTENCE_END = re.compile(r"[.!?;\n]")

_BODY = Alternatives((rule.pattern for rule in RULES if not rule.subject_only), distribute=False)
_SUBJECT = Alternatives(rule.pattern for rule in RULES if rule.subject_only)


_FLAGS = Alternatives(FLAG_PATTERNS.values())
_FLAG_INDEX = {name: i for i, name in enumerate(FLAG_PATTERNS)}


def _plan() -> tuple[tuple[Rule, bool, int], ...]:
    """(rule, subject only, its index among the body or the subject patterns), in rule order."""
    counts = {False: 0, True: 0}
    plan = []
    for rule in RULES:
        plan.append((rule, rule.subject_only, counts[rule.subject_only]))
        counts[rule.subject_only] += 1
    return tuple(plan)


_PLAN = _plan()
"""Every rule's pattern is run as its alternatives, each only where its literals are, a
single-line one only on the lines holding them (``worker.prefilter``): the same matches, far
fewer tried."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One rule that fired: what it found and how much it weighed."""

    label: str
    rule: str
    text: str
    weight: float

    def __str__(self) -> str:
        return f'{self.rule}: "{self.text}"'


def text_evidence(text: str, subject: str) -> list[Evidence]:
    """Evidence of every rule that counts on a folded text (and, for subject rules, its subject)."""
    found: list[Evidence] = []
    relayed_once: list[bool] = []

    def relayed() -> bool:
        """Whether a recruiter relays the employer's answer: read only when a sentence needs it."""
        if not relayed_once:
            relayed_once.append(guards.RELAYED.search(text) is not None)
        return relayed_once[0]

    body_hay = haystack(text)
    subject_hay = Haystack(subject) if subject else None
    runs = {False: _BODY.runs(body_hay) if text else {}, True: _SUBJECT.runs(subject_hay) if subject_hay else {}}
    for rule, on_subject, index in _PLAN:
        run = runs[on_subject].get(index)
        if run is None:
            continue
        searched = subject if on_subject else text
        promised = None
        for match in Alternatives.finditer(run, searched):
            if _counts(rule, searched, match, relayed):
                found.append(Evidence(rule.label, rule.name, match.group(0).strip(), rule.weight))
                break
            if promised is None and rule.label == "interview_invitation" and rule.weight >= 2 and _promised(_sentence(searched, match.start(), match.end())):
                promised = match
        else:
            if promised is not None:
                found.append(Evidence("application_confirmation", names.IF_SELECTED, promised.group(0).strip(), 0))
    if any(e.rule in (names.VIDEO_MEETING, names.TIME_SLOT) for e in found) and not guards.MEETING_CONTEXT.search(text):
        found = [e for e in found if e.rule not in (names.VIDEO_MEETING, names.TIME_SLOT)]
    return found


def sender_evidence(msg: ParsedMessage) -> list[Evidence]:
    """Evidence from who sent the message and how: a job board, bulk-mail headers."""
    found = []
    if is_job_board(msg.sender_domain):
        found.append(Evidence("job_alert", names.JOB_BOARD_SENDER, msg.sender_domain, 2))
    if msg.is_bulk:
        found.append(Evidence("job_alert", names.BULK_HEADERS, "List-Unsubscribe" if msg.list_unsubscribe else "List-Id/Precedence", 1))
    return found


def flag(name: str, text: str) -> bool:
    """Whether a rejection says it keeps the details / offers feedback (not "we cannot offer feedback")."""
    matches = _FLAGS.finditer_in(_FLAG_INDEX[name], text)
    return any(not guards.NEGATION.search(text, max(0, m.start() - 40), m.start()) for m in matches)


def _promised(sentence: str) -> bool:
    """Whether a sentence promises the user a meeting should they be chosen ("if you are
    shortlisted, we will invite you"), not one that tells of others being invited."""
    found = guards.IF_SELECTED.search(sentence)
    return found is not None and guards.PROMISE_START.match(found.group(0)) is not None


def _not_relayed() -> bool:
    return False


def _counts(rule: Rule, text: str, match: re.Match, relayed=_not_relayed) -> bool:
    """Whether a match is meant as said: not negated, not hypothetical, not quoted, not about an
    earlier application, not a third party's story (unless a recruiter is relaying the
    employer's answer)."""
    start = match.start()
    if rule.unconditional and text.count('"', text.rfind("\n", 0, start) + 1, start) % 2:
        return False
    if rule.negatable and guards.NEGATION.search(text, max(0, start - 40), start):
        return False
    if rule.unconditional or rule.label == "interview_invitation":
        sentence = _sentence(text, start, match.end())
        if rule.unconditional and (guards.CONDITIONAL.search(sentence) or guards.EARLIER.search(sentence)
                                   or (not relayed() and guards.THEY_DECIDED.search(sentence))):
            return False
        if rule.label == "interview_invitation" and (guards.IF_SELECTED.search(sentence)
                                                     or guards.NOT_FOR_YOU.search(_previous_sentence(text, start) + sentence)):
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
