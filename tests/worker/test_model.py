"""The statistical second opinion (``worker.classify.model``): what it may say, where it is
asked, and that ``make model`` rebuilds the same file from the corpus."""

import importlib.util
from pathlib import Path

import pytest

from worker.classify import classify, model
from worker.contract import LABELS, SURE
from worker.parse import parse_message
from worker.text import fold

ROOT = Path(__file__).resolve().parents[2]


def opinion(subject: str, body: str, sender: str = "jobs@example.org"):
    return model.second_opinion(fold(subject), fold(body), sender)


def test_the_model_never_gives_a_rejection_or_other():
    assert "rejection" not in model.PROPOSED and "other" not in model.PROPOSED
    assert set(model.PROPOSED) < set(LABELS)
    kept = model.load()
    # Even the most rejection-like words make no rejection: only a label of PROPOSED or nothing.
    feats = model.features("your application", "unfortunately we have decided not to move forward with your application", "jobs@acme.test")
    assert kept.probabilities(feats)[LABELS.index("rejection")] > 0.5
    assert kept.propose(feats) is None or kept.propose(feats)[0] in model.PROPOSED


def test_a_receipt_in_words_of_its_own_is_proposed_below_sure():
    found = opinion("Your application for the Data Analyst position",
                    "Hello Mira, thank you for your application for the Data Analyst position at Fennick. "
                    "Our recruiting team has received it and will review your profile in the coming weeks.")
    assert found is not None
    evidence, confidence = found
    assert evidence.label == "application_confirmation" and evidence.rule == model.RULE
    assert confidence < SURE


@pytest.mark.parametrize("subject, body", [
    ("Saturday", "Are you coming on Saturday? We start the barbecue at six, bring something to drink."),
    ("Your order has shipped", "Your parcel is on its way and should arrive on Tuesday. Track it in your account."),
])
def test_mail_that_does_not_name_the_job_search_gets_no_opinion(subject, body):
    assert opinion(subject, body) is None


def test_features_are_sorted_and_marked():
    feats = model.features("offer letter", "we are happy to offer", "Careers.Team@acme.test")
    assert list(feats) == sorted(feats)
    assert {"s:offer", "s:offer letter", "happy to", "f:careers", "f:team"} <= set(feats)


def test_training_is_reproducible_and_learns():
    rows = [(("receive", "application"), "application_confirmation"), (("interview", "slot"), "interview_invitation"),
            (("receive", "application", "review"), "application_confirmation"), (("interview", "slot", "call"), "interview_invitation"),
            (("garden", "party"), "other"), (("garden", "dinner"), "other")] * 3
    settings = model.Settings(min_df=1, max_df=1.0, epochs=20)
    first, second = model.train(rows, settings, 0.9, 1.0), model.train(rows, settings, 0.9, 1.0)
    assert first.to_json() == second.to_json()
    assert model.Model.from_json(first.to_json()) == first
    p = first.probabilities(("interview", "slot"))
    assert max(range(len(LABELS)), key=p.__getitem__) == LABELS.index("interview_invitation")


def test_the_threshold_is_the_lowest_that_turns_no_other_into_job_mail():
    def probs(label: str, p: float) -> list[float]:
        row = [(1 - p) / (len(LABELS) - 1)] * len(LABELS)
        row[LABELS.index(label)] = p
        return row

    cv = [probs("offer", 0.97), probs("offer", 0.999), probs("job_alert", 0.985), probs("offer", 0.6)]
    truth = ["other", "offer", "application_confirmation", "offer"]
    assert model.choose_threshold(cv, truth) == (0.98, 0.5)
    assert model.choose_threshold([probs("offer", 0.9999)], ["other"]) == (1.0, 1.0)


def test_mail_with_evidence_against_a_job_is_never_asked(email_factory, monkeypatch):
    def asked(*_):
        raise AssertionError("the model was asked")

    monkeypatch.setattr(model, "second_opinion", asked)
    # The user withdrawing: the rules' evidence says `other`, the model is not asked.
    c = classify(parse_message(email_factory("My application", "Hello, I would like to withdraw my application for the Analyst role. Kind regards")))
    assert c.label == "other"


def test_the_hook_gives_the_models_label_with_its_evidence(email_factory, monkeypatch):
    monkeypatch.setattr(model, "second_opinion", lambda *_: (model.Evidence("offer", model.RULE, "p=0.990", 0), 0.85))
    c = classify(parse_message(email_factory("Hello", "Just a note about the position we spoke of, more soon.")))
    assert (c.label, c.confidence) == ("offer", 0.85)
    assert any(e.rule == model.RULE for e in c.evidence)


@pytest.mark.slow
def test_make_model_rebuilds_the_same_file(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_model", ROOT / "bench" / "model.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rebuilt = bench.build(ROOT / "tests" / "corpus")
    assert rebuilt.to_json() == model.WEIGHTS.read_text(encoding="utf-8")
