"""Quality on the labelled corpus: the floor below which a change to the rules is a regression.

The floors sit a little under the figures measured when the rules were last tuned (see
README, "Quality"), on the tuned part and on the set-aside part the rules never saw.
"""

from collections import Counter
from pathlib import Path

import pytest

from worker.evaluate import load_corpus, score
from worker.pipeline import analyze
from worker.rules import LABELS

CORPUS = Path(__file__).resolve().parent / "corpus"

FLOORS = {
    #           rej. precision, rej. recall, macro-F1, company, role, stage
    "tuned": (0.99, 0.98, 0.98, 0.97, 0.87, 0.96),
    "holdout": (0.95, 0.93, 0.88, 0.93, 0.83, 0.82),
}


@pytest.fixture(scope="module")
def results():
    return {split: [(e, analyze(e.path.read_bytes())) for e in load_corpus(CORPUS, split)] for split in FLOORS}


def test_corpus_is_complete():
    """At least 400 labelled emails, every label and language in both parts, every file present."""
    examples = load_corpus(CORPUS)
    assert len(examples) >= 400
    for split in FLOORS:
        part = [e for e in examples if e.split == split]
        assert set(Counter(e.label for e in part)) == set(LABELS)
        assert set(Counter(e.language for e in part)) == {"en", "de", "fr", "es", "nl"}
    assert all(e.path.is_file() for e in examples)
    assert all((e.stage is not None) == (e.label == "rejection") for e in examples)


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_quality_floor(results, split):
    """Rejection precision and recall, macro-F1, and extraction stay above their floors."""
    s = score(results[split])
    rej_p, rej_r, _, _ = s.per_label()["rejection"]
    measured = (rej_p, rej_r, s.macro_f1(), s.ratio(s.company), s.ratio(s.role), s.ratio(s.stage))
    names = ("rejection precision", "rejection recall", "macro-F1", "company", "role", "stage")
    below = [f"{n} {m:.3f} < {f}" for n, m, f in zip(names, measured, FLOORS[split], strict=True) if m < f]
    assert not below, f"{split}: " + "; ".join(below)
