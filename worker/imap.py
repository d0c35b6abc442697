"""The IMAP edge, and the only module that imports imapclient. It reads and never writes:
folders are opened with EXAMINE (``readonly=True``), bodies fetched with ``BODY.PEEK`` so no
message is marked read, and no STORE, COPY, MOVE, EXPUNGE or APPEND exists here. Connection,
certificate and login failures become the plain-words errors of ``worker/exceptions.py``."""

import imaplib
import logging
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from worker.exceptions import (
    ConnectionLost,
    FolderMissing,
    ServerUnreachable,
    TokenRefused,
    WrongCredentials,
)
from worker.networks import Watchdog, connect

log = logging.getLogger("onward.imap")

FETCH_CHUNK = 500
"""UIDs per FETCH command: large enough for few round trips, small enough to bound memory."""

PREFIX_BYTES = 64 * 1024
"""Most bytes of a message body fetched (``BODY.PEEK[]<0.N>``); enough for the text of any real rejection."""

IDLE_SLICE = 0.5
"""Seconds per wait on the IDLE socket, so a stop request is noticed quickly."""

NEW_MAIL = (b"EXISTS", b"RECENT")
"""IDLE responses that mean a message arrived."""

HEADERS_ITEM = "BODY.PEEK[HEADER]"
"""The whole header section: the everyday gate reads it as it reads a whole message's."""

CONNECT_SECONDS = 60.0
"""Most seconds from the first packet to a logged-in session (TCP, TLS, greeting, login), whatever the
server sends meanwhile: the per-read timeout restarts on every byte, so a server trickling one byte every
10 s would hold a worker for good without this."""


@dataclass(frozen=True, slots=True)
class ImapSettings:
    """How to reach and log in to one account. ``ca_file`` adds a CA (tests' self-signed certificate)."""

    host: str
    port: int
    username: str
    secret: str
    tls: str = "ssl"
    auth: str = "password"
    ca_file: str | None = None
    timeout: float = 30.0
    allow_networks: tuple = ()
    """Non-public networks (``ipaddress`` networks) this deployment lets a mailbox live in; every other
    private, loopback, link-local or reserved address is refused (``worker.networks.allowed_networks`` reads the setting)."""
    deadline: float | None = None
    """Most seconds the whole session may last (a sync's); None for a watch that stays connected."""
    connect_seconds: float = CONNECT_SECONDS

    @property
    def connect_limit(self) -> float:
        """Seconds allowed until logged in: ``connect_seconds``, or the session's deadline when that is shorter."""
        return self.connect_seconds if self.deadline is None else min(self.connect_seconds, self.deadline)

    def __repr__(self) -> str:  # the secret never reaches a log line
        return f"ImapSettings({self.username!r} on {self.host}:{self.port}, tls={self.tls}, auth={self.auth})"


@dataclass(frozen=True, slots=True)
class FolderInfo:
    """What EXAMINE says about a folder."""

    uidvalidity: int
    uidnext: int | None
    exists: int
    highestmodseq: int | None


@dataclass(frozen=True, slots=True)
class HeaderRecord:
    uid: int
    size: int
    internaldate: datetime | None
    headers: bytes


