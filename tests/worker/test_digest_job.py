"""The digest job as the scheduler runs it: enqueued on the real Redis, worked by RQ, it has the
live server send the due digest to a real SMTP server once; the embedded loop does the same."""

import threading
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from live_server import call, new_user, start_live_server
from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from rq import Queue, SimpleWorker

from worker import embedded


def _last_week(hour: int) -> str:
    now = datetime.now(UTC)
    tuesday = (now - timedelta(days=now.isoweekday() - 1 + 7 - 1)).replace(hour=hour, minute=0, second=0, microsecond=0)
    return tuesday.isoformat()


@pytest.fixture
def digest_server(tmp_path, smtp_sink, monkeypatch):
    """A live server that sends digests to the SMTP sink, a user due for last week's digest, and the worker's environment."""
    server = start_live_server(tmp_path, SMTP_HOST=smtp_sink.host, SMTP_PORT=smtp_sink.port, SMTP_SECURITY="none")
    email, (user_token, service_token) = new_user(server, tokens=(("user", "personal"), ("service", "worker")))
    items = [{"account": "import", "message_id": f"<d{i}@example.org>", "date": _last_week(9 + i), "label": label,
              "confidence": 0.9, "company": "Acme", "role": "Analyst", "subject": subject}
             for i, (label, subject) in enumerate([("application_confirmation", "We received your application"),
                                                    ("rejection", "About your application")])]
    call(server, service_token, "POST", "/messages", {"messages": items})
    call(server, user_token, "PATCH", "/me", {"digest": {"weekday": 1, "hour": 0}})
    monkeypatch.setenv("ONWARD_SERVER_URL", server.url)
    monkeypatch.setenv("ONWARD_TOKEN", service_token)
    yield server, email, user_token
    server.stop()
    server.app.extensions["onward.engine"].dispose()


def test_the_scheduled_job_sends_the_digest_once(digest_server, smtp_sink):
    """worker.digests.send_digests, run twice by RQ, delivers one digest with last week's numbers."""
    server, email, user_token = digest_server
    conn = Redis(host="127.0.0.1", port=6379, socket_timeout=5)
    try:
        conn.ping()
    except RedisConnectionError as exc:
        conn.close()
        pytest.fail(f"Redis on 127.0.0.1:6379 is needed: {exc}")
    queue = Queue(f"onward-test-{uuid.uuid4().hex[:8]}", connection=conn)
    try:
        first = queue.enqueue("worker.digests.send_digests")
        second = queue.enqueue("worker.digests.send_digests")
        SimpleWorker([queue], connection=conn).work(burst=True)
        assert (first.return_value()["sent"], second.return_value()["sent"]) == (1, 0)
    finally:
        queue.delete(delete_jobs=True)
        conn.close()
    (mail,) = smtp_sink.wait_for(1)
    summary = call(server, user_token, "GET", f"/summary/weekly?week={mail['X-Onward-Week']}")
    assert mail["To"] == email and (summary["applications_sent"], summary["rejections"]) == (1, 1)
    assert "Applications sent: 1" in mail.get_body(("plain",)).get_content()


def test_the_embedded_loop_sends_the_digest_after_its_round(digest_server, smtp_sink):
    """`make run`'s in-process loop asks for the digests after syncing; the second round sends nothing more."""
    assert embedded.run(0, threading.Event(), rounds=2) == 2
    smtp_sink.wait_for(1)
    assert len(smtp_sink.received) == 1
