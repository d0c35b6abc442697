"""The service under gunicorn on loopback, SQLite and PostgreSQL side by side: what one request of each
kind costs the server (CPU ms, one at a time), a closed loop of concurrent clients (reads of the pages the
extension and the dashboard call, and 50-item ingests of new mail), the same clients with think time (a
load the machine can carry, beside the closed loop that measures its queue), the cost of five new messages
against an employer's history, and a soak with memory sampled.

    .venv/bin/python bench/api.py [--workers 4] [--clients 32] [--seconds 20] [--think 2000] [--soak 600]
                                  [--databases sqlite,postgresql] [--messages 5000] [--history 10000]

PostgreSQL: a fresh database on ONWARD_DATABASE_URL's server (default the local one), dropped at the end.
Every request is timed from its send to the end of its answer; any answer but 200 counts as an error.
Clients run in several processes (``--client-processes``), so the load generator's own interpreter lock
does not become the bottleneck; on a small machine they share its cores with the server, which the
bare ``GET /api/v1/health`` beside the others shows."""

import argparse
import http.client
import json
import multiprocessing
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
INGEST_ITEMS = 50
"""Items per ingest in the load: a worker's batch of new mail."""

READS = ("/api/v1/health", "/api/v1/applications", "/api/v1/messages", "/api/v1/summary/weekly", "/api/v1/follow-ups")
"""What the clients read (the bare health check first, as the baseline)."""

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
COMPANIES = [f"{a} {b}" for a in ("Larkspur", "Tidemark", "Brightwater", "Northwind", "Globex", "Initech", "Umbrella", "Hooli",
                                  "Vandelay", "Stark", "Wayne", "Acme", "Cyberdyne", "Soylent", "Wonka", "Tyrell")
             for b in ("Robotics", "Analytics", "Health", "Labs", "Systems", "Foods", "Energy", "Media", "Logistics", "Capital")]
ROLES = ["Data Analyst", "Backend Engineer", "Product Designer", "Operations Analyst", "Controls Engineer", None]
LABELS = ["application_confirmation"] * 4 + ["rejection"] * 3 + ["interview_invitation"] * 2 + ["job_alert", "other", "offer"]


def messages(n: int, seed: int = 7, *, prefix: str = "bench", year: int = 2026, companies=COMPANIES) -> list[dict]:
    """A plausible mailbox: confirmations, then replies from the same employers, over a year (in date order)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        label = rng.choice(LABELS)
        company = rng.choice(companies)
        out.append({
            "account": "imap:bench@example.org", "folder": "INBOX", "uidvalidity": 1, "uid": i + 1, "message_id": f"<{prefix}-{i}@example.org>",
            "from_name": f"{company} Careers", "from_address": f"jobs@{company.split()[0].lower()}.example", "subject": f"Your application ({label})",
            "date": f"{year}-{1 + i * 12 // n:02d}-{1 + (i * 12 * 28 // n) % 28:02d}T{i % 24:02d}:{i % 60:02d}:00+00:00", "label": label,
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
    deadline = time.monotonic() + 60
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


def post(conn: http.client.HTTPConnection, token: str, items: list[dict]) -> dict:
    conn.request("POST", "/api/v1/messages", json.dumps({"messages": items}),
                 {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    res = conn.getresponse()
    body = json.loads(res.read())
    if res.status != 200 or body["rejected"]:
        sys.exit(f"ingest failed: {res.status} {body}")
    return body


def seed(port: int, token: str, items: list[dict]) -> float:
    """Post ``items`` in batches of 500 on one connection; messages per second."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    start = time.perf_counter()
    for i in range(0, len(items), BATCH):
        post(conn, token, items[i:i + BATCH])
    return len(items) / (time.perf_counter() - start)


