"""The IMAP sync against a real Dovecot on loopback, in one run:

- the first sync of a 10,000-message INBOX (about 5% job-related mail from tests/corpus/tuned,
  the rest everyday mail: copies of the real everyday emails of ``../shared/mail`` when they are
  there, read at run time, else ordinary mail made here) beside a bare imapclient fetch of every message's header;
- the bytes the sync fetched against the mailbox's size;
- a sync with nothing new;
- the delay from delivering a rejection to the server holding it, under ``onward worker watch``;
- the worker's peak memory (ru_maxrss of a subprocess running the first sync) at 2,000 and
  10,000 messages.

    .venv/bin/python bench/sync.py [--messages 10000] [--small 2000]

Dovecot starts from a temporary folder as the tests start it; the Maildirs are written straight
to disk (owned by the mail user) and indexed once before anything is timed. The Onward server
is the Flask app behind werkzeug in a thread, on a temporary SQLite file. Everything stops by itself."""

import argparse
import imaplib
import json
import logging
import os
import pwd
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from imap_server import start_dovecot  # noqa: E402

DEADLINE = 900
"""Seconds after which any subprocess of the bench is given up."""

CHILD = r"""
import imaplib, json, resource, sys, time
counted = [0]
def counting(name):
    original = getattr(imaplib.IMAP4, name)
    def wrapper(self, *args):
        data = original(self, *args)
        counted[0] += len(data)
        return data
    setattr(imaplib.IMAP4, name, wrapper)
counting("read"); counting("readline")
from worker.api import Api
from worker.config import WorkerConfig
from worker.sync import sync_account
url, token, account_id = sys.argv[1], sys.argv[2], int(sys.argv[3])
began = time.perf_counter()
result = sync_account(Api(WorkerConfig(server_url=url, token=token, timeout=120)), account_id)
seconds = time.perf_counter() - began
print(json.dumps({"seconds": seconds, "bytes": counted[0], "read": result.read,
                  "settled_by_headers": sum(f.settled_by_headers for f in result.folders),
                  "job_related": sum(f.job_related for f in result.folders), "new": sum(f.new for f in result.folders),
                  "skipped": len(result.skipped), "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "hwm_kb": next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))}))
"""
"""The first sync in a fresh interpreter, so its peak memory is the worker's alone; imaplib's reads are counted.
Linux's ru_maxrss of a child also keeps the parent's peak from before exec (the bench holds the
mailbox it wrote), so the child's own peak is VmHWM; both are printed."""


def ordinary(i: int, rng: random.Random, when: datetime) -> bytes:
    """Everyday mail of varied size: notes, HTML newsletters, receipts, now and then an attachment."""
    msg = EmailMessage()
    kind = rng.choice(["note", "note", "newsletter", "receipt", "thread"])
    msg["From"] = f"Sender {i % 300} <sender{i % 300}@example.net>"
    msg["To"] = "robin@example.org"
    msg["Subject"] = {"note": "Dinner on Friday?", "newsletter": f"Weekly digest #{i}", "receipt": f"Your receipt {i}",
                      "thread": "Re: the flat keys"}[kind]
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<ordinary-{i}@example.net>"
    words = ("garden walk coffee train weekend photos recipe market library concert bicycle "
             "parcel invoice museum river holiday neighbour").split()
    text = " ".join(rng.choice(words) for _ in range(rng.randint(40, 400)))
    msg.set_content(f"Hi Robin,\n\n{text}\n\nBest wishes\n")
    if kind == "newsletter":
        paragraphs = "".join(f"<p style='margin:0 0 12px'>{' '.join(rng.choice(words) for _ in range(60))}</p>" for _ in range(20))
        msg.add_alternative(f"<html><body><table><tr><td>{paragraphs}</td></tr></table></body></html>", subtype="html")
    if rng.random() < 0.03:
        msg.add_attachment(rng.randbytes(rng.randint(50_000, 400_000)), maintype="application", subtype="pdf",
                           filename=f"document-{i}.pdf")
    return bytes(msg)


