"""The deployed shape without containers, shared by the tests that start it (tests/deploy/test_stack.py,
tests/e2e/test_journey.py): a fresh PostgreSQL database, the processes docker-compose.yml runs, each logging to a
file, waiting on them with a deadline that reports their logs, and JSON calls to the server they make up."""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import psycopg
from browser import missing_service
from cryptography.fernet import Fernet
from imap_server import free_port
from redis import Redis
from redis.exceptions import RedisError
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PG_BASE = os.environ.get("ONWARD_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@contextlib.contextmanager
def fresh_postgres_database():
    """A fresh PostgreSQL database for this run, dropped afterwards (the server creates the schema itself);
    the root conftest's ``stack_database_url`` fixture."""
    base = make_url(PG_BASE)
    try:
        admin = psycopg.connect(base.set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True,
                                connect_timeout=3)
    except psycopg.OperationalError as exc:
        missing_service(f"PostgreSQL unreachable at {PG_BASE}: {exc}")
    name = f"onward_stack_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


class Stack:
    """The processes of the compose file, each logging to a file; ``stop()`` ends them as compose would (SIGTERM)."""

    def __init__(self, folder: Path, env: dict):
        self.folder, self.env, self.procs = folder, env, {}

    def start(self, name: str, *argv: str) -> subprocess.Popen:
        with (self.folder / f"{name}.log").open("wb") as log:
            self.procs[name] = subprocess.Popen(argv, env=self.env, cwd=self.folder, stdout=log, stderr=subprocess.STDOUT)
        return self.procs[name]

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text(errors="replace")

    def logs(self) -> str:
        return "\n".join(f"--- {name}\n{self.log(name)[-3000:]}" for name in self.procs)

    def stop(self, name: str, seconds: float = 15) -> int:
        proc = self.procs[name]
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            return proc.wait(seconds)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return -9


def wait_for(what: str, check, seconds: float, stack: Stack, every: float = 0.1):
    """``check()``'s first truthy value, asking every ``every`` s; fails at once when a process of the stack has
    exited, and after ``seconds`` with the stack's logs."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        for name, proc in stack.procs.items():
            assert proc.poll() is None, f"{name} exited with {proc.returncode} while waiting for {what}\n{stack.logs()}"
        time.sleep(every)
    raise AssertionError(f"no {what} within {seconds} s\n{stack.logs()}")


def call(url: str, token: str, method: str, path: str, body: dict | None = None) -> dict:
    """One JSON call on ``url`` + ``/api/v1`` + ``path`` with a bearer token."""
    request = urllib.request.Request(url + "/api/v1" + path, method=method, data=json.dumps(body).encode() if body else None,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as res:
        return json.loads(res.read() or b"{}")


def answers(probe) -> bool:
    """Whether ``probe()`` gives a truthy value without a connection error (a service still starting)."""
    try:
        return bool(probe())
    except (OSError, RedisError):
        return False


def start_core(folder: Path, database_url: str, **env: str) -> tuple[Stack, Redis, str]:
    """What every stack test starts first: a Redis of its own and ``onward serve`` (migrations, then gunicorn with
    two processes) on free ports, both answering. ``env`` adds to the environment every process of the stack shares.
    Returns the stack, a Redis client and the server's URL; ``close`` ends them."""
    if shutil.which("redis-server") is None:
        missing_service("redis-server is not installed (apt-get install redis-server)")
    redis_port, http_port = free_port(), free_port()
    redis_url, url = f"redis://127.0.0.1:{redis_port}/0", f"http://127.0.0.1:{http_port}"
    stack = Stack(folder, {"PATH": f"{BIN}:/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(folder),
                           "ONWARD_DATABASE_URL": database_url, "ONWARD_SECRET_KEY_FERNET": Fernet.generate_key().decode(),
                           "ONWARD_REDIS_URL": redis_url, "RQ_REDIS_URL": redis_url, "ONWARD_SERVER_URL": url,
                           "ONWARD_SYNC_INTERVAL_MINUTES": "0.05", "ONWARD_IMAP_ALLOW_NETWORKS": "loopback", **env})
    redis = Redis.from_url(redis_url, socket_timeout=5)
    try:
        stack.start("redis", "redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
        stack.start("server", str(BIN / "onward"), "serve", "--host", "127.0.0.1", "--port", str(http_port), "--workers", "2")
        wait_for("Redis", lambda: answers(redis.ping), 10, stack)
        wait_for("a healthy server", lambda: answers(lambda: call(url, "", "GET", "/health")["ok"]), 30, stack)
    except BaseException:
        close(stack, redis)
        raise
    return stack, redis, url


def close(stack: Stack, redis: Redis) -> None:
    """Stop every process still running (SIGTERM, then SIGKILL) and the Redis client."""
    redis.close()
    for name in list(stack.procs):
        stack.stop(name)
