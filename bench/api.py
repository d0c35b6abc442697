"""The service under gunicorn on loopback: ingest throughput, then the latency of
``GET /api/v1/applications`` for a user with 5,000 messages beside a bare endpoint
(``GET /api/v1/health``) measured the same way in the same run.

    .venv/bin/python bench/api.py [--messages 5000] [--rate 200] [--seconds 10]

Uses a temporary SQLite file, or, when ONWARD_DATABASE_URL points at a PostgreSQL server, a
fresh database on that server, dropped at the end. Load: a fixed request rate spread over a few threads,
each with its own keep-alive connection; latency is measured from the planned send time, so
a slow server cannot hide its queueing (no coordinated omission)."""

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCH = 500
COMPANIES = [f"{a} {b}" for a in ("Larkspur", "Tidemark", "Brightwater", "Northwind", "Globex", "Initech", "Umbrella", "Hooli",
                                  "Vandelay", "Stark", "Wayne", "Acme", "Cyberdyne", "Soylent", "Wonka", "Tyrell")
             for b in ("Robotics", "Analytics", "Health", "Labs", "Systems", "Foods", "Energy", "Media", "Logistics", "Capital")]
ROLES = ["Data Analyst", "Backend Engineer", "Product Designer", "Operations Analyst", "Controls Engineer", None]
LABELS = ["application_confirmation"] * 4 + ["rejection"] * 3 + ["interview_invitation"] * 2 + ["job_alert", "other", "offer"]


def messages(n: int, seed: int = 7) -> list[dict]:
    """A plausible mailbox: confirmations, then replies from the same employers, over a year."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        label = rng.choice(LABELS)
        company = rng.choice(COMPANIES)
        out.append({
            "account": "imap:bench@example.org", "folder": "INBOX", "uidvalidity": 1, "uid": i + 1, "message_id": f"<bench-{i}@example.org>",
            "from_name": f"{company} Careers", "from_address": f"jobs@{company.split()[0].lower()}.example", "subject": f"Your application ({label})",
            "date": f"2026-{1 + i * 10 // n:02d}-{1 + rng.randrange(28):02d}T{rng.randrange(24):02d}:00:00+00:00", "label": label,
            "confidence": round(rng.uniform(0.6, 1.0), 2), "stage": "application" if label == "rejection" else None,
            "keeps_on_file": False if label == "rejection" else None, "offers_feedback": False if label == "rejection" else None,
            "company": company, "role": rng.choice(ROLES), "ats": None, "job_id": None, "language": "en",
            "snippet": "Thank you for your application. " * 5,
        })
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def onward(env: dict, *args: str) -> str:
    return subprocess.run([str(ROOT / ".venv/bin/onward"), *args], env=env, check=True, capture_output=True, text=True).stdout.strip()


def wait_up(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"gunicorn exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/api/v1/health")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    sys.exit("gunicorn did not start")


def ingest(port: int, token: str, items: list[dict]) -> float:
    """Post the messages in batches of 500 on one keep-alive connection; messages per second."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    start = time.perf_counter()
    for i in range(0, len(items), BATCH):
        conn.request("POST", "/api/v1/messages", json.dumps({"messages": items[i:i + BATCH]}), headers)
        res = conn.getresponse()
        body = json.loads(res.read())
        if res.status != 200 or body["rejected"]:
            sys.exit(f"ingest failed: {res.status} {body}")
    return len(items) / (time.perf_counter() - start)


def load(port: int, path: str, token: str, rate: float, seconds: float, threads: int = 8) -> list[float]:
    """Send ``rate`` requests per second for ``seconds``; the latency of each, in ms, from its planned time."""
    latencies: list[float] = []
    lock = threading.Lock()
    start = time.perf_counter() + 0.2
    interval = threads / rate
    count = int(rate * seconds / threads)

    def run(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        headers = {"Authorization": f"Bearer {token}"}
        mine = []
        for k in range(count):
            planned = start + (k + offset / threads) * interval
            delay = planned - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            conn.request("GET", path, headers=headers)
            res = conn.getresponse()
            res.read()
            if res.status != 200:
                raise SystemExit(f"{path}: {res.status}")
            mine.append((time.perf_counter() - planned) * 1000)
        with lock:
            latencies.extend(mine)

    workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return latencies


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=1000)[int(p * 10) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second")
    parser.add_argument("--seconds", type=float, default=10.0, help="duration of each latency run")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    given = os.environ.get("ONWARD_DATABASE_URL")
    url, drop = fresh_postgres(given) if given and given.startswith("postgresql") else (given or f"sqlite:///{tmp.name}/bench.db", None)
    env = {**os.environ, "ONWARD_DATABASE_URL": url, "ONWARD_RATELIMIT_PER_MINUTE": "100000000", "ONWARD_REDIS_URL": ""}
    env.pop("ONWARD_REDIS_URL")
    onward(env, "db", "upgrade")
    token = onward(env, "user", "create", f"bench-{uuid.uuid4().hex[:8]}@example.org")
    port = free_port()
    proc = subprocess.Popen([str(ROOT / ".venv/bin/gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
                             "server:create_app()"], env=env, cwd=ROOT)
    try:
        wait_up(port, proc)
        db = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
        print(f"gunicorn, 2 workers, {db}; {os.cpu_count()} cores")
        rate = ingest(port, token, messages(args.messages))
        print(f"ingest: {args.messages} messages in batches of {BATCH}: {rate:,.0f} messages/s")
        load(port, "/api/v1/applications", token, args.rate, 1.0)  # warm both workers
        results = {}
        for name, path in (("GET /api/v1/health (bare)", "/api/v1/health"), ("GET /api/v1/applications", "/api/v1/applications")):
            lat = load(port, path, token, args.rate, args.seconds)
            results[name] = (pct(lat, 50), pct(lat, 99))
            print(f"{name:<28} {len(lat)} requests at {args.rate:.0f}/s: p50 {results[name][0]:6.2f} ms  p99 {results[name][1]:6.2f} ms")
        (b50, b99), (a50, a99) = results.values()
        print(f"ratio applications / bare: p50 {a50 / b50:.1f}x  p99 {a99 / b99:.1f}x   (aim: applications p99 under 50 ms)")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        tmp.cleanup()
        if drop:
            drop()


def fresh_postgres(url: str):
    """A new empty database on the server of ``url``, and a function that drops it."""
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"onward_bench_{uuid.uuid4().hex[:10]}"
    admin = psycopg.connect(base.set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')

    def drop():
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    return base.set(database=name).render_as_string(hide_password=False), drop


if __name__ == "__main__":
    main()
