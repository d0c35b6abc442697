"""A small naive Bayes model over words and word pairs: the classifier's second opinion.

The rules decide; the model only rescues a rejection the rules saw weak signs of but no
phrase they know ("we're concluding the process on your side"). It is trained by
``python -m worker.train`` on the tuned part of the corpus (never the set-aside part) and
shipped as ``worker/model.json``; loading it downloads nothing and it is deterministic.
"""

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("model.json")
"""Where the trained model lives inside the package."""

_WORD = re.compile(r"[a-z]{2,}")


def features(folded_text: str) -> set[str]:
    """The set of words and adjacent word pairs of a folded text (each counted once)."""
    words = _WORD.findall(folded_text[:6000])
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


@dataclass(frozen=True, eq=False)
class NaiveBayes:
    """Multinomial naive Bayes over binarized features: log priors and, per label,
    log P(feature | label) with add-one smoothing (``log_unseen`` for a feature the
    label never had)."""

    labels: tuple[str, ...]
    log_prior: dict[str, float]
    log_likelihood: dict[str, dict[str, float]]
    log_unseen: dict[str, float]
    vocabulary: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "vocabulary", frozenset().union(*(t.keys() for t in self.log_likelihood.values())))

    def probabilities(self, folded_text: str) -> dict[str, float]:
        """P(label | text) for every label, from the features the model knows."""
        feats = features(folded_text) & self.vocabulary
        scores = {}
        for label in self.labels:
            table, unseen = self.log_likelihood[label], self.log_unseen[label]
            scores[label] = self.log_prior[label] + sum(table.get(f, unseen) for f in feats)
        top = max(scores.values())
        exp = {k: math.exp(v - top) for k, v in scores.items()}
        total = sum(exp.values())
        return {k: v / total for k, v in exp.items()}

    def to_json(self) -> dict:
        return {"labels": list(self.labels), "log_prior": self.log_prior,
                "log_likelihood": self.log_likelihood, "log_unseen": self.log_unseen}


def train(documents: list[tuple[str, str]], min_docs: int = 2) -> NaiveBayes:
    """Fit on (folded text, label) pairs; features seen in fewer than ``min_docs`` documents are dropped."""
    labels = tuple(sorted({label for _, label in documents}))
    doc_feats = [(features(text), label) for text, label in documents]
    seen: dict[str, int] = {}
    for feats, _ in doc_feats:
        for f in feats:
            seen[f] = seen.get(f, 0) + 1
    vocabulary = {f for f, n in seen.items() if n >= min_docs}
    size = len(vocabulary)
    log_prior, log_likelihood, log_unseen = {}, {}, {}
    for label in labels:
        counts: dict[str, int] = {}
        docs = 0
        for feats, lab in doc_feats:
            if lab != label:
                continue
            docs += 1
            for f in feats & vocabulary:
                counts[f] = counts.get(f, 0) + 1
        total = sum(counts.values())
        log_prior[label] = round(math.log(docs / len(doc_feats)), 5)
        log_likelihood[label] = {f: round(math.log((c + 1) / (total + size)), 5) for f, c in sorted(counts.items())}
        log_unseen[label] = round(math.log(1 / (total + size)), 5)
    return NaiveBayes(labels, log_prior, log_likelihood, log_unseen)


@cache
def load(path: Path = MODEL_PATH) -> NaiveBayes | None:
    """The shipped model, or None when it has not been trained (the rules then work alone)."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return NaiveBayes(tuple(data["labels"]), data["log_prior"], data["log_likelihood"], data["log_unseen"])