def renamed(raw: bytes, message_id: str, when: datetime | None = None) -> bytes:
    """A copy of a message under a fresh Message-ID (and Date, when given), so copies of one are new mail."""
    head, sep, body = raw.partition(b"\n\n") if b"\n\n" in raw else raw.partition(b"\r\n\r\n")
    names = rb"message-id|date" if when else rb"message-id"
    head = re.sub(rb"(?im)^(?:" + names + rb"):[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*(?:\r?\n|$)", b"", head)
    fresh = f"Message-ID: <{message_id}>\n" + (f"Date: {format_datetime(when)}\n" if when else "")
    return fresh.encode() + head + sep + body


def real_everyday() -> list[bytes]:
    """The real everyday mail beside the repository (``../shared/mail``), empty when it is not there."""
    from worker.evaluate import everyday_messages, shared_folder

    archive = shared_folder(ROOT / "bench") / "mail" / "real-ordinary.tar.gz"
    return [raw for _, raw in everyday_messages(archive)] if archive.is_file() else []


def mailbox(n: int, tag: str, seed: int, everyday: list[bytes]) -> list[tuple[bytes, datetime]]:
    """``n`` messages over the last 300 days, one in twenty from the corpus (with a fresh Message-ID), the
    rest everyday mail: copies of ``everyday`` (real mail) when given, else mail made here."""
    from worker.evaluate import load_corpus

    corpus = [e.path.read_bytes() for e in load_corpus(ROOT / "tests" / "corpus", "tuned")]
    rng = random.Random(seed)
    now = datetime.now(UTC)
    out = []
    for i in range(n):
        when = now - timedelta(days=300 * (n - i) / n, minutes=rng.randrange(600))
        if i % 20 == 7:
            raw = renamed(corpus[(i // 20) % len(corpus)], f"{tag}-{i}@corpus.example")
        elif everyday:
            raw = renamed(everyday[i % len(everyday)], f"{tag}-{i}@everyday.example", when)
        else:
            raw = ordinary(i, rng, when)
        out.append((raw, when))
    return out


def write_maildir(folder: Path, messages: list[tuple[bytes, datetime]], owner) -> int:
    """Write an INBOX Maildir directly (mtime = internal date) and return its size in bytes."""
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    total = 0
    for i, (raw, when) in enumerate(messages):
        raw = raw.replace(b"\r\n", b"\n")
        path = folder / "cur" / f"{int(when.timestamp())}.M{i}P1.bench,S={len(raw)}:2,"
        path.write_bytes(raw)
        os.utime(path, (when.timestamp(), when.timestamp()))
        total += len(raw)
    if owner is not None:
        for path in [folder.parent, *folder.parent.rglob("*")]:
            os.chown(path, owner.pw_uid, owner.pw_gid)
    return total


HEADERS = ["BODY.PEEK[HEADER]", "RFC822.SIZE", "INTERNALDATE"]
PREFIXES = ["BODY.PEEK[]<0.65536>"]


def bare_fetch(dovecot, user: str, items: list[str] = HEADERS, per_fetch: int = 500) -> tuple[float, int]:
    """``items`` of every message with imapclient alone, ``per_fetch`` UIDs a FETCH: (seconds, bytes received)."""
    from imapclient import IMAPClient

    counted = [0]
    client = IMAPClient(dovecot.host, port=dovecot.imap_port, ssl=False)
    file = client._imap.file
    original = file.readline, file.read

    def readline(*args):
        line = original[0](*args)
        counted[0] += len(line)
        return line

    def read(*args):
        data = original[1](*args)
        counted[0] += len(data)
        return data

    file.readline, file.read = readline, read
    began = time.perf_counter()
    client.login(user, dovecot.password)
    client.select_folder("INBOX", readonly=True)
    uids = client.search(["ALL"])
    for start in range(0, len(uids), per_fetch):
        client.fetch(uids[start:start + per_fetch], items)
    seconds = time.perf_counter() - began
    client.logout()
    return seconds, counted[0]


def index(dovecot, user: str) -> None:
    """Let Dovecot index the Maildir once (its first EXAMINE reads every file name) before any timing."""
    conn = imaplib.IMAP4(dovecot.host, dovecot.imap_port)
    conn.login(user, dovecot.password)
    conn.select("INBOX", readonly=True)
    conn.fetch("1:*", "(UID RFC822.SIZE INTERNALDATE)")
    conn.logout()


def serve(folder: Path):
    """The Onward server on a free loopback port; returns (app, url, http server, thread)."""
    from cryptography.fernet import Fernet
    from werkzeug.serving import make_server

    from server import create_app
    from server.db import upgrade

    url = f"sqlite:///{folder / 'onward.db'}"
    upgrade(url)
    app = create_app({"DATABASE_URL": url, "REDIS_URL": None, "RATELIMIT_PER_MINUTE": 1_000_000,
                      "SECRET_KEY_FERNET": Fernet.generate_key().decode()})
    http = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=http.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return app, f"http://127.0.0.1:{http.server_port}", http, thread


def tokens(app) -> tuple[str, str]:
    from server.auth import create_user
    from server.db import db_session

    with app.app_context():
        session = db_session()
        _, (user_token, service_token) = create_user(session, "bench@example.org", (("user", "bench"), ("service", "bench worker")))
        session.commit()
    return user_token, service_token


def add_account(url: str, user_token: str, dovecot, user: str) -> int:
    import urllib.request

    body = {"host": dovecot.host, "port": dovecot.imap_port, "tls": "plain", "username": user, "secret": dovecot.password}
    request = urllib.request.Request(url + "/api/v1/accounts", data=json.dumps(body).encode(), method="POST",
                                     headers={"Authorization": f"Bearer {user_token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as res:
        return json.loads(res.read())["id"]


def first_sync(url: str, service_token: str, account_id: int) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, url, service_token, str(account_id)], cwd=ROOT, capture_output=True,
                         text=True, timeout=DEADLINE, check=False)
    if out.returncode != 0:
        raise SystemExit(f"the sync failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def stored(app, message_id: str) -> bool:
    from sqlalchemy import select

    from server.db import db_session
    from server.models import Message

    with app.app_context():
        return db_session().scalar(select(Message.id).where(Message.message_id == message_id)) is not None


def watch_delays(app, api, dovecot, user: str, account_id: int, trials: int) -> list[float]:
    """Deliver a rejection ``trials`` times while a Watcher runs; seconds until the server holds each."""
    from worker.evaluate import load_corpus
    from worker.watch import Watcher, WatchOptions

    rejections = [e.path.read_bytes() for e in load_corpus(ROOT / "tests" / "corpus", "tuned") if e.label == "rejection"]
    watcher = Watcher(api, [account_id], WatchOptions(safety=60))
    watcher.start()
    delays = []
    try:
        deadline = time.monotonic() + 60
        while watcher.syncs < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        admin = imaplib.IMAP4(dovecot.host, dovecot.imap_port)
        admin.login(user, dovecot.password)
        for n in range(trials):
            time.sleep(0.5)  # the watcher is back in IDLE
            message_id = f"<watch-{n}-{time.time_ns()}@corpus.example>"
            raw = re.sub(rb"(?im)^message-id:[^\r\n]*", b"", rejections[n], count=1)
            raw = f"Message-ID: {message_id}\n".encode() + raw
            began = time.monotonic()
            admin.append("INBOX", None, imaplib.Time2Internaldate(time.time()), raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
            while not stored(app, message_id):
                if time.monotonic() - began > 30:
                    raise SystemExit("a delivered rejection did not reach the server within 30 s")
                time.sleep(0.01)
            delays.append(time.monotonic() - began)
        admin.logout()
    finally:
        watcher.stop()
    return delays


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=2_000, help="the second mailbox, for peak memory against size")
    parser.add_argument("--watch-trials", type=int, default=5)
    parser.add_argument("--everyday", choices=("real", "made"), default="real",
                        help="everyday mail: copies of ../shared/mail's real emails (the default, when there) or mail made here")
    args = parser.parse_args()
    everyday = real_everyday() if args.everyday == "real" else []
    print(f"everyday mail: {'copies of ' + str(len(everyday)) + ' real emails' if everyday else 'made here'}")

    from worker.api import Api
    from worker.config import WorkerConfig
    from worker.sync import sync_account

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    work = Path(tempfile.mkdtemp(prefix="onward-bench-sync-"))
    dovecot = start_dovecot(work / "dc")
    http = None
    try:
        owner = pwd.getpwnam("dovecot") if os.geteuid() == 0 else None
        big, small = "robin1@example.org", "robin2@example.org"
        t = time.perf_counter()
        size = write_maildir(dovecot.folder / "mail" / big, mailbox(args.messages, "big", 1, everyday), owner)
        small_size = write_maildir(dovecot.folder / "mail" / small, mailbox(args.small, "small", 2, everyday), owner)
        print(f"mailboxes written: {args.messages:,} messages ({size / 1e6:.1f} MB) and {args.small:,} "
              f"({small_size / 1e6:.1f} MB) in {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        index(dovecot, big)
        index(dovecot, small)
        print(f"Dovecot indexed them in {time.perf_counter() - t:.1f} s")

        app, url, http, thread = serve(work)
        user_token, service_token = tokens(app)
        api = Api(WorkerConfig(server_url=url, token=service_token, timeout=60))
        big_id = add_account(url, user_token, dovecot, big)
        small_id = add_account(url, user_token, dovecot, small)

        bare_fetch(dovecot, big)  # warm the page cache for both
        bare_seconds, bare_bytes = bare_fetch(dovecot, big)
        prefix_seconds, prefix_bytes = bare_fetch(dovecot, big, PREFIXES, 128)  # what the sync itself fetches
        sync = first_sync(url, service_token, big_id)
        sync_small = first_sync(url, service_token, small_id)
        parent_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

        quiet = []
        for _ in range(20):
            began = time.perf_counter()
            assert sync_account(api, big_id).read == 0
            quiet.append(time.perf_counter() - began)

        delays = watch_delays(app, api, dovecot, big, big_id, args.watch_trials)

        print()
        print(f"first sync of {args.messages:,} messages: {sync['seconds']:.1f} s ({args.messages / sync['seconds']:.0f} msg/s); "
              f"read {sync['read']:,} (settled from headers alone, body never fetched: {sync['settled_by_headers']:,}), "
              f"job-related {sync['job_related']}, stored {sync['new']}, skipped {sync['skipped']}")
        print(f"bare imapclient fetch of every header:  {bare_seconds:.2f} s; ratio {sync['seconds'] / bare_seconds:.1f}x (aim: at most 10x)")
        print(f"bare imapclient fetch of every 64 KiB prefix (what the sync fetched for every message before the header gate): "
              f"{prefix_seconds:.2f} s, {prefix_bytes / 1e6:.1f} MB")
        print(f"bytes fetched by the sync: {sync['bytes'] / 1e6:.1f} MB of a {size / 1e6:.1f} MB mailbox "
              f"({sync['bytes'] / size:.0%}); the bare header fetch: {bare_bytes / 1e6:.1f} MB")
        print(f"sync with nothing new (login, EXAMINE, 2 API calls), 20 runs: median {statistics.median(quiet) * 1000:.1f} ms, "
              f"min {min(quiet) * 1000:.1f} ms, max {max(quiet) * 1000:.1f} ms (aim: under 50 ms)")
        print(f"delivery to the server under watch (IDLE), {len(delays)} rejections: median {statistics.median(delays):.2f} s, "
              f"max {max(delays):.2f} s (aim: under 5 s)")
        print(f"peak memory of the first sync (VmHWM): {sync_small['hwm_kb'] / 1024:.0f} MB at {args.small:,} messages "
              f"({sync_small['seconds']:.1f} s), {sync['hwm_kb'] / 1024:.0f} MB at {args.messages:,} (aim: under 200 MB, flat); "
              f"ru_maxrss {sync_small['maxrss_kb'] / 1024:.0f} / {sync['maxrss_kb'] / 1024:.0f} MB, "
              f"which includes this process's {parent_kb / 1024:.0f} MB peak inherited at exec")
    finally:
        if http is not None:
            http.shutdown()
            http.server_close()
            thread.join(5)
        dovecot.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
