"""The naive Bayes second opinion: rebuilt from the repository's data, deterministic, sane."""

from worker.model import MODEL_PATH, load
from worker.rules import fold
from worker.train import main as train_main


def test_shipped_model_is_rebuilt_byte_for_byte(tmp_path):
    """`python -m worker.train` on the tuned corpus gives exactly the shipped worker/model.json."""
    out = tmp_path / "model.json"
    assert train_main(["--out", str(out)]) == 0
    assert out.read_bytes() == MODEL_PATH.read_bytes(), "retrain with `python -m worker.train` after changing the tuned corpus"


def test_probabilities_separate_clear_cases():
    """A plain rejection reads as one; a job alert does not; probabilities sum to one."""
    model = load()
    rejection = model.probabilities(fold("We regret to tell you that we have chosen another candidate for the role. Best of luck in your search."))
    alert = model.probabilities(fold("New jobs for you: Data Analyst at Acme, BI Developer at Cedar. View all jobs. Unsubscribe from this alert."))
    assert abs(sum(rejection.values()) - 1) < 1e-9
    assert rejection["rejection"] > 0.9
    assert alert["rejection"] < 0.1 and max(alert, key=alert.get) == "job_alert"


def test_missing_model_means_rules_only(tmp_path):
    """Without a trained model file the loader answers None instead of failing."""
    assert load(tmp_path / "absent.json") is None
