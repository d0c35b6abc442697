"""From raw RFC 5322 bytes to one normalized record; never raises on bad mail.

Uses the standard library's compat32 parser (fast and forgiving) and decodes headers
and bodies itself, so broken or unknown charsets degrade to replacement characters
instead of exceptions. Every problem met is kept in ``defects`` for the log.
"""

import email
import email.header
import email.policy
import email.utils
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message

from worker.contract import EARLIEST_DATE, LATEST_DATE, within_dates
from worker.text import before_sign_off, clean_text, html_to_text, text_hosts, trim_reply

MAX_MESSAGE_BYTES = 512 * 1024
"""Raw bytes beyond this are not parsed: the text that matters is in the first part, and
a 30 MB attachment must not cost 30 MB of work."""

MAX_HEADER_CHARS = 4_000
"""A header value is cut at this length before decoding (huge headers are an attack, not mail)."""

MAX_PARTS = 200
"""At most this many MIME parts are looked at, and at most ``MAX_DEPTH`` levels deep."""

MAX_DEPTH = 24

TOO_DEEP = f"MIME parts nested deeper than {MAX_DEPTH} levels"
"""The defect of a message whose parts nest deeper than ``MAX_DEPTH`` (or than the standard library's
parser can recurse): its body is not read, so the message is skipped with this reason (``unread_reason``)
rather than stored as an empty ``other``."""

SNIPPET_CHARS = 300
"""Length of the snippet the server may keep (it keeps no whole bodies)."""


@dataclass(frozen=True, slots=True)
class ParsedMessage:
    """One email, normalized: decoded headers, bulk signals and the clean new text."""

    subject: str = ""
    from_name: str = ""
    from_address: str = ""
    reply_to: str = ""
    to: tuple[str, ...] = ()
    date: datetime | None = None
    message_id: str = ""
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    list_id: str = ""
    list_unsubscribe: str = ""
    precedence: str = ""
    auto_submitted: str = ""
    body: str = ""
    """The new text of the message: quotes of earlier messages and signatures removed."""
    body_was_html: bool = False
    quoted: bool = False
    """Whether an earlier message was quoted (and trimmed away)."""
    link_hosts: tuple[str, ...] = ()
    size: int = 0
    truncated: bool = False
    defects: tuple[str, ...] = field(default=())

    @property
    def sender_domain(self) -> str:
        return self.from_address.rpartition("@")[2]

    @property
    def is_bulk(self) -> bool:
        """Whether the headers say this is list, bulk or automated mail."""
        return bool(
            self.list_id
            or self.list_unsubscribe
            or self.precedence in ("bulk", "list", "junk")
        )

    @property
    def snippet(self) -> str:
        """The start of the new text on one line, without the signature after a closing line,
        cut at the end of a word (a reader should not meet "ple…")."""
        text = " ".join(before_sign_off(self.body).split())
        if len(text) <= SNIPPET_CHARS:
            return text
        cut = text[: SNIPPET_CHARS - 1]
        if text[SNIPPET_CHARS - 1] != " " and " " in cut:
            cut = cut.rsplit(" ", 1)[0]
        return cut.rstrip(" ,;:–-") + "…"


def parse_message(raw: bytes) -> ParsedMessage:
    """Parse raw message bytes. Malformed input gives a record with ``defects``, never an error."""
    defects: list[str] = []
    size = len(raw)
    truncated = size > MAX_MESSAGE_BYTES
    if truncated:
        raw = raw[:MAX_MESSAGE_BYTES]
        defects.append(f"message of {size} bytes truncated to {MAX_MESSAGE_BYTES}")
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    except RecursionError:  # the stdlib parser recurses once per nested part: about a thousand levels
        return ParsedMessage(size=size, truncated=truncated, defects=(TOO_DEEP,))
    except Exception as exc:  # noqa: BLE001 - the stdlib parser is documented not to raise; be sure
        return ParsedMessage(size=size, truncated=truncated, defects=(f"unparseable: {exc!r}",))

    headers: dict[str, str] = {}
    for name, value in msg.raw_items():
        headers.setdefault(name.lower(), value if isinstance(value, str) else str(value))
    senders = _sender_fields(headers, defects)
    body, was_html, hosts = _body_text(msg, defects)
    new_text, quoted = trim_reply(body)
    defects.extend(type(d).__name__ for d in getattr(msg, "defects", ()))
    return ParsedMessage(
        **senders,
        **_other_fields(headers, defects),
        body=new_text,
        body_was_html=was_html,
        quoted=quoted,
        link_hosts=hosts[:50],
        size=size,
        truncated=truncated,
        defects=tuple(dict.fromkeys(defects)),
    )


