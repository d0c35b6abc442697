"""Cheap substring checks that tell when a regex cannot match, so it need not run.

Most rules cannot match most messages. Scanning a text with ``in`` is many times faster
than running a regex over it, so for each pattern we derive, from its parsed form, a set
of literal strings one of which every match must contain. A rule whose literals are all
absent from the text is skipped without running its regex.
"""

import re
from re import _constants as C  # noqa: N812 - the standard library's own names
from re import _parser

MIN_LITERAL = 3
"""Shorter literals filter too little to be worth checking."""

MAX_LITERALS = 40
"""Beyond this many alternatives the checks cost about what the regex does."""


WORD_START = "\x01"
"""Marks a literal that every match has at the start of a word (after ``\\b`` or ``^``):
such a literal is looked up in the text's set of word beginnings instead of searched for."""

_WORD = re.compile(r"[a-z0-9]+")


def required_literals(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Literals one of which every match of ``pattern`` contains, or None when none can be found.

    Only case-sensitive patterns are analysed (the rules run on folded lower-case text).
    """
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    found = _sequence(list(parsed))
    if not found or len(found) > MAX_LITERALS:
        return None
    return tuple(sorted(found))


def _sequence(items, word_start: bool = False) -> frozenset[str] | None:
    """The most selective any-of set that a match of this sequence of items must contain;
    ``word_start`` says the sequence begins where a word begins."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    run_at_word = False
    at_word = word_start

    def flush():
        if len(run) >= MIN_LITERAL:
            candidates.append(frozenset([(WORD_START if run_at_word else "") + "".join(run)]))
        run.clear()

    for op, av in items:
        if op is C.LITERAL:
            if not run:
                run_at_word = at_word
            run.append(chr(av))
            at_word = False
            continue
        flush()
        if op is C.AT and av in (C.AT_BOUNDARY, C.AT_BEGINNING, C.AT_BEGINNING_STRING):
            at_word = True  # zero width: the next item starts where a word starts
            continue
        inner = None
        if op is C.SUBPATTERN:
            if not av[1] & re.IGNORECASE:  # a (?i:...) scope matches other cases than its literals
                inner = _sequence(list(av[-1]), at_word)
        elif op is C.BRANCH:
            branches = [_sequence(list(b), at_word) for b in av[1]]
            if all(branches):
                inner = frozenset().union(*branches)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _sequence(list(av[2]), at_word)
        elif op is C.ATOMIC_GROUP:
            inner = _sequence(list(av), at_word)
        at_word = False
        if inner:
            candidates.append(inner)
    flush()
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(len(x.lstrip(WORD_START)) for x in s), -len(s)))


class Haystack:
    """A text prepared for many prefilter checks: the text itself, and the first three and
    four letters of each of its words, so a word-start literal costs one set lookup."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        words = _WORD.findall(text)
        self.starts = {w[:4] for w in words} | {w[:3] for w in words}


class Prefilter:
    """A rule's literals split for speed: word beginnings (one set intersection with the
    text's) and substrings (``in`` searches)."""

    __slots__ = ("starts", "substrings")

    def __init__(self, literals: tuple[str, ...]) -> None:
        starts, substrings = set(), []
        for lit in literals:
            if lit[0] == WORD_START:
                key = lit[1:5]
                if key.isascii() and key.isalnum():
                    starts.add(key)
                    continue
                lit = lit[1:]
            substrings.append(lit)
        self.starts = frozenset(starts)
        self.substrings = tuple(substrings)

    def may_match(self, hay: Haystack) -> bool:
        """False only when no literal can be in the text, so the regex cannot match."""
        return not self.starts.isdisjoint(hay.starts) or any(s in hay.text for s in self.substrings)