class Mailbox:
    """One read-only IMAP session. ``sent`` (when given a list) records the verb of every command
    sent, never its arguments, so tests can prove nothing but reads went out."""

    def __init__(self, settings: ImapSettings, sent: list[str] | None = None):
        self.settings = settings
        self.limit = settings.connect_limit
        self.guard = Watchdog(self.limit)
        try:
            self.client = _connect(settings, self.guard)
            if sent is not None:
                _record_commands(self.client, sent)
            try:
                _login(self.client, settings, self.guard)
                if self.client.has_capability("CONDSTORE"):
                    self._do(self.client.enable, "CONDSTORE")  # so EXAMINE reports HIGHESTMODSEQ
            except BaseException:
                _shutdown(self.client)
                raise
        except BaseException:
            self.guard.cancel()
            raise
        self.limit = settings.deadline
        self.guard.rearm(settings.deadline)  # logged in: from now on only the session's own deadline

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            if self.guard.expired:
                raise ConnectionLost("past the session's deadline")  # no LOGOUT round trip to a stalling server
            self.client.logout()
        except (IMAPClientError, OSError, imaplib.IMAP4.abort, ConnectionLost):
            _shutdown(self.client)
        finally:
            self.guard.cancel()

    def examine(self, folder: str) -> FolderInfo:
        """Open ``folder`` read-only (EXAMINE)."""
        try:
            info = self._do(self.client.select_folder, folder, readonly=True)
        except IMAPClientError as exc:
            raise FolderMissing(f"{folder}: {exc}") from exc
        modseq = info.get(b"HIGHESTMODSEQ")
        return FolderInfo(uidvalidity=int(info[b"UIDVALIDITY"]), uidnext=int(info[b"UIDNEXT"]) if b"UIDNEXT" in info else None,
                          exists=int(info.get(b"EXISTS", 0)), highestmodseq=int(modseq) if modseq is not None else None)

    def uids_since(self, day: date) -> list[int]:
        """UID SEARCH SINCE ``day`` (by internal date)."""
        return sorted(self._do(self.client.search, ["SINCE", day]))

    def uids_after(self, last_uid: int) -> list[int]:
        """UIDs greater than ``last_uid`` (``UID SEARCH UID n:*``; ``*`` is always included, so it is filtered)."""
        return sorted(u for u in self._do(self.client.search, ["UID", f"{last_uid + 1}:*"]) if u > last_uid)

    def headers(self, uids: list[int]) -> Iterator[HeaderRecord]:
        """Header section, size and internal date, FETCH_CHUNK UIDs at a time, in ``uids`` order."""
        for start in range(0, len(uids), FETCH_CHUNK):
            chunk = uids[start:start + FETCH_CHUNK]
            data = self._do(self.client.fetch, chunk, [HEADERS_ITEM, "RFC822.SIZE", "INTERNALDATE"])
            for uid in chunk:
                item = data.get(uid)
                if item is None:  # expunged meanwhile
                    continue
                yield HeaderRecord(uid, int(item.get(b"RFC822.SIZE", 0)), item.get(b"INTERNALDATE"), _part(item, b"BODY[HEADER"))

    def prefixes(self, uids: list[int], limit: int = PREFIX_BYTES, chunk_bytes: int = 8 * 1024 * 1024) -> Iterator[tuple[int, bytes]]:
        """The first ``limit`` bytes of each message (``BODY.PEEK[]<0.limit>``), in chunks of about ``chunk_bytes``."""
        per_chunk = max(1, min(FETCH_CHUNK, chunk_bytes // limit))
        for start in range(0, len(uids), per_chunk):
            chunk = uids[start:start + per_chunk]
            data = self._do(self.client.fetch, chunk, [f"BODY.PEEK[]<0.{limit}>"])
            for uid in chunk:
                if uid in data:
                    yield uid, _part(data[uid], b"BODY[")

    @property
    def can_idle(self) -> bool:
        """Whether the server offers IDLE (RFC 2177)."""
        return bool(self.client.has_capability("IDLE"))

    def wait_for_mail(self, seconds: float, stop=None) -> bool:
        """IDLE on the examined folder (allowed read-only) for at most ``seconds``; True as soon as an
        EXISTS or RECENT arrives, False at the end or when ``stop`` (an Event) is set. The socket is
        checked in short slices so a stop is quick; a BYE or a closed socket raises ConnectionLost."""
        self._do(self.client.idle)
        arrived = False
        try:
            deadline = time.monotonic() + seconds
            while not arrived and not (stop is not None and stop.is_set()):
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                began = time.monotonic()
                wait = min(IDLE_SLICE, left)
                responses = self._do(self.client.idle_check, wait)
                if any(r[0] == b"BYE" for r in responses):
                    raise ConnectionLost("the server closed the connection")
                if not responses and time.monotonic() - began < wait / 2:
                    raise ConnectionLost("the server closed the connection")  # readable yet no line: end of file
                arrived = any(len(r) > 1 and r[1] in NEW_MAIL for r in responses)
        finally:
            _, responses = self._do(self.client.idle_done)
        return arrived or any(len(r) > 1 and r[1] in NEW_MAIL for r in responses)

    def noop(self) -> None:
        """NOOP: keeps the session alive and shows whether it still is."""
        self._do(self.client.noop)

    def _do(self, call, *args, **kwargs):
        try:
            return call(*args, **kwargs)
        except (imaplib.IMAP4.abort, OSError) as exc:
            if self.guard.expired:
                raise ConnectionLost(f"the session passed its deadline of {self.limit:g} s") from exc
            raise ConnectionLost(str(exc)) from exc


def _shutdown(client: IMAPClient) -> None:
    try:
        client.shutdown()
    except OSError:
        pass


def _part(item: dict, prefix: bytes) -> bytes:
    for key, value in item.items():
        if isinstance(key, bytes) and key.startswith(prefix):
            return value or b""
    return b""


def tls_context(ca_file: str | None) -> ssl.SSLContext:
    """Certificates are always verified; ``ca_file`` adds a trusted CA."""
    context = ssl.create_default_context()
    if ca_file:
        context.load_verify_locations(cafile=ca_file)
    return context


class _GuardedIMAP4(imaplib.IMAP4):
    """imaplib's connection, opened only to an address the deployment allows (``worker.networks.connect``:
    the name is resolved once and the checked address is the one connected to, so DNS cannot switch it
    afterwards), and watched by the session's deadline from its first byte."""

    def __init__(self, host: str, port: int, settings: ImapSettings, guard: Watchdog, context: ssl.SSLContext | None):
        self._settings, self._guard, self._context = settings, guard, context
        super().__init__(host, port, settings.timeout)

    def _create_socket(self, timeout):
        return connect(self.host, self.port, self._settings.allow_networks, timeout, self._context, self._guard.watch)


class _Client(IMAPClient):
    """IMAPClient on ``_GuardedIMAP4``: the one place a connection to a user-chosen host is opened."""

    def __init__(self, settings: ImapSettings, guard: Watchdog):
        self._settings, self._guard = settings, guard
        super().__init__(settings.host, port=settings.port, ssl=settings.tls == "ssl", timeout=settings.timeout,
                         ssl_context=tls_context(settings.ca_file) if settings.tls == "ssl" else None)

    def _create_IMAP4(self):  # imapclient's hook for the connection it wraps
        return _GuardedIMAP4(self.host, self.port, self._settings, self._guard, self.ssl_context)


def _connect(s: ImapSettings, guard: Watchdog) -> IMAPClient:
    """A connected (not yet logged-in) client. Every way this can fail (unknown host, an address not
    allowed, refused, timed out, past the deadline, a TLS or certificate error, no STARTTLS) reads the same
    to the user, "server unreachable", so the answer cannot map what the server's network holds; the
    reason goes to the log."""
    try:
        client = _Client(s, guard)
        if s.tls == "starttls":
            try:
                client.starttls(tls_context(s.ca_file))
            except BaseException:
                _shutdown(client)
                raise
        return client
    except ssl.SSLCertVerificationError as exc:
        reason = f"certificate problem: {exc.verify_message or exc}"
    except (OSError, imaplib.IMAP4.error, IMAPClientError, UnicodeError) as exc:  # refused, unknown host, TLS, timeout
        reason = f"{type(exc).__name__}: {exc}"
    if guard.expired:
        reason = f"past the {s.connect_limit:g} s allowed to connect and log in ({reason})"
    log.warning("%s:%s: cannot connect: %s", s.host, s.port, reason)
    raise ServerUnreachable()


def _login(client: IMAPClient, s: ImapSettings, guard: Watchdog) -> None:
    try:
        if s.auth == "xoauth2":
            client.oauth2_login(s.username, s.secret)
        else:
            client.login(s.username, s.secret)
    except LoginError as exc:
        raise (TokenRefused if s.auth == "xoauth2" else WrongCredentials)(str(exc)) from exc
    except (OSError, imaplib.IMAP4.abort) as exc:
        if guard.expired:
            log.warning("%s:%s: past the %g s allowed to connect and log in", s.host, s.port, s.connect_limit)
            raise ServerUnreachable() from exc
        raise ConnectionLost(str(exc)) from exc


def _record_commands(client: IMAPClient, sent: list[str]) -> None:
    """Wrap the connection's ``send`` to note each command's verb (``UID FETCH``, ``EXAMINE``…)."""
    conn = client._imap
    original = conn.send
    tag_prefix = conn.tagpre.encode() if isinstance(conn.tagpre, str) else conn.tagpre

    def send(data: bytes):
        if data.startswith(tag_prefix):
            words = data.split(b" ", 3)
            verb = words[1].decode(errors="replace").upper() if len(words) > 1 else ""
            if verb == "UID" and len(words) > 2:
                verb += " " + words[2].decode(errors="replace").upper().strip()
            sent.append(verb.strip())
        return original(data)

    conn.send = send
