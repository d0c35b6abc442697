"""Turning message bodies into clean text: HTML to text, trimming quotes and signatures,
and the folded form that rules match on.

Pure functions of strings. The classifier reads only what these return, so a rejection
quoted below a user's reply, or hidden preheader text, never decides a label.
"""

import re
import unicodedata
from functools import lru_cache

from bs4 import BeautifulSoup, NavigableString
from lxml import etree

MAX_HTML_CHARS = 400_000
"""HTML beyond this many characters is cut before parsing: job emails are far smaller,
and it bounds the time an HTML bomb can take."""

MAX_TEXT_CHARS = 60_000
"""Clean text beyond this many characters is cut: the part that says what happened is
near the top, and the classifier's time grows with the text."""

QUOTE_MARKER = "-----Original Message-----"
"""Line written where an HTML reply quote starts, so the text trimmer cuts there too."""

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr ul "
    "center".split()
)
_CELL_TAGS = frozenset(("td", "th"))
_DROP_TAGS = ("script", "style", "head", "title", "noscript", "template", "svg", "object", "iframe")
_PRE_STRIP = re.compile(
    r"<!--.*?-->|<(script|style|head|noscript|template|svg)\b[^>]*>.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all|max-height\s*:\s*0(?:px)?\s*(?:;|$)"
    r"|font-size\s*:\s*0(?:px)?\s*(?:;|$)|opacity\s*:\s*0(?:\.0*)?\s*(?:;|$)",
    re.IGNORECASE,
)
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u034f\u00ad\u180e"
"""Characters that show nothing, removed one by one when there (``str.translate`` would look up every character)."""
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_URL_HOST = re.compile(r"https?://([A-Za-z0-9.-]+\.[A-Za-z]{2,})", re.IGNORECASE)


def html_to_text(html: str) -> tuple[str, tuple[str, ...]]:
    """Readable text of an HTML body, and the hosts its links point to.

    Scripts, styles and hidden elements are dropped; block elements start new lines;
    a reply quote (Gmail, Outlook, Apple Mail, Thunderbird) becomes a quote marker line
    and its content is left out. One walk over the tree, without recursion.
    """
    markup = _PRE_STRIP.sub(" ", html[:MAX_HTML_CHARS])
    try:
        return _tree_text(_parse_tree(markup))
    except Exception:  # noqa: BLE001 - markup lxml refuses: Beautiful Soup's own ways of reading it
        return _soup_text(markup)


def _soup_text(markup: str) -> tuple[str, tuple[str, ...]]:
    """``html_to_text`` through Beautiful Soup, for markup the direct parse refuses."""
    soup = BeautifulSoup(markup, "lxml")
    out: list[str] = []
    hosts: list[str] = []
    stack: list = [soup]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            if type(node) is NavigableString or node is _NEWLINE or node is _SPACE:
                out.append(node)
            continue
        if _is_hidden(node):
            continue
        if _is_reply_quote(node):
            out.append(f"\n{QUOTE_MARKER}\n")
            continue
        name = node.name
        if name in _BLOCK_TAGS:
            out.append("\n")
            stack.append(_NEWLINE)
        elif name in _CELL_TAGS:
            stack.append(_SPACE)
        elif name == "a":
            href = node.attrs.get("href")
            match = _URL_HOST.match(href.strip()) if isinstance(href, str) else None
            if match:
                hosts.append(match.group(1).lower())
        stack.extend(reversed(node.contents))
    return clean_text("".join(out)), tuple(dict.fromkeys(hosts))


_NEWLINE = NavigableString("\n")
_SPACE = NavigableString(" ")


# --- the same, without Beautiful Soup's objects ------------------------------------------------

_ASCII_SPACES = frozenset("\x20\x0a\x09\x0c\x0d")
_STRING_CONTAINERS = frozenset(("rt", "rp", "style", "script", "template"))
"""Tags whose text Beautiful Soup keeps as a kind of string other than plain text (ruby
annotations, scripts, styles): never part of the readable text."""

_PRESERVE_WHITESPACE = frozenset(("pre", "textarea"))
_WORDS = re.compile(r"\S+")


