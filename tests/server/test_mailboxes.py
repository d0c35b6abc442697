"""The Mailboxes page with Flask's test client against a real Dovecot: presets prefill the form and
explain what to do first; the connection test gives one answer for every failure to reach an IMAP
server (no such host, nothing listening, TLS, certificate, not IMAP, a network the deployment does not
allow: it is no port scanner, the log says which), names a refused password or a missing folder, and
saves nothing then; a working one saves the account with its password encrypted; one user never
reaches another's mailbox or upload."""

import io
import re
import socket
import threading
import time
from contextlib import contextmanager

import pytest
from bs4 import BeautifulSoup
from imap_server import free_port
from sqlalchemy import select
from support import make_app

from server import config as server_config
from server import create_app
from server.db import db_session
from server.imap_check import UNREACHABLE
from server.models import Account, Upload
from worker.networks import address_allowed


def signed_in_client(app, user):
    """A test client signed in as a new user, and the CSRF token of its session."""
    _, secret = user()
    client = app.test_client()
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)[1]
    assert client.post("/login", data={"csrf_token": csrf, "secret": secret}).status_code == 303
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/mailboxes/add").text)[1]
    return client, csrf


def accounts(app) -> list[Account]:
    with app.app_context():
        return list(db_session().scalars(select(Account)))


@pytest.fixture
def trusting(app, dovecot):
    """The app trusts the test Dovecot's self-signed certificate, as IMAP_CA_FILE lets a deployment do, and
    allows loopback hosts (the test Dovecot's) explicitly, whatever the environment says."""
    app.config.update(IMAP_CA_FILE=str(dovecot.ca_file), IMAP_ALLOW_NETWORKS="loopback")
    return app


@contextmanager
def tcp_server(session):
    """A TCP server on loopback that runs ``session(conn, stop)`` for each connection, in a thread of its own;
    yields its port and the connections it accepted."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list = []
    stop = threading.Event()

    def serve():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            accepted.append(conn)
            threading.Thread(target=session, args=(conn, stop), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield listener.getsockname()[1], accepted
    finally:
        stop.set()
        listener.close()
        for conn in accepted:
            conn.close()


def not_imap():
    """A server that answers as an SSH server would."""
    return tcp_server(lambda conn, stop: conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n"))


def trickling():
    """A server that starts an IMAP greeting, then sends one byte a second, below any per-read timeout."""
    def session(conn, stop):
        try:
            conn.sendall(b"* OK")
            for byte in b" [CAPABILITY IMAP4rev1] a very slow hello" * 100:
                if stop.wait(1):
                    return
                conn.sendall(bytes([byte]))
        except OSError:
            pass
    return tcp_server(session)


def problem_shown(res) -> tuple[str, str]:
    shown = BeautifulSoup(res.text, "html.parser").select_one("[data-problem]")
    return shown["data-problem"], shown.get_text(" ", strip=True)


def form(dovecot, **changes) -> dict:
    return {"provider": "other", "username": dovecot.user, "host": "127.0.0.1", "port": str(dovecot.imaps_port), "tls": "ssl",
            "folders": "INBOX", "secret": dovecot.password, "action": "save", **changes}


def test_each_preset_prefills_its_server_and_says_what_to_do_first(app, user):
    """Gmail's preset fills imap.gmail.com:993 and All Mail and speaks of app passwords; every listed provider has a link."""
    client, _ = signed_in_client(app, user)
    page = BeautifulSoup(client.get("/mailboxes/add?provider=gmail").text, "html.parser")
    assert page.find("input", {"name": "host"})["value"] == "imap.gmail.com"
    assert page.find("input", {"name": "port"})["value"] == "993"
    assert page.find("input", {"name": "folders"})["value"] == "[Gmail]/All Mail"
    assert "app password" in page.select_one(".guidance").get_text()
    names = [a.get_text() for a in page.select(".presets a")]
    for name in ("Gmail", "Outlook.com / Microsoft 365", "Yahoo Mail", "iCloud Mail", "Fastmail", "GMX", "WEB.DE", "Posteo",
                 "Another provider"):
        assert name in names
    assert "no Google sign-in set up" in page.get_text()  # no client id configured: the page says so instead of a dead button


@pytest.mark.parametrize(("changes", "problem", "words"), [
    ({"secret": "not the password"}, "login", "refused the user name or password"),
    ({"folders": "Jobs"}, "folder", "there is no folder called 'Jobs'"),
])
def test_after_the_server_answered_a_refused_login_or_a_missing_folder_is_named(trusting, user, dovecot, changes, problem,
                                                                                words):
    """Once a real IMAP server has greeted, the page says which of the user's entries is wrong, keeps the form
    filled but never echoes the password, and saves nothing."""
    client, csrf = signed_in_client(trusting, user)
    res = client.post("/mailboxes", data={"csrf_token": csrf, **form(dovecot, **changes)})
    assert res.status_code == 422
    page = BeautifulSoup(res.text, "html.parser")
    shown = page.select_one("[data-problem]")
    assert shown["data-problem"] == problem and words in shown.get_text(), shown.get_text()
    assert page.find("input", {"name": "username"})["value"] == dovecot.user
    assert "not the password" not in res.text and dovecot.password not in res.text
    assert accounts(trusting) == []


