"""The literal prefilter: it may only skip a regex that cannot match."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worker.classify.rules import RULES
from worker.prefilter import Haystack, required_literals


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bunfortunately\b", ("\x01unfortunately",)),
        (r"\b(?:regret|sorry) to (?:inform|tell)", ("\x01regret", "\x01sorry")),
        (r"\bnot (?:selected|shortlisted)|\bposition filled", ("\x01position filled", "elected", "hortlisted")),
        (r"^dear ", ("\x01dear ",)),
        (r"\b(?:ab|cd) x", None),
        (r"(?i:unfortunately)", None),
        (r"\w+ team", (" team",)),
    ],
)
def test_required_literals(pattern, literals):
    """Each match must contain one of the literals; None when no useful literal exists."""
    assert required_literals(re.compile(pattern)) == literals


WORDS = ["dear", "unfortunately", "we've", "n't", "won't", "aren't", "décidé", "l'entretien", "d'autres", "x_y", "we", "regret", "to", "inform", "you", "not", "selected", "leider", "helaas", "position",
         "has", "been", "filled", "invite", "interview", "your", "application", "moving", "forward", "with", "other", "candidates"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join))
def test_prefilter_never_skips_a_matching_rule(text):
    """For every rule, whenever its regex matches, the prefilter lets it run."""
    hay = Haystack(text)
    for rule in RULES:
        if rule.pattern.search(text):
            assert rule.prefilter is None or rule.prefilter.may_match(hay), rule.name


def test_prefilter_never_skips_a_rule_that_fires_on_the_corpus():
    """On every corpus email, each rule whose regex matches passes the prefilter."""
    from pathlib import Path

    from worker.parse import parse_message
    from worker.text import fold

    for path in sorted(Path(__file__).parent.parent.glob("corpus/*/*/*.eml")):
        p = parse_message(path.read_bytes())
        text = fold(f"{p.subject}\n{p.body}")
        hay = Haystack(text)
        missed = [r.name for r in RULES if r.pattern.search(text) and r.prefilter and not r.prefilter.may_match(hay)]
        assert not missed, (path.name, missed)


@pytest.mark.parametrize(
    ("pattern", "one_line"),
    [(r"\bnot (?:selected|shortlisted)\b", True), (r"\bwe [^.!?\n]{0,30} you", True), (r"\bwe\s+regret", False),
     (r"[^.]{0,9}x", False), (r"^dear\b", True), (r"end$", False), (r"(?i:dear)", False), (r"\W?(?:no|not now)", False)],
)
def test_single_line(pattern, one_line):
    """A pattern is single-line only when no match can hold a line end or depend on what follows it."""
    from worker.prefilter import single_line

    assert single_line(re.compile(pattern)) is one_line


def test_windowed_matches_are_the_full_texts_matches():
    """On every corpus email, a single-line rule run on the lines holding its literals finds exactly what it finds on the whole text."""
    from pathlib import Path

    from worker.classify.evidence import _LINED
    from worker.parse import parse_message
    from worker.text import fold

    for path in sorted(Path(__file__).parent.parent.glob("corpus/*/*/*.eml")):
        p = parse_message(path.read_bytes())
        text = fold(f"{p.subject}\n{p.body}")
        hay = Haystack(text)
        for rule, lined in zip(RULES, _LINED, strict=True):
            if lined and rule.prefilter.may_match(hay):
                windowed = [(m.span(), m.group(0)) for m in rule.prefilter.finditer(rule.pattern, hay)]
                assert windowed == [(m.span(), m.group(0)) for m in rule.pattern.finditer(text)], (path.name, rule.name)
