"""Case-insensitive patterns tried only where a match can start: the same matches as the pattern's own."""

import re

import pytest

from worker.prefilter_case import ODD_FOLDS, Lowered, lowered, start_literals


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\b(?i:position|role)\b at", ("position", "role")),
        (r"(?i:application|applied)[ \t]+to", ("application", "applied")),
        (r"(?:the )?role of", ("role of", "the ")),
        (r"\b(?:the|the position of|theirs)\b", ("the",)),  # the longer start where the shorter does
        (r"\b(?:the|a)\s+x", None),  # "a" is too short to be worth looking for
        (r"[A-Z]\w+ team", None),
        (r"^(?im:company):", ("company",)),  # zero width before it: the match still starts there
        (r"^[ \t]*company:", None),
        (r"f(?:ür|uer) die", ("fuer", "für")),
    ],
)
def test_start_literals(pattern, literals):
    """Every match starts with one of the literals (lower case); None when no useful one exists."""
    assert start_literals(re.compile(pattern)) == literals


def _scans():
    from worker.extract import company, role

    return [*company._EMPLOYER_SCANS, role._QUOTED_SCAN, role._INTRO_ROLE_SCAN, role._WEAK_INTRO_SCAN, role._BEFORE_PROCESS_SCAN]


def test_every_character_taken_for_a_literal_letter_lowers_to_it():
    """Each code point that a case-insensitive pattern takes for a letter of the extractors'
    literals lowers to that letter, or is one of ``ODD_FOLDS`` (whose texts are scanned as before)."""
    letters = sorted({c for scan in _scans() for literal in scan.literals or () for c in literal if c.isalpha()})
    assert "a" in letters
    taken = re.compile("(?i)[" + re.escape("".join(letters)) + "]")
    for code in range(0x110000):
        char = chr(code)
        if taken.fullmatch(char) and char not in ODD_FOLDS:
            low = char.lower()
            assert len(low) == 1 and re.fullmatch("(?i)" + re.escape(char), low) and low in letters, (hex(code), char)


def test_texts_with_odd_folds_are_not_lowered():
    """A text holding ``ı``, ``ſ`` or ``İ`` is scanned with the pattern's own search."""
    assert lowered("The POSITION at Acme") == "the position at acme"
    assert lowered("Bewerbung bei İnci") is None
    assert lowered("ſtelle") is None


def _texts():
    """The subject and body of every corpus email and, when ``../shared`` is there, of the real
    mail, also in upper case and with letters that lower oddly."""
    from helpers import every_email

    from worker.parse import parse_message

    raws = every_email()
    for raw in raws:
        p = parse_message(raw)
        text = f"{p.subject}\n{p.body}"[:6000]
        yield text
        yield text.upper()
        yield text.replace("s", "ſ", 3).replace("i", "ı", 3)


def test_scans_find_exactly_the_patterns_matches():
    """On every corpus and real email, each scan's ``finditer`` gives the pattern's matches, in
    order, and ``search`` from any match's next position the pattern's next match."""
    scans = _scans()
    count = 0
    for text in _texts():
        for scan in scans:
            want = [(m.span(), m.groupdict()) for m in scan.pattern.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in scan.finditer(text)] == want, (scan.pattern.pattern[:60], text[:80])
            for pos in [0] + [span[0] + 1 for span, _ in want]:
                expected, found = scan.pattern.search(text, pos), scan.search(text, pos)
                assert (found and found.span()) == (expected and expected.span())
            count += len(want)
    assert count > 1000


def test_categories_hold_for_a_character_as_for_its_lower_case():
    """``\\w``, ``\\s`` and ``\\d`` say the same of every code point and of its lower case, so a
    twin run on lowered text sees words and spaces where the pattern does."""
    word, space, digit = re.compile(r"\w"), re.compile(r"\s"), re.compile(r"\d")
    for code in range(0x110000):
        char = chr(code)
        low = char.lower()
        if len(low) == 1 and low != char:
            for category in (word, space, digit):
                assert bool(category.match(char)) == bool(category.match(low)), hex(code)


@pytest.mark.parametrize(
    ("pattern", "twinned"),
    [
        (r"\b(?:engineer|analyst)\b", True),
        (r"(?i)\b(?:engineer|analyst)\b", True),
        (r"\bEngineer\b", False),  # an upper-case letter in the source
        (r"\Sengineer", False),
        (r"(?-i:x)engineer", False),
        (r"(\w+) \1", False),
        (r"µs", False),  # µ matches μ beyond its lower case
    ],
)
def test_lowered_twins_only_patterns_it_can_stand_in_for(pattern, twinned):
    """A twin is made only for a case-insensitive pattern whose source is lower case, without a
    case-sensitive part, a back-reference or a character with other case equivalents."""
    flags = 0 if pattern.startswith("(?i)") else re.IGNORECASE
    assert (Lowered(re.compile(pattern, flags)).twin is not None) is twinned


def _lowered_patterns():
    from worker.extract import company, names, role

    found = [role.TITLE_WORDS, role.SUBJECT_NOISE, names.LEGAL_SUFFIX, names.SENDER_NOISE, names.NOT_EMPLOYER, names.TITLE_END, company._PLACE_OR_TIME]
    assert all(p.twin is not None for p in found)
    return found


def test_lowered_patterns_find_exactly_the_patterns_matches():
    """On every corpus and real email, line by line and whole, each lowered pattern's search,
    match, fullmatch, sub and finditer give what the pattern's own give."""
    patterns = _lowered_patterns()
    count = 0
    for text in _texts():
        for piece in [text, *text.split("\n")[:40]]:
            for p in patterns:
                want = [(m.span(), m.groups()) for m in p.pattern.finditer(piece)]
                assert [(m.span(), m.groups()) for m in p.finditer(piece)] == want
                for call in ("search", "match", "fullmatch"):
                    mine, theirs = getattr(p, call)(piece), getattr(p.pattern, call)(piece)
                    assert (mine and (mine.span(), mine.groups())) == (theirs and (theirs.span(), theirs.groups()))
                assert p.sub("", piece) == p.pattern.sub("", piece)
                count += len(want)
    assert count > 1000
