"""Case-insensitive patterns run only where a match can start, with the same matches.

The employer and role phrases are case-insensitive alternations (``\\b(?i:position|role|...)``)
scanned over a whole text: the regex engine tries every position. Each of their matches starts
with one of a few literals, so ``StartScan`` lowers the text once, finds where those literals
are (``str.find``, far faster than the engine's scan) and tries the pattern only there, with
``pattern.match`` on the original text (which sees the text before the position, as ``\\b``
and look-behinds need): the same matches, in the same order, as ``pattern.finditer``.

Lowering keeps positions only when it keeps the length, and finds every match only when each
character the engine takes for a literal's letter lowers to that letter. A few characters do
not: ``ı`` and ``ſ`` (which a case-insensitive ``i`` and ``s`` match) and ``İ`` (which lowers to
two characters). A text that holds one, or lowers to another length, is scanned as before.
"""

import re
from bisect import bisect_left
from functools import lru_cache
from re import _casefix, _parser
from re import _constants as C  # noqa: N812 - the standard library's own names

MIN_START = 2
"""A pattern whose matches may start with a shorter literal is scanned as before."""

ODD_FOLDS = "ıſİ"
"""Characters a case-insensitive pattern takes for an ASCII letter that ``str.lower`` does not
lower to that one letter (a test checks every code point)."""


def start_literals(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case ASCII literals one of which every match of ``pattern`` starts with, or None."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    found = _starts(list(parsed))
    if not found or min(map(len, found)) < MIN_START:
        return None
    # "the position of" starts where "the" does: only the shorter is looked for
    return tuple(sorted(x for x in found if not any(x != y and x.startswith(y) for y in found)))


def _starts(items) -> frozenset[str] | None:
    """The literals one of which every match of this sequence of parsed items starts with."""
    prefix: list[str] = []
    for i, (op, av) in enumerate(items):
        if op is C.LITERAL and _plain(av):
            prefix.append(chr(av).lower())
            continue
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT) and not prefix:
            continue  # zero width: the match still starts with what follows (``match`` checks them)
        inner = None
        if op is C.SUBPATTERN:
            inner = _starts(list(av[-1]))
        elif op is C.BRANCH:
            branches = [_starts(list(b)) for b in av[1]]
            inner = frozenset().union(*branches) if all(branches) else None
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _starts(list(av[2]))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] == 0 and av[1] == 1 and not prefix:
            taken, skipped = _starts(list(av[2])), _starts(items[i + 1:])  # optional: it or what follows starts
            inner = taken | skipped if taken and skipped else None
        if prefix:  # what starts the next item lengthens the literal, when it is known
            head = "".join(prefix)
            return frozenset(head + s for s in inner) if inner else frozenset([head])
        return inner
    return frozenset(["".join(prefix)]) if prefix else None


def _plain(code: int) -> bool:
    """Whether every character a case-insensitive pattern takes for this one lowers to the same
    character as it does (or is one of ``ODD_FOLDS``, which send a text back to the plain scan)."""
    char = chr(code)
    low = char.lower()
    return char != "\n" and len(low) == 1 and (low not in _EXTRA_CASES or low in "is")


_EXTRA_CASES = frozenset(map(chr, _casefix._EXTRA_CASES))
"""Characters the regex engine matches to others beyond their lower case (``i`` and ``ı``, ...)."""


@lru_cache(maxsize=8)
def lowered(text: str) -> str | None:
    """The text in lower case, position for position, or None when lowering would move or miss
    a letter (see the module's notes); made once for every scan of the same text."""
    return _lower(text)


class StartScan:
    """A pattern with the literals its matches start with: ``finditer`` and ``search`` give what
    the pattern's own do, trying the pattern only where a literal is."""

    __slots__ = ("pattern", "literals", "_last")

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        self.literals = start_literals(pattern)
        self._last: tuple[str, list[int] | None] = ("", [])

    def _starts(self, text: str) -> list[int] | None:
        """Where, in order, a match of the pattern can start; None when it cannot be told. The
        last text's are kept: a caller searches one text again from later positions."""
        last_text, last = self._last
        if text is last_text:
            return last
        low = None if self.literals is None else lowered(text)
        if low is None:
            starts = None
        else:
            at = set()
            for literal in self.literals:
                i = low.find(literal)
                while i != -1:
                    at.add(i)
                    i = low.find(literal, i + 1)
            starts = sorted(at)
        self._last = (text, starts)
        return starts

    def finditer(self, text: str):
        """``pattern.finditer(text)``."""
        starts = self._starts(text)
        if starts is None:
            yield from self.pattern.finditer(text)
            return
        match, pos = self.pattern.match, 0
        for start in starts:
            if start >= pos:
                m = match(text, start)
                if m:
                    yield m
                    pos = m.end()  # a match holds its first literal, so it is never empty

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        """``pattern.search(text, pos)``."""
        starts = self._starts(text)
        if starts is None:
            return self.pattern.search(text, pos)
        match = self.pattern.match
        for start in starts[bisect_left(starts, pos):]:
            m = match(text, start)
            if m:
                return m
        return None


