"""Measuring the classifier against labelled mail: the corpus format and the metrics.

Used by ``bench/quality.py`` and the quality tests; pure apart from reading the corpus.
"""

import csv
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from worker.contract import LABELS, SURE
from worker.extract import evaluate as extract_evaluate


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled email of the corpus."""

    path: Path
    split: str
    label: str
    stage: str | None
    company: str | None
    role: str | None
    language: str
    on_file: bool | None
    feedback: bool | None


def load_corpus(root: Path, split: str | None = None) -> list[Example]:
    """Every example under ``root/<split>/<batch>/labels.csv`` (both splits when split is None)."""
    examples = []
    for labels in sorted(root.glob(f"{split or '*'}/*/labels.csv")):
        with labels.open(newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                examples.append(
                    Example(
                        path=labels.parent / row["file"],
                        split=labels.parent.parent.name,
                        label=row["label"],
                        stage=row.get("stage") or None,
                        company=row.get("company") or None,
                        role=row.get("role") or None,
                        language=row.get("language") or "en",
                        on_file=_flag(row.get("on_file")),
                        feedback=_flag(row.get("feedback")),
                    )
                )
    return examples


def load_realmail(root: Path, split: str | None = None) -> list[Example]:
    """The examples of a flat labelled folder whose ``labels.csv`` has a ``split`` column
    (``../shared/realmail``: ``tune`` or ``check``); only that split when one is given."""
    labels = root / "labels.csv"
    if not labels.is_file():
        return []
    with labels.open(newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if split is None or r["split"] == split]
    return [
        Example(root / r["file"], r["split"], r["label"], r.get("stage") or None, r.get("company") or None, r.get("role") or None,
                r.get("language") or "en", _flag(r.get("on_file")), _flag(r.get("feedback")))
        for r in rows
    ]


def everyday_messages(archive: Path) -> Iterator[tuple[str, bytes]]:
    """(member name, raw bytes) of every file in a tar archive of everyday mail."""
    with tarfile.open(archive) as tar:
        for member in tar:
            if member.isfile():
                data = tar.extractfile(member)
                if data is not None:
                    yield member.name, data.read()


def shared_folder(start: Path) -> Path:
    """``../shared`` beside the repository that holds ``start``: the real mail read at run time."""
    for parent in start.resolve().parents:
        if (parent / "pyproject.toml").is_file():
            return parent.parent / "shared"
    raise FileNotFoundError(f"no repository root above {start}")


def _flag(value: str | None) -> bool | None:
    return None if value in (None, "") else value.strip() == "1"


def same_company(expected: str, found: str | None) -> bool:
    """Whether an extracted company is the employer a label names (``worker.extract.evaluate``: one rule;
    a label that is only a note, "(a staffing relay)", names none, so only no company is right)."""
    return extract_evaluate.same_company(found, expected)


def same_role(expected: str, found: str | None) -> bool:
    """Whether an extracted title is the labelled one, ignoring case, accents, punctuation and gender markers."""
    return bool(found) and extract_evaluate.role_key(found) == extract_evaluate.role_key(expected)


@dataclass
class Scores:
    """Per-label precision, recall and F1, the confusion matrix, and extraction accuracy."""

    confusion: dict[str, dict[str, int]]
    company: tuple[int, int] = (0, 0)
    role: tuple[int, int] = (0, 0)
    stage: tuple[int, int] = (0, 0)
    told: tuple[int, int] = (0, 0)
    """Rejections told as such (confidence at or above ``SURE``): right ones, all told."""
    asked: tuple[int, int] = (0, 0)
    """Rejections below ``SURE``, only listed under "Please check": real rejections, all asked."""

    def per_label(self) -> dict[str, tuple[float, float, float, int]]:
        result = {}
        for label in LABELS:
            tp = self.confusion[label][label]
            predicted = sum(self.confusion[e][label] for e in LABELS)
            actual = sum(self.confusion[label].values())
            precision = tp / predicted if predicted else 1.0
            recall = tp / actual if actual else 1.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            result[label] = (precision, recall, f1, actual)
        return result

    def macro_f1(self) -> float:
        rows = [v for v in self.per_label().values() if v[3]]
        return sum(r[2] for r in rows) / len(rows) if rows else 0.0

    @staticmethod
    def ratio(pair: tuple[int, int]) -> float:
        return pair[0] / pair[1] if pair[1] else 1.0


def score(pairs) -> Scores:
    """Scores of (example, analysis) pairs: labels on all, extraction on rejections that name it."""
    confusion = {e: dict.fromkeys(LABELS, 0) for e in LABELS}
    company = role = stage = told = asked = (0, 0)
    for example, analysis in pairs:
        got = analysis.classification
        confusion[example.label][got.label] += 1
        if got.label == "rejection" and got.confidence >= SURE:
            told = _count(told, example.label == "rejection")
        elif got.label == "rejection":
            asked = _count(asked, example.label == "rejection")
        if example.label != "rejection":
            continue
        if example.company:
            company = _count(company, same_company(example.company, analysis.extraction.company))
        if example.role:
            role = _count(role, same_role(example.role, analysis.extraction.role))
        if example.stage:
            stage = _count(stage, got.label == "rejection" and got.stage == example.stage)
    return Scores(confusion, company, role, stage, told, asked)


def _count(pair: tuple[int, int], ok: bool) -> tuple[int, int]:
    return pair[0] + int(ok), pair[1] + 1