class _TreeTarget:
    """An lxml parser target that builds, from the parser's events, the tree Beautiful Soup's lxml
    builder would (same nesting, same end-tag recovery, same whitespace-only strings made one
    space or newline, same strings left out), as plain lists: [name, attributes, children], a
    child a string or a list. Beautiful Soup's objects cost most of an HTML body's time."""

    def __init__(self) -> None:
        self.root: list = [None, {}, []]
        self.stack: list[list] = [self.root]
        self.open: dict[str, int] = {}
        self.text: list[str] = []
        self.preserving = 0
        self.containers = 0

    def _end_data(self, keep: bool = True) -> None:
        if self.text:
            data = "".join(self.text)
            self.text = []
            if not self.preserving and all(c in _ASCII_SPACES for c in data):
                data = "\n" if "\n" in data else " "
            if keep and not self.containers:
                self.stack[-1][2].append(data)

    def start(self, tag: str, attrib, nsmap=None) -> None:
        self._end_data()
        attrs = dict(attrib)
        if "class" in attrs:
            attrs["class"] = _WORDS.findall(attrs["class"])
        node = [tag, attrs, []]
        self.stack[-1][2].append(node)
        self.stack.append(node)
        self.open[tag] = self.open.get(tag, 0) + 1
        self.preserving += tag in _PRESERVE_WHITESPACE
        self.containers += tag in _STRING_CONTAINERS

    def end(self, tag: str) -> None:
        self._end_data()
        if not self.open.get(tag):
            return
        while len(self.stack) > 1:
            name = self._pop()
            if name == tag:
                break

    def _pop(self) -> str:
        name = self.stack.pop()[0]
        self.open[name] -= 1
        self.preserving -= name in _PRESERVE_WHITESPACE
        self.containers -= name in _STRING_CONTAINERS
        return name

    def data(self, data: str) -> None:
        self.text.append(data)

    def comment(self, text: str) -> None:
        self._end_data()
        self.text.append(text)
        self._end_data(keep=False)

    def pi(self, target: str, data: str) -> None:
        self.comment(data)

    def doctype(self, *args) -> None:
        self.comment("")

    def close(self) -> list:
        self._end_data()
        return self.root


def _parse_tree(markup: str) -> list:
    if markup[:1] == "\ufeff":
        markup = markup[1:]
    target = _TreeTarget()
    parser = etree.HTMLParser(target=target, recover=True, huge_tree=False)
    parser.feed(markup)
    return parser.close()


def _tree_text(root: list) -> tuple[str, tuple[str, ...]]:
    """The walk of ``_soup_text`` over a ``_TreeTarget`` tree."""
    out: list[str] = []
    hosts: list[str] = []
    stack: list = [root]
    while stack:
        node = stack.pop()
        if type(node) is str:
            out.append(node)
            continue
        name, attrs, children = node
        if name in _DROP_TAGS or "hidden" in attrs or (attrs.get("style") and _HIDDEN_STYLE.search(attrs["style"])):
            continue
        if _quote_attrs(name, attrs):
            out.append(f"\n{QUOTE_MARKER}\n")
            continue
        if name in _BLOCK_TAGS:
            out.append("\n")
            stack.append("\n")
        elif name in _CELL_TAGS:
            stack.append(" ")
        elif name == "a":
            href = attrs.get("href")
            match = _URL_HOST.match(href.strip()) if isinstance(href, str) else None
            if match:
                hosts.append(match.group(1).lower())
        stack.extend(reversed(children))
    return clean_text("".join(out)), tuple(dict.fromkeys(hosts))


def _is_hidden(tag) -> bool:
    """Elements a reader never sees: scripts and the like, ``hidden``, inline-hidden styles."""
    if tag.name in _DROP_TAGS:
        return True
    attrs = tag.attrs
    style = attrs.get("style")
    return "hidden" in attrs or bool(style and _HIDDEN_STYLE.search(style))


def _is_reply_quote(tag) -> bool:
    """Whether an HTML element is where a mail client put the earlier message of a reply."""
    return _quote_attrs(tag.name, tag.attrs)


def _quote_attrs(name: str | None, attrs: dict) -> bool:
    if name == "blockquote" and (attrs.get("type") == "cite" or "gmail_quote" in attrs.get("class", ())):
        return True
    classes = attrs.get("class", ())
    if "gmail_quote" in classes or "moz-cite-prefix" in classes or "yahoo_quoted" in classes:
        return True
    return attrs.get("id") in ("divRplyFwdMsg", "appendonsend", "mail-editor-reference-message-container")


def text_hosts(text: str) -> tuple[str, ...]:
    """Hosts of the URLs written out in a plain-text body."""
    return tuple(dict.fromkeys(h.lower() for h in _URL_HOST.findall(text)))


