"""Rate limits that no client can use against another (issue 15, findings 1 and 6): the client address
comes from the trusted proxies only, a valid token is counted on its own, a made-up one against its
client, pairing and sign-in attempts per client; with Redis, every process shares the counts."""

import os
import re
import secrets
import uuid

import pytest
import redis
from support import auth, fresh_window, make_app

from server import create_app
from server.auth import create_user
from server.db import db_session
from server.ratelimit import SharedCounter

REDIS_URL = "redis://127.0.0.1:6379/0"

PROXY = "127.0.0.1"
"""The reverse proxy's own address: what every request shows as its peer behind it."""


def machine_redis() -> str:
    """The machine's Redis, or a skip (a failure under CI=true)."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping()
    except redis.RedisError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is required under CI=true and unreachable at {REDIS_URL}: {exc}")
        pytest.skip(f"Redis unreachable at {REDIS_URL}: {exc}")
    return REDIS_URL


def fresh_address() -> str:
    """A client address no other test (nor an earlier run sharing the machine's Redis) has counted."""
    n = uuid.uuid4().int
    return f"10.{n % 250}.{(n >> 8) % 250}.{(n >> 16) % 250 + 1}"


def via_proxy(client_address: str, **extra) -> dict:
    """A request as the proxy forwards it: its peer is the proxy, the client is in X-Forwarded-For."""
    return {"environ_base": {"REMOTE_ADDR": PROXY}, "headers": {"X-Forwarded-For": client_address, **extra}}


def new_user(app, email: str, *tokens: tuple[str, str]) -> list[str]:
    with app.app_context():
        session = db_session()
        _, made = create_user(session, email, tokens or (("user", "personal"),))
        session.commit()
    return made


def pairing_code(client, token: str) -> str:
    res = client.post("/api/v1/pairing-codes", headers=auth(token))
    assert res.status_code == 201, res.json
    return res.json["code"]


def test_wrong_codes_from_one_client_behind_the_proxy_never_refuse_another_clients_valid_code(database_url):
    """Behind one trusted proxy, a client that exhausts its pairing attempts gets 429; another client
    (same proxy address, its own X-Forwarded-For) then pairs with a valid code at once."""
    app = make_app(database_url, TRUSTED_PROXIES=1, PAIR_RATELIMIT_PER_MINUTE=3)
    client = app.test_client()
    (token,) = new_user(app, "robin@example.org")
    code = pairing_code(client, token)
    fresh_window()
    guesser, owner = fresh_address(), fresh_address()
    statuses = [client.post("/api/v1/pair", json={"code": "WRONG234"}, **via_proxy(guesser)).status_code for _ in range(4)]
    assert statuses == [404, 404, 404, 429]
    res = client.post("/api/v1/pair", json={"code": code}, **via_proxy(owner))
    assert res.status_code == 201 and res.json["token"].startswith("onw_u_")


def test_a_valid_token_signs_in_to_the_dashboard_after_someone_failed_many_times(database_url):
    """Sign-in failures count against the failing client; a working token is counted on its own bucket, so it
    signs in even from the address that failed (and from another one behind the same proxy)."""
    app = make_app(database_url, TRUSTED_PROXIES=1, PAIR_RATELIMIT_PER_MINUTE=2)
    (token,) = new_user(app, "robin@example.org")
    fresh_window()
    guesser = fresh_address()

    def sign_in(client, secret: str, address: str) -> int:
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login", **via_proxy(address)).text)[1]
        return client.post("/login", data={"csrf_token": csrf, "secret": secret}, **via_proxy(address)).status_code

    attacker = app.test_client()
    statuses = [sign_in(attacker, wrong, guesser) for wrong in ("WRONG234", "onw_u_made-up", "WRONG567")]
    assert statuses == [401, 401, 429]
    assert sign_in(app.test_client(), token, fresh_address()) == 303
    assert sign_in(app.test_client(), token, guesser) == 303


def test_without_trusted_proxies_x_forwarded_for_is_ignored(database_url):
    """By default no forwarded header is believed: a client cannot dodge its limit by inventing addresses."""
    app = make_app(database_url, PAIR_RATELIMIT_PER_MINUTE=2)
    client = app.test_client()
    fresh_window()
    peer = fresh_address()
    statuses = [client.post("/api/v1/pair", json={"code": "WRONG234"}, environ_base={"REMOTE_ADDR": peer},
                            headers={"X-Forwarded-For": fresh_address()}).status_code for _ in range(3)]
    assert statuses == [404, 404, 429]


def test_behind_one_proxy_only_the_address_it_added_counts(database_url):
    """With one trusted proxy, addresses a client puts in front of the proxy's entry are not believed."""
    app = make_app(database_url, TRUSTED_PROXIES=1, PAIR_RATELIMIT_PER_MINUTE=2)
    client = app.test_client()
    fresh_window()
    real = fresh_address()
    statuses = [client.post("/api/v1/pair", json={"code": "WRONG234"}, **via_proxy(f"{fresh_address()}, {real}")).status_code
                for _ in range(3)]
    assert statuses == [404, 404, 429]


@pytest.mark.parametrize("value", ["many", -1, "1.5", True])
def test_a_bad_trusted_proxies_setting_stops_the_server_with_a_clear_error(database_url, value):
    """ONWARD_TRUSTED_PROXIES must be a count: anything else is an error naming the setting, not a guess."""
    with pytest.raises(ValueError, match="ONWARD_TRUSTED_PROXIES"):
        create_app({"DATABASE_URL": database_url, "TRUSTED_PROXIES": value})


def test_made_up_bearer_values_are_limited_per_client(database_url):
    """Random bearer values are counted against the client that sends them: 401 up to the limit, then 429;
    another client is not affected."""
    app = make_app(database_url, RATELIMIT_PER_MINUTE=5)
    client = app.test_client()
    fresh_window()
    sender = fresh_address()
    statuses = [client.get("/api/v1/applications", headers=auth(f"onw_u_{secrets.token_urlsafe(32)}"),
                           environ_base={"REMOTE_ADDR": sender}).status_code for _ in range(7)]
    assert statuses == [401] * 5 + [429] * 2
    other = client.get("/api/v1/applications", headers=auth("onw_u_nope"), environ_base={"REMOTE_ADDR": fresh_address()})
    assert other.status_code == 401


def test_a_valid_token_is_counted_on_its_own_wherever_it_is_used_from(database_url):
    """A token's requests from many addresses share its one bucket; the client's made-up tokens do not use it up."""
    app = make_app(database_url, RATELIMIT_PER_MINUTE=4)
    client = app.test_client()
    (token,) = new_user(app, "robin@example.org")
    fresh_window()
    address = fresh_address()
    for _ in range(4):
        assert client.get("/api/v1/health", headers=auth("onw_u_made-up"), environ_base={"REMOTE_ADDR": address}).status_code == 200
    statuses = [client.get("/api/v1/applications", headers=auth(token), environ_base={"REMOTE_ADDR": fresh_address()}).status_code
                for _ in range(5)]
    assert statuses == [200] * 4 + [429]


def test_with_redis_a_valid_token_and_pairing_are_limited_across_processes(database_url):
    """Two app instances (two server processes) on the machine's Redis count one token and one client's
    pairing attempts together, at the configured figures."""
    url = machine_redis()
    apps = [make_app(database_url, REDIS_URL=url, RATELIMIT_PER_MINUTE=6, PAIR_RATELIMIT_PER_MINUTE=3) for _ in range(2)]
    (token,) = new_user(apps[0], f"robin-{uuid.uuid4().hex[:8]}@example.org")
    fresh_window()
    reads = [apps[n % 2].test_client().get("/api/v1/applications", headers=auth(token)).status_code for n in range(8)]
    address = fresh_address()
    pairs = [apps[n % 2].test_client().post("/api/v1/pair", json={"code": "WRONG234"}, environ_base={"REMOTE_ADDR": address}).status_code
             for n in range(5)]
    assert reads == [200] * 6 + [429] * 2
    assert pairs == [404] * 3 + [429] * 2


def test_the_shared_counter_counts_across_forked_processes():
    """The table ``onward serve`` makes before forking its workers counts the hits of every child together."""
    counter = SharedCounter()
    try:
        pids = []
        for _ in range(3):
            pid = os.fork()
            if pid == 0:  # a child: ten hits, then leave without running pytest's teardown
                for _ in range(10):
                    counter.hit("token:abc", 7)
                os._exit(0)
            pids.append(pid)
        for pid in pids:
            assert os.waitpid(pid, 0)[1] == 0
        assert counter.hit("token:abc", 7) == 31
        assert counter.hit("token:abc", 8) == 1 and counter.hit("client:10.0.0.1", 8) == 1
    finally:
        counter.close()


def test_an_ipv6_client_counts_by_its_64(database_url):
    """Addresses of one /64 (one host can use them all) share a bucket; the next /64 has its own."""
    app = make_app(database_url, PAIR_RATELIMIT_PER_MINUTE=2)
    client = app.test_client()
    fresh_window()
    prefix = f"2001:db8:{uuid.uuid4().int % 65536:x}:1"
    statuses = [client.post("/api/v1/pair", json={"code": "WRONG234"}, environ_base={"REMOTE_ADDR": f"{prefix}::{n + 1:x}"}).status_code
                for n in range(3)]
    neighbour = client.post("/api/v1/pair", json={"code": "WRONG234"}, environ_base={"REMOTE_ADDR": f"{prefix[:-1]}2::1"})
    assert statuses == [404, 404, 429] and neighbour.status_code == 404
