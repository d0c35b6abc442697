"""Many mailboxes synced by 1, 2 and 4 RQ workers, the way docker-compose.yml runs them: `onward serve`
(gunicorn, 2 processes) on a fresh PostgreSQL database, a Redis of its own, `rq worker` processes with one
fleet token, and a real Dovecot holding one mailbox per user.

    .venv/bin/python bench/scale.py [--users 200] [--messages 2000] [--workers 1 2 4]

For each number of workers a new set of users gets an account on the same mailboxes, every account's
sync is enqueued twice in a row (as when two scheduler rounds overlap; the per-account lock must turn one
into "skipped: already running" or a sync with nothing new), and the bench waits for all of them. It prints
the first-sync throughput (messages read per second), the ratio to one worker, the syncs that overlapped for
one account (from the times each job held the lock, which must be none), the peak memory of a worker and of
its job processes (sampled every 100 ms), and how long one round of incremental syncs over every account
takes when nothing is new. Mailboxes are written straight to Maildir as in bench/sync.py (one in twenty
messages from the corpus); at most imap_server.SPARE_USERS users."""

import argparse
import os
import pwd
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from api import free_port, fresh_postgres, wait_up  # noqa: E402  (bench/api.py)
from imap_server import SPARE_USERS, start_dovecot  # noqa: E402
from sync import index, mailbox, write_maildir  # noqa: E402  (bench/sync.py)

BIN = ROOT / ".venv" / "bin"


def memory_kb(pid: int) -> int:
    """Resident memory of a process (VmRSS), 0 once it has gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return 0


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


class Sampler(threading.Thread):
    """Peak resident memory of the worker processes and of the job processes they fork, every 100 ms."""

    def __init__(self, pids: list[int]):
        super().__init__(daemon=True)
        self.pids, self.worker_kb, self.job_kb = pids, 0, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.1):
            for pid in self.pids:
                self.worker_kb = max(self.worker_kb, memory_kb(pid))
                self.job_kb = max([self.job_kb, *(memory_kb(c) for c in children(pid))])


def make_accounts(app, run: int, users: int, dovecot) -> list[int]:
    """``users`` new users, each with an account on mailbox robin1… robinN, made with the server's own functions."""
    from server.accounts import new_account
    from server.auth import create_user
    from server.db import db_session

    ids = []
    with app.app_context():
        session = db_session()
        for n in range(1, users + 1):
            user, _ = create_user(session, f"run{run}-{n}@bench.example", tokens=())
            account = new_account(user.id, {"host": dovecot.host, "port": dovecot.imap_port, "tls": "plain",
                                            "username": f"robin{n}@example.org", "secret": dovecot.password})
            session.add(account)
            session.flush()
            ids.append(account.id)
        session.commit()
    return ids


def fleet_token(app) -> str:
    from server.auth import create_user
    from server.db import db_session

    with app.app_context():
        session = db_session()
        _, (secret,) = create_user(session, "ops@bench.example", (("fleet", "bench workers"),))
        session.commit()
    return secret


KEEP_RESULTS = 24 * 3600
"""Seconds RQ keeps a finished job: a round with one worker outlasts RQ's default of 500 s, and every job's
result and lock times are read when the round ends."""


def wait_jobs(redis, ids: list[str], deadline: float) -> list:
    """The jobs once every one has finished or failed."""
    from rq.job import Job, JobStatus

    while True:
        jobs = Job.fetch_many(ids, connection=redis)
        if all(j.get_status(refresh=False) in (JobStatus.FINISHED, JobStatus.FAILED) for j in jobs):
            return jobs
        if time.monotonic() > deadline:
            raise SystemExit("the syncs did not finish in time")
        time.sleep(0.2)


def overlaps(jobs) -> int:
    """Pairs of syncs of one account whose lock-holding times overlap (must be 0)."""
    by_account: dict[int, list] = {}
    for job in jobs:
        if job.meta.get("synced"):
            by_account.setdefault(job.args[0], []).append(job.meta["synced"])
    count = 0
    for spans in by_account.values():
        spans.sort()
        count += sum(1 for (_, end), (start, _) in zip(spans, spans[1:], strict=False) if start < end)
    return count


