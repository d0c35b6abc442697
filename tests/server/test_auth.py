"""Users and tokens: created from the command line, stored hashed, two kinds with different rights."""

import hashlib
import re

import pytest
from sqlalchemy import select
from support import auth, msg

from onward.cli import main
from server.api.openapi import OPERATIONS
from server.db import db_session
from server.models import Token


def test_user_create_prints_a_token_that_works(runner, client):
    """`onward user create` prints a user token once, and it authenticates."""
    result = runner.invoke(main, ["user", "create", "Robin@Example.org"])
    assert result.exit_code == 0, result.output
    secret = result.stdout.strip().splitlines()[-1]
    assert secret.startswith("onw_u_") and len(secret) > 40
    assert client.get("/api/v1/applications", headers=auth(secret)).status_code == 200


def test_user_create_twice_fails(runner):
    """Creating the same user twice is an error, not a second account."""
    assert runner.invoke(main, ["user", "create", "robin@example.org"]).exit_code == 0
    result = runner.invoke(main, ["user", "create", "robin@example.org"])
    assert result.exit_code == 1 and "already exists" in result.output


def test_tokens_are_stored_hashed(app, user):
    """Only the sha256 of a token is in the database, never the token itself."""
    _, secret = user()
    with app.app_context():
        hashes = db_session().scalars(select(Token.secret_hash)).all()
    assert hashlib.sha256(secret.encode()).hexdigest() in hashes
    assert all(secret not in h for h in hashes)


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer onw_u_not-a-real-token", "Basic dXNlcjpwdw=="])
def test_missing_or_unknown_token_is_401(client, header):
    """No token, an empty one, an unknown one and another scheme are all 401 with WWW-Authenticate."""
    res = client.get("/api/v1/messages", headers={"Authorization": header} if header else {})
    assert res.status_code == 401 and res.json["error"] == "unauthorized"
    assert res.headers["WWW-Authenticate"] == "Bearer"


def test_token_create_list_and_revoke_from_the_command_line(runner, client, user):
    """A service token can be created, is listed by name and kind, and stops working once revoked."""
    u, _ = user("robin@example.org")
    result = runner.invoke(main, ["token", "create", "robin@example.org", "--service", "--name", "laptop worker"])
    assert result.exit_code == 0, result.output
    secret = result.stdout.strip().splitlines()[-1]
    assert secret.startswith("onw_s_")
    assert client.get("/api/v1/sync-state", headers=auth(secret)).status_code == 200
    listing = runner.invoke(main, ["token", "list", "robin@example.org"]).output
    assert "laptop worker" in listing and "service" in listing
    token_id = next(line.split()[0] for line in listing.splitlines() if "laptop worker" in line)
    assert runner.invoke(main, ["token", "revoke", token_id]).exit_code == 0
    assert client.get("/api/v1/sync-state", headers=auth(secret)).status_code == 401


def test_token_list_shows_last_use(runner, client, user):
    """Using a token records when it was last used."""
    user("robin@example.org")
    assert "never" in runner.invoke(main, ["token", "list", "robin@example.org"]).output
    secret = runner.invoke(main, ["token", "create", "robin@example.org", "--name", "dashboard"]).stdout.strip().splitlines()[-1]
    client.get("/api/v1/applications", headers=auth(secret))
    line = next(ln for ln in runner.invoke(main, ["token", "list", "robin@example.org"]).output.splitlines() if "dashboard" in ln)
    assert "never" not in line


def test_service_token_may_only_ingest_and_read_sync_state(client, user):
    """A worker's token can send messages and read the sync state; every other operation is 403."""
    _, service = user(kind="service")
    res = client.post("/api/v1/messages", json={"messages": [msg()]}, headers=auth(service))
    assert res.status_code == 200 and res.json["new"] == 1
    assert client.get("/api/v1/sync-state", headers=auth(service)).status_code == 200
    for method, path, _op, _summary, who, *_ in OPERATIONS:
        if who != "user":
            continue
        url = "/api/v1" + re.sub(r"\{\w+\}", "1", path)
        res = client.open(url, method=method.upper(), json={}, headers=auth(service))
        assert res.status_code == 403, (method, path, res.status_code)


def test_tokens_api_lists_and_revokes_own_tokens(client, user):
    """A user sees their tokens (the current one marked) and can revoke one."""
    u, first = user("robin@example.org")
    _, second = user("robin@example.org")
    items = client.get("/api/v1/tokens", headers=auth(first)).json["items"]
    assert len(items) == 2 and [t["current"] for t in items] == [True, False]
    assert client.delete(f"/api/v1/tokens/{items[1]['id']}", headers=auth(first)).status_code == 204
    assert client.get("/api/v1/tokens", headers=auth(second)).status_code == 401
