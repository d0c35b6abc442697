"""The RQ jobs on the real Redis with SimpleWorker, against a real Dovecot and a live server: what a
job delivers, which failures are retried, the per-account lock, a Redis restart, a message that
breaks the parser, the cron schedule and the embedded loop."""

import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid

import pytest
from helpers import add_account, all_messages, call, corpus_sample, expected_ids, mixed_mail, ordinary_mail
from imap_server import free_port
from live_server import new_user
from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from rq import Queue, SimpleWorker
from rq.job import JobStatus
from rq.registry import ScheduledJobRegistry
from rq.timeouts import TimerDeathPenalty

from worker import embedded, jobs


def _need(what: str, ok: bool, hint: str) -> None:
    if not ok:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{what} is required under CI=true ({hint})")
        pytest.skip(f"{what} is not available ({hint})")


@pytest.fixture
def redis_conn():
    """The machine's Redis on 127.0.0.1:6379."""
    conn = Redis(host="127.0.0.1", port=6379, socket_timeout=5)
    try:
        conn.ping()
    except RedisConnectionError as exc:
        _need("Redis on 127.0.0.1:6379", False, f"redis-server: {exc}")
    yield conn
    conn.close()


@pytest.fixture
def queue(redis_conn):
    """A queue of this test's own, deleted with its jobs afterwards."""
    q = Queue(f"onward-test-{uuid.uuid4().hex[:8]}", connection=redis_conn)
    yield q
    q.delete(delete_jobs=True)