class Lowered:
    """A case-insensitive pattern whose source is all lower case, run case-sensitively on the
    text lowered (``lowered``): the regex engine then compares characters as they are instead of
    folding each one, several times faster for a long alternation such as the title words. The
    twin matches at the same places (each character the pattern takes for one of its letters
    lowers to it; ``\\w``, ``\\s``, ``\\d`` hold for a character as for its lower case, which a
    test checks for every code point), and the match returned is the pattern's own, made at the
    place the twin found: same span, same groups, on the original text."""

    __slots__ = ("pattern", "twin")

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        self.twin = _twin(pattern)

    def search(self, text: str) -> re.Match | None:
        """``pattern.search(text)``."""
        low = _lower(text) if self.twin is not None else None
        if low is None:
            return self.pattern.search(text)
        m = self.twin.search(low)
        return None if m is None else self.pattern.match(text, m.start())

    def match(self, text: str) -> re.Match | None:
        """``pattern.match(text)``."""
        low = _lower(text) if self.twin is not None else None
        if low is None:
            return self.pattern.match(text)
        return None if self.twin.match(low) is None else self.pattern.match(text)

    def fullmatch(self, text: str) -> re.Match | None:
        """``pattern.fullmatch(text)``."""
        low = _lower(text) if self.twin is not None else None
        if low is None:
            return self.pattern.fullmatch(text)
        return None if self.twin.fullmatch(low) is None else self.pattern.fullmatch(text)

    def sub(self, repl, text: str) -> str:
        """``pattern.sub(repl, text)``: the text as it is when the twin finds nothing."""
        low = _lower(text) if self.twin is not None else None
        if low is not None and self.twin.search(low) is None:
            return text
        return self.pattern.sub(repl, text)

    def finditer(self, text: str):
        """``pattern.finditer(text)``."""
        low = _lower(text) if self.twin is not None else None
        if low is None:
            yield from self.pattern.finditer(text)
            return
        for m in self.twin.finditer(low):
            yield self.pattern.match(text, m.start())


def _lower(text: str) -> str | None:
    """``lowered`` without its cache, for the short strings (a name, a title) most ``Lowered`` calls pass."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and any(c in text for c in ODD_FOLDS)):
        return None
    return low


def _twin(pattern: re.Pattern) -> re.Pattern | None:
    """The pattern compiled without IGNORECASE, when it can stand in on lowered text: compiled
    with IGNORECASE, its source all lower case (no ``\\W``, ``\\S``, ``\\B``: their upper-case
    letters), no case-sensitive part (``(?-i:``), no back-reference, and no character that the
    engine matches to another beyond its lower case (other than ``i`` and ``s``: ``ODD_FOLDS``)."""
    source = pattern.pattern
    if not pattern.flags & re.IGNORECASE or source != source.lower() or "(?-" in source or "(?i:" in source:
        return None
    if source.startswith("(?i)"):
        source = source[4:]
    try:
        twin = re.compile(source, pattern.flags & ~re.IGNORECASE)
        parsed = _parser.parse(source, twin.flags)
    except re.error:
        return None
    if twin.flags & re.IGNORECASE or not _case_plain(list(parsed)):
        return None
    return twin


def _case_plain(items) -> bool:
    """Whether parsed items hold only characters and ranges of lower-case letters that fold only
    to their lower case, and no back-reference."""
    for op, av in items:
        if op in (C.LITERAL, C.NOT_LITERAL):
            if not _plain(av) or chr(av).lower() != chr(av):
                return False
        elif op is C.RANGE:
            if any(not _plain(c) or chr(c).lower() != chr(c) for c in range(av[0], av[1] + 1)):
                return False
        elif op in (C.GROUPREF, C.GROUPREF_EXISTS):
            return False
        elif op is C.IN:
            if not _case_plain(av):
                return False
        elif op is C.SUBPATTERN:
            if av[1] or av[2] or not _case_plain(list(av[-1])):
                return False
        elif op is C.BRANCH:
            if not all(_case_plain(list(b)) for b in av[1]):
                return False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if not _case_plain(list(av[2])):
                return False
        elif op in (C.ASSERT, C.ASSERT_NOT):
            if not _case_plain(list(av[1])):
                return False
        elif op is C.ATOMIC_GROUP:
            if not _case_plain(list(av)):
                return False
    return True
