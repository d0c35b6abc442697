"""A statistical second opinion for job mail the rules leave as ``other`` with nothing to show.

Job mail worded in ways no rule knows (a receipt, an invitation, an alert) otherwise stays
``other``. A multinomial logistic regression on the words of the subject and the body and on
the sender's mailbox name reads it instead. It is held to what the rules cannot break:

- it is trained only on the team's own corpus (``tests/corpus/tuned``), never on real mail, and
  rebuilt from it reproducibly by ``make model`` (``bench/model.py``) into ``model.json``;
- ``decide`` asks it only where the rules found no evidence against a job and chose ``other``
  (never where the gate settled the mail), and it speaks only of a text that names the job
  search (``guards.JOB_SEARCH_WORDS``);
- it proposes a confirmation, an invitation, an offer, an alert or an outreach, never a
  rejection, and only at a probability that five-fold cross-validation on the corpus found
  to turn no ``other`` email into job mail.

Plain Python: no numerical library is in the lock, and the model is small.
"""

import json
import math
import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from worker.classify import guards
from worker.classify.evidence import Evidence
from worker.contract import LABELS, SURE

WEIGHTS = Path(__file__).with_name("model.json")
"""The trained model, written by ``make model`` and read on the first question."""

RULE = "statistical second opinion"
"""The name of the model's evidence."""

PROPOSED = ("application_confirmation", "interview_invitation", "offer", "job_alert", "recruiter_outreach")
"""The labels the model may give: never a rejection (the first rule) and never ``other`` (the rules' default)."""

BODY_CHARS = 3000
"""Only the start of a body is read: what the email is about is said near the top."""

TOKEN = re.compile(r"[a-z][a-z0-9]+")
"""A word of a folded text (letters and digits, two characters or more)."""


@dataclass(frozen=True, slots=True)
class Settings:
    """How the model is trained, chosen by cross-validation on the corpus (see ``bench/model.py``)."""

    min_df: int = 2
    """A feature must occur in this many training emails: a word seen once is a name."""
    max_df: float = 0.3
    """A feature in more than this share of the emails says little (the function words that
    otherwise decide for everyday mail)."""
    l2: float = 1e-3
    epochs: int = 8
    rate: float = 0.5
    other_weight: float = 3.0
    """``other`` emails count this many times: the mail the model sees is mostly not job mail."""
    folds: int = 5
    seed: int = 0


THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999)
"""The probabilities the cross-validation tries, lowest first."""


