"""The literal prefilter: it may only skip a regex that cannot match."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worker.classify.rules import RULES
from worker.prefilter import Guarded, Haystack, required_literals


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


def _texts():
    """The folded text of every corpus email and, when ``../shared`` is there, of the real mail."""
    from pathlib import Path

    from worker.evaluate import everyday_messages, load_realmail, shared_folder
    from worker.parse import parse_message
    from worker.text import fold

    raws = [path.read_bytes() for path in sorted(Path(__file__).parent.parent.glob("corpus/*/*/*.eml"))]
    shared = shared_folder(Path(__file__))
    raws += [e.path.read_bytes() for e in load_realmail(shared / "realmail")]
    archive = shared / "mail" / "real-ordinary.tar.gz"
    if archive.is_file():
        raws += [raw for _, raw in everyday_messages(archive)]
    for raw in raws:
        p = parse_message(raw)
        yield fold(f"{p.subject}\n{p.body}")


def _spans(matches):
    return [(m.span(), m.group(0)) for m in matches]


def test_alternatives_find_exactly_the_whole_patterns_matches():
    """On every corpus and real email, each rule run as its alternatives (only those whose literals
    the text holds, single-line ones only on the lines holding them) finds exactly the matches,
    in the same order, that its whole pattern finds on the whole text."""
    from worker.classify.rules import FLAG_PATTERNS
    from worker.classify.stage import STAGE_RULES
    from worker.prefilter import Alternatives

    patterns = [rule.pattern for rule in RULES] + [p for _, p in STAGE_RULES] + list(FLAG_PATTERNS.values())
    both = [Alternatives(patterns), Alternatives(patterns, distribute=False)]
    for text in _texts():
        for alternatives in both:
            runs = alternatives.runs(Haystack(text))
            for index, pattern in enumerate(patterns):
                found = _spans(Alternatives.finditer(runs[index], text)) if index in runs else []
                assert found == _spans(pattern.finditer(text)), (text[:80], pattern.pattern[:80])


OVERLAPPING = ["ab", "abc", "bcd", "cd", "x", " ", "\n", "abcd", "b", "c"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(OVERLAPPING), max_size=25).map("".join))
def test_alternatives_keep_the_leftmost_first_match_when_alternatives_overlap(text):
    """Where alternatives overlap or tie, the merged matches are still the whole pattern's."""
    from worker.prefilter import Alternatives

    patterns = [re.compile(p) for p in (r"abc|bcd|ab|cd", r"b|abcd|c", r"\bab\w*|cd x", r"x|[^\n]{2}", r"\b(?:a|ab|b)c?d?|x")]
    alternatives = Alternatives(patterns)
    runs = alternatives.runs(Haystack(text))
    for index, pattern in enumerate(patterns):
        found = _spans(Alternatives.finditer(runs[index], text)) if index in runs else []
        assert found == _spans(pattern.finditer(text)), (text, pattern.pattern)


@pytest.mark.parametrize(
    ("pattern", "parts"),
    [(r"a|b(?:c|d)|[|]|\|", ["a", "b(?:c|d)", "[|]", "\\|"]), (r"[]|]x|y", ["[]|]x", "y"]), (r"abc", None),
     (r"(a)|\1", None), (r"a|x?", None), (r"(?i)a|b", None), (r"[^]|]x|y", ["[^]|]x", "y"]),
     (r"\b(?:ab|c(?:d|e))f|g", [r"\babf", r"\bc(?:d|e)f", "g"]), (r"\b(?:ab|cd)?f|g", [r"\b(?:ab|cd)?f", "g"])],
)
def test_split_alternatives(pattern, parts):
    """A pattern splits at its top-level bars only, and not when its parts could behave otherwise alone."""
    from worker.prefilter import split_alternatives

    split = split_alternatives(re.compile(pattern))
    assert (None if split is None else [p.pattern for p in split]) == parts


def test_required_sets_find_a_word_beginning_after_optional_words():
    """After "not " and an optional "been ", "selected" begins a word: its set is keyed by its beginning."""
    from worker.prefilter import required_sets

    sets = required_sets(re.compile(r"\bnot (?:been )?(?:selected|chosen)\b"))
    assert ("\x01chosen", "\x01selected") in sets


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Acme", "team", "Team", "the", "hiring", "HR-Team", "Personal", "x"]), max_size=12).map(" ".join))
def test_a_guarded_pattern_finds_what_the_pattern_does(text):
    """``Guarded`` only skips a text that holds none of the pattern's literals, so its matches are the pattern's."""
    pattern = re.compile(r"(?P<company>[A-Z]\w*(?: [A-Z]\w*)*) (?:team|hiring team|Team|HR-Team)\b")
    guarded = Guarded(pattern)
    assert guarded.literals is not None
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    found, expected = guarded.search(text), pattern.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_a_guarded_pattern_without_literals_always_runs():
    assert Guarded(re.compile(r"\b(?:ab|cd) x")).literals is None
    assert [m.group(0) for m in Guarded(re.compile(r"\b(?:ab|cd) x")).finditer("ab x cd x")] == ["ab x", "cd x"]


def test_word_beginnings_of_a_haystack():
    """The first 3, 5 and 8 letters of each word (of at least that many), as the single-line index reads them."""
    assert Haystack("the application, re-applied: 2026 ab").starts == {"the", "app", "appli", "applicat", "202"}
