"""Rebuild the classifier's second opinion (``worker/classify/model.json``) from the team's corpus.

    python bench/model.py               # or `make model`: cross-validate, choose the threshold, write the file
    python bench/model.py --out X.json  # write elsewhere (the test compares it with the file kept)

Only ``tests/corpus/tuned`` is read: the examples the gate does not settle, as ``decide`` reads
them (subject, unwrapped body, sender). The threshold is the lowest probability at which the
cross-validated models turn no ``other`` email that names the job search into job mail.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from worker.classify import model  # noqa: E402
from worker.classify.decide import unwrap  # noqa: E402
from worker.classify.names import DELIVERY_REPORT, MAILING_LIST, NO_JOB_WORDS, NOTIFICATION  # noqa: E402
from worker.evaluate import load_corpus  # noqa: E402
from worker.pipeline import analyze  # noqa: E402
from worker.text import fold, is_reply  # noqa: E402

GATE_REASONS = (MAILING_LIST, DELIVERY_REPORT, NOTIFICATION, NO_JOB_WORDS)


def corpus_rows(corpus: Path) -> list[tuple[tuple[str, ...], str, bool]]:
    """(features, label, names the job search) of every tuned example the gate does not settle."""
    rows = []
    for example in load_corpus(corpus, "tuned"):
        analysis = analyze(example.path.read_bytes())
        evidence = analysis.classification.evidence
        if evidence and evidence[0].rule in GATE_REASONS:
            continue
        msg = analysis.parsed
        subject = "" if is_reply(msg.subject) else fold(msg.subject)
        body = fold(unwrap(msg.body, msg.body_was_html))
        rows.append((model.features(subject, body, msg.from_address), example.label, model.speaks_of_a_job(subject, body)))
    return rows


def build(corpus: Path, settings: model.Settings | None = None) -> model.Model:
    """Cross-validate on the corpus, choose the threshold, and train on all of it."""
    settings = settings or model.Settings()
    rows = corpus_rows(corpus)
    pairs = [(feats, label) for feats, label, _ in rows]
    cv = model.cross_validated(pairs, settings)
    judged = [(p, label) for p, (_, label, speaks) in zip(cv, rows, strict=True) if speaks and label != "rejection"]
    threshold, precision = model.choose_threshold([p for p, _ in judged], [label for _, label in judged])
    return model.train(pairs, settings, threshold, precision)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    parser.add_argument("--out", type=Path, default=model.WEIGHTS)
    args = parser.parse_args()
    start = time.perf_counter()
    built = build(args.corpus)
    args.out.write_text(built.to_json(), encoding="utf-8")
    print(f"{args.out}: {len(built.weights)} features, threshold {built.threshold}, cross-validated precision "
          f"{built.precision} ({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
