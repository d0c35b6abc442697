"""Measuring extraction against labelled mail: company and role accuracy on job emails.

Used by ``bench/extraction.py`` and ``tests/worker/test_extract_realmail.py``; pure apart from
reading the labels and the messages. Both the team's corpus (``tests/corpus/<split>/<batch>/``)
and the real mail beside the project (``../shared/realmail/``, one ``labels.csv`` with a
``split`` column) are read in the same way.

How a row is scored, and why:
- only job mail (rejections, confirmations, invitations, offers, outreach): an alert lists many
  jobs and ordinary mail has none, so neither has one company or role to get right;
- names compare after case, accents, punctuation, spaces and legal forms are dropped, titles
  after gender markers are dropped too: "Acme, Inc." is "ACME", "Analyst (m/w/d)" is "analyst";
- an empty label means nothing should be found: a fragment or a vendor where the email names
  nothing is an error, like a wrong name. Outreach that names no employer is left out of the
  company score, since the two label sets disagree on whether the agency then counts;
- a company label may carry a note in parentheses ("Acme (via agency)"); a single capitalized
  word there is another name for it ("Halden Knowles Consulting (HKC)"), anything else is a note;
- a name matches a label when one is the other's leading words ("Harrowmere" for "Harrowmere
  Insurance"), see `same_company`.
"""

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from worker.extract import extract
from worker.extract.names import company_words, name_key, same_employer_words
from worker.extract.role import GENDER_MARKER
from worker.parse import parse_message

JOB_LABELS = frozenset({"rejection", "application_confirmation", "interview_invitation", "offer", "recruiter_outreach"})
"""Labels whose emails are about one job at one employer."""


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled email: where it is, its label, and the company and role it names."""

    path: Path
    label: str
    company: str
    role: str


@dataclass(frozen=True, slots=True)
class Accuracy:
    """Right answers and rows scored, for company and for role."""

    company: tuple[int, int]
    role: tuple[int, int]

    @staticmethod
    def ratio(pair: tuple[int, int]) -> float:
        return pair[0] / pair[1] if pair[1] else 1.0


def realmail_rows(root: Path, split: str) -> list[Row]:
    """The rows of ``root/labels.csv`` in one split (``tune`` or ``check``)."""
    with (root / "labels.csv").open(newline="", encoding="utf-8") as f:
        return [_row(root, r) for r in csv.DictReader(f) if r["split"] == split]


def corpus_rows(root: Path, split: str) -> list[Row]:
    """The rows of every ``root/<split>/<batch>/labels.csv`` (``tuned`` or ``holdout``)."""
    rows = []
    for labels in sorted(root.glob(f"{split}/*/labels.csv")):
        with labels.open(newline="", encoding="utf-8") as f:
            rows += [_row(labels.parent, r) for r in csv.DictReader(f)]
    return rows


def _row(folder: Path, r: dict[str, str]) -> Row:
    return Row(folder / r["file"], r["label"], (r.get("company") or "").strip(), (r.get("role") or "").strip())


def company_names(label: str) -> list[str]:
    """The names a company label accepts, as word keys (see `company_words`); empty when the
    label names no company. "Halden Knowles Consulting (HKC)" accepts the name and "HKC"."""
    names = [re.sub(r"\([^)]*\)", "", label)]
    names += [m for m in re.findall(r"\(([^()\s/]+)\)", label) if m[:1].isupper()]
    return [k for k in (company_words(n) for n in names) if k]


def same_company(found: str | None, label: str | None) -> bool:
    """Whether an extracted company is the employer a label names, as a user sees it.

    After case, accents, punctuation and legal forms are dropped, the words of one must be the
    leading words of the other: "Harrowmere" is "Harrowmere Shipping", "Vrieswijk Nederland"
    is "Vrieswijk", "Quillfeather" is "Quillfeather Software Ltd". A user reads these as one
    employer, and the display name, the signature and the label often differ only by such a
    tail (a country, a line of business), so requiring the exact spelling would score a right
    answer as wrong. The shorter side must not be one generic word ("Hotel", "Group", "Bank"):
    that names a kind of employer, not this one. An acronym the label gives in parentheses
    ("Halden Knowles Consulting (HKC)") is accepted like the full name. An empty label accepts
    only None.
    """
    names = company_names(label or "")
    words = company_words(found)
    if not names:
        return not words
    return any(same_employer_words(words, name) for name in names)


def role_key(role: str | None) -> str:
    return name_key(GENDER_MARKER.sub("", role)) if role else ""


def company_scored(row: Row) -> bool:
    """Whether a row counts in the company score: outreach that names no employer does not."""
    return bool(company_names(row.company)) or row.label != "recruiter_outreach"


def score(rows: list[Row]) -> Accuracy:
    """Company and role accuracy of ``extract`` on the job mail among rows."""
    company = [0, 0]
    role = [0, 0]
    for row in rows:
        if row.label not in JOB_LABELS:
            continue
        found = extract(parse_message(row.path.read_bytes()))
        if company_scored(row):
            company[0] += same_company(found.company, row.company)
            company[1] += 1
        role[0] += role_key(found.role) == role_key(row.role)
        role[1] += 1
    return Accuracy(company=(company[0], company[1]), role=(role[0], role[1]))