def _client(port: int, token: str, ingest_token: str, seconds: float, threads: int, first_uid: int, think: float = 0.0) -> dict:
    """One load process: ``threads`` clients, each on its own keep-alive connection, sending requests back
    to back for ``seconds`` (or, with ``think`` ms, pausing a random time of that mean after each answer, as a
    person or a worker between batches does); one in five is an ingest of INGEST_ITEMS new messages.
    Latencies by kind, in ms."""
    found: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def run(n: int) -> None:
        rng = random.Random(first_uid + n)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: dict[str, list[float]] = {}
        uid = first_uid + n * 1_000_000
        while time.monotonic() < stop:
            if rng.random() < 0.2:
                kind = f"POST /messages ({INGEST_ITEMS} new)"
                items = [{**m, "uid": uid + k, "message_id": f"<load-{uid + k}@example.org>"}
                         for k, m in enumerate(messages(INGEST_ITEMS, seed=uid, prefix="load", year=2027))]
                uid += INGEST_ITEMS
                method, path, body = "POST", "/api/v1/messages", json.dumps({"messages": items})
                headers = {"Authorization": f"Bearer {ingest_token}", "Content-Type": "application/json"}
            else:
                path = rng.choice(READS)
                kind, method, body, headers = f"GET {path.removeprefix('/api/v1')}", "GET", None, {"Authorization": f"Bearer {token}"}
            began = time.perf_counter()
            try:
                conn.request(method, path, body, headers)
                res = conn.getresponse()
                res.read()
                status = res.status
            except OSError as exc:
                status = str(exc)
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine.setdefault(kind, []).append((time.perf_counter() - began) * 1000)
            if status != 200:
                with lock:
                    errors.append(f"{kind}: {status}")
            if think:
                time.sleep(min(rng.expovariate(1000 / think), max(0.0, stop - time.monotonic())))
        with lock:
            for kind, values in mine.items():
                found.setdefault(kind, []).extend(values)

    workers = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return {"latencies": found, "errors": errors}


