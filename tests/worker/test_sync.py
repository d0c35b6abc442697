"""The IMAP sync against a real Dovecot and a live server: what arrives, what it costs, and
that the mailbox is never changed."""

from datetime import UTC, datetime, timedelta

import pytest
from helpers import add_account, all_messages, call, corpus_sample, expected_ids, mixed_mail, ordinary_mail

from worker.api import Api
from worker.config import WorkerConfig
from worker.exceptions import ApiUnavailable, ServerUnreachable, WrongCredentials
from worker.sync import sync_account

READS = {"CAPABILITY", "LOGIN", "AUTHENTICATE", "EXAMINE", "UID SEARCH", "UID FETCH", "LOGOUT", "NOOP", "ID", "ENABLE", "STARTTLS"}
"""Every command a sync may send."""

WRITES = {"STORE", "UID STORE", "COPY", "UID COPY", "MOVE", "UID MOVE", "EXPUNGE", "UID EXPUNGE", "APPEND", "SELECT"}


def _fill(dovecot, folder: str = "INBOX", n: int = 60) -> list[bytes]:
    """Corpus emails mixed with ordinary mail, plus old mail outside the first sync's window."""
    mixed = mixed_mail(n, folder)
    dovecot.deliver(ordinary_mail(5, tag=f"old-{folder}"), folder, when=datetime.now(UTC) - timedelta(days=800))
    dovecot.deliver(mixed, folder)
    return mixed




def test_first_sync_stores_the_job_related_mail_once_and_reports(dovecot, live_server, tokens, api):
    """The window's job-related messages reach the server once, the rest and older mail do not, and the account shows its state."""
    raws = _fill(dovecot)
    account = add_account(live_server, tokens[0], dovecot)
    result = sync_account(api, account["id"])
    stored = all_messages(live_server, tokens[0])
    assert {m["message_id"] for m in stored} == expected_ids(raws)
    assert len(stored) == len(expected_ids(raws)) > 20
    assert all(m["account"] == f"imap:{dovecot.user}" and m["folder"] == "INBOX" for m in stored)
    assert result.read == len(raws) and not result.skipped
    shown = call(live_server, tokens[0], "GET", f"/accounts/{account['id']}")
    assert shown["messages_seen"] == len(raws) and shown["last_error"] is None and shown["last_sync_at"]
    state = api.credentials(account["id"])["states"][0]
    assert state["last_uid"] == 5 + len(raws) and state["highestmodseq"]


def test_sync_changes_nothing_in_the_mailbox(dovecot, live_server, tokens, api):
    """Every message's flags are the same after a sync (nothing marked \\Seen) and only read commands were sent."""
    _fill(dovecot, n=30)
    before = dovecot.flags()
    account = add_account(live_server, tokens[0], dovecot)
    sent: list[str] = []
    sync_account(api, account["id"], sent=sent)
    assert dovecot.flags() == before
    assert "\\Seen" not in "".join(before.values())
    assert set(sent) <= READS and not set(sent) & WRITES, sent
    assert "UID FETCH" in sent and "EXAMINE" in sent


def test_sync_with_nothing_new_costs_a_login_and_one_examine_per_folder(dovecot, live_server, tokens, api):
    """A second sync sends no SEARCH or FETCH; new mail afterwards is read alone."""
    _fill(dovecot, n=10)
    account = add_account(live_server, tokens[0], dovecot)
    sync_account(api, account["id"])
    sent: list[str] = []
    again = sync_account(api, account["id"], sent=sent)
    assert again.read == 0
    assert [c for c in sent if c not in ("CAPABILITY", "LOGOUT")] == ["LOGIN", "ENABLE", "EXAMINE"]  # ENABLE CONDSTORE
    known = {m["message_id"] for m in all_messages(live_server, tokens[0])}
    new = [e.path.read_bytes() for e in corpus_sample(200)[-2:]]
    dovecot.deliver(new)
    third = sync_account(api, account["id"])
    assert third.read == 2
    assert {m["message_id"] for m in all_messages(live_server, tokens[0])} == known | expected_ids(new)


def test_old_mail_outside_the_window_is_never_read(dovecot, live_server, tokens, api):
    """A folder holding only mail older than the window: the first sync reads nothing and later syncs start after it."""
    dovecot.deliver([e.path.read_bytes() for e in corpus_sample(5)], when=datetime.now(UTC) - timedelta(days=400))
    account = add_account(live_server, tokens[0], dovecot)
    assert sync_account(api, account["id"]).read == 0
    assert api.credentials(account["id"])["states"][0]["last_uid"] == 5
    sent: list[str] = []
    assert sync_account(api, account["id"], sent=sent).read == 0 and "UID SEARCH" not in sent
    assert all_messages(live_server, tokens[0]) == []


def test_changed_uidvalidity_reads_again_without_duplicates(dovecot, live_server, tokens, api):
    """After the folder is re-created (new UIDVALIDITY) the sync reads it again and the server still holds each message once."""
    raws = _fill(dovecot, "Jobs", n=20)
    account = add_account(live_server, tokens[0], dovecot, folders=["Jobs"])
    first = sync_account(api, account["id"]).folders[0]
    count = len(all_messages(live_server, tokens[0]))
    dovecot.recreate("Jobs")
    second = sync_account(api, account["id"]).folders[0]
    assert second.resynced and second.uidvalidity != first.uidvalidity
    assert second.new == 0 and second.read == len(raws) + 5  # the old mail was re-delivered today
    assert len(all_messages(live_server, tokens[0])) == count
    assert api.credentials(account["id"])["states"][0]["uidvalidity"] == second.uidvalidity


