"""IMAP accounts: users manage them without ever seeing a secret again, workers read the
credentials and record their position, and secrets are encrypted at rest."""

import pytest
from sqlalchemy import select
from support import auth, make_app, msg

from onward.cli import main
from server.db import db_session
from server.models import Account, FolderState

GMAIL = {"host": "imap.gmail.com", "username": "robin@example.org", "secret": "s3cret-app-password",
         "folders": ["INBOX", "[Gmail]/All Mail"]}


def test_account_is_created_listed_and_never_shows_its_secret(client, user, app):
    """The answer and the list carry the account's state and defaults but no secret; the database holds ciphertext."""
    _, token = user()
    res = client.post("/api/v1/accounts", json=GMAIL, headers=auth(token))
    assert res.status_code == 201, res.json
    created = res.json
    assert (created["port"], created["tls"], created["auth"], created["name"]) == (993, "ssl", "password", "imap:robin@example.org")
    assert created["last_sync_at"] is None and created["messages_seen"] == 0 and created["last_error"] is None
    listed = client.get("/api/v1/accounts", headers=auth(token)).json["items"]
    assert listed == [created] == [client.get(f"/api/v1/accounts/{created['id']}", headers=auth(token)).json]
    for text in (res.get_data(as_text=True), client.get("/api/v1/accounts", headers=auth(token)).get_data(as_text=True)):
        assert "s3cret" not in text
    with app.app_context():
        stored = db_session().get(Account, created["id"]).secret
    assert "s3cret" not in stored and stored.startswith("gAAAA")


@pytest.mark.parametrize(("extra", "status"), [
    ({"tls": "plain"}, 422),
    ({"tls": "plain", "insecure": True}, 201),
    ({"tls": "plain", "host": "127.0.0.1"}, 201),
    ({"tls": "plain", "host": "localhost"}, 201),
    ({"tls": "starttls"}, 201),
    ({"auth": "xoauth2", "secret": "ya29.token"}, 201),
    ({"port": 0}, 422),
    ({"folders": []}, 422),
])
def test_tls_modes_and_validation(client, user, extra, status):
    """Plaintext only for loopback or with insecure; STARTTLS and XOAUTH2 are accepted; bad values are 422."""
    _, token = user()
    res = client.post("/api/v1/accounts", json={**GMAIL, **extra}, headers=auth(token))
    assert res.status_code == status, res.json
    if extra.get("tls") == "starttls":
        assert res.json["port"] == 143


def test_same_account_twice_is_a_conflict(client, user):
    """A second account with the same host and username is 409."""
    _, token = user()
    assert client.post("/api/v1/accounts", json=GMAIL, headers=auth(token)).status_code == 201
    assert client.post("/api/v1/accounts", json=GMAIL, headers=auth(token)).status_code == 409


def test_missing_key_is_a_clear_500(database_url, user):
    """Without ONWARD_SECRET_KEY_FERNET storing an account fails with a message that says what to set."""
    app = make_app(database_url, SECRET_KEY_FERNET=None)
    try:
        from server.auth import create_user

        with app.app_context():
            session = db_session()
            _, (token,) = create_user(session, "nokey@example.org")
            session.commit()
        res = app.test_client().post("/api/v1/accounts", json=GMAIL, headers=auth(token))
        assert res.status_code == 500 and "ONWARD_SECRET_KEY_FERNET" in res.json["message"]
    finally:
        app.extensions["onward.engine"].dispose()


def test_worker_reads_credentials_records_state_and_reports(client, user, app):
    """A service token gets the decrypted secret and folder states, moves a folder's state and reports a sync."""
    u, token = user()
    _, service = user(u.email, kind="service")
    account = client.post("/api/v1/accounts", json=GMAIL, headers=auth(token)).json["id"]
    creds = client.get(f"/api/v1/accounts/{account}/credentials", headers=auth(service)).json
    assert creds["secret"] == "s3cret-app-password" and creds["states"] == [] and creds["folders"] == GMAIL["folders"]
    url = f"/api/v1/accounts/{account}/folders/[Gmail]/All Mail/state"
    assert client.put(url, json={"uidvalidity": 9, "last_uid": 120, "highestmodseq": 77}, headers=auth(service)).status_code == 200
    assert client.put(url, json={"uidvalidity": 9, "last_uid": 130}, headers=auth(service)).json["last_uid"] == 130
    states = client.get(f"/api/v1/accounts/{account}/credentials", headers=auth(service)).json["states"]
    assert [(s["folder"], s["uidvalidity"], s["last_uid"], s["highestmodseq"]) for s in states] == [("[Gmail]/All Mail", 9, 130, None)]
    res = client.post(f"/api/v1/accounts/{account}/report", headers=auth(service),
                      json={"last_sync_at": "2026-11-26T03:00:00Z", "messages_seen": 42, "last_error": "wrong password"})
    assert res.status_code == 200 and "secret" not in res.json
    shown = client.get(f"/api/v1/accounts/{account}", headers=auth(token)).json
    assert (shown["messages_seen"], shown["last_error"], shown["last_sync_at"][:16]) == (42, "wrong password", "2026-11-26T03:00")
    patched = client.patch(f"/api/v1/accounts/{account}", json={"secret": "new-password"}, headers=auth(token)).json
    assert patched["last_error"] is None  # a new password clears the old error
    assert client.get(f"/api/v1/accounts/{account}/credentials", headers=auth(service)).json["secret"] == "new-password"
    assert client.delete(f"/api/v1/accounts/{account}", headers=auth(token)).status_code == 204
    with app.app_context():
        assert db_session().scalars(select(FolderState)).all() == []