def load(port: int, token: str, ingest_token: str, seconds: float, clients: int, processes: int, round_: int,
         think: float = 0.0) -> dict:
    """``clients`` concurrent clients spread over ``processes`` processes for ``seconds`` (``think``: mean ms
    between a client's requests, 0 for back to back): latencies by kind and errors."""
    per = [clients // processes + (1 if i < clients % processes else 0) for i in range(processes)]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        parts = pool.starmap(_client, [(port, token, ingest_token, seconds, n, (round_ * 100 + i) * 100_000_000, think)
                                       for i, n in enumerate(per) if n])
    merged: dict = {"latencies": {}, "errors": []}
    for part in parts:
        merged["errors"] += part["errors"]
        for kind, values in part["latencies"].items():
            merged["latencies"].setdefault(kind, []).extend(values)
    return merged


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=1000)[int(p * 10) - 1] if len(values) > 1 else values[0]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (gunicorn's master and workers), in MB."""
    total = 0
    pids = [pid]
    while pids:
        p = pids.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
            with open(f"/proc/{p}/task/{p}/children") as f:
                pids += [int(c) for c in f.read().split()]
        except (OSError, StopIteration):
            continue
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by a process and its children (gunicorn's master and workers)."""
    total, pids, tick = 0, [pid], os.sysconf("SC_CLK_TCK")
    while pids:
        p = pids.pop()
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rpartition(")")[2].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
            with open(f"/proc/{p}/task/{p}/children") as f:
                pids += [int(c) for c in f.read().split()]
        except OSError:
            continue
    return total / tick


def cost(port: int, token: str, ingest_token: str, pid: int, n: int) -> dict:
    """What one request of each kind costs the server, one at a time on one connection: CPU ms per request
    (the server's processes' CPU time over ``n`` requests, so other load on the machine does not count) and
    the median answer time."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    out = {}
    uid = 7_000_000_000
    for path in (*READS, "/api/v1/messages"):
        ingest = path == "/api/v1/messages" and path in out
        kind = f"POST /messages ({INGEST_ITEMS} new)" if ingest else f"GET {path.removeprefix('/api/v1')}"
        timings, began = [], cpu_seconds(pid)
        for _ in range(n):
            if ingest:
                items = [{**m, "uid": uid + k, "message_id": f"<cost-{uid + k}@example.org>"}
                         for k, m in enumerate(messages(INGEST_ITEMS, seed=uid, prefix="cost", year=2027))]
                uid += INGEST_ITEMS
                args = ("POST", path, json.dumps({"messages": items}),
                        {"Authorization": f"Bearer {ingest_token}", "Content-Type": "application/json"})
            else:
                args = ("GET", path, None, {"Authorization": f"Bearer {token}"})
            start = time.perf_counter()
            conn.request(*args)
            res = conn.getresponse()
            res.read()
            timings.append((time.perf_counter() - start) * 1000)
            if res.status != 200:
                sys.exit(f"{kind}: {res.status}")
        out[kind if ingest else path] = {"kind": kind, "cpu_ms": (cpu_seconds(pid) - began) * 1000 / n,
                                         "p50": statistics.median(timings)}
    return {v["kind"]: v for v in out.values()}


def history_cost(port: int, env: dict, history: int, rounds: int = 7) -> tuple[float, float]:
    """Median ms of posting five new messages for one employer with none stored, and with ``history`` stored
    for that employer (one user each; the employer's mail dated before the five)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    results = []
    for stored in (0, history):
        token = onward(env, "token", "create", onward_user(env), "--service", "--name", "bench")
        if stored:
            seed(port, token, messages(stored, seed=11, prefix=f"hist{stored}", year=2025, companies=["Bigco Robotics"]))
        timings = []
        for r in range(rounds):
            batch = [{**m, "uid": 10_000_000 + r * 10 + k, "message_id": f"<new-{r}-{k}@example.org>", "label": "rejection",
                      "date": f"2026-{1 + r:02d}-1{k}T09:00:00+00:00", "confidence": 0.95, "stage": "application"}
                     for k, m in enumerate(messages(5, seed=r, prefix="new", companies=["Bigco Robotics"]))]
            began = time.perf_counter()
            post(conn, token, batch)
            timings.append((time.perf_counter() - began) * 1000)
        results.append(statistics.median(timings))
    return results[0], results[1]


def onward_user(env: dict) -> str:
    email = f"bench-{uuid.uuid4().hex[:8]}@example.org"
    onward(env, "user", "create", email)
    return email


def run_database(db: str, args) -> dict:
    """Everything for one database: seed, the load, the history cost and the soak."""
    tmp = tempfile.TemporaryDirectory()
    drop = None
    if db == "postgresql":
        url, drop = fresh_postgres(os.environ.get("ONWARD_DATABASE_URL", "").startswith("postgresql")
                                   and os.environ["ONWARD_DATABASE_URL"] or DEFAULT_PG)
    else:
        url = f"sqlite:///{tmp.name}/bench.db"
    env = {k: v for k, v in os.environ.items() if k != "ONWARD_REDIS_URL"}
    env.update({"ONWARD_DATABASE_URL": url, "ONWARD_RATELIMIT_PER_MINUTE": "100000000"})
    onward(env, "db", "upgrade")
    email = onward_user(env)
    token = onward(env, "token", "create", email, "--name", "reader")
    ingest_token = onward(env, "token", "create", email, "--service", "--name", "bench")
    port = free_port()
    proc = subprocess.Popen([str(ROOT / ".venv/bin/gunicorn"), "--workers", str(args.workers), "--bind", f"127.0.0.1:{port}",
                             "--log-level", "warning", "server:create_app()"], env=env, cwd=ROOT)
    out: dict = {"db": db}
    try:
        wait_up(port, proc)
        out["seed"] = seed(port, ingest_token, messages(args.messages))
        load(port, token, ingest_token, 3, args.clients, args.client_processes, 0)  # warm every worker
        out["cost"] = cost(port, token, ingest_token, proc.pid, args.cost)
        out["single"] = load(port, token, ingest_token, args.single, 1, 1, 9)  # what one request costs, without queueing
        out["load"] = load(port, token, ingest_token, args.seconds, args.clients, args.client_processes, 1)
        if args.think:
            out["paced"] = load(port, token, ingest_token, args.seconds, args.clients, args.client_processes, 5, args.think)
        out["history"] = history_cost(port, env, args.history)
        if args.soak:
            out["soak"] = soak(port, token, ingest_token, proc.pid, args)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        tmp.cleanup()
        if drop:
            drop()
    return out


def soak(port: int, token: str, ingest_token: str, pid: int, args) -> dict:
    """The same clients (with ``--think``, if given) for ``--soak`` seconds, in slices of ``--slice`` seconds with
    gunicorn's memory after each."""
    samples, errors, count, began = [rss_mb(pid)], [], 0, time.monotonic()
    n = 2
    while time.monotonic() - began < args.soak:
        part = load(port, token, ingest_token, min(args.slice, args.soak - (time.monotonic() - began)), args.clients,
                    args.client_processes, n, args.think)
        n += 1
        errors += part["errors"]
        count += sum(len(v) for v in part["latencies"].values())
        samples.append(rss_mb(pid))
    return {"seconds": time.monotonic() - began, "requests": count, "errors": errors, "rss": samples}


def report(results: list[dict], args) -> None:
    names = [r["db"] for r in results]
    print(f"gunicorn, {args.workers} workers; {args.clients} concurrent clients in {args.client_processes} processes, "
          f"{args.seconds:g} s; {os.cpu_count()} cores shared by server and clients; {args.messages} messages stored first")
    print(f"{'':<34}" + "".join(f"{n:>28}" for n in names))
    print(f"{'seed ingest (batches of 500)':<34}" + "".join(f"{r['seed']:>19,.0f} msg/s" + " " * 3 for r in results))
    kinds = sorted({k for r in results for k in r["load"]["latencies"]}, key=lambda k: (k.startswith("POST"), k != "GET /health", k))
    print(f"gunicorn's CPU per request, one at a time ({args.cost} of each; PostgreSQL's own CPU not counted):")
    for kind in kinds:
        print(f"  {kind:<32}" + "".join(f"{'cpu {:5.1f}  p50 {:5.1f} ms'.format(r['cost'][kind]['cpu_ms'], r['cost'][kind]['p50']):>28}"
                                        if kind in r["cost"] else f"{'-':>28}" for r in results))
    phases = [("single", "one client at a time"), ("load", f"{args.clients} concurrent clients, back to back")]
    if args.think:
        phases.append(("paced", f"{args.clients} concurrent clients, {args.think:g} ms mean think time"))
    for phase, title in phases:
        print(title + ":")
        for kind in kinds:
            cells = []
            for r in results:
                v = r[phase]["latencies"].get(kind, [])
                cells.append(f"{f'p50 {pct(v, 50):6.1f}  p99 {pct(v, 99):6.1f} ms' if v else '-':>28}")
            print(f"  {kind:<32}" + "".join(cells))
        print(f"  {'requests/s, errors':<32}" + "".join(
            f"{sum(len(v) for v in r[phase]['latencies'].values()) / (args.single if phase == 'single' else args.seconds):>18,.0f}/s, "
            f"{len(r[phase]['errors']):>2} err" for r in results))
    print(f"{'5 new: none stored / ' + format(args.history, ',') + ' stored':<34}" + "".join(
        f"{'{:6.1f} ms / {:6.1f} ms'.format(*r['history']):>28}" for r in results))
    for r in results:
        if "soak" in r:
            s = r["soak"]
            rss = s["rss"]
            print(f"soak {r['db']} ({args.think:g} ms think time): {s['seconds']:.0f} s, {s['requests']:,} requests, {len(s['errors'])} errors; gunicorn memory "
                  f"{rss[0]:.0f} MB at start, {rss[1]:.0f} MB after the first slice, {rss[-1]:.0f} MB at the end "
                  f"(max {max(rss):.0f})")
            for e in s["errors"][:5]:
                print("   ", e)
    print("aims: reads p99 < 50 ms; a 50-item ingest p99 < 100 ms; soak with 0 errors and flat memory")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients")
    parser.add_argument("--client-processes", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the measured load")
    parser.add_argument("--single", type=float, default=10.0, help="length of the one-client run before it")
    parser.add_argument("--think", type=float, default=0.0,
                        help="also run the clients with this mean think time in ms between requests (0: not)")
    parser.add_argument("--cost", type=int, default=30, help="requests of each kind for the server's CPU per request")
    parser.add_argument("--soak", type=float, default=0.0, help="length of the soak in seconds (0: none; 600 for ten minutes)")
    parser.add_argument("--slice", type=float, default=30.0, help="seconds between memory samples in the soak")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--messages", type=int, default=5000, help="messages stored before the load")
    parser.add_argument("--history", type=int, default=10000, help="messages of one employer for the history cost")
    args = parser.parse_args()
    results = [run_database(db.strip(), args) for db in args.databases.split(",") if db.strip()]
    report(results, args)


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
