"""One call from raw bytes to everything Onward knows about a message.

The header section is split once, by hand, and shared. Everyday mail the gate settles from
those headers, or from the raw bytes of a plain body without a word of a job search, is not
parsed further: no MIME parse, no classification rules, no extraction (it is never sent to the
server). Only what survives the gate is parsed fully; only job mail is extracted from."""

from worker.classify import Classification, classify, header_verdict, settled
from worker.classify.gate import header_bytes, raw_text_verdict
from worker.extract import Extraction, extract
from worker.parse import ParsedMessage, header_fields, parse_headers, parse_message, unread_reason
from worker.skills import skill_area


class Analysis:
    """A message parsed, classified and with its employer and role extracted.

    For mail the gate settled, ``parsed`` (its header fields, no body) is only decoded when read:
    a sync never reads it, so it never pays for it."""

    __slots__ = ("_parsed", "_fields", "_size", "classification", "extraction")

    def __init__(self, parsed: ParsedMessage | None, classification: Classification, extraction: Extraction,
                 fields: dict[str, str] | None = None, size: int = 0) -> None:
        self._parsed = parsed
        self._fields = fields
        self._size = size
        self.classification = classification
        self.extraction = extraction

    @property
    def parsed(self) -> ParsedMessage:
        if self._parsed is None:
            self._parsed = parse_headers(self._fields or {}, self._size)
        return self._parsed

    @property
    def unread(self) -> str | None:
        """Why the message's text could not be read (``unread_reason``), or None. Mail settled from its
        header fields has no body read to fail, so its record is not decoded to say so."""
        return None if self._parsed is None else unread_reason(self._parsed)

    def __repr__(self) -> str:
        return f"Analysis({self.parsed!r}, {self.classification!r}, {self.extraction!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Analysis):
            return NotImplemented
        return (self.parsed, self.classification, self.extraction) == (other.parsed, other.classification, other.extraction)

    __hash__ = None

    def to_dict(self) -> dict:
        """The JSON-ready record (`onward classify --json`, and later the worker's upload)."""
        p, c, x = self.parsed, self.classification, self.extraction
        return {
            "message_id": p.message_id or None,
            "subject": p.subject,
            "from_name": p.from_name,
            "from_address": p.from_address,
            "date": p.date.isoformat() if p.date else None,
            "label": c.label,
            "confidence": c.confidence,
            "stage": c.stage,
            "keeps_on_file": c.keeps_on_file if c.label == "rejection" else None,
            "offers_feedback": c.offers_feedback if c.label == "rejection" else None,
            "company": x.company,
            "role": x.role,
            "ats": x.ats,
            "job_id": x.job_id,
            "language": x.language,
            "skill_area": skill_area(f"{p.subject}\n{p.body}") if c.label == "rejection" and c.stage == "assessment" else None,
            "reasons": c.reasons,
            "snippet": p.snippet,
            "defects": list(p.defects),
        }


def analyze(raw: bytes, unsettled: tuple[bytes, dict[str, str]] | None = None) -> Analysis:
    """Parse, classify and extract one message. Never raises on malformed mail.

    ``unsettled`` is (header section, its ``header_fields``) that ``settled_by_headers`` already
    found not settled: a sync has looked at every header before it fetches a body, and when the
    message's own header section is that one, it is not split and judged again."""
    head = header_bytes(raw)
    known = unsettled is not None and unsettled[0] == head
    fields = unsettled[1] if known else header_fields(head)
    if fields is None:  # an unusual header section: the standard library's parser reads it
        everyday = header_verdict(raw)
        if everyday:
            return Analysis(parse_message(head), settled(*everyday), NOTHING_EXTRACTED)
    else:
        everyday = (None if known else header_verdict(raw, fields)) or raw_text_verdict(raw, head, fields)
        if everyday:
            return Analysis(None, settled(*everyday), NOTHING_EXTRACTED, fields, len(raw))
    parsed = parse_message(raw)
    classification = classify(parsed)
    if classification.label == "other":
        return Analysis(parsed, classification, NOTHING_EXTRACTED)
    return Analysis(parsed, classification, extract(parsed))


def settled_by_headers(head: bytes, fields: dict[str, str] | None = None, hinted: bool | None = None) -> bool:
    """Whether ``analyze`` settles a message from its header section alone (the gate's first look),
    so its body need not even be fetched: ``head`` is the header section the IMAP server sends
    for ``BODY.PEEK[HEADER]``, ``fields`` its ``header_fields`` when already split, ``hinted``
    its ``headers_hint_job`` when already known (the sync counts it)."""
    return header_verdict(head, fields if fields is not None else header_fields(head), hinted) is not None


NOTHING_EXTRACTED = Extraction(company=None, role=None, ats=None, job_id=None, language="")
"""The extraction of mail that is not about a job: nothing is looked for."""
