"""Cheap substring checks that tell when a regex cannot match, so it need not run, and where.

Most rules cannot match most messages. Scanning a text with ``in`` is many times faster
than running a regex over it, so for each pattern we derive, from its parsed form, a set
of literal strings one of which every match must contain. A rule whose literals are all
absent from the text is skipped without running its regex.

And most patterns cannot match across a line end (``single_line``): every match of such a
pattern lies in one line, and that line holds one of its literals. So the regex only runs
over the lines that hold one (``Prefilter.finditer``), with the same matches, in the same
order, as over the whole text.
"""

import re
from bisect import bisect_left
from re import _constants as C  # noqa: N812 - the standard library's own names
from re import _parser

MIN_LITERAL = 3
"""Shorter literals filter too little to be worth checking."""

MAX_LITERALS = 100
"""Beyond this many alternatives the checks cost about what the regex does (word beginnings cost one
set intersection however many there are; substrings are looked up once per text)."""


WORD_START = "\x01"
"""Marks a literal that every match has at the start of a word (after ``\\b`` or ``^``):
such a literal is looked up in the text's set of word beginnings instead of searched for."""

_ALNUM = re.compile(r"[a-z0-9]")
_KEY = re.compile(r"(?<![a-z0-9])[a-z0-9]{3,4}")

_START3 = re.compile(r"(?<![a-z0-9])[a-z0-9]{3}")
_START4 = re.compile(r"(?<![a-z0-9])[a-z0-9]{4}")


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
            at_word = not _ALNUM.match(run[-1])  # after a space or a quote, a word begins
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


def single_line(pattern: re.Pattern) -> bool:
    """Whether no match of ``pattern`` can hold a line end, nor depend on what follows the end of
    its line (no ``$``, no back-reference, no look-around that could see a line end)."""
    if pattern.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL):
        return False
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return False
    return not _may_hold_newline(list(parsed))


_NEWLINE_CATEGORIES = frozenset({C.CATEGORY_SPACE, C.CATEGORY_NOT_WORD, C.CATEGORY_NOT_DIGIT, C.CATEGORY_LINEBREAK})
_SAFE_CATEGORIES = frozenset({C.CATEGORY_DIGIT, C.CATEGORY_WORD, C.CATEGORY_NOT_SPACE, C.CATEGORY_NOT_LINEBREAK})
_SAFE_POSITIONS = frozenset({C.AT_BEGINNING, C.AT_BEGINNING_STRING, C.AT_BOUNDARY, C.AT_NON_BOUNDARY})


def _may_hold_newline(items) -> bool:
    """True when a sequence of parsed items could match a line end (or is not understood)."""
    for op, av in items:
        if op is C.LITERAL:
            if av == 10:
                return True
        elif op is C.NOT_LITERAL:
            if av != 10:
                return True
        elif op is C.IN:
            if _set_holds_newline(av):
                return True
        elif op is C.AT:
            if av not in _SAFE_POSITIONS:
                return True
        elif op is C.SUBPATTERN:
            if av[1] or av[2] or _may_hold_newline(list(av[-1])):
                return True
        elif op is C.BRANCH:
            if any(_may_hold_newline(list(b)) for b in av[1]):
                return True
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if _may_hold_newline(list(av[2])):
                return True
        elif op in (C.ASSERT, C.ASSERT_NOT):
            if _may_hold_newline(list(av[1])):
                return True
        elif op is C.ATOMIC_GROUP:
            if _may_hold_newline(list(av)):
                return True
        elif op is not C.ANY:  # ANY cannot match a line end without DOTALL (checked by the caller)
            return True
    return False


def _set_holds_newline(members) -> bool:
    negate = False
    holds = False
    for op, av in members:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            holds = holds or av == 10
        elif op is C.RANGE:
            holds = holds or av[0] <= 10 <= av[1]
        elif op is C.CATEGORY:
            if av in _NEWLINE_CATEGORIES:
                holds = True
            elif av not in _SAFE_CATEGORIES:
                return True
        else:
            return True
    return holds != negate


class Haystack:
    """A text prepared for many prefilter checks: the text itself, the first three and four
    letters of each of its words (a word-start literal costs one set lookup), which substrings
    were looked for and found, and where its lines end."""

    __slots__ = ("text", "starts", "_found", "_ends")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = set(_START3.findall(text))
        self.starts.update(_START4.findall(text))
        self._found: dict[str, bool] = {}
        self._ends: list[int] | None = None

    def has(self, literal: str) -> bool:
        """``literal in text``, looked up once per text however many rules ask."""
        found = self._found.get(literal)
        if found is None:
            found = self._found[literal] = literal in self.text
        return found

    def lines_with(self, keyed, substrings) -> list[tuple[int, int]]:
        """(start, end) of each line holding one of the literals, in text order (end at its line
        end, which it does not include): ``keyed`` are (word beginning, literal) pairs, looked for
        only when the text has that word beginning; ``substrings`` only when the text has them."""
        ends = self._ends
        if ends is None:
            ends = self._ends = [m.start() for m in _LINE_END.finditer(self.text)]
        text, starts = self.text, self.starts
        lines = set()
        for literal in [lit for key, lit in keyed if key in starts] + [lit for lit in substrings if self.has(lit)]:
            at = text.find(literal)
            while at != -1:
                k = bisect_left(ends, at)
                lines.add(k)
                at = text.find(literal, ends[k] + 1) if k < len(ends) else -1
        return [(ends[k - 1] + 1 if k else 0, ends[k] if k < len(ends) else len(text)) for k in sorted(lines)]


_LINE_END = re.compile("\n")


class Prefilter:
    """A rule's literals split for speed: word beginnings (one set intersection with the
    text's) and substrings (``in`` searches); and the literals whole with their word beginning,
    to find the lines a ``single_line`` pattern can match in."""

    __slots__ = ("starts", "substrings", "keyed")

    def __init__(self, literals: tuple[str, ...]) -> None:
        starts, substrings, keyed = set(), [], []
        for lit in literals:
            if lit[0] == WORD_START:
                key = _KEY.match(lit, 1)
            else:  # a word begins inside it after a space, a quote, a hyphen: "the applic" -> "appl"
                key = _KEY.search(lit, 1)
            if key:
                starts.add(key.group(0))
                keyed.append((key.group(0), lit.lstrip(WORD_START)))
            else:
                substrings.append(lit.lstrip(WORD_START))
        self.starts = frozenset(starts)
        self.substrings = tuple(substrings)
        self.keyed = tuple(keyed)

    def may_match(self, hay: Haystack) -> bool:
        """False only when no literal can be in the text, so the regex cannot match."""
        if not self.starts.isdisjoint(hay.starts):
            return True
        found, text = hay._found, hay.text  # hay.has(s), inlined: this runs for every rule and text
        for s in self.substrings:
            present = found.get(s)
            if present is None:
                present = found[s] = s in text
            if present:
                return True
        return False

    def finditer(self, pattern: re.Pattern, hay: Haystack):
        """``pattern.finditer(hay.text)`` for a ``single_line`` pattern whose literals these are:
        the same matches, found only in the lines that hold a literal."""
        for start, end in hay.lines_with(self.keyed, self.substrings):
            yield from pattern.finditer(hay.text, start, end)