def test_user_and_service_tokens_keep_to_their_operations(client, user):
    """A user token cannot read credentials or move states; a service token lists the accounts but cannot add, edit or delete them."""
    u, token = user()
    _, service = user(u.email, kind="service")
    account = client.post("/api/v1/accounts", json=GMAIL, headers=auth(token)).json["id"]
    for method, url, body in [("GET", f"/api/v1/accounts/{account}/credentials", None),
                              ("PUT", f"/api/v1/accounts/{account}/folders/INBOX/state", {"uidvalidity": 1, "last_uid": 1}),
                              ("POST", f"/api/v1/accounts/{account}/report", {"messages_seen": 1})]:
        assert client.open(url, method=method, json=body, headers=auth(token)).status_code == 403
    assert [a["id"] for a in client.get("/api/v1/accounts", headers=auth(service)).json["items"]] == [account]
    for method, url, body in [("POST", "/api/v1/accounts", GMAIL),
                              ("GET", f"/api/v1/accounts/{account}", None), ("PATCH", f"/api/v1/accounts/{account}", {"folders": ["X"]}),
                              ("DELETE", f"/api/v1/accounts/{account}", None)]:
        assert client.open(url, method=method, json=body, headers=auth(service)).status_code == 403


def test_account_commands_add_and_list(runner, user, client, monkeypatch):
    """`onward account add` reads the secret from ONWARD_IMAP_SECRET (or a hidden prompt); `list` shows the state."""
    u, token = user("robin@example.org")
    monkeypatch.setenv("ONWARD_IMAP_SECRET", "from-env")
    result = runner.invoke(main, ["account", "add", "robin@example.org", "--host", "imap.example.org", "--username", "robin",
                                  "--folder", "INBOX", "--folder", "Jobs"])
    assert result.exit_code == 0, result.output
    assert "from-env" not in result.output
    monkeypatch.delenv("ONWARD_IMAP_SECRET")
    result = runner.invoke(main, ["account", "add", "robin@example.org", "--host", "localhost", "--port", "1143", "--tls", "plain",
                                  "--username", "robin", "--xoauth2"], input="typed-token\n")
    assert result.exit_code == 0, result.output
    assert "typed-token" not in result.output
    refused = runner.invoke(main, ["account", "add", "robin@example.org", "--host", "imap.example.org", "--tls", "plain",
                                   "--username", "other"], input="x\n")
    assert refused.exit_code == 1 and "loopback" in refused.output
    items = client.get("/api/v1/accounts", headers=auth(token)).json["items"]
    assert [(a["host"], a["auth"], a["folders"]) for a in items] == [("imap.example.org", "password", ["INBOX", "Jobs"]),
                                                                     ("localhost", "xoauth2", ["INBOX"])]
    listing = runner.invoke(main, ["account", "list", "robin@example.org"]).output
    assert "robin on imap.example.org:993" in listing and "never" in listing


def _companies(client, token) -> set:
    return {m["company"] for m in client.get("/api/v1/messages", headers=auth(token)).json["items"]}