def one_run(workers: int, accounts: list[int], env: dict, redis, folder: Path, timeout: float) -> dict:
    from rq import Queue, Worker

    from worker import jobs

    queue = Queue(jobs.QUEUE, connection=redis)
    procs = []
    for i in range(workers):
        with (folder / f"worker-{workers}-{i}.log").open("wb") as log:
            procs.append(subprocess.Popen([str(BIN / "rq"), "worker", "-c", "worker.jobs", "--with-scheduler", "--name", f"scale-{workers}-{i}",
                                           "--logging_level", "WARNING", jobs.QUEUE], env=env, stdout=log, stderr=subprocess.STDOUT))
    try:
        while len(Worker.all(connection=redis)) < workers:
            for i, p in enumerate(procs):
                if p.poll() is not None:
                    raise SystemExit(f"a worker exited:\n{(folder / f'worker-{workers}-{i}.log').read_text()}")
            time.sleep(0.05)
        sampler = Sampler([p.pid for p in procs])
        sampler.start()
        order = accounts[:]
        random.Random(workers).shuffle(order)
        began = time.perf_counter()
        ids = [jobs.enqueue_sync(queue, a, result_ttl=KEEP_RESULTS).id for a in order for _ in range(2)]
        first = wait_jobs(redis, ids, time.monotonic() + timeout)
        seconds = time.perf_counter() - began
        began = time.perf_counter()
        quiet = wait_jobs(redis, [jobs.enqueue_sync(queue, a, result_ttl=KEEP_RESULTS).id for a in order], time.monotonic() + timeout)
        quiet_seconds = time.perf_counter() - began
        sampler.done.set()
        sampler.join()
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
        for p in procs:
            p.wait(60)
    outcomes = [j.return_value() or "" for j in first]
    return {"workers": workers, "seconds": seconds, "read": sum(int(o.split()[1].rstrip(",")) for o in outcomes if o.startswith("read ")),
            "skipped": outcomes.count("skipped: already running"), "failed": sum(j.is_failed for j in first + quiet),
            "overlaps": overlaps(first + quiet), "quiet_seconds": quiet_seconds,
            "quiet_read": sum(int(o.split()[1].rstrip(",")) for o in (j.return_value() or "" for j in quiet) if o.startswith("read ")),
            "worker_mb": sampler.worker_kb / 1024, "job_mb": sampler.job_kb / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200, help=f"mailboxes (at most {SPARE_USERS})")
    parser.add_argument("--messages", type=int, default=2000, help="messages per mailbox")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--timeout", type=float, default=7200, help="seconds any one round may take")
    args = parser.parse_args()
    if not 1 <= args.users <= SPARE_USERS:
        parser.error(f"--users must be 1 to {SPARE_USERS} (the mail users tests/imap_server.py writes)")

    from cryptography.fernet import Fernet
    from redis import Redis

    from server import create_app

    work = Path(tempfile.mkdtemp(prefix="onward-bench-scale-"))
    dovecot = start_dovecot(work / "dc")
    database, drop = fresh_postgres(os.environ.get("ONWARD_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    redis_port, http_port = free_port(), free_port()
    redis_url, url = f"redis://127.0.0.1:{redis_port}/0", f"http://127.0.0.1:{http_port}"
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(work), "ONWARD_DATABASE_URL": database,
           "ONWARD_SECRET_KEY_FERNET": Fernet.generate_key().decode(), "ONWARD_REDIS_URL": redis_url, "RQ_REDIS_URL": redis_url,
           "ONWARD_SERVER_URL": url, "ONWARD_IMAP_ALLOW_NETWORKS": "loopback"}  # the bench's Dovecot is on 127.0.0.1
    procs: list[subprocess.Popen] = []
    app = None
    try:
        owner = pwd.getpwnam("dovecot") if os.geteuid() == 0 else None
        t = time.perf_counter()
        messages = mailbox(args.messages, "scale", 3)
        size = sum(write_maildir(dovecot.folder / "mail" / f"robin{n}@example.org", messages, None) for n in range(1, args.users + 1))
        if owner is not None:  # once for the whole tree (write_maildir would walk every mailbox again for each one)
            subprocess.run(["chown", "-R", f"{owner.pw_uid}:{owner.pw_gid}", str(dovecot.folder / "mail")], check=True)
        for n in range(1, args.users + 1):
            index(dovecot, f"robin{n}@example.org")
        total = args.users * args.messages
        print(f"{args.users} mailboxes x {args.messages:,} messages = {total:,} messages ({size / 1e9:.2f} GB), written and "
              f"indexed in {time.perf_counter() - t:.0f} s; {os.cpu_count()} cores shared by Dovecot, PostgreSQL, "
              "gunicorn (2 processes), Redis and the workers")

        with (work / "redis.log").open("wb") as log:
            procs.append(subprocess.Popen(["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
                                           "--appendonly", "no"], stdout=log, stderr=subprocess.STDOUT))
        with (work / "server.log").open("wb") as log:
            procs.append(subprocess.Popen([str(BIN / "onward"), "serve", "--host", "127.0.0.1", "--port", str(http_port),
                                           "--workers", "2"], env=env, stdout=log, stderr=subprocess.STDOUT))
        wait_up(http_port, procs[-1])
        app = create_app({"DATABASE_URL": database, "SECRET_KEY_FERNET": env["ONWARD_SECRET_KEY_FERNET"], "REDIS_URL": None})
        env["ONWARD_TOKEN"] = fleet_token(app)
        redis = Redis(port=redis_port, socket_timeout=30)

        results = []
        for run, workers in enumerate(args.workers, 1):
            accounts = make_accounts(app, run, args.users, dovecot)
            result = one_run(workers, accounts, env, redis, work, args.timeout)
            results.append(result)
            print(f"{workers} worker(s): {result['read']:,} messages in {result['seconds']:.1f} s = "
                  f"{result['read'] / result['seconds']:.0f} msg/s; duplicate jobs skipped by the lock {result['skipped']}, "
                  f"failed {result['failed']}, overlapping syncs of one account {result['overlaps']}; "
                  f"incremental round (nothing new, {args.users} accounts) {result['quiet_seconds']:.2f} s; "
                  f"peak RSS per worker {result['worker_mb']:.0f} MB, per job process {result['job_mb']:.0f} MB", flush=True)

        base = results[0]["read"] / results[0]["seconds"]
        print()
        print("| workers | first sync, msg/s | vs 1 worker | overlapping syncs | skipped duplicates | incremental round "
              "| peak RSS worker / job |")
        print("|---|---|---|---|---|---|---|")
        for r in results:
            rate = r["read"] / r["seconds"]
            print(f"| {r['workers']} | {rate:.0f} | {rate / base:.2f}x | {r['overlaps']} | {r['skipped']} | "
                  f"{r['quiet_seconds']:.2f} s ({r['quiet_seconds'] / args.users * 1000:.0f} ms per account) | "
                  f"{r['worker_mb']:.0f} / {r['job_mb']:.0f} MB |")
        if any(r["read"] != total for r in results):
            print(f"note: a run read {[r['read'] for r in results]} messages, not {total:,} each")
    finally:
        for p in reversed(procs):
            p.send_signal(signal.SIGTERM)
            p.wait(30)
        if app is not None:
            app.extensions["onward.engine"].dispose()
        drop()
        dovecot.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
