"""Ingest is an upsert: the same new message posted by several clients at once (two workers, a retried
POST, the extension beside the worker) is stored once and every request succeeds, on SQLite and PostgreSQL,
over real HTTP with real concurrent requests."""

import json
import threading
import urllib.error
import urllib.request

import pytest
from live_server import LiveServer
from support import auth, make_app, msg

CLIENTS = 8
ROUNDS = 15


@pytest.fixture
def served(database_url):
    server = LiveServer(make_app(database_url))
    yield server
    server.stop()


def _post(url: str, token: str, item: dict) -> tuple[int, dict]:
    return _post_many(url, token, [item])


def test_concurrent_posts_of_one_new_message_store_it_once(served, user):
    """Each round, CLIENTS requests post the same new message at the same instant: all answer 200, exactly
    one says ``new`` and the others ``ignored``; in the end there is one message and one application per round."""
    row, token = user(kind="service")
    outcomes: list[tuple[int, dict]] = []
    lock = threading.Lock()
    for round_ in range(ROUNDS):
        item = msg("rejection", company=f"Racing {round_}", confidence=0.95)
        start = threading.Barrier(CLIENTS)

        def post(item=item, start=start):
            start.wait()
            outcome = _post(served.url, token, item)
            with lock:
                outcomes.append(outcome)

        threads = [threading.Thread(target=post) for _ in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert [o for o in outcomes if o[0] != 200] == []
    answers = [body for _, body in outcomes]
    assert sum(a["new"] for a in answers) == ROUNDS
    assert sum(a["ignored"] for a in answers) == ROUNDS * (CLIENTS - 1)
    assert all(a["rejected"] == [] for a in answers)
    client = served.app.test_client()
    _, reader = user(row.email)
    reader_headers = auth(reader)
    assert client.get("/api/v1/messages", headers=reader_headers).json["total"] == ROUNDS
    apps = client.get("/api/v1/applications", headers=reader_headers).json["items"]
    assert sorted(a["company"] for a in apps) == sorted(f"Racing {r}" for r in range(ROUNDS))


def test_concurrent_ingests_of_one_user_over_the_same_employers_all_succeed(served, user):
    """CLIENTS workers post different new mail of the same five employers at once, five rounds: every
    request answers 200 (on PostgreSQL they would otherwise deadlock relinking the same applications in
    different orders), every message is stored once, and relinking from scratch afterwards changes nothing."""
    from test_link_appended import _relink_from_scratch, _state

    row, token = user(kind="service")
    statuses: list[int] = []
    lock = threading.Lock()
    for round_ in range(5):
        start = threading.Barrier(CLIENTS)

        def post(n: int, round_=round_, start=start) -> None:
            batch = [msg(("application_confirmation", "rejection", "interview_invitation")[(n + k) % 3], company=f"Shared {k % 5}",
                         role=f"Role {n % 3}", confidence=0.95, date=f"2026-0{1 + round_}-{10 + n:02d}T0{k % 10}:00:00Z")
                     for k in range(10)]
            start.wait()
            status, _ = _post_many(served.url, token, batch)
            with lock:
                statuses.append(status)

        threads = [threading.Thread(target=post, args=(n,)) for n in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert statuses == [200] * (5 * CLIENTS)
    _, reader = user(row.email)
    assert served.app.test_client().get("/api/v1/messages", headers=auth(reader)).json["total"] == 5 * CLIENTS * 10
    before = _state(served.app, row.id)
    _relink_from_scratch(served.app, row.id)
    assert _state(served.app, row.id) == before


def _post_many(url: str, token: str, items: list[dict]) -> tuple[int, dict]:
    request = urllib.request.Request(f"{url}/api/v1/messages", method="POST", data=json.dumps({"messages": items}).encode(),
                                     headers={**auth(token), "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as res:
            return res.status, json.loads(res.read())
    except urllib.error.HTTPError as error:
        with error:
            return error.code, {}
