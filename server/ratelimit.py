"""Fixed-window rate limits on /api: per token (or per IP address when the request carries
none), and a stricter one on ``/api/v1/pair`` so pairing codes cannot be guessed. Counters
live in Redis when ``REDIS_URL`` is set (shared by every process), in memory otherwise."""

import hashlib
import logging
import threading
import time

from flask import Flask, current_app, request

from server.auth import PREFIXES, bearer
from server.errors import ApiError

log = logging.getLogger("onward.server")

WINDOW = 60
"""Seconds per window."""


class MemoryCounter:
    """Counts hits per key and window in this process."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._window = 0
        self._lock = threading.Lock()

    def hit(self, key: str, window: int) -> int:
        with self._lock:
            if window != self._window:
                self._counts.clear()
                self._window = window
            self._counts[key] = self._counts.get(key, 0) + 1
            return self._counts[key]


class RedisCounter:
    """INCR + EXPIRE on one key per window: every process sees the same counts."""

    def __init__(self, url: str) -> None:
        import redis

        self._redis = redis.Redis.from_url(url, socket_timeout=2)
        self._errors = redis.RedisError

    def hit(self, key: str, window: int) -> int:
        name = f"onward:ratelimit:{key}:{window}"
        try:
            pipe = self._redis.pipeline()
            pipe.incr(name)
            pipe.expire(name, WINDOW + 5)
            return int(pipe.execute()[0])
        except self._errors as exc:
            log.warning("rate limit not applied, Redis unavailable: %s", exc)
            return 0


def _bucket() -> tuple[str, int]:
    cfg = current_app.config
    if request.path.rstrip("/") == "/api/v1/pair":
        return f"pair:{request.remote_addr}", cfg["PAIR_RATELIMIT_PER_MINUTE"]
    secret = bearer()
    if secret:
        limit = cfg["FLEET_RATELIMIT_PER_MINUTE"] if secret.startswith(PREFIXES["fleet"]) else cfg["RATELIMIT_PER_MINUTE"]
        return "token:" + hashlib.sha256(secret.encode()).hexdigest()[:32], limit
    return f"ip:{request.remote_addr}", cfg["RATELIMIT_PER_MINUTE"]


def _check() -> None:
    if request.method == "OPTIONS" or not request.path.startswith("/api/"):
        return
    key, limit = _bucket()
    now = time.time()
    window = int(now // WINDOW)
    if current_app.extensions["onward.ratelimit"].hit(key, window) > limit:
        retry = max(1, int((window + 1) * WINDOW - now + 0.999))
        raise ApiError(429, f"Too many requests: at most {limit} per minute.", headers={"Retry-After": str(retry)})


def init_app(app: Flask) -> None:
    url = app.config.get("REDIS_URL")
    app.extensions["onward.ratelimit"] = RedisCounter(url) if url else MemoryCounter()
    app.before_request(_check)
