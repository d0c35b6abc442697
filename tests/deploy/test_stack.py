"""The compose stack without containers: the processes docker-compose.yml starts — `onward serve` (migrations,
then gunicorn), two `rq worker`s and `rq cron worker.cron` — against a fresh PostgreSQL database, a Redis of the
test's own and the session's real Dovecot holding two users' mailboxes, all syncing through one fleet token."""

import itertools
import re
import subprocess
import time
import uuid

import pytest
import yaml
from rq import Queue, Worker
from rq.job import Job, JobStatus
from rq.registry import FailedJobRegistry, FinishedJobRegistry
from stack import BIN, ROOT, call, close, start_core, wait_for

from server import create_app
from server.auth import create_user
from server.db import db_session
from worker import jobs
from worker.evaluate import load_corpus
from worker.pipeline import analyze
from worker.records import is_job_related

pytestmark = pytest.mark.slow

STOP_GRACE = float(yaml.safe_load((ROOT / "docker-compose.yml").read_text())["x-onward"]["stop_grace_period"].removesuffix("s"))
"""Seconds compose waits after SIGTERM before it kills a process: every process must be gone by then."""


_serial = itertools.count(1)


def job_mail(examples) -> tuple[list[bytes], set[str]]:
    """Corpus emails with Message-IDs of their own, and the ids of those the worker sends to the server."""
    raws, expected = [], set()
    for example in examples:
        message_id = f"<stack-{next(_serial)}-{uuid.uuid4().hex[:8]}@corpus.example>"
        raw = re.sub(rb"(?im)^message-id:[^\r\n]*(\r?\n[ \t][^\r\n]*)*\r?\n", b"", example.path.read_bytes(), count=1)
        raw = f"Message-ID: {message_id}\r\n".encode() + raw
        raws.append(raw)
        if is_job_related(analyze(raw)):
            expected.add(message_id)
    return raws, expected


def make_users(db_url: str, emails: list[str]) -> dict[int, str]:
    """Users made with the server's own functions (as `onward user create` does): {1: the first one's user token, ...}."""
    app = create_app({"DATABASE_URL": db_url, "REDIS_URL": None})
    try:
        with app.app_context():
            session = db_session()
            made = {n: create_user(session, email)[1][0] for n, email in enumerate(emails, 1)}
            session.commit()
        return made
    finally:
        app.extensions["onward.engine"].dispose()


def rounds(queue) -> list:
    """The finished ``sync_all`` jobs the cron enqueued."""
    finished = Job.fetch_many(FinishedJobRegistry(queue=queue).get_job_ids(), connection=queue.connection)
    return [job for job in finished if job and job.func_name == "worker.jobs.sync_all"]


def stored_ids(url: str, token: str) -> set[str]:
    return {m["message_id"] for m in call(url, token, "GET", "/messages?limit=500")["items"]}


def test_compose_processes_sync_two_users_once_at_a_time_and_stop_cleanly(stack_database_url, new_mailbox, tmp_path):
    """gunicorn, two rq workers and rq cron sync both users' mailboxes into the right user, never one account twice at
    once (duplicate jobs end "skipped: already running"), pick up new mail at the next cron round, and stop on SIGTERM."""
    began = time.monotonic()
    stack, redis, url = start_core(tmp_path, stack_database_url)
    env = stack.env
    try:
        people = make_users(stack_database_url, ["person1@example.org", "person2@example.org", "ops@example.org"])
        fleet = subprocess.run([str(BIN / "onward"), "token", "create", "ops@example.org", "--fleet", "--name", "workers"],
                               env=env, capture_output=True, text=True, timeout=30, check=True).stdout.strip().splitlines()[-1]
        assert fleet.startswith("onw_f_")
        env["ONWARD_TOKEN"] = fleet

        corpus = [e for e in load_corpus(ROOT / "tests" / "corpus", "tuned") if e.label != "other"]
        expected, mailboxes = {}, {1: new_mailbox(), 2: new_mailbox()}
        for n, examples in ((1, corpus[0:40:2]), (2, corpus[1:40:2])):
            mailbox = mailboxes[n]
            raws, expected[n] = job_mail(examples)
            mailbox.deliver(raws)
            account = call(url, people[n], "POST", "/accounts", {"host": mailbox.host, "port": mailbox.imap_port, "tls": "plain",
                                                                  "username": mailbox.user, "secret": mailbox.password})
            people[n] = (people[n], account["id"])
        assert expected[1] and expected[2] and not expected[1] & expected[2]

        for n in (1, 2):
            stack.start(f"worker{n}", str(BIN / "rq"), "worker", "-c", "worker.jobs", "--with-scheduler", "--name", f"stack-{n}", jobs.QUEUE)
        wait_for("two registered workers", lambda: len(Worker.all(connection=redis)) == 2, 20, stack)
        queue = Queue(jobs.QUEUE, connection=redis)
        first = [jobs.enqueue_sync(queue, people[n][1]) for n in (1, 1, 2, 2)]  # duplicates, as if two schedulers fired
        wait_for("the first syncs", lambda: all(j.get_status(refresh=True) == JobStatus.FINISHED for j in first), 30, stack)
        for n in (1, 2):
            assert stored_ids(url, people[n][0]) == expected[n]

        late, late_ids = job_mail(corpus[40:41])
        assert late_ids
        mailboxes[2].deliver(late)
        stack.start("cron", str(BIN / "rq"), "cron", "worker.cron")  # nothing else is queued: only its rounds can find it
        wait_for("the new mail, synced by a cron round", lambda: stored_ids(url, people[2][0]) == expected[2] | late_ids, 20, stack)
        wait_for("a second cron round", lambda: len(rounds(queue)) >= 2, 20, stack)
        assert stored_ids(url, people[1][0]) == expected[1]

        for name in ("cron", "worker1", "worker2", "server"):
            stopping = time.monotonic()
            assert stack.stop(name, seconds=STOP_GRACE) == 0, f"{name} did not stop cleanly\n{stack.logs()}"
            assert time.monotonic() - stopping < STOP_GRACE
        finished = Job.fetch_many(FinishedJobRegistry(queue=queue).get_job_ids(), connection=redis)
        runs = [job for job in finished if job and job.func_name == "worker.jobs.sync_account"]
        assert not FailedJobRegistry(queue=queue).get_job_ids()
        outcomes = [job.return_value() for job in runs]
        assert "skipped: already running" in outcomes, outcomes
        assert sum(o.startswith("read ") for o in outcomes) >= 4  # both first syncs and two cron rounds of both accounts
        for n in (1, 2):
            synced = sorted(j.meta["synced"] for j in runs if j.args[0] == people[n][1] and j.return_value().startswith("read "))
            assert all(end <= next_start for (_, end), (next_start, _) in itertools.pairwise(synced)), synced
        assert time.monotonic() - began < 60
    finally:
        close(stack, redis)
