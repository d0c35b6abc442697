"""CORS only for the configured extension origins; rate limits in memory or in Redis."""

import os
import uuid

import pytest
import redis
from support import EXTENSION, auth, fresh_window, make_app

from server.auth import create_user
from server.db import db_session
from server.ratelimit import WINDOW


def test_allowed_origin_is_echoed(client, user):
    """A request from the configured extension gets its origin back."""
    _, token = user()
    res = client.get("/api/v1/applications", headers={**auth(token), "Origin": EXTENSION})
    assert res.headers["Access-Control-Allow-Origin"] == EXTENSION
    assert "Origin" in res.headers["Vary"]


def test_preflight_is_answered_for_the_extension(client):
    """An OPTIONS preflight from the extension is answered with the methods and headers allowed, without a token."""
    res = client.options("/api/v1/messages", headers={"Origin": EXTENSION, "Access-Control-Request-Method": "POST",
                                                      "Access-Control-Request-Headers": "authorization, content-type"})
    assert res.status_code == 200
    assert res.headers["Access-Control-Allow-Origin"] == EXTENSION
    assert "POST" in res.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in res.headers["Access-Control-Allow-Headers"]


@pytest.mark.parametrize("origin", ["https://evil.example", "chrome-extension://someotherextensionid", "null"])
def test_other_origins_get_no_cors_headers(client, user, origin):
    """Web pages and other extensions get no Access-Control headers, on requests and preflights."""
    _, token = user()
    res = client.get("/api/v1/applications", headers={**auth(token), "Origin": origin})
    pre = client.options("/api/v1/applications", headers={"Origin": origin, "Access-Control-Request-Method": "GET"})
    assert not [h for h in (*res.headers.keys(), *pre.headers.keys()) if h.lower().startswith("access-control-")]


def test_rate_limit_per_token_in_memory(database_url):
    """Past the limit a token gets 429 with Retry-After; another token is counted apart."""
    app = make_app(database_url, RATELIMIT_PER_MINUTE=3)
    client = app.test_client()
    with app.app_context():
        session = db_session()
        _, (one, two) = create_user(session, "limited@example.org", (("user", "a"), ("user", "b")))
        session.commit()
    fresh_window(WINDOW)
    statuses = [client.get("/api/v1/applications", headers=auth(one)).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    res = client.get("/api/v1/applications", headers=auth(one))
    assert res.json["error"] == "rate_limited" and int(res.headers["Retry-After"]) >= 1
    assert client.get("/api/v1/applications", headers=auth(two)).status_code == 200
    app.extensions["onward.engine"].dispose()


def test_the_fleet_token_has_its_own_larger_limit(database_url):
    """Every worker of a deployment shares the fleet token: it is counted against FLEET_RATELIMIT_PER_MINUTE."""
    app = make_app(database_url, RATELIMIT_PER_MINUTE=2, FLEET_RATELIMIT_PER_MINUTE=5)
    client = app.test_client()
    with app.app_context():
        session = db_session()
        _, (fleet,) = create_user(session, "operator@example.org", (("fleet", "workers"),))
        session.commit()
    fresh_window(WINDOW)
    statuses = [client.get("/api/v1/accounts", headers=auth(fleet)).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    app.extensions["onward.engine"].dispose()


def test_unauthenticated_requests_are_limited_per_address(database_url):
    """Without a token the limit counts by IP address."""
    app = make_app(database_url, RATELIMIT_PER_MINUTE=2)
    client = app.test_client()
    fresh_window(WINDOW)
    statuses = [client.get("/api/v1/health").status_code for _ in range(3)]
    other = client.get("/api/v1/health", environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code
    assert statuses == [200, 200, 429] and other == 200
    app.extensions["onward.engine"].dispose()


def test_rate_limit_in_redis_is_shared_by_processes(database_url):
    """With REDIS_URL set, two app instances (two server processes) share one count."""
    url = "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_timeout=1).ping()
    except redis.RedisError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is required under CI=true and unreachable at {url}: {exc}")
        pytest.skip(f"Redis unreachable at {url}: {exc}")
    addr = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"  # a fresh counter key
    apps = [make_app(database_url, REDIS_URL=url, RATELIMIT_PER_MINUTE=4) for _ in range(2)]
    fresh_window(WINDOW)
    statuses = [apps[n % 2].test_client().get("/api/v1/health", environ_base={"REMOTE_ADDR": addr}).status_code for n in range(6)]
    assert statuses == [200, 200, 200, 200, 429, 429]
    for app in apps:
        app.extensions["onward.engine"].dispose()
