"""Classifier quality on the labelled corpus: precision, recall, F1, confusion, extraction.

    python bench/quality.py                  # both parts of the corpus
    python bench/quality.py --split tuned --errors label   # list what the rules got wrong

The tuned part is what the rules were written against; the holdout part is never read
while tuning, so its figures are the honest estimate.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from worker.evaluate import load_corpus, same_company, same_role, score  # noqa: E402
from worker.pipeline import analyze  # noqa: E402
from worker.rules import LABELS  # noqa: E402

TARGETS = {"rejection precision": 0.98, "rejection recall": 0.95, "macro-F1": 0.90, "company": 0.90, "role": 0.85, "stage": 0.85}
"""The quality the product aims for on real mail (issue 2)."""

SHORT = {"rejection": "rej", "application_confirmation": "conf", "interview_invitation": "inv", "offer": "offer", "job_alert": "alert", "recruiter_outreach": "outr", "other": "other"}


def report(split: str, pairs) -> dict[str, float]:
    s = score(pairs)
    print(f"\n== {split}: {len(pairs)} messages ==")
    print(f"{'label':26} {'precision':>9} {'recall':>7} {'F1':>6} {'n':>5}")
    for label, (p, r, f1, n) in s.per_label().items():
        print(f"{label:26} {p:9.3f} {r:7.3f} {f1:6.3f} {n:5d}")
    print("\nconfusion (rows: expected, columns: predicted)")
    print(" " * 8 + "".join(f"{SHORT[c]:>7}" for c in LABELS))
    for e in LABELS:
        print(f"{SHORT[e]:8}" + "".join(f"{s.confusion[e][c]:7d}" for c in LABELS))
    rej = s.per_label()["rejection"]
    figures = {
        "rejection precision": rej[0],
        "rejection recall": rej[1],
        "macro-F1": s.macro_f1(),
        "company": s.ratio(s.company),
        "role": s.ratio(s.role),
        "stage": s.ratio(s.stage),
    }
    print()
    for name, value in figures.items():
        pair = {"company": s.company, "role": s.role, "stage": s.stage}.get(name)
        counts = f" ({pair[0]}/{pair[1]} rejections)" if pair else ""
        mark = "ok" if value >= TARGETS[name] else "below target"
        print(f"{name:20} {value:6.3f}  target {TARGETS[name]:.2f}  {mark}{counts}")
    return figures


def errors(kind: str, pairs) -> None:
    for e, a in pairs:
        c, x, p = a.classification, a.extraction, a.parsed
        name = f"{e.path.parent.name}/{e.path.name}"
        if kind == "label" and c.label != e.label:
            print(f"{name}: expected {e.label}, got {c.label} {c.reasons[:5]}")
        elif kind == "stage" and e.label == "rejection" and c.label == "rejection" and e.stage and c.stage != e.stage:
            print(f"{name}: expected {e.stage}, got {c.stage}")
        elif kind == "company" and e.label == "rejection" and e.company and not same_company(e.company, x.company):
            print(f"{name}: expected {e.company!r}, got {x.company!r} from {p.from_name!r} <{p.from_address}>")
        elif kind == "role" and e.label == "rejection" and e.role and not same_role(e.role, x.role):
            print(f"{name}: expected {e.role!r}, got {x.role!r}; subject {p.subject!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    parser.add_argument("--split", choices=("tuned", "holdout"), help="only this part")
    parser.add_argument("--errors", choices=("label", "stage", "company", "role"), help="list the misses of this kind")
    args = parser.parse_args()
    for split in [args.split] if args.split else ["tuned", "holdout"]:
        examples = load_corpus(args.corpus, split)
        if not examples:
            print(f"no examples under {args.corpus}/{split}", file=sys.stderr)
            return 1
        pairs = [(e, analyze(e.path.read_bytes())) for e in examples]
        report(split, pairs)
        if args.errors:
            print()
            errors(args.errors, pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
