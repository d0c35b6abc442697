"""Who and what a job email is about: employer, role, ATS vendor, requisition id, language.

Pure functions of a parsed message, split by concern: ``company`` (with ``sender`` and
``names``), ``role`` and ``metadata``. Each returns None rather than a fragment.
"""

from dataclasses import dataclass

from worker.extract.company import find_company, strip_reply
from worker.extract.metadata import detect_language, find_ats, find_job_id
from worker.extract.names import normalize_company, strip_legal_suffix
from worker.extract.role import GENDER_MARKER, clean_role, find_role
from worker.parse import ParsedMessage

__all__ = ["GENDER_MARKER", "Extraction", "clean_role", "extract", "normalize_company", "strip_legal_suffix"]


@dataclass(frozen=True, slots=True)
class Extraction:
    """What a job email names: employer, role, ATS vendor, requisition id, language."""

    company: str | None
    role: str | None
    ats: str | None
    job_id: str | None
    language: str


def extract(msg: ParsedMessage) -> Extraction:
    """Extract company, role, vendor, job id and language from a parsed message."""
    subject = strip_reply(msg.subject)
    text = f"{subject}\n{msg.body}"
    company = find_company(msg, text)
    return Extraction(
        company=company,
        role=find_role(subject, msg.body, company),
        ats=find_ats(msg),
        job_id=find_job_id(text),
        language=detect_language(f"{subject}\n{msg.body[:3000]}"),
    )
