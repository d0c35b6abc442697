"""Cheap substring checks that tell when a regex cannot match, so it need not run, and where.

Most rules cannot match most messages. Scanning a text with ``in`` is many times faster
than running a regex over it, so for each pattern we derive, from its parsed form, a set
of literal strings one of which every match must contain. A rule whose literals are all
absent from the text is skipped without running its regex.

And most patterns cannot match across a line end (``single_line``): every match of such a
pattern lies in one line, and that line holds one of its literals. So the regex only runs
over the lines that hold one (``Haystack.lines_with``), with the same matches, in the same
order, as over the whole text.

A pattern of many alternatives is run as its alternatives (``Alternatives``): each has its own,
more selective literals (and all the sets of literals it needs), all of them in one index that a
single pass over a text's word beginnings reads; the matches of the alternatives that can match
are merged back into the whole pattern's.
"""

import re
from functools import lru_cache
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
KEY_LENGTHS = (3, 5, 8)
"""A word's beginning is looked up by its first 3, 5 or 8 letters (as many as the literal has):
the longer, the fewer texts that have it without the literal (measured: more lengths cost more
to collect than they save)."""

_KEY = re.compile(rf"(?<![a-z0-9])[a-z0-9]{{{KEY_LENGTHS[0]},}}")


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


def required_sets(pattern: re.Pattern) -> list[tuple[str, ...]]:
    """Every any-of set of literals that a match of ``pattern`` must contain, one for each part
    of its sequence that has one (``required_literals`` is the most selective of them): a match
    holds one literal of each set."""
    if pattern.flags & re.IGNORECASE:
        return []
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return []
    return [tuple(sorted(found)) for found in _candidates(list(parsed)) if len(found) <= MAX_LITERALS]


def _sequence(items, word_start: bool = False) -> frozenset[str] | None:
    """The most selective any-of set that a match of this sequence of items must contain;
    ``word_start`` says the sequence begins where a word begins."""
    candidates = _candidates(items, word_start)
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(len(x.lstrip(WORD_START)) for x in s), -len(s)))


def _candidates(items, word_start: bool = False) -> list[frozenset[str]]:
    """The any-of sets that a match of this sequence of items must each contain one of."""
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
        at_word = _after([(op, av)], at_word)
        if inner:
            candidates.append(inner)
    flush()
    return candidates