def unread_reason(parsed: ParsedMessage) -> str | None:
    """Why the message's text could not be read at all (so it is skipped, not stored as ``other``), or None."""
    return f"{TOO_DEEP}: its text was not read" if TOO_DEEP in parsed.defects else None


def parse_headers(headers: dict[str, str], size: int = 0) -> ParsedMessage:
    """A record of the header fields alone (``header_fields``), without a body: for mail settled
    from its headers, which is never parsed further."""
    defects: list[str] = []
    senders = _sender_fields(headers, defects)
    return ParsedMessage(**senders, **_other_fields(headers, defects), size=size, defects=tuple(dict.fromkeys(defects)))


def _sender_fields(headers: dict[str, str], defects: list[str]) -> dict:
    from_name, from_address = _address(headers.get("from", ""), defects)
    _, reply_to = _address(headers.get("reply-to", ""), defects)
    return {"from_name": from_name, "from_address": from_address, "reply_to": reply_to}


def _other_fields(headers: dict[str, str], defects: list[str]) -> dict:
    """The decoded header fields of a ParsedMessage but its senders, from the first raw value of
    each field (decoded in this order, so the defects come in the same order)."""

    def header(name: str) -> str:
        value = headers.get(name)
        return decode_header_value(value, defects) if value else ""

    subject = header("subject")
    to = tuple(addr for _, addr in _addresses(header("to")))
    date = _date(header("date"), defects)
    return {
        "subject": subject,
        "to": to,
        "date": date,
        "message_id": _first_id(header("message-id")),
        "in_reply_to": _first_id(header("in-reply-to")),
        "references": tuple(_ID.findall(header("references")))[:50],
        "list_id": header("list-id"),
        "list_unsubscribe": header("list-unsubscribe"),
        "precedence": header("precedence").strip().lower(),
        "auto_submitted": header("auto-submitted").strip().lower(),
    }


_FIELD = re.compile(r"([!-9;-~]+):[ \t]*([^\r\n]*(?:(?:\r\n|\r|\n)[ \t][^\r\n]*)*)(?:\r\n|\r|\n|$)")
"""One header field with its continuation lines, as the standard library's feedparser reads one
(a name of printable characters but the colon, the colon, the value)."""

_SECTION_END = frozenset({"", "\r\n", "\r", "\n"})


def header_fields(head: bytes) -> dict[str, str] | None:
    """The first raw value of each field of a header section (lower-case names), exactly as the
    standard library's compat32 parser keeps them, without parsing the message; None when the
    section is anything but fields and the blank line that ends it (an mbox ``From `` line, a
    stray line, a continuation with no field), so the caller falls back to the full parser."""
    text = head.decode("ascii", "surrogateescape")
    fields: dict[str, str] = {}
    at = 0
    for match in _FIELD.finditer(text):
        if match.start() != at:
            return None
        at = match.end()
        name = match.group(1).lower()
        if name not in fields:
            fields[name] = match.group(2).rstrip("\r\n")
    return fields if text[at:] in _SECTION_END else None


# --- headers ----------------------------------------------------------------------------

_ID = re.compile(r"<[^<>\s]{1,500}>")
_ADDRESS = re.compile(r"[\w.+'=-]+@[\w-]+(?:\.[\w-]+)+")


def decode_header_value(value: str, defects: list[str] | None = None) -> str:
    """A raw header value as readable text: RFC 2047 words decoded, raw 8-bit bytes read
    as UTF-8 (or Windows-1252), unknown charsets tolerated, folding removed."""
    text = value[:MAX_HEADER_CHARS]
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # raw 8-bit bytes, kept by the parser as surrogate escapes
        text = _decode_bytes(text.encode("utf-8", "surrogateescape"), None)
    if "=?" in text:
        try:
            parts = email.header.decode_header(text)
        except Exception as exc:  # noqa: BLE001 - malformed encoded words: keep the raw text
            if defects is not None:
                defects.append(f"encoded word: {exc!r}")
        else:
            text = "".join(
                _decode_bytes(chunk, charset) if isinstance(chunk, bytes) else chunk
                for chunk, charset in parts
            )
    return " ".join(text.split())


def _decode_bytes(data: bytes, charset: str | None) -> str:
    """Bytes to text with the declared charset, else UTF-8, else Windows-1252 with replacements."""
    for candidate in (charset, "utf-8"):
        if not candidate or candidate.lower() in ("unknown-8bit", "x-unknown", "unknown"):
            continue
        try:
            return data.decode(candidate.strip().strip('"'))
        except (LookupError, UnicodeDecodeError, ValueError):
            continue
    return data.decode("cp1252", errors="replace")


