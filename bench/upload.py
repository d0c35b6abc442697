"""An mbox uploaded on the dashboard's Mailboxes page and read by the worker, in one run:

- the upload itself (the browser's POST, spooled to disk by the server), in MB/s;
- the worker's read of it over the API (claim, download, import with progress reports), in messages/s;
- how many progress reports the page could show on the way.

    .venv/bin/python bench/upload.py [--messages 5000] [--job-share 0.05]

The mbox holds ordinary mail made here and job mail from tests/corpus/tuned (about ``--job-share`` of it).
The server is the Flask app behind werkzeug in a thread on a temporary SQLite file; the upload is posted
over real HTTP with a signed-in session, as a browser posts it. Everything stops by itself."""

import argparse
import logging
import re
import sys
import tempfile
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "worker")]

from helpers import corpus_sample, ordinary_mail  # noqa: E402
from live_server import new_user, start_live_server  # noqa: E402

from worker import uploads  # noqa: E402
from worker.api import Api  # noqa: E402
from worker.config import WorkerConfig  # noqa: E402


def build_mbox(path: Path, messages: int, job_share: float) -> int:
    """Write the mbox; the number of job emails in it."""
    jobs = [e.path.read_bytes() for e in corpus_sample(max(1, int(messages * job_share)))]
    count = len(jobs)
    everyday = ordinary_mail(messages - len(jobs), tag="bench")
    step = max(1, len(everyday) // max(1, len(jobs)))
    mixed = []
    for n, raw in enumerate(everyday):
        mixed.append(raw)
        if n % step == 0 and jobs:
            mixed.append(jobs.pop())
    mixed += jobs
    with path.open("wb") as f:
        for raw in mixed:
            f.write(b"From bench@example.org Mon Dec  7 09:00:00 2026\n")
            f.write(re.sub(rb"(?m)^(>*From )", rb">\1", raw.replace(b"\r\n", b"\n")).rstrip(b"\n") + b"\n\n")
    return count


def multipart(fields: dict, name: str, filename: str, data: bytes) -> tuple[bytes, str]:
    boundary = "onwardbench" + str(time.time_ns())
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                 f"Content-Type: application/mbox\r\n\r\n".encode() + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--job-share", type=float, default=0.05)
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="onward-bench-upload-") as folder:
        folder = Path(folder)
        server = start_live_server(folder, UPLOAD_DIR=str(folder / "spool"), UPLOAD_MAX_BYTES=8 * 1024**3)
        try:
            _, (token, service) = new_user(server, tokens=(("user", "personal"), ("service", "worker")))
            mbox = folder / "export.mbox"
            jobs = build_mbox(mbox, args.messages, args.job_share)
            data = mbox.read_bytes()
            browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', browser.open(server.url + "/login").read().decode())[1]
            browser.open(server.url + "/login", urlencode({"csrf_token": csrf, "secret": token}).encode())
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', browser.open(server.url + "/mailboxes/add").read().decode())[1]
            body, kind = multipart({"csrf_token": csrf}, "files", "export.mbox", data)
            began = time.perf_counter()
            browser.open(urllib.request.Request(server.url + "/mailboxes/uploads", body, {"Content-Type": kind}))
            posted = time.perf_counter() - began

            api = Api(WorkerConfig(server_url=server.url, token=service, timeout=60))
            reports = []
            original = Api.report_upload
            Api.report_upload = lambda self, upload_id, **fields: reports.append(fields) or original(self, upload_id, **fields)
            began = time.perf_counter()
            [summary] = uploads.read_waiting(api)
            read = time.perf_counter() - began
            Api.report_upload = original
            mb = len(data) / 1024**2
            print(f"mbox: {summary.read} messages ({jobs} from the job corpus), {mb:.1f} MB; found {summary.job_related} "
                  f"job-related, {len(summary.skipped)} skipped")
            print(f"upload (POST, spooled by the server): {posted:.2f} s, {mb / posted:.0f} MB/s")
            print(f"worker read (claim, download, import): {read:.2f} s, {summary.read / read:.0f} messages/s, {mb / read:.1f} MB/s")
            print(f"progress reports on the way: {len(reports)} (one a second at most, and the last)")
        finally:
            server.close()


if __name__ == "__main__":
    main()
