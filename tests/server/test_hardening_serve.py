"""A real ``onward serve`` (gunicorn, two workers) as clients meet it (issue 15, findings 6 and 9): the
documented limits hold for the server as a whole, with Redis and without, and even the answers gunicorn
gives before the app sees a request (a bad request line, a URI or headers too long) are the API's JSON."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from browser import missing_service
from cryptography.fernet import Fernet
from imap_server import free_port

TOKEN_LIMIT = 20
PAIR_LIMIT = 5


class Served:
    """``onward serve --workers 2`` on a free port with its own SQLite file (and Redis when given), set up as
    behind one reverse proxy (the test is the proxy: it names the client in X-Forwarded-For)."""

    def __init__(self, folder, redis_url: str | None):
        self.port = free_port()
        self.env = {**os.environ, "ONWARD_DATABASE_URL": f"sqlite:///{folder / 'onward.db'}",
                    "ONWARD_SECRET_KEY_FERNET": Fernet.generate_key().decode(), "ONWARD_SECRET_KEY": "k" * 40,
                    "ONWARD_RATELIMIT_PER_MINUTE": str(TOKEN_LIMIT), "ONWARD_PAIR_RATELIMIT_PER_MINUTE": str(PAIR_LIMIT),
                    "ONWARD_TRUSTED_PROXIES": "1"}
        self.env.pop("ONWARD_REDIS_URL", None)
        if redis_url:
            self.env["ONWARD_REDIS_URL"] = redis_url
        self.log = open(folder / "serve.log", "wb")  # noqa: SIM115 (closed in close())
        self.proc = subprocess.Popen([sys.executable, "-m", "onward.cli", "serve", "--port", str(self.port), "--workers", "2"],
                                     env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while not self._healthy():
            assert self.proc.poll() is None and time.monotonic() < deadline, (folder / "serve.log").read_text()
            time.sleep(0.2)

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/v1/health", timeout=1) as res:
                return res.status == 200
        except OSError:
            return False

    def user_token(self) -> str:
        done = subprocess.run([sys.executable, "-m", "onward.cli", "user", "create", "robin@example.org"], env=self.env,
                              capture_output=True, text=True, check=True)
        return done.stdout.strip().splitlines()[-1]

    def status(self, method: str, path: str, token: str | None = None, body: dict | None = None, client: str = "10.9.8.7") -> int:
        """The status of one request on a new connection (so gunicorn may hand it to either worker), as a proxy
        in front of the server forwards it for ``client``."""
        headers = {"Content-Type": "application/json", "X-Forwarded-For": client,
                   **({"Authorization": f"Bearer {token}"} if token else {})}
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/api/v1{path}", method=method, headers=headers,
                                         data=json.dumps(body).encode() if body is not None else None)
        try:
            with urllib.request.urlopen(request, timeout=10) as res:
                return res.status
        except urllib.error.HTTPError as exc:
            exc.close()
            return exc.code

    def raw(self, data: bytes) -> tuple[int, dict, bytes]:
        """Send ``data`` as is; the status, headers and body of the answer (the server closes the connection)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as sock:
            sock.sendall(data)
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
        head, _, body = answer.partition(b"\r\n\r\n")
        status_line, *lines = head.decode("latin-1").split("\r\n")
        headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
        return int(status_line.split()[1]), headers, body

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=15)
        self.log.close()


@pytest.fixture
def private_redis_url(tmp_path):
    """A redis-server of this test's own (the counters of other tests and agents never mix in)."""
    if shutil.which("redis-server") is None:
        missing_service("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.02)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One server for the tests that only read its answers."""
    server = Served(tmp_path_factory.mktemp("served"), None)
    yield server
    server.close()


def whole_window(seconds: float = 20) -> None:
    """Wait for a new rate-limit minute when fewer than ``seconds`` are left of this one."""
    left = 60 - time.time() % 60
    if left < seconds:
        time.sleep(left + 0.1)


@pytest.mark.slow
@pytest.mark.parametrize("with_redis", [False, True], ids=["in memory", "redis"])
def test_the_documented_limits_hold_across_two_gunicorn_workers(tmp_path, request, with_redis):
    """With two workers, a valid token gets exactly its limit a minute and a client exactly its pairing
    attempts, whichever worker answers: counted in Redis when it is configured, else in the table the
    workers share."""
    server = Served(tmp_path, request.getfixturevalue("private_redis_url") if with_redis else None)
    try:
        token = server.user_token()
        whole_window()
        reads = [server.status("GET", "/applications", token) for _ in range(TOKEN_LIMIT + 8)]
        pairs = [server.status("POST", "/pair", body={"code": "WRONG234"}) for _ in range(PAIR_LIMIT + 4)]
        made_up = [server.status("GET", "/applications", f"onw_u_random{n}", client="10.9.8.6") for n in range(TOKEN_LIMIT + 3)]
        other = server.status("POST", "/pair", body={"code": "WRONG234"}, client="10.9.8.5")
    finally:
        server.close()
    assert reads == [200] * TOKEN_LIMIT + [429] * 8
    assert pairs == [404] * PAIR_LIMIT + [429] * 4
    assert made_up == [401] * TOKEN_LIMIT + [429] * 3
    assert other == 404


@pytest.mark.slow
@pytest.mark.parametrize(("data", "status"), [
    (b"THIS IS NOT HTTP\r\n\r\n", 400),
    (b"GET /api/v1/health HTTP/9.9\r\nHost: x\r\n\r\n", 400),
    (b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    (b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 9000 + b"\r\n\r\n", 431),
    (b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-H%d: 1\r\n" % n for n in range(150)) + b"\r\n", 431),
    (b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n", 400),
], ids=["not http", "unknown version", "uri too long", "header too long", "too many headers", "bad header name"])
def test_gunicorns_own_errors_are_the_apis_json(served, data, status):
    """What gunicorn refuses before the app sees it is answered as JSON in the API's shape, and never repeats
    the request's bytes."""
    got, headers, body = served.raw(data)
    assert got == status
    assert headers["content-type"] == "application/json"
    error = json.loads(body)
    assert set(error) == {"error", "message"} and error["error"] in ("bad_request", "uri_too_long", "headers_too_large")
    assert b"aaaa" not in body and b"bbbb" not in body and b"NOT HTTP" not in body


@pytest.mark.slow
def test_the_apps_own_errors_stay_json_under_gunicorn(served):
    """Errors the app answers (unknown path, a deep body) keep their JSON through gunicorn."""
    got, headers, body = served.raw(b"GET /api/v1/nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert got == 404 and headers["content-type"] == "application/json" and json.loads(body)["error"] == "not_found"
    deep = b"[" * 5000 + b"]" * 5000
    got, headers, body = served.raw(b"POST /api/v1/pair HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                                    b"Content-Length: %d\r\n\r\n" % len(deep) + deep)
    assert got == 400 and json.loads(body)["error"] == "bad_request"
