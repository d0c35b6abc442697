"""Classifier quality on labelled mail: precision, recall, F1, confusion, stage, extraction,
and a reliability table of the confidence (does a confidence of 0.9 mean 90 % right?).

    python bench/quality.py                        # own corpus, real mail, everyday mail
    python bench/quality.py --split tuned --errors label   # list what the rules got wrong

Parts: ``tuned`` and ``holdout`` of ``tests/corpus`` (the holdout is never read while
tuning), ``tune`` and ``check`` of ``../shared/realmail`` (real third-party mail, read at run
time only; rules are written from ``tune``, ``check`` is only measured), and ``everyday``: the
real everyday mail of ``../shared/mail/real-ordinary.tar.gz``, where every message should be
``other``.
"""

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from worker.contract import LABELS, SURE  # noqa: E402
from worker.evaluate import everyday_messages, load_corpus, load_realmail, same_company, same_role, score, shared_folder  # noqa: E402
from worker.pipeline import analyze  # noqa: E402

TARGETS = {"rejection precision": 0.98, "rejection recall": 0.95, "macro-F1": 0.90, "company": 0.92, "role": 0.90, "stage": 0.85}
"""The quality the product aims for on real mail and on the holdout."""

BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)
"""Confidence bins of the reliability table; ``SURE`` is one of the edges."""

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
    figures = {"rejection precision": rej[0], "rejection recall": rej[1], "macro-F1": s.macro_f1(),
               "company": s.ratio(s.company), "role": s.ratio(s.role), "stage": s.ratio(s.stage)}
    print()
    for name, value in figures.items():
        pair = {"company": s.company, "role": s.role, "stage": s.stage}.get(name)
        counts = f" ({pair[0]}/{pair[1]} rejections)" if pair else ""
        mark = "ok" if value >= TARGETS[name] else "below target"
        print(f"{name:20} {value:6.3f}  target {TARGETS[name]:.2f}  {mark}{counts}")
    tiers(s)
    reliability([(a.classification.confidence, a.classification.label == e.label) for e, a in pairs])
    return figures


def tiers(s) -> None:
    """What the user is told against what the user is asked: a rejection at ``SURE`` or above is
    shown as one ("X said no"); below it, it is only listed under "Please check". The first rule
    (never tell someone they were rejected when they were not) is the precision of the told tier."""
    told, (asked_right, asked) = s.told[1], s.asked
    print(f"\ntold as a rejection   {told:4d}  precision {s.ratio(s.told):.3f}  (first rule: at least 0.98)")
    print(f"asked (Please check)  {asked:4d}  of them rejections {asked_right}; "
          f"rejections told or asked {s.per_label()['rejection'][1]:.3f} (the recall above)")


def reliability(rows: list[tuple[float, bool]]) -> None:
    """Confidence bins against the share of labels that were right in each."""
    print(f"\nreliability   {'confidence':>12} {'n':>5} {'right':>6}")
    for low, high in zip(BINS, BINS[1:], strict=False):
        inside = [ok for c, ok in rows if low <= c < high]
        if inside:
            print(f"{'':13} {low:5.2f}–{min(high, 1.0):4.2f} {len(inside):5d} {sum(inside) / len(inside):6.3f}")
    sure = [ok for c, ok in rows if c >= SURE]
    if sure:
        print(f"{'':13} {'>= SURE':>12} {len(sure):5d} {sum(sure) / len(sure):6.3f}  (contract: at least 0.98)")


def everyday(archive: Path) -> None:
    """Everyday mail: how many would be stored as job-related, and as rejections."""
    results = [analyze(raw).classification for _, raw in everyday_messages(archive)]
    labels = Counter(c.label for c in results)
    gated = sum(1 for c in results if c.evidence and c.evidence[0].rule in GATE_REASONS)
    print(f"\n== everyday: {len(results)} messages ==")
    print(f"job-related {len(results) - labels['other']} (at most 1), rejections {labels['rejection']} (must be 0), "
          f"settled by the gate {gated}; labels {dict(labels)}")
    reliability([(c.confidence, c.label == "other") for c in results])


def errors(kind: str, pairs) -> None:
    for e, a in pairs:
        c, x, p = a.classification, a.extraction, a.parsed
        name = f"{e.path.parent.name}/{e.path.name}"
        if kind == "label" and c.label != e.label:
            print(f"{name}: expected {e.label}, got {c.label} {c.confidence} {c.reasons[:5]}")
        elif kind == "stage" and e.label == "rejection" and c.label == "rejection" and e.stage and c.stage != e.stage:
            print(f"{name}: expected {e.stage}, got {c.stage}")
        elif kind == "company" and e.label == "rejection" and e.company and not same_company(e.company, x.company):
            print(f"{name}: expected {e.company!r}, got {x.company!r} from {p.from_name!r} <{p.from_address}>")
        elif kind == "role" and e.label == "rejection" and e.role and not same_role(e.role, x.role):
            print(f"{name}: expected {e.role!r}, got {x.role!r}; subject {p.subject!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    parser.add_argument("--shared", type=Path, default=shared_folder(ROOT / "bench"))
    parser.add_argument("--split", choices=("tuned", "holdout", "tune", "check", "everyday"), help="only this part")
    parser.add_argument("--errors", choices=("label", "stage", "company", "role"), help="list the misses of this kind (not on check)")
    args = parser.parse_args()
    for split in [args.split] if args.split else ["tuned", "holdout", "tune", "check", "everyday"]:
        if split == "everyday":
            archive = args.shared / "mail" / "real-ordinary.tar.gz"
            if archive.is_file():
                everyday(archive)
            continue
        examples = load_corpus(args.corpus, split) if split in ("tuned", "holdout") else load_realmail(args.shared / "realmail", split)
        if not examples:
            print(f"no examples for {split}", file=sys.stderr)
            continue
        pairs = [(e, analyze(e.path.read_bytes())) for e in examples]
        report(split, pairs)
        if args.errors and split != "check":
            print()
            errors(args.errors, pairs)
    return 0


from worker.classify.names import DELIVERY_REPORT, MAILING_LIST, NO_JOB_WORDS, NOTIFICATION  # noqa: E402

GATE_REASONS = (MAILING_LIST, DELIVERY_REPORT, NOTIFICATION, NO_JOB_WORDS)

if __name__ == "__main__":
    sys.exit(main())