def test_fleet_token_works_on_every_users_accounts_for_their_owners(client, user):
    """A fleet token lists both users' accounts, reads their credentials, and what it stores or reports lands with each owner."""
    first, first_token = user()
    second, second_token = user()
    _, fleet = user(first.email, kind="fleet")
    a = client.post("/api/v1/accounts", json=GMAIL, headers=auth(first_token)).json["id"]
    b = client.post("/api/v1/accounts", json={**GMAIL, "secret": "second-secret"}, headers=auth(second_token)).json["id"]
    assert [x["id"] for x in client.get("/api/v1/accounts", headers=auth(fleet)).json["items"]] == [a, b]
    assert client.get(f"/api/v1/accounts/{b}/credentials", headers=auth(fleet)).json["secret"] == "second-secret"
    for account, company in ((a, "Acme"), (b, "Globex")):
        res = client.post(f"/api/v1/accounts/{account}/messages", json={"messages": [msg(company=company)]}, headers=auth(fleet))
        assert res.status_code == 200 and res.json["new"] == 1, res.json
    assert _companies(client, first_token) == {"Acme"} and _companies(client, second_token) == {"Globex"}
    assert client.put(f"/api/v1/accounts/{b}/folders/INBOX/state", json={"uidvalidity": 3, "last_uid": 9},
                      headers=auth(fleet)).status_code == 200
    assert client.post(f"/api/v1/accounts/{b}/report", json={"messages_seen": 5}, headers=auth(fleet)).status_code == 200
    assert client.get(f"/api/v1/accounts/{b}", headers=auth(second_token)).json["messages_seen"] == 5
    assert client.post("/api/v1/accounts/999999/messages", json={"messages": [msg()]}, headers=auth(fleet)).status_code == 404


def test_fleet_token_reaches_nothing_but_accounts(client, user):
    """A fleet token has no user of its own: ingest without an account, the sync state and every user view are 403."""
    first, token = user()
    _, fleet = user(first.email, kind="fleet")
    account = client.post("/api/v1/accounts", json=GMAIL, headers=auth(token)).json["id"]
    for method, url, body in [("POST", "/api/v1/messages", {"messages": [msg()]}), ("GET", "/api/v1/sync-state", None),
                              ("GET", "/api/v1/messages", None), ("GET", "/api/v1/applications", None), ("GET", "/api/v1/tokens", None),
                              ("POST", "/api/v1/accounts", GMAIL), ("GET", f"/api/v1/accounts/{account}", None),
                              ("PATCH", f"/api/v1/accounts/{account}", {"folders": ["X"]}), ("POST", "/api/v1/pairing-codes", None),
                              ("DELETE", f"/api/v1/accounts/{account}", None)]:
        assert client.open(url, method=method, json=body, headers=auth(fleet)).status_code == 403, (method, url)
    assert _companies(client, token) == set()


def test_user_and_service_tokens_never_store_into_another_users_account(client, user):
    """A user token cannot use a worker's ingest; a service token stores into its own user's account and gets 404 for another's."""
    first, first_token = user()
    _, first_service = user(first.email, kind="service")
    second, second_token = user()
    _, second_service = user(second.email, kind="service")
    a = client.post("/api/v1/accounts", json=GMAIL, headers=auth(first_token)).json["id"]
    b = client.post("/api/v1/accounts", json=GMAIL, headers=auth(second_token)).json["id"]
    batch = {"messages": [msg(company="Initech")]}
    assert client.post(f"/api/v1/accounts/{a}/messages", json=batch, headers=auth(first_token)).status_code == 403
    assert client.post(f"/api/v1/accounts/{b}/messages", json=batch, headers=auth(first_service)).status_code == 404
    assert client.get(f"/api/v1/accounts/{b}/credentials", headers=auth(first_service)).status_code == 404
    assert [x["id"] for x in client.get("/api/v1/accounts", headers=auth(second_service)).json["items"]] == [b]
    assert client.post(f"/api/v1/accounts/{a}/messages", json=batch, headers=auth(first_service)).json["new"] == 1
    assert _companies(client, first_token) == {"Initech"} and _companies(client, second_token) == set()


def test_fleet_token_is_made_on_the_command_line_only(runner, client, user):
    """`onward token create EMAIL --fleet` prints an onw_f_ token listed as fleet; --service with --fleet is refused."""
    user("ops@example.org")
    result = runner.invoke(main, ["token", "create", "ops@example.org", "--fleet", "--name", "workers"])
    assert result.exit_code == 0, result.output
    secret = result.stdout.strip().splitlines()[-1]
    assert secret.startswith("onw_f_") and client.get("/api/v1/accounts", headers=auth(secret)).status_code == 200
    assert "fleet" in runner.invoke(main, ["token", "list", "ops@example.org"]).output
    refused = runner.invoke(main, ["token", "create", "ops@example.org", "--fleet", "--service"])
    assert refused.exit_code == 2 and "--fleet" in refused.output