def _after(items, at_word: bool) -> bool:
    """Whether, after a sequence of parsed items, the next character starts a word: every way
    through them ends with a character that is not a letter or digit (or, having consumed
    nothing, the state before them, ``at_word``, holds)."""
    for op, av in items:
        if op is C.LITERAL:
            at_word = not _ALNUM.match(chr(av))
        elif op is C.AT:
            at_word = av in (C.AT_BOUNDARY, C.AT_BEGINNING, C.AT_BEGINNING_STRING)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            continue  # zero width: what precedes the next character is unchanged
        elif op is C.SUBPATTERN:
            at_word = _after(list(av[-1]), at_word)
        elif op is C.BRANCH:
            at_word = all(_after(list(b), at_word) for b in av[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            body = list(av[2])
            from_no, from_yes = _after(body, False), _after(body, True)
            repeated = from_no if from_no == from_yes else at_word  # constant, or the state passes through
            at_word = repeated if av[0] >= 1 else (repeated and at_word)
        elif op is C.IN:
            at_word = _never_alnum(av)
        else:
            at_word = False
    return at_word


def _never_alnum(members) -> bool:
    """Whether a character set holds no lower-case letter or digit."""
    if members and members[0][0] is C.NEGATE:
        return any(op is C.CATEGORY and av is C.CATEGORY_WORD for op, av in members[1:])
    for op, av in members:
        if op is C.LITERAL:
            if _ALNUM.match(chr(av)):
                return False
        elif op is C.RANGE:
            if any(_ALNUM.match(chr(c)) for c in range(av[0], av[1] + 1)):
                return False
        elif not (op is C.CATEGORY and av in (C.CATEGORY_SPACE, C.CATEGORY_NOT_WORD)):
            return False
    return True


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
    were looked for and found, and which lines hold a literal."""

    __slots__ = ("text", "starts", "_found", "_runs", "_lines")

    def __init__(self, text: str) -> None:
        self.text = text
        words = set(_KEY.findall(text))  # each word once, then its beginnings: one scan, not one per length
        self.starts = starts = {word[:KEY_LENGTHS[0]] for word in words}
        for n in KEY_LENGTHS[1:]:
            starts.update([word[:n] for word in words if len(word) >= n])
        self._found: dict[str, bool] = {}
        self._runs: dict[int, dict] = {}
        self._lines: dict[str, list[tuple[int, int]]] = {}

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
        starts = self.starts
        present = [lit for key, lit in keyed if key in starts]
        present.extend(lit for lit in substrings if self.has(lit))
        if len(present) == 1:  # most often: the list of that one literal, shared
            return self._lines_holding(present[0])
        lines: set[tuple[int, int]] = set()
        for literal in present:
            lines.update(self._lines_holding(literal))
        return sorted(lines)

    def _lines_holding(self, literal: str) -> list[tuple[int, int]]:
        """(start, end) of the lines that hold ``literal`` (which holds no line end), in order, found
        once per text: many alternatives share a literal ("application")."""
        found = self._lines.get(literal)
        if found is not None:
            return found
        text, found = self.text, []
        at = text.find(literal)
        while at != -1:
            end = text.find("\n", at)
            if end == -1:
                found.append((text.rfind("\n", 0, at) + 1, len(text)))
                break
            found.append((text.rfind("\n", 0, at) + 1, end))
            at = text.find(literal, end + 1)
        self._lines[literal] = found
        return found


@lru_cache(maxsize=8)
def haystack(text: str) -> Haystack:
    """The ``Haystack`` of a text, made once for the rules, the stage and the flags that all read it."""
    return Haystack(text)


def _key(literal: str) -> str | None:
    """The word beginning (``Haystack.starts``) that a text holding ``literal`` has, if any: the
    literal's first word when it starts at a word beginning, else one after a space or a quote
    inside it ("the applic" -> "applic")."""
    if literal[0] == WORD_START:
        key = _KEY.match(literal, 1) or _KEY.search(literal, 1)
    else:
        key = _KEY.search(literal, 1)
    if not key:
        return None
    word = key.group(0)
    return word[:max(n for n in KEY_LENGTHS if n <= len(word))]


class Prefilter:
    """A rule's literals split for speed: word beginnings (one set intersection with the
    text's) and substrings (``in`` searches); and the literals whole with their word beginning,
    to find the lines a ``single_line`` pattern can match in."""

    __slots__ = ("starts", "substrings", "keyed")

    def __init__(self, literals: tuple[str, ...]) -> None:
        starts, substrings, keyed = set(), [], []
        for lit in literals:
            key = _key(lit)
            if key:
                starts.add(key)
                keyed.append((key, lit.lstrip(WORD_START)))
            else:
                substrings.append(lit.lstrip(WORD_START))
        self.starts = frozenset(starts)
        self.substrings = tuple(substrings)
        self.keyed = tuple(keyed)

    def may_match(self, hay: Haystack) -> bool:
        """False only when no literal can be in the text, so the regex cannot match."""
        if not self.starts.isdisjoint(hay.starts):
            return True
        found, text = hay._found, hay.text  # hay.has(s), inlined
        for s in self.substrings:
            present = found.get(s)
            if present is None:
                present = found[s] = s in text
            if present:
                return True
        return False



class Guarded:
    """A pattern run only on texts that hold one of its required literals (``required_literals``):
    ``finditer`` and ``search`` give what the pattern's own do, and nothing at the cost of a few
    ``in`` checks when no literal is there."""

    __slots__ = ("pattern", "literals")

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        literals = required_literals(pattern)
        self.literals = None if literals is None else tuple(dict.fromkeys(lit.lstrip(WORD_START) for lit in literals))

    def _absent(self, text: str) -> bool:
        return self.literals is not None and not any(lit in text for lit in self.literals)

    def finditer(self, text: str):
        """``pattern.finditer(text)``."""
        return iter(()) if self._absent(text) else self.pattern.finditer(text)

    def search(self, text: str) -> re.Match | None:
        """``pattern.search(text)``."""
        return None if self._absent(text) else self.pattern.search(text)


def split_alternatives(pattern: re.Pattern, distribute: bool = True) -> tuple[re.Pattern, ...] | None:
    """The top-level alternatives of a pattern (``a|b|c``), each compiled on its own with the
    pattern's flags; an alternative that opens with a group of alternatives (``\\b(?:a|b)c``)
    is split into one per member (``\\ba c|\\bb c``: tried in the same order, so the same first
    match). None when there is one, or when run apart they could differ from the whole (a
    back-reference or conditional group, an alternative that can match the empty string)."""
    source = pattern.pattern
    if not isinstance(source, str) or re.search(r"\\[1-9]|\(\?P=|\(\?\(|\(\?[aiLmsux]+\)", source):
        return None
    parts = _top_level(source)
    if parts is None:
        return None
    if distribute:
        parts = [alt for part in parts for alt in _distribute(part)]
    if len(parts) < 2:
        return None
    try:
        compiled = tuple(re.compile(p, pattern.flags) for p in parts)
    except re.error:
        return None
    if any(_parser.parse(p, pattern.flags).getwidth()[0] == 0 for p in parts):
        return None
    return compiled


def _syntax(source: str, start: int = 0):
    """(position, character) of each character of a pattern's source from ``start`` that is
    neither escaped nor inside a character class, and None at the end when a class is left open."""
    i = start
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i += 1
            if source[i:i + 1] == "^":
                i += 1
            if source[i:i + 1] == "]":  # "[]...]", "[^]...]": this ] is a member
                i += 1
            while i < len(source) and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
            if i >= len(source):
                yield None
                return
            i += 1
            continue
        yield i, c
        i += 1


def _top_level(source: str) -> list[str] | None:
    """A pattern's source cut at its top-level bars; None when its brackets do not balance."""
    parts, depth, start = [], 0, 0
    for item in _syntax(source):
        if item is None:
            return None
        i, c = item
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return None
        elif c == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
    parts.append(source[start:])
    return None if depth != 0 else parts


_OPENING_GROUP = re.compile(r"(?:\\b)?\(\?:")


def _distribute(part: str) -> list[str]:
    """``\\b(?:a|b)rest`` as ``\\barest``, ``\\bbrest`` (the group neither repeated nor optional);
    any other part as it is."""
    opening = _OPENING_GROUP.match(part)
    if not opening:
        return [part]
    depth, end = 1, None
    for item in _syntax(part, opening.end()):
        if item is None:
            return [part]
        i, c = item
        depth += (c == "(") - (c == ")")
        if depth == 0:
            end = i
            break
    if end is None or part[end + 1:end + 2] in ("?", "*", "+", "{"):
        return [part]
    members = _top_level(part[opening.end():end])
    if not members or len(members) < 2:
        return [part]
    prefix, rest = part[:opening.end() - 3], part[end + 1:]
    return [f"{prefix}{member}{rest}" for member in members]


class Alternatives:
    """Patterns run as their top-level alternatives (``split_alternatives``; ``distribute`` also
    splits a leading group, which pays for few long patterns, not for many), each with its own
    literals, all of them in one index: per text one pass over the index (``live``) says which
    alternatives may match, only those run, a ``single_line`` one only on the lines holding its
    literals. ``finditer`` gives each pattern's matches exactly, in order."""

    __slots__ = ("alternatives", "alternative_bits", "always", "key_masks", "keys", "substring_masks")

    def __init__(self, patterns, distribute: bool = True) -> None:
        split = [split_alternatives(pattern, distribute) or (pattern,) for pattern in patterns]
        count = sum(map(len, split))
        key_masks: dict[str, int] = {}
        substring_masks: dict[str, int] = {}
        flat, always = [], 0
        bit, need_bit = 1, 1 << count  # a bit per alternative, then one per further set it needs
        for index, alternatives in enumerate(split):
            for alt in alternatives:
                literals = required_literals(alt)
                prefilter = Prefilter(literals) if literals else None
                need = 0
                if prefilter is None:
                    always |= bit
                else:
                    for key in prefilter.starts:
                        key_masks[key] = key_masks.get(key, 0) | bit
                    for sub in prefilter.substrings:
                        substring_masks[sub] = substring_masks.get(sub, 0) | bit
                    for literal_set in required_sets(alt):
                        keys = [_key(literal) for literal in literal_set]
                        if literal_set == literals or not all(keys):
                            continue
                        for key in keys:
                            key_masks[key] = key_masks.get(key, 0) | need_bit
                        need |= need_bit
                        need_bit <<= 1
                lined = None
                if prefilter is not None and single_line(alt):
                    lined = (prefilter.keyed, prefilter.substrings)
                    if len(literals) == 1:  # its bit is set only when its one literal is there: its lines
                        lined = literals[0].lstrip(WORD_START)
                flat.append((index, alt, need, lined))
                bit <<= 1
        self.alternatives, self.alternative_bits, self.always = tuple(flat), (1 << count) - 1, always
        self.key_masks, self.keys = key_masks, frozenset(key_masks)
        self.substring_masks = tuple(substring_masks.items())

    def live(self, hay: Haystack) -> int:
        """The alternatives whose first set of literals the text holds (one bit each), and the
        further sets of literals it holds (one bit each): an alternative can match only when
        all of its bits are there."""
        mask = self.always
        key_masks = self.key_masks
        for key in hay.starts & self.keys:  # a set and a frozenset: the smaller one is walked
            mask |= key_masks[key]
        text, found = hay.text, hay._found
        for sub, bits in self.substring_masks:
            if bits & ~mask:
                present = found.get(sub)
                if present is None:
                    present = found[sub] = sub in text
                if present:
                    mask |= bits
        return mask

    def finditer_in(self, index: int, text: str):
        """``patterns[index].finditer(text)``, through the text's shared ``haystack``."""
        run = self.runs(haystack(text)).get(index)
        return () if run is None else self.finditer(run, text)

    def runs(self, hay: Haystack) -> dict[int, list]:
        """For each pattern (by index) that can match the text, its alternatives that can, in
        order, each with the lines to search (None: the whole text). Kept on the haystack."""
        known = hay._runs.get(id(self))
        if known is not None:
            return known
        live = self.live(hay)
        runs: dict[int, list] = {}
        alternatives, line_sets = self.alternatives, hay._lines
        # the alternatives whose own bit is set, found by a scan of the mask's binary digits (lowest
        # first): far cheaper than clearing one bit at a time of an integer a thousand bits long
        digits = bin(live & self.alternative_bits)[:1:-1]
        at = digits.find("1")
        while at != -1:
            index, alt, need, lined = alternatives[at]
            if live & need == need:
                run = runs.get(index)
                if run is None:
                    run = runs[index] = []
                if lined is None:
                    run.append((alt, None))
                elif type(lined) is str:
                    lines = line_sets.get(lined)
                    run.append((alt, hay._lines_holding(lined) if lines is None else lines))
                else:
                    run.append((alt, hay.lines_with(*lined)))
            at = digits.find("1", at + 1)
        hay._runs[id(self)] = runs
        return runs

    @staticmethod
    def finditer(run: list, text: str):
        """The matches of a pattern in ``text``, from its ``runs`` entry: the same as
        ``pattern.finditer(text)``. The whole pattern matches at the first position where one of
        its alternatives does, with the first of those that does there; so each alternative
        that can match keeps its next match from the current position, and the earliest (the
        first alternative on a tie) is the whole pattern's next match."""
        if len(run) == 1:
            alt, lines = run[0]
            if lines is None:
                yield from alt.finditer(text)
            else:
                for start, end in lines:
                    yield from alt.finditer(text, start, end)
            return
        heads: list = [None] * len(run)
        pos = 0
        while True:
            best = None
            for i, (alt, lines) in enumerate(run):
                head = heads[i]
                if head is None or (head is not False and head.start() < pos):
                    head = heads[i] = _search(alt, lines, text, pos) or False
                if head is not False and (best is None or head.start() < best.start()):
                    best = head
            if best is None:
                return
            yield best
            pos = best.end()


def _search(pattern: re.Pattern, lines: list[tuple[int, int]] | None, text: str, pos: int) -> re.Match | None:
    """The first match at or after ``pos``, in the whole text or only within ``lines``."""
    if lines is None:
        return pattern.search(text, pos)
    for start, end in lines:
        if end >= pos:
            match = pattern.search(text, max(start, pos), end)
            if match:
                return match
    return None
