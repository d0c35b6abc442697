"""The literal prefilter: it may only skip a regex that cannot match."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worker.prefilter import Haystack, required_literals
from worker.rules import RULES


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
    from worker.rules import fold

    for path in sorted(Path(__file__).parent.glob("corpus/*/*/*.eml")):
        p = parse_message(path.read_bytes())
        text = fold(f"{p.subject}\n{p.body}")
        hay = Haystack(text)
        missed = [r.name for r in RULES if r.pattern.search(text) and r.prefilter and not r.prefilter.may_match(hay)]
        assert not missed, (path.name, missed)