def test_every_failure_to_reach_an_imap_server_reads_the_same(trusting, user, dovecot, caplog):
    """No such host, a closed port, SSL spoken to the plain port, an untrusted certificate and an answer
    that is not IMAP: one wording and one ``data-problem`` for all, so
    the test cannot tell an open port from a closed one; it says what to check, the log says which step
    failed (and never the password), and nothing is saved."""
    client, csrf = signed_in_client(trusting, user)
    with not_imap() as (ssh_port, _):
        cases = {
            "no such host": {"host": "no-such-host.invalid"},
            "closed port": {"port": str(free_port())},
            "SSL on the plain port": {"port": str(dovecot.imap_port)},
            "untrusted certificate": {"IMAP_CA_FILE": None},
            "not IMAP": {"port": str(ssh_port), "tls": "starttls"},
        }
        seen = {}
        for name, changes in cases.items():
            trusting.config["IMAP_CA_FILE"] = changes.pop("IMAP_CA_FILE", str(dovecot.ca_file))
            res = client.post("/mailboxes", data={"csrf_token": csrf, **form(dovecot, **changes)})
            host, port = changes.get("host", "127.0.0.1"), changes.get("port", str(dovecot.imaps_port))
            problem, text = problem_shown(res)
            seen[name] = (res.status_code, problem, text.replace(f"{host}:{port}", "HOST:PORT"))
    assert set(seen.values()) == {(422, "unreachable", UNREACHABLE.format(where="HOST:PORT"))}, seen
    words = seen["closed port"][2]
    for check in ("server name", "port", "993 uses SSL/TLS", "143 uses STARTTLS", "firewall"):
        assert check in words
    for reason in ("gaierror", "ConnectionRefusedError", "SSLError", "SSLCertVerificationError", "abort: unexpected response"):
        assert reason in caplog.text, reason
    assert dovecot.password not in caplog.text
    assert accounts(trusting) == []


def test_a_server_trickling_its_greeting_ends_at_the_tests_deadline(trusting, user, dovecot, caplog):
    """A server that sends a byte a second never trips the 15 s per-read timeout; the whole test still ends at
    IMAP_TEST_SECONDS (2 s here, 30 by default) with the same answer, and the log says why."""
    trusting.config["IMAP_TEST_SECONDS"] = 2
    client, csrf = signed_in_client(trusting, user)
    with trickling() as (port, _):
        began = time.monotonic()
        res = client.post("/mailboxes", data={"csrf_token": csrf, **form(dovecot, port=str(port), tls="starttls")})
        took = time.monotonic() - began
    assert 1.5 < took < 6, took
    assert (res.status_code, problem_shown(res)) == (422, ("unreachable", UNREACHABLE.format(where=f"127.0.0.1:{port}")))
    assert "past the 2 s deadline" in caplog.text and accounts(trusting) == []


@pytest.mark.parametrize("where", ["config", "environment"])
def test_a_host_in_a_network_the_deployment_does_not_allow_is_never_connected_to(app, database_url, user, dovecot,
                                                                                   monkeypatch, caplog, where):
    """With no network allowed (the app's IMAP_ALLOW_NETWORKS, or the worker's ONWARD_IMAP_ALLOW_NETWORKS in the
    environment), a loopback host gets the same answer as a closed port and is never connected to."""
    if where == "environment":  # a second app on the same database, started with the worker's variable set
        monkeypatch.setenv("ONWARD_IMAP_ALLOW_NETWORKS", "")
        app = make_app(database_url, IMAP_CA_FILE=str(dovecot.ca_file))
    else:
        app.config.update(IMAP_CA_FILE=str(dovecot.ca_file), IMAP_ALLOW_NETWORKS="")
    client, csrf = signed_in_client(app, user)
    with not_imap() as (port, accepted):
        res = client.post("/mailboxes", data={"csrf_token": csrf, **form(dovecot, port=str(port))})
        assert accepted == []
    assert (res.status_code, problem_shown(res)) == (422, ("unreachable", UNREACHABLE.format(where=f"127.0.0.1:{port}")))
    assert "does not allow" in caplog.text and accounts(app) == []
    app.config["IMAP_ALLOW_NETWORKS"] = "loopback"
    assert client.post("/mailboxes", data={"csrf_token": csrf, **form(dovecot, action="test")}).status_code == 200


