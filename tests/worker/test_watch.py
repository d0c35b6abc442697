"""``onward worker watch`` against a real Dovecot and a live server: new mail arrives within
seconds (IDLE or polling), a dropped connection is re-opened, a refused login stops the watch,
and the mailbox is never changed."""

import subprocess
import time
from datetime import UTC, datetime

import pytest
from helpers import CORPUS, add_account, all_messages, call, ordinary_mail

from worker.evaluate import load_corpus
from worker.exceptions import WrongCredentials
from worker.pipeline import analyze
from worker.records import message_item
from worker.watch import Watcher, WatchOptions

FAST = WatchOptions(poll_interval=0.3, safety=5.0, backoff_first=0.1, backoff_cap=0.5, timeout=5.0)
"""Short timings: the safety-net sync (5 s) is longer than the deadlines, so only IDLE or polling can pass them."""

READS = {"CAPABILITY", "LOGIN", "ENABLE", "EXAMINE", "UID SEARCH", "UID FETCH", "IDLE", "NOOP", "LOGOUT"}
WRITES = {"STORE", "UID STORE", "COPY", "UID COPY", "MOVE", "UID MOVE", "EXPUNGE", "UID EXPUNGE", "APPEND", "SELECT"}


def _rejections(n: int) -> list[bytes]:
    return [e.path.read_bytes() for e in load_corpus(CORPUS, "tuned") if e.label == "rejection"][:n]


def _message_id(raw: bytes) -> str:
    return message_item(analyze(raw), raw, "x", datetime.now(UTC))["message_id"]


def _arrives(live_server, token: str, message_id: str, within: float) -> float:
    """Seconds until the server holds ``message_id``; fails after ``within``."""
    began = time.monotonic()
    while time.monotonic() - began < within:
        if message_id in {m["message_id"] for m in all_messages(live_server, token)}:
            return time.monotonic() - began
        time.sleep(0.05)
    pytest.fail(f"{message_id} did not reach the server within {within} s")


@pytest.fixture
def watching(api):
    """Start a Watcher (call it with account ids and options); it is stopped and joined at the end."""
    started: list[Watcher] = []

    def start(account_ids, options=FAST, sent=None) -> Watcher:
        watcher = Watcher(api, account_ids, options, sent)
        started.append(watcher)  # before start(), so threads begun before a failure are still joined
        watcher.start()
        return watcher

    yield start
    for watcher in started:
        watcher.stop()


def _wait_for_first_sync(watcher: Watcher, syncs: int = 1) -> None:
    deadline = time.monotonic() + 10
    while watcher.syncs < syncs:
        assert time.monotonic() < deadline, "the watcher did not sync"
        time.sleep(0.02)


def test_a_rejection_delivered_while_watching_reaches_the_server_within_seconds(dovecot, live_server, tokens, watching):
    """With IDLE, a rejection delivered to the watched folder is on the server in under 5 s, and the mailbox is unchanged."""
    dovecot.deliver(ordinary_mail(3, tag="before"))
    account = add_account(live_server, tokens[0], dovecot)
    sent: list[str] = []
    watcher = watching([account["id"]], sent=sent)
    _wait_for_first_sync(watcher)
    before = dovecot.flags()
    first, second = _rejections(2)
    dovecot.deliver([first])
    assert _arrives(live_server, tokens[0], _message_id(first), within=5) < 5
    dovecot.deliver([second])
    _arrives(live_server, tokens[0], _message_id(second), within=5)
    assert {uid: f for uid, f in dovecot.flags().items() if uid in before} == before
    assert "\\Seen" not in "".join(dovecot.flags().values())
    assert "IDLE" in sent and set(sent) <= READS and not set(sent) & WRITES, sent
    assert watcher.error is None


def test_without_idle_the_watcher_polls(dovecot, live_server, tokens, watching):
    """Where IDLE is unavailable the folder is checked every poll interval, and new mail still arrives."""
    account = add_account(live_server, tokens[0], dovecot)
    sent: list[str] = []
    watcher = watching([account["id"]], WatchOptions(idle=False, poll_interval=0.3, backoff_first=0.1, timeout=5.0), sent)
    _wait_for_first_sync(watcher)
    (rejection,) = _rejections(1)
    dovecot.deliver([rejection])
    _arrives(live_server, tokens[0], _message_id(rejection), within=5)
    assert "IDLE" not in sent and set(sent) <= READS