def features(subject: str, body: str, sender: str) -> tuple[str, ...]:
    """The sorted features of a folded subject and body and of a sender's address: words and
    pairs of words of each (the subject's marked ``s:``), the words of the mailbox name (``f:``)."""
    found = set()
    words = TOKEN.findall(body[:BODY_CHARS])
    found.update(words)
    found.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    words = TOKEN.findall(subject)
    found.update(f"s:{w}" for w in words)
    found.update(f"s:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    found.update(f"f:{w}" for w in TOKEN.findall(sender.lower().partition("@")[0]))
    return tuple(sorted(found))


@dataclass(frozen=True, slots=True)
class Model:
    """Weights of each feature for each label of ``LABELS``, a bias, and the probability above
    which a proposal is made, with the share of cross-validated proposals above it that were right."""

    weights: dict[str, tuple[float, ...]]
    bias: tuple[float, ...]
    threshold: float
    precision: float

    def probabilities(self, feats: Sequence[str]) -> list[float]:
        """The probability of each label of ``LABELS`` for an email's features."""
        return _softmax(_logits(self.weights, self.bias, feats))

    def propose(self, feats: Sequence[str]) -> tuple[str, float] | None:
        """The label of ``PROPOSED`` the model gives at least ``threshold``, with its probability."""
        p = self.probabilities(feats)
        label = max(PROPOSED, key=lambda name: p[LABELS.index(name)])
        probability = p[LABELS.index(label)]
        return (label, probability) if probability >= self.threshold else None

    def to_json(self) -> str:
        """A stable text of the model: the same model is always the same file."""
        data = {"labels": list(LABELS), "threshold": self.threshold, "precision": self.precision,
                "bias": list(self.bias), "weights": {f: list(w) for f, w in sorted(self.weights.items())}}
        return json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "Model":
        data = json.loads(text)
        if tuple(data["labels"]) != LABELS:
            raise ValueError("model.json was trained for other labels: run `make model`")
        return cls({f: tuple(w) for f, w in data["weights"].items()}, tuple(data["bias"]), data["threshold"], data["precision"])


def _logits(weights: dict, bias: Sequence[float], feats: Sequence[str]) -> list[float]:
    z = list(bias)
    for f in feats:
        w = weights.get(f)
        if w is not None:
            for k, v in enumerate(w):
                z[k] += v
    return z


def _softmax(z: list[float]) -> list[float]:
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return [v / total for v in e]


def train(rows: Sequence[tuple[Sequence[str], str]], settings: Settings = Settings(), threshold: float = 1.0,
          precision: float = 0.0) -> Model:
    """A model fitted to (features, label) rows by stochastic gradient descent with AdaGrad steps
    and an L2 penalty, in a seeded order: the same rows always give the same weights."""
    df = Counter(f for feats, _ in rows for f in feats)
    most = settings.max_df * len(rows)
    vocab = {f for f, n in df.items() if settings.min_df <= n <= most}
    data = [([f for f in feats if f in vocab], LABELS.index(label)) for feats, label in rows]
    k_all = range(len(LABELS))
    weights: dict[str, list[float]] = {}
    squares: dict[str, list[float]] = {}
    bias = [0.0] * len(LABELS)
    order = list(range(len(data)))
    rng = random.Random(settings.seed)
    other = LABELS.index("other")
    for _ in range(settings.epochs):
        rng.shuffle(order)
        for i in order:
            feats, y = data[i]
            p = _softmax(_logits(weights, bias, feats))
            scale = settings.other_weight if y == other else 1.0
            grad = [scale * (p[k] - (k == y)) for k in k_all]
            for f in feats:
                w = weights.setdefault(f, [0.0] * len(LABELS))
                acc = squares.setdefault(f, [1e-8] * len(LABELS))
                for k in k_all:
                    g = grad[k] + settings.l2 * w[k]
                    acc[k] += g * g
                    w[k] -= settings.rate * g / math.sqrt(acc[k])
            for k in k_all:
                bias[k] -= 0.05 * grad[k]
    kept = {f: tuple(round(v, 4) for v in w) for f, w in weights.items() if max(map(abs, w)) >= 5e-4}
    return Model(kept, tuple(round(b, 4) for b in bias), threshold, precision)


def cross_validated(rows: Sequence[tuple[Sequence[str], str]], settings: Settings = Settings()) -> list[list[float]]:
    """Each row's probabilities from a model trained without its fold (row i in fold i mod folds)."""
    out: list[list[float]] = [[] for _ in rows]
    for fold in range(settings.folds):
        model = train([r for i, r in enumerate(rows) if i % settings.folds != fold], settings)
        for i, (feats, _) in enumerate(rows):
            if i % settings.folds == fold:
                out[i] = model.probabilities(feats)
    return out


def choose_threshold(probabilities: Sequence[Sequence[float]], labels: Sequence[str]) -> tuple[float, float]:
    """The lowest of ``THRESHOLDS`` at which no ``other`` email gets a proposal, and the share of
    the proposals at it that name the right label (1.0 when none is made at any)."""
    for threshold in THRESHOLDS:
        made = [(max(PROPOSED, key=lambda n, p=p: p[LABELS.index(n)]), label) for p, label in zip(probabilities, labels, strict=True)
                if max(p[LABELS.index(n)] for n in PROPOSED) >= threshold]
        if all(label != "other" for _, label in made):
            return threshold, round(sum(a == b for a, b in made) / len(made), 3) if made else 1.0
    return 1.0, 1.0


def speaks_of_a_job(subject: str, body: str) -> bool:
    """Whether the model may speak: the text names the job search."""
    return guards.JOB_SEARCH_WORDS.search(subject) is not None or guards.JOB_SEARCH_WORDS.search(body) is not None


@lru_cache(maxsize=1)
def load() -> Model:
    """The trained model of ``model.json``."""
    return Model.from_json(WEIGHTS.read_text(encoding="utf-8"))


CONFIDENCE_CAP = round(SURE - 0.05, 2)
"""The model's labels are best guesses, never at ``SURE``: its cross-validated precision is
below the 98 % that ``SURE`` promises."""


def second_opinion(subject: str, body: str, sender: str) -> tuple[Evidence, float] | None:
    """The model's label as evidence, with the confidence to give it, for a folded subject and
    body the rules left as ``other``; None when it does not speak or is not sure enough."""
    if not speaks_of_a_job(subject, body):
        return None
    model = load()
    proposal = model.propose(features(subject, body, sender))
    if proposal is None:
        return None
    label, probability = proposal
    return Evidence(label, RULE, f"p={probability:.3f}", 0), min(model.precision, CONFIDENCE_CAP)
