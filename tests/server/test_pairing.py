"""Pairing the extension: a short one-time code exchanged for a user token."""

import re
from datetime import timedelta

from sqlalchemy import select, update
from support import auth, fresh_window, make_app

from onward.cli import main
from server.db import db_session
from server.models import PairingCode, utcnow
from server.pairing import ALPHABET


def _code(runner, email="robin@example.org") -> str:
    result = runner.invoke(main, ["pair", email])
    assert result.exit_code == 0, result.output
    return result.stdout.strip().splitlines()[-1]


def test_pair_prints_an_unambiguous_eight_character_code(runner, user):
    """The code has 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L)."""
    user("robin@example.org")
    code = _code(runner)
    assert re.fullmatch(f"[{ALPHABET}]{{8}}", code)
    assert not set("01OIL") & set(ALPHABET)


def test_code_is_exchanged_once_for_a_user_token(runner, client, user):
    """The first exchange gets a working user token named as asked; the second is 404."""
    user("robin@example.org")
    code = _code(runner)
    res = client.post("/api/v1/pair", json={"code": code.lower(), "name": "Chrome on laptop"})
    assert res.status_code == 201, res.json
    token = res.json["token"]
    assert token.startswith("onw_u_") and res.json["email"] == "robin@example.org"
    names = [t["name"] for t in client.get("/api/v1/tokens", headers=auth(token)).json["items"]]
    assert "Chrome on laptop" in names
    again = client.post("/api/v1/pair", json={"code": code, "name": "Firefox"})
    assert again.status_code == 404 and again.json["error"] == "not_found"


def test_expired_code_does_not_work(app, runner, client, user):
    """A code past its expiry is refused like an unknown one."""
    user("robin@example.org")
    code = _code(runner)
    with app.app_context():
        session = db_session()
        session.execute(update(PairingCode).values(expires_at=utcnow() - timedelta(seconds=1)))
        session.commit()
    assert client.post("/api/v1/pair", json={"code": code}).status_code == 404


def test_codes_are_stored_hashed(app, runner, user):
    """The database keeps only a hash of the code."""
    user("robin@example.org")
    code = _code(runner)
    with app.app_context():
        stored = db_session().scalars(select(PairingCode.code_hash)).all()
    assert len(stored) == 1 and code not in stored[0] and len(stored[0]) == 64


def test_user_token_can_ask_for_a_code(client, user):
    """The dashboard asks for a code with a user token; it expires in about ten minutes."""
    _, token = user()
    res = client.post("/api/v1/pairing-codes", headers=auth(token))
    assert res.status_code == 201 and len(res.json["code"]) == 8
    assert client.post("/api/v1/pair", json={"code": res.json["code"], "name": "Firefox"}).status_code == 201


def test_guessing_codes_is_rate_limited(database_url):
    """After a few wrong attempts from one address, /pair answers 429 with Retry-After."""
    app = make_app(database_url, PAIR_RATELIMIT_PER_MINUTE=3)
    client = app.test_client()
    fresh_window()
    statuses = [client.post("/api/v1/pair", json={"code": f"AAAA{n:04d}"}).status_code for n in range(5)]
    assert statuses == [404, 404, 404, 429, 429]
    res = client.post("/api/v1/pair", json={"code": "ZZZZZZZZ"})
    assert res.status_code == 429 and 1 <= int(res.headers["Retry-After"]) <= 60
    app.extensions["onward.engine"].dispose()
