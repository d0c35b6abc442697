"""The app factory, configuration and the one JSON error shape."""

import os

import pytest
from support import auth, make_app

from server import create_app


def test_factory_reads_defaults_then_environment_then_test_config(monkeypatch, tmp_path):
    """ONWARD_* variables override the defaults, and the test config overrides both."""
    monkeypatch.setenv("ONWARD_GHOSTED_DAYS", "45")
    monkeypatch.setenv("ONWARD_PAIRING_CODE_MINUTES", "3")
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", "PAIRING_CODE_MINUTES": 5})
    assert app.config["GHOSTED_DAYS"] == 45
    assert app.config["PAIRING_CODE_MINUTES"] == 5
    assert app.config["RATELIMIT_PER_MINUTE"] == 300
    app.extensions["onward.engine"].dispose()


def test_default_database_is_sqlite_in_the_instance_folder(monkeypatch):
    """Without a database URL the app uses onward.db in its instance folder."""
    monkeypatch.delenv("ONWARD_DATABASE_URL", raising=False)
    app = create_app({"TESTING": True})
    assert app.config["DATABASE_URL"] == "sqlite:///" + os.path.join(app.instance_path, "onward.db")
    assert os.path.isdir(app.instance_path)
    app.extensions["onward.engine"].dispose()


def test_health_answers_without_a_token(client):
    """The health endpoint needs no token and touches no database."""
    res = client.get("/api/v1/health")
    assert res.status_code == 200 and res.json == {"ok": True}


@pytest.mark.parametrize(("method", "path", "status", "code"), [
    ("get", "/api/v1/nothing-here", 404, "not_found"),
    ("put", "/api/v1/messages", 405, "method_not_allowed"),
    ("get", "/api/v1/applications", 401, "unauthorized"),
])
def test_http_errors_are_json(client, method, path, status, code):
    """Werkzeug's own errors come back in the API's JSON shape."""
    res = getattr(client, method)(path)
    assert res.status_code == status
    assert res.json["error"] == code and res.json["message"]


def test_unexpected_errors_are_json_500(database_url):
    """An exception nobody expected answers 500 in the same JSON shape, without details."""
    app = make_app(database_url, PROPAGATE_EXCEPTIONS=False)

    @app.get("/api/v1/boom")
    def boom():
        raise RuntimeError("secret detail")

    res = app.test_client().get("/api/v1/boom")
    assert res.status_code == 500
    assert res.json == {"error": "internal_error", "message": "Internal server error."}
    app.extensions["onward.engine"].dispose()


def test_too_large_body_is_413(client, user):
    """A body over MAX_CONTENT_LENGTH is refused with 413 before it is read."""
    _, token = user()
    res = client.post("/api/v1/messages", data=b"x" * (5 * 1024 * 1024), headers={**auth(token), "Content-Type": "application/json"})
    assert res.status_code == 413 and res.json["error"] == "payload_too_large"


def test_non_json_body_is_400(client, user):
    """A body that is not JSON is a 400 with a message saying so."""
    _, token = user()
    res = client.post("/api/v1/applications", data="company=Acme", headers=auth(token))
    assert res.status_code == 400 and "JSON" in res.json["message"]