def clean_text(text: str) -> str:
    """Text with invisible characters removed, spaces folded and at most one blank line in a row."""
    text = text[: MAX_TEXT_CHARS * 2]
    for char in _INVISIBLE:
        if char in text:
            text = text.replace(char, "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    blank = True
    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if line:
            lines.append(line)
            blank = False
        elif not blank:
            lines.append("")
            blank = True
    return "\n".join(lines).strip()[:MAX_TEXT_CHARS]


# --- quotes and signatures ------------------------------------------------------------

_ATTRIBUTION = re.compile(
    r"^(?:On\s.{4,300}\swrote"
    r"|Am\s.{4,300}\sschrieb.{0,200}"
    r"|Le\s.{4,300}\sa\s+[ée]crit"
    r"|El\s.{4,300}\sescribi[óo]"
    r"|Op\s.{4,300}\s(?:schreef|heeft.{0,200}geschreven).{0,200}"
    r")\s*:\s*$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(
    r"^[-_=*\s]*(?:original message|forwarded message|begin forwarded message|ursprüngliche nachricht"
    r"|weitergeleitete nachricht|anfang der weitergeleiteten nachricht|message d'origine"
    r"|message transféré|début du message (?:réexpédié|transféré)|mensaje original|mensaje reenviado"
    r"|oorspronkelijk bericht|doorgestuurd bericht|origineel bericht)[-_=*\s:]*$",
    re.IGNORECASE,
)
_HEADER_FROM = re.compile(r"^\*?(?:from|von|de|van)\s*:\*?\s*\S", re.IGNORECASE)
_HEADER_NEXT = re.compile(
    r"^\*?(?:sent|date|gesendet|datum|envoy[ée]|enviado|fecha|verzonden|to|an|à|para|aan)\s*:",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(
    r"^(?:--|-- |sent from my \w+.*|get outlook for \w+.*|von meinem \w+ gesendet"
    r"|envoy[ée] de mon \w+.*|enviado desde mi \w+.*|verzonden (?:vanaf|met) mijn \w+.*)$",
    re.IGNORECASE,
)


def trim_reply(text: str) -> tuple[str, bool]:
    """The new part of a message: text before the first quoted earlier message or signature.

    Returns the trimmed text and whether anything quoted was found. Lines starting with
    ``>`` are dropped wherever they are.
    """
    lines = text.split("\n")
    kept: list[str] = []
    quoted = False
    for i, line in enumerate(lines):
        if line.startswith(">"):
            quoted = True
            continue
        joined = line if i + 1 >= len(lines) else f"{line} {lines[i + 1]}"
        if (
            _SEPARATOR.match(line)
            or _ATTRIBUTION.match(line)
            or (line[:3].lower() in ("on ", "am ", "le ", "el ", "op ") and _ATTRIBUTION.match(joined))
            or (_HEADER_FROM.match(line) and any(_HEADER_NEXT.match(n) for n in lines[i + 1 : i + 5]))
        ):
            quoted = True
            break
        if _SIGNATURE.match(line):
            break
        kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept), quoted


# --- the form rules match on -----------------------------------------------------------

_FOLD = {"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "þ": "th", "’": "'", "‘": "'", "´": "'", "`": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "\u00a0": " "}
"""Characters folded to plain ones. Applied by ``str.replace``, one character at a time and only
when it is there: several times faster than ``str.translate`` with a table, which looks up every
character of the text (no replacement holds a character of the table, so the order is free)."""


class _Combining(dict):
    """``str.translate`` table that drops combining marks, filled as characters are met."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_COMBINING = _Combining()


@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """Lower case, accents removed, typographic quotes made plain: the form rules match on.

    Cached: the classifier and the extractors fold the same subject and body many times."""
    text = text.lower()
    for char, plain in _FOLD.items():
        if char in text:
            text = text.replace(char, plain)
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(_COMBINING)


REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|aw|antw|sv|r|rif|fw|fwd|wg|tr|rv|doorst|enc|vs)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
"""Subject prefixes of replies and forwards: their subject repeats an earlier message's."""


def is_reply(subject: str) -> bool:
    """Whether a subject is a reply's or a forward's (its words were an earlier message's)."""
    return bool(REPLY_PREFIX.match(subject))


SIGN_OFF = re.compile(
    r"^[ \t]*(?:(?:with )?(?:kind|best|warm|warmest|kindest|many)? ?(?:regards|wishes)|(?:yours )?(?:sincerely|faithfully|truly)(?: yours)?|cheers|best|all the best"
    r"|(?:mit )?(?:freundlichen?|viele|beste|liebe|herzliche|sonnige) grusse?n?|gruss|cordialement|bien (?:cordialement|a (?:vous|toi))|sinceres salutations|belle (?:journee|suite)"
    r"|(?:un )?(?:cordial |atent[oa] )?saludos?(?: cordiales)?|atentamente|un abrazo|(?:met )?(?:vriendelijke|hartelijke) groet(?:en)?|groet(?:en|jes)?)[ \t]*[,.!]?[ \t]*$",
    re.MULTILINE,
)
"""A closing line of folded text ("Kind regards,", "Mit freundlichen Grüßen", "Cordialement"):
what follows it is a signature and footers (a signer's name and title, "our interview process"
in a legal footer), which neither place a rejection's stage nor belong in a snippet."""


def before_sign_off(text: str) -> str:
    """The text, folded or as written, up to the line before its first closing line (the whole
    text when it has none, or when nothing would be left before it). The closing line is found
    in the folded text; folding keeps the lines, so the cut is made by line number."""
    folded = fold(text)
    closing = SIGN_OFF.search(folded)
    if closing is None:
        return text
    kept = text.split("\n", folded.count("\n", 0, closing.start()))
    head = "\n".join(kept[:-1]) if len(kept) > 1 else ""
    return head if head.strip() else text