def _address(value: str, defects: list[str]) -> tuple[str, str]:
    """Display name and address of the first mailbox in a raw address header.

    The address is split before the display name is decoded, so an encoded name with a
    comma in it ("Müller, Anna") stays one name."""
    if not value:
        return "", ""
    value = value[:MAX_HEADER_CHARS]
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = _decode_bytes(value.encode("utf-8", "surrogateescape"), None)
    pairs = _addresses(value)
    if not pairs:
        return "", ""
    display, addr = pairs[0]
    return decode_header_value(display, defects).strip(" \"'"), addr


_SIMPLE_MAILBOX = re.compile(r"\s*(?:([^\"<>,;:()@\\]*?)\s*)?<([^<>\s@]+@[^<>\s@]+)>\s*|\s*([^\s<>\",;:()@]+@[^\s<>\",;:()@]+)\s*")


def _addresses(value: str) -> list[tuple[str, str]]:
    """(display name, address) pairs; a single plain mailbox skips the stdlib's slow parser."""
    simple = _SIMPLE_MAILBOX.fullmatch(value)
    if simple:
        name, angle, bare = simple.groups()
        return [((name or "").strip(), (angle or bare).lower())]
    try:
        pairs = [(n, a.lower()) for n, a in email.utils.getaddresses([value]) if "@" in a]
    except Exception:  # noqa: BLE001 - fall back to a plain scan below
        pairs = []
    if not pairs:
        pairs = [("", a.lower()) for a in _ADDRESS.findall(value)]
    return pairs


def _date(value: str, defects: list[str]) -> datetime | None:
    if not value:
        return None
    try:
        date = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError) as exc:
        defects.append(f"date {value[:60]!r}: {exc}")
        return None
    date = date if date.tzinfo else date.replace(tzinfo=UTC)
    if not within_dates(date):  # a broken clock: the caller's fallback (the server's receipt date) is truer
        defects.append(f"date {value[:60]!r}: outside {EARLIEST_DATE.year}..{LATEST_DATE.year - 1}")
        return None
    return date


def _first_id(value: str) -> str:
    match = _ID.search(value)
    if match:
        return match.group(0)
    value = value.strip()
    return f"<{value}>" if value and " " not in value else ""


# --- body ---------------------------------------------------------------------------------

def _body_text(msg: Message, defects: list[str]) -> tuple[str, bool, tuple[str, ...]]:
    """The best text of the message: text/plain preferred, HTML converted when it is all
    there is (or the plain part is an empty shell). Returns text, whether it came from
    HTML, and link hosts."""
    plain: str | None = None
    html: str | None = None
    for part in _leaf_parts(msg, defects):
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html"):
            continue
        disposition = str(part.get("Content-Disposition", "")).lower()
        if disposition.startswith("attachment"):
            continue
        text = _payload_text(part, defects)
        if ctype == "text/plain" and plain is None:
            plain = text
        elif ctype == "text/html" and html is None:
            html = text
        if plain is not None and html is not None:
            break
    if plain is not None and (html is None or len(plain.split()) >= 5):
        text = clean_text(plain)
        return text, False, text_hosts(text)
    if html is not None:
        try:
            text, hosts = html_to_text(html)
        except Exception as exc:  # noqa: BLE001 - broken HTML must not lose the message
            defects.append(f"html: {exc!r}")
            text, hosts = clean_text(re.sub(r"<[^>]*>", " ", html)), ()
        return text, True, hosts
    return "", False, ()


def _leaf_parts(msg: Message, defects: list[str]):
    """Non-multipart parts in document order, without recursion and within the limits;
    parts of attached messages (message/rfc822) are skipped: they are not the new text."""
    stack = [(msg, 0)]
    seen = 0
    while stack:
        part, depth = stack.pop()
        seen += 1
        if seen > MAX_PARTS:
            defects.append(f"more than {MAX_PARTS} MIME parts")
            return
        if part.is_multipart():
            if depth >= MAX_DEPTH:
                defects.append(TOO_DEEP)
                continue
            if part.get_content_type() == "message/rfc822":
                continue
            payload = part.get_payload()
            if isinstance(payload, list):
                stack.extend((p, depth + 1) for p in reversed(payload) if isinstance(p, Message))
        else:
            yield part


def _payload_text(part: Message, defects: list[str]) -> str:
    try:
        data = part.get_payload(decode=True)
    except Exception as exc:  # noqa: BLE001
        defects.append(f"payload: {exc!r}")
        return ""
    if data is None:
        return ""
    if isinstance(data, str):
        return data
    try:
        charset = part.get_content_charset()
    except Exception:  # noqa: BLE001 - a charset parameter with broken RFC 2231 encoding
        charset = None
    return _decode_bytes(data, charset)