def test_a_dropped_connection_is_reopened_and_the_next_message_arrives(dovecot, live_server, tokens, watching, caplog):
    """After Dovecot kicks the session (doveadm kick) the watcher reconnects, logs why, and later mail still arrives once."""
    account = add_account(live_server, tokens[0], dovecot)
    watcher = watching([account["id"]])
    _wait_for_first_sync(watcher)
    kicked = subprocess.run(["doveadm", "-c", str(dovecot.folder / "dovecot.conf"), "kick", dovecot.user],
                            capture_output=True, text=True, timeout=10)
    assert kicked.returncode == 0, kicked.stderr
    _wait_for_first_sync(watcher, 2)  # the sync after reconnecting
    first, second = _rejections(2)
    dovecot.deliver([first, second])
    _arrives(live_server, tokens[0], _message_id(second), within=5)
    stored = all_messages(live_server, tokens[0])
    assert sorted(m["message_id"] for m in stored) == sorted({_message_id(first), _message_id(second)})
    assert any("connection" in r.getMessage() and "connecting again" in r.getMessage() for r in caplog.records)


def test_wrong_password_stops_the_watch_with_a_clear_error(dovecot, live_server, tokens, watching):
    """A refused login is not retried: the watch stops, keeps the reason and marks the account."""
    account = add_account(live_server, tokens[0], dovecot, secret="not the password")
    watcher = watching([account["id"]])
    deadline = time.monotonic() + 5
    while not watcher.stopped:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    assert isinstance(watcher.error, WrongCredentials) and "wrong password" in str(watcher.error)
    assert call(live_server, tokens[0], "GET", f"/accounts/{account['id']}")["last_error"] == "wrong password"


def test_the_command_delivers_new_mail_and_stops_cleanly_on_ctrl_c(dovecot, live_server, tokens):
    """``onward worker watch`` (every account) syncs a delivered rejection, and SIGINT (Ctrl-C) ends it with status 0."""
    import os
    import signal
    import sys

    account = add_account(live_server, tokens[0], dovecot)
    env = {**os.environ, "ONWARD_SERVER_URL": live_server.url, "ONWARD_TOKEN": tokens[1]}
    process = subprocess.Popen([sys.executable, "-m", "onward.cli", "worker", "watch"], env=env,  # no id: every account
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_until(lambda: process.poll() is not None or _states(live_server, tokens, account))  # the first sync is done
        (rejection,) = _rejections(1)
        dovecot.deliver([rejection])
        _arrives(live_server, tokens[0], _message_id(rejection), within=5)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "watching INBOX" in err and "stopping" in err


def test_the_command_stops_on_a_wrong_password_with_the_reason(dovecot, live_server, tokens):
    """A refused login ends ``onward worker watch`` with status 1 and "wrong password"."""
    from click.testing import CliRunner

    from onward.cli import main

    account = add_account(live_server, tokens[0], dovecot, secret="not the password")
    result = CliRunner().invoke(main, ["worker", "watch", str(account["id"])],
                                env={"ONWARD_SERVER_URL": live_server.url, "ONWARD_TOKEN": tokens[1]})
    assert result.exit_code == 1 and "wrong password" in result.output


def _states(live_server, tokens, account) -> list[dict]:
    from worker.api import Api
    from worker.config import WorkerConfig

    return Api(WorkerConfig(server_url=live_server.url, token=tokens[1], timeout=5)).credentials(account["id"])["states"]


def _wait_until(condition, within: float = 10) -> None:
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_the_command_without_accounts_says_so(live_server, tokens):
    """With no account on the server, ``onward worker watch`` ends with status 1 and says what to do."""
    from click.testing import CliRunner

    from onward.cli import main

    result = CliRunner().invoke(main, ["worker", "watch"], env={"ONWARD_SERVER_URL": live_server.url, "ONWARD_TOKEN": tokens[1]})
    assert result.exit_code == 1 and "onward account add" in result.output