@pytest.mark.parametrize(("settings", "allowed"), [
    ({"REDIS_URL": None}, True),  # one person's machine: a local Dovecot or bridge is normal
    ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, False),  # a deployment serving many people
    ({"REDIS_URL": "redis://127.0.0.1:6379/0", "IMAP_ALLOW_NETWORKS": "127.0.0.0/8"}, True),
    ({"REDIS_URL": None, "IMAP_ALLOW_NETWORKS": ""}, False),
])
def test_the_server_follows_the_workers_default_rule(settings, allowed):
    """Loopback is allowed by default without Redis and refused with it, as the worker decides (worker/config.py)."""
    networks = server_config.imap_networks(settings)
    assert address_allowed("127.0.0.1", networks) is allowed
    assert address_allowed("10.0.0.1", networks) is False


def test_a_mistyped_network_stops_the_server_from_starting(database_url):
    with pytest.raises(ValueError, match="'10.0.0.300/8' is neither a CIDR block"):
        create_app({"DATABASE_URL": database_url, "IMAP_ALLOW_NETWORKS": "loopback,10.0.0.300/8"})


def test_a_working_connection_is_saved_with_its_password_encrypted(trusting, user, dovecot, email_factory):
    """STARTTLS on 143 works as SSL on 993 does; the account is saved, its secret encrypted, and "Only test" saves nothing."""
    dovecot.deliver([email_factory("One"), email_factory("Two")])
    client, csrf = signed_in_client(trusting, user)
    only = client.post("/mailboxes", data={"csrf_token": csrf, **form(dovecot, action="test")})
    assert only.status_code == 200 and "found 2 messages in INBOX" in only.text and accounts(trusting) == []
    res = client.post("/mailboxes", data={"csrf_token": csrf, **form(dovecot, tls="starttls", port=str(dovecot.imap_port))})
    assert res.status_code == 303
    [account] = accounts(trusting)
    assert (account.host, account.port, account.tls, account.username) == ("127.0.0.1", dovecot.imap_port, "starttls", dovecot.user)
    assert dovecot.password not in account.secret
    page = client.get("/mailboxes").text
    assert "Connected: signed in to 127.0.0.1 and found 2 messages in INBOX." in page
    assert "Waiting for its first sync." in page and 'http-equiv="refresh"' in page
    retest = client.post(f"/mailboxes/{account.id}/test", data={"csrf_token": csrf}, follow_redirects=True)
    assert "found 2 messages in INBOX" in retest.text


def test_connection_tests_are_limited_per_minute(trusting, user, dovecot):
    """Each test reaches out to a host the user chose, so a user gets IMAP_TESTS_PER_MINUTE of them, then a 429 with the reason."""
    trusting.config["IMAP_TESTS_PER_MINUTE"] = 2
    client, csrf = signed_in_client(trusting, user)
    codes = [client.post("/mailboxes", data={"csrf_token": csrf, **form(dovecot, action="test")}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_another_user_cannot_test_remove_or_see_a_mailbox_or_upload(trusting, user, dovecot):
    """Another user's account and upload ids answer 404 and stay in place."""
    owner, csrf = signed_in_client(trusting, user)
    assert owner.post("/mailboxes", data={"csrf_token": csrf, **form(dovecot)}).status_code == 303
    owner.post("/mailboxes/uploads", data={"csrf_token": csrf, "files": [(io.BytesIO(b"From: a@b.c\n\nhi"), "x.eml")]},
               content_type="multipart/form-data")
    [account] = accounts(trusting)
    with trusting.app_context():
        [upload] = list(db_session().scalars(select(Upload)))
    other, other_csrf = signed_in_client(trusting, user)
    assert dovecot.user not in other.get("/mailboxes").text and "x.eml" not in other.get("/mailboxes").text
    for path in (f"/mailboxes/{account.id}/test", f"/mailboxes/{account.id}/remove", f"/mailboxes/uploads/{upload.id}/remove"):
        assert other.post(path, data={"csrf_token": other_csrf}).status_code == 404
    assert len(accounts(trusting)) == 1


def test_an_upload_over_the_limit_is_refused_and_not_kept(app, user, tmp_path):
    """A file past UPLOAD_MAX_BYTES is named as too large; nothing stays in the spool folder."""
    app.config.update(UPLOAD_MAX_BYTES=1000, UPLOAD_DIR=str(tmp_path / "spool"))
    client, csrf = signed_in_client(app, user)
    big = b"From: a@b.c\nSubject: big\n\n" + b"x" * 5000
    res = client.post("/mailboxes/uploads", data={"csrf_token": csrf, "files": [(io.BytesIO(big), "big.eml")]},
                      content_type="multipart/form-data", follow_redirects=True)
    assert "big.eml: This file is larger than" in res.text
    assert list((tmp_path / "spool").iterdir()) == []