def test_wrong_password_marks_the_account(dovecot, live_server, tokens, api):
    """A refused login raises WrongCredentials (no retry) and the account says "wrong password"."""
    account = add_account(live_server, tokens[0], dovecot, secret="not the password")
    with pytest.raises(WrongCredentials) as caught:
        sync_account(api, account["id"])
    assert caught.value.retry is False
    assert call(live_server, tokens[0], "GET", f"/accounts/{account['id']}")["last_error"] == "wrong password"


def test_xoauth2_logs_in_with_an_access_token_and_an_expired_one_is_reported(dovecot, live_server, tokens, api):
    """An OAuth2 access token (XOAUTH2) reads the mailbox; an expired one stops with "access token refused or expired"."""
    from imap_server import access_token

    dovecot.deliver(ordinary_mail(3, tag="oauth"))
    account = add_account(live_server, tokens[0], dovecot, auth="xoauth2", secret=access_token(dovecot.user))
    assert sync_account(api, account["id"]).read == 3
    call(live_server, tokens[0], "PATCH", f"/accounts/{account['id']}", {"secret": access_token(dovecot.user, minutes=-5)})
    with pytest.raises(WrongCredentials):
        sync_account(api, account["id"])
    assert call(live_server, tokens[0], "GET", f"/accounts/{account['id']}")["last_error"] == "access token refused or expired"


def test_implicit_tls_and_starttls_verify_the_certificate(dovecot, live_server, tokens, api, caplog):
    """IMAPS and STARTTLS work with the test CA; without it the certificate is refused: the account reads
    "server unreachable" like any failure to connect, and the log says it was the certificate."""
    dovecot.deliver(ordinary_mail(2, tag="tls"))
    imaps = add_account(live_server, tokens[0], dovecot, tls="ssl", port=dovecot.imaps_port)
    assert sync_account(api, imaps["id"], ca_file=str(dovecot.ca_file)).read == 2
    starttls = add_account(live_server, tokens[0], dovecot, tls="starttls", host="localhost", port=dovecot.imap_port)
    assert sync_account(api, starttls["id"], ca_file=str(dovecot.ca_file)).read == 2
    with pytest.raises(ServerUnreachable):
        sync_account(api, imaps["id"])
    assert call(live_server, tokens[0], "GET", f"/accounts/{imaps['id']}")["last_error"] == "server unreachable"
    assert "certificate problem: self-signed certificate" in caplog.text


def test_unreachable_server_is_reported_in_plain_words(dovecot, live_server, tokens, api):
    """A port where nothing listens gives ServerUnreachable (retry later) and "server unreachable" on the account."""
    from imap_server import free_port

    account = add_account(live_server, tokens[0], dovecot, port=free_port())
    with pytest.raises(ServerUnreachable) as caught:
        sync_account(api, account["id"])
    assert caught.value.retry is True
    assert call(live_server, tokens[0], "GET", f"/accounts/{account['id']}")["last_error"] == "server unreachable"


def test_server_down_during_a_batch_keeps_the_position_and_nothing_arrives_twice(dovecot, live_server, tokens, api):
    """When the server goes away mid-sync the position stays at the last acknowledged batch; the next run delivers the rest once."""
    raws = _fill(dovecot, n=40)
    account = add_account(live_server, tokens[0], dovecot)

    class Outage(Api):
        batches = 0

        def send_messages(self, items):
            Outage.batches += 1
            if Outage.batches == 3:
                live_server.stop()
            return super().send_messages(items)

    flaky = Outage(WorkerConfig(server_url=live_server.url, token=tokens[1], timeout=5))
    with pytest.raises(ApiUnavailable):
        sync_account(flaky, account["id"], batch=10)
    live_server.start()
    stopped_at = api.credentials(account["id"])["states"][0]["last_uid"]
    assert 0 < stopped_at < 5 + len(raws)
    partial = len(all_messages(live_server, tokens[0]))
    assert 0 < partial < len(expected_ids(raws))
    sync_account(api, account["id"], batch=10)
    stored = all_messages(live_server, tokens[0])
    assert len(stored) == len({m["message_id"] for m in stored}) == len(expected_ids(raws))
    assert api.credentials(account["id"])["states"][0]["last_uid"] == 5 + len(raws)


def test_connection_dropped_mid_fetch_keeps_the_position(dovecot, live_server, tokens, api, monkeypatch):
    """When the IMAP connection drops during a fetch the sync stops with "connection lost" and the next run delivers everything once."""
    import socket

    from worker import imap
    from worker.exceptions import ConnectionLost

    raws = _fill(dovecot, n=30)
    account = add_account(live_server, tokens[0], dovecot)
    original = imap.Mailbox.prefixes
    calls = {"n": 0}

    def dropping(self, uids, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            self.client.socket().shutdown(socket.SHUT_RDWR)
        return original(self, uids, *args, **kwargs)

    monkeypatch.setattr(imap.Mailbox, "prefixes", dropping)
    with pytest.raises(ConnectionLost):
        sync_account(api, account["id"], batch=10)
    assert call(live_server, tokens[0], "GET", f"/accounts/{account['id']}")["last_error"] == "connection lost"
    assert api.credentials(account["id"])["states"][0]["last_uid"] == 5 + 20  # two batches acknowledged
    monkeypatch.setattr(imap.Mailbox, "prefixes", original)
    sync_account(api, account["id"], batch=10)
    stored = all_messages(live_server, tokens[0])
    assert len(stored) == len({m["message_id"] for m in stored}) == len(expected_ids(raws))
    assert call(live_server, tokens[0], "GET", f"/accounts/{account['id']}")["last_error"] is None