class PrivateRedis:
    """A redis-server of the test's own that can be restarted; it keeps nothing on disk."""

    def __init__(self, folder):
        self.port = free_port()
        self.folder = folder
        self.start()

    def start(self) -> None:
        subprocess.run(["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                        "--daemonize", "yes", "--dir", str(self.folder), "--pidfile", str(self.folder / "redis.pid")], check=True,
                       stdout=subprocess.DEVNULL)
        probe = Redis(port=self.port)
        for _ in range(100):
            try:
                probe.ping()
                break
            except RedisConnectionError:
                time.sleep(0.02)
        probe.close()

    def stop(self) -> None:
        """SIGTERM to the server this test started (its pidfile), then wait until it has gone."""
        pidfile = self.folder / "redis.pid"
        pid = int(pidfile.read_text())
        os.kill(pid, signal.SIGTERM)
        for _ in range(250):
            if not pidfile.exists():
                break
            time.sleep(0.02)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


@pytest.fixture
def private_redis(tmp_path):
    _need("redis-server", shutil.which("redis-server") is not None, "apt-get install redis-server")
    server = PrivateRedis(tmp_path)
    yield server
    if (tmp_path / "redis.pid").exists():
        server.stop()


@pytest.fixture
def worker_env(monkeypatch, live_server, tokens):
    """What a worker process reads: the live server and the user's service token."""
    monkeypatch.setenv("ONWARD_SERVER_URL", live_server.url)
    monkeypatch.setenv("ONWARD_TOKEN", tokens[1])


def _fill(dovecot, n: int = 20, tag: str = "j") -> list[bytes]:
    mixed = mixed_mail(n, tag)
    dovecot.deliver(mixed)
    return mixed




def _work(queue) -> None:
    SimpleWorker([queue], connection=queue.connection).work(burst=True)


def _state(live_server, tokens, account_id: int) -> dict:
    return call(live_server, tokens[1], "GET", f"/accounts/{account_id}/credentials")["states"][0]


def test_sync_account_job_delivers_the_mailbox(dovecot, live_server, tokens, worker_env, queue):
    """A job enqueued by dotted path delivers the mailbox's job mail to the server once, records when it held the lock and frees it."""
    raws = _fill(dovecot)
    account = add_account(live_server, tokens[0], dovecot)
    queued = time.time()
    job = jobs.enqueue_sync(queue, account["id"])
    assert job.func_name == "worker.jobs.sync_account" and job.timeout == jobs.JOB_TIMEOUT and job.retries_left == 3
    _work(queue)
    assert job.get_status(refresh=True) == JobStatus.FINISHED
    assert job.return_value() == f"read {len(raws)}, skipped 0"
    began, ended = job.get_meta(refresh=True)["synced"]  # the time the lock was held, for proofs across workers
    assert queued <= began <= ended <= time.time()
    stored = all_messages(live_server, tokens[0])
    assert {m["message_id"] for m in stored} == expected_ids(raws) and len(stored) == len(expected_ids(raws))
    assert not queue.connection.exists(jobs.lock_key(live_server.url, account["id"]))


def test_wrong_password_stops_without_retry_and_marks_the_account(dovecot, live_server, tokens, worker_env, queue):
    """Wrong credentials end the job (no retry scheduled) and the account shows "wrong password"."""
    account = add_account(live_server, tokens[0], dovecot, secret="not-the-password")
    job = jobs.enqueue_sync(queue, account["id"])
    _work(queue)
    job.refresh()
    assert job.get_status() == JobStatus.FINISHED and job.retries_left == 3
    assert job.return_value() == "stopped: wrong password"
    assert job.id not in ScheduledJobRegistry(queue=queue).get_job_ids()
    assert call(live_server, tokens[0], "GET", f"/accounts/{account['id']}")["last_error"] == "wrong password"


@pytest.mark.parametrize("down", ["mail server", "onward server"])
def test_a_network_error_is_retried_with_backoff(dovecot, live_server, tokens, worker_env, queue, monkeypatch, down):
    """An unreachable mail server or Onward server fails the job and schedules a retry after the first interval."""
    if down == "mail server":
        account = add_account(live_server, tokens[0], dovecot, port=free_port())
    else:
        account = add_account(live_server, tokens[0], dovecot)
        monkeypatch.setenv("ONWARD_SERVER_URL", f"http://127.0.0.1:{free_port()}")
    job = jobs.enqueue_sync(queue, account["id"])
    before = time.time()
    _work(queue)
    job.refresh()
    assert job.get_status() == JobStatus.SCHEDULED and job.retries_left == 2
    registry = ScheduledJobRegistry(queue=queue)
    assert job.id in registry.get_job_ids()
    assert registry.get_scheduled_time(job).timestamp() >= before + jobs.RETRY_INTERVALS[0] - 1
    if down == "mail server":
        assert call(live_server, tokens[0], "GET", f"/accounts/{account['id']}")["last_error"] == "server unreachable"
    assert not queue.connection.exists(jobs.lock_key(live_server.url, account["id"]))


class ThreadWorker(SimpleWorker):
    """A SimpleWorker that can run outside the main thread (no signal handlers, a timer for the timeout)."""

    death_penalty_class = TimerDeathPenalty

    def _install_signal_handlers(self):
        pass


def test_two_workers_racing_for_one_account_run_one_sync(dovecot, live_server, tokens, worker_env, queue, monkeypatch):
    """While one worker syncs an account, a second worker's job for it returns "skipped: already running" at once."""
    raws = _fill(dovecot)
    account = add_account(live_server, tokens[0], dovecot)
    started, second_done = threading.Event(), threading.Event()
    calls = []
    original = jobs.sync_one

    def slow(api, account_id):
        calls.append(account_id)
        started.set()
        second_done.wait(20)
        return original(api, account_id)

    monkeypatch.setattr(jobs, "sync_one", slow)
    first = jobs.enqueue_sync(queue, account["id"])
    a = threading.Thread(target=lambda: ThreadWorker([queue], connection=queue.connection).work(burst=True, max_jobs=1))
    a.start()
    assert started.wait(20)
    assert queue.connection.exists(jobs.lock_key(live_server.url, account["id"]))
    second = jobs.enqueue_sync(queue, account["id"])
    t0 = time.monotonic()
    ThreadWorker([queue], connection=queue.connection).work(burst=True)
    assert time.monotonic() - t0 < 5
    assert second.get_status(refresh=True) == JobStatus.FINISHED and second.return_value() == "skipped: already running"
    second_done.set()
    a.join(30)
    assert first.get_status(refresh=True) == JobStatus.FINISHED and first.return_value().startswith(f"read {len(raws)}")
    assert calls == [account["id"]]
    stored = all_messages(live_server, tokens[0])
    assert len(stored) == len({m["message_id"] for m in stored}) == len(expected_ids(raws))
    assert not queue.connection.exists(jobs.lock_key(live_server.url, account["id"]))


def test_lock_is_released_only_by_its_owner(redis_conn):
    """A second caller cannot take a held lock, and a stale token cannot delete a later holder's lock."""
    key = f"onward:lock:sync:test-{uuid.uuid4().hex}:1"
    token = jobs.acquire(redis_conn, key)
    assert token and jobs.acquire(redis_conn, key) is None
    assert jobs.LOCK_TTL - 5 < redis_conn.ttl(key) <= jobs.LOCK_TTL and jobs.LOCK_TTL > jobs.JOB_TIMEOUT
    assert not jobs.release(redis_conn, key, "someone-else")
    assert jobs.release(redis_conn, key, token) and not redis_conn.exists(key)


def test_redis_restarted_between_jobs_loses_nothing_and_repeats_nothing(dovecot, live_server, tokens, worker_env, private_redis):
    """The position lives on the server: after Redis restarts empty, the next job reads only the new mail."""
    conn = Redis(port=private_redis.port, socket_timeout=5)
    q = Queue("onward", connection=conn)
    first_raws = _fill(dovecot, n=10, tag="a")
    account = add_account(live_server, tokens[0], dovecot)
    first = jobs.enqueue_sync(q, account["id"])
    _work(q)
    assert first.return_value() == f"read {len(first_raws)}, skipped 0"
    private_redis.stop()
    private_redis.start()
    assert conn.dbsize() == 0  # the same client reconnects to an empty Redis
    later = [e.path.read_bytes() for e in corpus_sample(200)[-3:]] + ordinary_mail(2, tag="b")
    dovecot.deliver(later)
    second = jobs.enqueue_sync(q, account["id"])
    _work(q)
    assert second.return_value() == f"read {len(later)}, skipped 0"
    stored = all_messages(live_server, tokens[0])
    assert len(stored) == len({m["message_id"] for m in stored}) == len(expected_ids(first_raws + later))
    conn.close()


def test_a_message_that_breaks_the_parser_is_skipped_counted_and_passed(dovecot, live_server, tokens, worker_env, queue,
                                                                         monkeypatch, caplog):
    """One message whose analysis raises is logged with its reason and counted; the others arrive and the position moves past it."""
    import worker.sync

    raws = _fill(dovecot, n=10)
    poison = ordinary_mail(1, tag="poison")[0].replace(b"Subject: ", b"Subject: BREAKME ", 1)
    dovecot.deliver([poison])
    original = worker.sync.analyze

    def fragile(raw, *args, **kwargs):
        if b"BREAKME" in raw:
            raise ValueError("parser exploded")
        return original(raw, *args, **kwargs)

    monkeypatch.setattr(worker.sync, "analyze", fragile)
    account = add_account(live_server, tokens[0], dovecot)
    job = jobs.enqueue_sync(queue, account["id"])
    with caplog.at_level(logging.WARNING, logger="onward"):
        _work(queue)
    assert job.return_value() == f"read {len(raws) + 1}, skipped 1"
    assert any("skipped" in r.getMessage() and "parser exploded" in r.getMessage() for r in caplog.records)
    assert {m["message_id"] for m in all_messages(live_server, tokens[0])} == expected_ids(raws)
    assert _state(live_server, tokens, account["id"])["last_uid"] == len(raws) + 1


def test_sync_all_enqueues_one_job_per_account(dovecot, live_server, tokens, worker_env, queue):
    """Under RQ, sync_all puts one sync per account on its own queue, and the burst worker runs them all."""
    raws = _fill(dovecot, n=10)
    first = add_account(live_server, tokens[0], dovecot)
    second = add_account(live_server, tokens[0], dovecot, folders=["Archive"], username=dovecot.user.upper())
    dovecot.deliver(ordinary_mail(2, tag="arch"), "Archive")
    job = queue.enqueue("worker.jobs.sync_all", job_timeout=300)
    _work(queue)
    ids = job.return_value()
    assert len(ids) == 2
    results = sorted(queue.fetch_job(i).return_value() for i in ids)
    assert results == sorted([f"read {len(raws)}, skipped 0", "read 2, skipped 0"])
    shown = {a["id"]: a for a in call(live_server, tokens[0], "GET", "/accounts")["items"]}
    assert shown[first["id"]]["last_sync_at"] and shown[second["id"]]["last_sync_at"]


def test_fleet_token_syncs_two_users_accounts_into_their_owners(dovecot, live_server, tokens, queue, monkeypatch):
    """With one fleet token, sync_all enqueues both users' accounts and each account's mail lands with its own user only."""
    _, (other_token,) = new_user(live_server)
    _, (fleet,) = new_user(live_server, tokens=(("fleet", "workers"),))  # the operator `onward token create --fleet` names
    mine = mixed_mail(8, "mine")
    theirs = [e.path.read_bytes() for e in corpus_sample(16, "holdout")] + ordinary_mail(4, tag="theirs")
    assert expected_ids(mine) and expected_ids(theirs) and not expected_ids(mine) & expected_ids(theirs)
    dovecot.deliver(mine)
    dovecot.deliver(theirs, "Theirs")
    first = add_account(live_server, tokens[0], dovecot)
    second = add_account(live_server, other_token, dovecot, folders=["Theirs"])
    monkeypatch.setenv("ONWARD_SERVER_URL", live_server.url)
    monkeypatch.setenv("ONWARD_TOKEN", fleet)
    job = queue.enqueue("worker.jobs.sync_all", job_timeout=300)
    _work(queue)
    assert sorted(queue.fetch_job(i).args[0] for i in job.return_value()) == [first["id"], second["id"]]
    assert {m["message_id"] for m in all_messages(live_server, tokens[0])} == expected_ids(mine)
    assert {m["message_id"] for m in all_messages(live_server, other_token)} == expected_ids(theirs)


def test_a_users_service_token_cannot_sync_another_users_account(dovecot, live_server, tokens, worker_env, queue):
    """A per-user service token neither schedules nor syncs another user's account: its job ends "account not found"."""
    _, (other_token,) = new_user(live_server)
    dovecot.deliver(mixed_mail(4, "x"))
    other = add_account(live_server, other_token, dovecot)
    job = queue.enqueue("worker.jobs.sync_all", job_timeout=300)
    _work(queue)
    assert job.return_value() == []
    direct = jobs.enqueue_sync(queue, other["id"])
    _work(queue)
    assert direct.return_value() == "skipped: account not found"
    assert all_messages(live_server, other_token) == [] and all_messages(live_server, tokens[0]) == []


def test_cron_config_registers_sync_all_and_the_digests(redis_conn, monkeypatch):
    """`rq cron worker.cron` schedules worker.jobs.sync_all on the onward queue every ONWARD_SYNC_INTERVAL_MINUTES,
    and the weekly digests every 15 minutes."""
    from rq.cron import CronScheduler

    monkeypatch.setenv("ONWARD_SYNC_INTERVAL_MINUTES", "2.5")
    scheduler = CronScheduler(connection=redis_conn, logging_level=logging.WARNING)
    scheduler.load_config_from_file("worker.cron")
    assert sorted((j.func_name, j.queue_name, j.interval) for j in scheduler.get_jobs()) == [
        ("worker.digests.send_digests", "onward", 900), ("worker.jobs.sync_all", "onward", 150)]
    monkeypatch.delenv("ONWARD_SYNC_INTERVAL_MINUTES")
    scheduler = CronScheduler(connection=redis_conn, logging_level=logging.WARNING)
    scheduler.load_config_from_file("worker.cron")
    assert {j.func_name: j.interval for j in scheduler.get_jobs()}["worker.jobs.sync_all"] == 600


def test_rq_cron_command_enqueues_sync_all_and_the_digests(private_redis, tmp_path):
    """The documented `rq cron worker.cron` runs and enqueues worker.jobs.sync_all and the digests at once."""
    rq = os.path.join(os.path.dirname(sys.executable), "rq")
    log = tmp_path / "cron.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([rq, "cron", "--url", private_redis.url, "worker.cron"], stdout=out, stderr=subprocess.STDOUT)
    q = Queue("onward", connection=Redis(port=private_redis.port))
    try:
        deadline = time.monotonic() + 15
        while q.count < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
        assert q.count == 2, log.read_text()
        assert {j.func_name for j in q.jobs} == {"worker.jobs.sync_all", "worker.digests.send_digests"}
    finally:
        proc.terminate()
        proc.wait(10)
        q.connection.close()


def test_embedded_loop_runs_one_round_in_process(dovecot, live_server, tokens, worker_env):
    """Without Redis the loop syncs every account in this process; a round with an unreachable account goes on to the next."""
    raws = _fill(dovecot, n=10)
    add_account(live_server, tokens[0], dovecot, port=free_port(), username="broken")
    add_account(live_server, tokens[0], dovecot)
    assert embedded.run(0, threading.Event(), rounds=1) == 1
    assert {m["message_id"] for m in all_messages(live_server, tokens[0])} == expected_ids(raws)
    accounts = call(live_server, tokens[0], "GET", "/accounts")["items"]
    assert [a["last_error"] for a in accounts] == ["server unreachable", None]


def test_embedded_round_without_a_token_waits_and_says_why(monkeypatch, caplog):
    """With no service token yet (a fresh clone) a round logs how to add an account and syncs nothing."""
    monkeypatch.delenv("ONWARD_TOKEN", raising=False)
    with caplog.at_level(logging.INFO, logger="onward"):
        assert embedded.one_round() == []
    assert "no mailbox is connected yet" in caplog.text


def test_embedded_service_token_is_issued_for_the_first_user(live_server, tokens):
    """`onward run` finds the first user and gives its worker a fresh service token, revoking the previous one."""
    from onward.run import embedded_service_token

    first = embedded_service_token(live_server.app)
    second = embedded_service_token(live_server.app)
    assert first.startswith("onw_s_") and second != first
    listed = call(live_server, tokens[0], "GET", "/tokens")["items"]
    assert [t["name"] for t in listed].count("embedded worker") == 1
    assert call(live_server, second, "GET", "/accounts") == {"items": []}

