"""Extraction quality: company and role accuracy on the team's corpus and on real mail.

    python bench/extraction.py                 # holdout, tuned, and ../shared/realmail tune and check
    python bench/extraction.py --errors tune   # what went wrong on the rows one may read

How rows are scored is in ``worker/extract/evaluate.py``. Errors are listed only for the
parts written or set aside for tuning (``tuned``, ``tune``): ``holdout`` and ``check`` are
the honest estimate, measured in aggregate and never read one by one.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from worker.extract import extract  # noqa: E402
from worker.extract.evaluate import (  # noqa: E402
    JOB_LABELS,
    company_scored,
    corpus_rows,
    realmail_rows,
    role_key,
    same_company,
    score,
)
from worker.parse import parse_message  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
REALMAIL = ROOT.parent / "shared" / "realmail"
TARGETS = {"company": 0.92, "role": 0.90}
"""The targets for extraction, on the check rows of the real mail and on the holdout."""


def rows(split: str):
    return realmail_rows(REALMAIL, split) if split in ("tune", "check") else corpus_rows(CORPUS, split)


def errors(split: str) -> None:
    for row in rows(split):
        if row.label not in JOB_LABELS:
            continue
        x = extract(parse_message(row.path.read_bytes()))
        company_ok = same_company(x.company, row.company) or not company_scored(row)
        role_ok = role_key(x.role) == role_key(row.role)
        if not (company_ok and role_ok):
            print(f"{row.path.name[:50]:50} company {row.company!r} got {x.company!r}; role {row.role!r} got {x.role!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=("tuned", "tune"), help="list the rows extraction gets wrong")
    args = parser.parse_args()
    if args.errors:
        errors(args.errors)
        return
    splits = ["holdout", "tuned"] + (["tune", "check"] if REALMAIL.is_dir() else [])
    for split in splits:
        s = score(rows(split))
        figures = "  ".join(
            f"{name} {s.ratio(pair):.3f} ({pair[0]}/{pair[1]}{'' if s.ratio(pair) >= TARGETS[name] else ', below target'})"
            for name, pair in (("company", s.company), ("role", s.role))
        )
        print(f"{split:8} {figures}")
    speed(splits)


def speed(splits: list[str]) -> None:
    """Extraction alone (messages parsed beforehand) on every job email of the splits, best of three."""
    messages = [parse_message(row.path.read_bytes()) for split in splits for row in rows(split) if row.label in JOB_LABELS]
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for msg in messages:
            extract(msg)
        best = min(best, time.perf_counter() - start)
    print(f"speed    {len(messages) / best:,.0f} msg/s extract alone ({len(messages)} job emails, {1000 * best / len(messages):.2f} ms each)")


if __name__ == "__main__":
    main()
