"""One call from raw bytes to everything Onward knows about a message."""

from dataclasses import dataclass

from worker.classify import Classification, classify
from worker.extract import Extraction, extract
from worker.parse import ParsedMessage, parse_message
from worker.skills import skill_area


@dataclass(frozen=True, slots=True)
class Analysis:
    """A message parsed, classified and with its employer and role extracted."""

    parsed: ParsedMessage
    classification: Classification
    extraction: Extraction

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


def analyze(raw: bytes) -> Analysis:
    """Parse, classify and extract one message. Never raises on malformed mail."""
    parsed = parse_message(raw)
    return Analysis(parsed, classify(parsed), extract(parsed))
