"""Fixed-window rate limits, keyed so that one client can never lock out another:

- a valid token is counted on its own (``RATELIMIT_PER_MINUTE``, or ``FLEET_RATELIMIT_PER_MINUTE`` for a
  fleet token), wherever its requests come from;
- a request without a valid token (none, made up or revoked) is counted against its client address;
- pairing attempts (``POST /api/v1/pair`` and the dashboard's sign-in with a code or a wrong token) are
  counted per client address (``PAIR_RATELIMIT_PER_MINUTE``), so guessing codes is slow while another
  client's valid code or token still works.

The client address is the peer's, or the one the trusted proxies report (``TRUSTED_PROXIES``, applied
by ``ProxyFix`` in the app factory); an IPv6 client counts by its /64, since one host usually holds a
whole /64. Counters live in Redis when ``REDIS_URL`` is set (shared by every process of every server),
in the process's memory otherwise (``onward serve`` then shares one table between its gunicorn workers,
see ``SharedCounter``)."""

import contextlib
import fcntl
import hashlib
import ipaddress
import logging
import mmap
import struct
import tempfile
import threading
import time

from flask import Flask, current_app, request

from server.auth import current_token
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


class SharedCounter:
    """Counts hits per key and window in memory shared by the processes forked after it was made (the
    gunicorn workers of ``onward serve`` without Redis), so N workers do not allow N times the limit.

    An open-addressed table of ``SLOTS`` slots (key digest, window, count) in a shared mmap of an
    unlinked temporary file, guarded by a POSIX record lock on that file: the kernel releases it when a
    worker dies holding it, so a killed worker cannot freeze the others. A slot of an older window is free again. When every probed slot
    is taken by another key of this window (more than ``SLOTS`` clients in a minute), the hit is not
    limited and a warning is logged: the table fails open rather than counting strangers together."""

    SLOTS = 1 << 16
    PROBES = 32
    _SLOT = struct.Struct("<16sqq")

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._file.truncate(self.SLOTS * self._SLOT.size)
        self._map = mmap.mmap(self._file.fileno(), self.SLOTS * self._SLOT.size)
        self._threads = threading.Lock()

    def hit(self, key: str, window: int) -> int:
        digest = hashlib.blake2b(key.encode(), digest_size=16).digest()
        start = int.from_bytes(digest[:8], "little") % self.SLOTS
        with self._threads, self._locked():
            for probe in range(self.PROBES):
                offset = ((start + probe) % self.SLOTS) * self._SLOT.size
                held, held_window, count = self._SLOT.unpack_from(self._map, offset)
                if held == digest and held_window == window:
                    count += 1
                elif held_window != window:
                    count = 1
                else:
                    continue
                self._SLOT.pack_into(self._map, offset, digest, window, count)
                return count
        log.warning("rate limit not applied: more than %d clients in this minute", self.SLOTS)
        return 0

    def close(self) -> None:
        """Release the table (the server keeps it for its whole life; tests close theirs)."""
        self._map.close()
        self._file.close()

    @contextlib.contextmanager
    def _locked(self):
        fcntl.lockf(self._file.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.lockf(self._file.fileno(), fcntl.LOCK_UN)


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


def client() -> str:
    """The client's address as the limits count it: IPv4 whole, IPv6 by its /64."""
    address = request.remote_addr or "unknown"
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 4:
        return str(parsed)
    if parsed.ipv4_mapped is not None:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False))


def pairing_key() -> str:
    """The bucket of this client's pairing and sign-in attempts."""
    return f"pair:{client()}"


def token_bucket(token) -> tuple[str, int]:
    """The bucket and limit of a valid token: its own, whoever uses it (keyed by its hash, so two
    deployments sharing one Redis never count each other's token 1 together)."""
    cfg = current_app.config
    limit = cfg["FLEET_RATELIMIT_PER_MINUTE"] if token.kind == "fleet" else cfg["RATELIMIT_PER_MINUTE"]
    return f"token:{token.secret_hash[:32]}", limit


def over(key: str, limit: int) -> int | None:
    """Count one hit on ``key``; the seconds until the window ends when the hit is past ``limit``, else None."""
    now = time.time()
    window = int(now // WINDOW)
    if current_app.extensions["onward.ratelimit"].hit(key, window) <= limit:
        return None
    return max(1, int((window + 1) * WINDOW - now + 0.999))


def _bucket() -> tuple[str, int]:
    cfg = current_app.config
    if request.path.rstrip("/") == "/api/v1/pair":
        return pairing_key(), cfg["PAIR_RATELIMIT_PER_MINUTE"]
    token = current_token()
    if token is not None:
        return token_bucket(token)
    return f"client:{client()}", cfg["RATELIMIT_PER_MINUTE"]


def _check() -> None:
    if request.method == "OPTIONS" or not request.path.startswith("/api/"):
        return
    key, limit = _bucket()
    retry = over(key, limit)
    if retry is not None:
        raise ApiError(429, f"Too many requests: at most {limit} per minute.", headers={"Retry-After": str(retry)})


def init_app(app: Flask) -> None:
    """Counters in Redis when ``REDIS_URL`` is set; else the shared table ``onward serve`` put in
    ``app.config["RATELIMIT_SHARED_COUNTER"]`` before forking its workers; else this process's memory."""
    url = app.config.get("REDIS_URL")
    shared = app.config.get("RATELIMIT_SHARED_COUNTER")
    app.extensions["onward.ratelimit"] = RedisCounter(url) if url else shared or MemoryCounter()
    app.before_request(_check)

