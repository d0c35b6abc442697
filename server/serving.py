"""``onward serve`` under gunicorn: its configuration, one rate-limit table for all its workers when
there is no Redis, and gunicorn's own error answers in the API's JSON shape.

gunicorn answers some requests before the app sees them (a request line that is not HTTP, a URI or
headers too long) with an HTML page; a client of a JSON API must get the same ``{"error", "message"}``
as from every other error. gunicorn writes those answers with ``gunicorn.util.write_error`` only, so each
worker replaces that one function when it starts (``post_worker_init``)."""

import json
from http import HTTPStatus

from server.errors import CODES

MESSAGES = {
    400: "The request is not valid HTTP.",
    403: "The request is forbidden.",
    414: "The request line is too long.",
    417: "The Expect header is not supported.",
    431: "The request headers are too large.",
    501: "This transfer coding is not supported.",
    500: "Internal server error.",
}
"""What gunicorn's own errors say; never the request's own bytes, which gunicorn's page would echo."""


def error_answer(status: int) -> bytes:
    """A whole HTTP answer with the API's JSON error for ``status``; the connection is closed after it."""
    body = json.dumps({"error": CODES.get(status, "error"), "message": MESSAGES.get(status, "The request failed.")}).encode()
    head = (f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\nConnection: close\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode("latin-1") + body


def _write_json_error(sock, status_int, reason, mesg) -> None:
    from gunicorn import util

    util.write_nonblock(sock, error_answer(int(status_int)))


def _answer_errors_in_json(_worker) -> None:
    from gunicorn import util

    util.write_error = _write_json_error


def run(host: str, port: int, workers: int, redis_url: str | None, access_log: bool = True) -> None:
    """Serve the app with gunicorn on HOST:PORT. Without Redis, the workers share one in-memory rate-limit
    table made here, before they are forked, so the documented limits hold for the server as a whole."""
    from gunicorn.app.base import BaseApplication

    from server.ratelimit import SharedCounter

    counter = None if redis_url else SharedCounter()

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("accesslog", "-" if access_log else None)
            self.cfg.set("post_worker_init", _answer_errors_in_json)

        def load(self):
            from server import create_app

            return create_app({"RATELIMIT_SHARED_COUNTER": counter} if counter else None)

    Server().run()
