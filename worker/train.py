"""Rebuild ``worker/model.json`` from the tuned part of the corpus: ``python -m worker.train``.

Only ``tests/corpus/tuned`` is used, so the set-aside part stays an honest test. The
output is deterministic: the same corpus gives the same file, byte for byte.
"""

import argparse
import json
import sys
from pathlib import Path

from worker.classify import is_reply
from worker.evaluate import load_corpus
from worker.model import MODEL_PATH, train
from worker.parse import parse_message
from worker.rules import fold

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def model_text(raw: bytes) -> str:
    """What the model reads: the folded subject (unless a reply) and new text of a message."""
    p = parse_message(raw)
    subject = "" if is_reply(p.subject) else p.subject
    return fold(f"{subject}\n{p.body}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    examples = load_corpus(args.corpus, "tuned")
    if not examples:
        print(f"no tuned examples under {args.corpus}", file=sys.stderr)
        return 1
    model = train([(model_text(e.path.read_bytes()), e.label) for e in examples])
    args.out.write_text(json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"trained on {len(examples)} messages, {len(model.vocabulary)} features -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
