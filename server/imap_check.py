"""The Mailboxes page's connection test: connect, start TLS, log in and EXAMINE the first folder,
then say in plain words what is wrong. It runs in the request so the answer is immediate, with the
standard library's ``imaplib`` (the server never imports the worker's IMAP client, see DESIGN.md), and
only reads: EXAMINE, never SELECT. It reaches only hosts the worker's network policy allows
(``worker.networks``, the same ``ONWARD_IMAP_ALLOW_NETWORKS``), and every failure before a real IMAP
server has greeted us reads the same, so the test cannot map what the server's network holds: which
step failed (no such name, nothing listening, no answer, TLS, not IMAP, not allowed) goes to the log."""

import imaplib
import logging
import ssl
from dataclasses import dataclass

from flask import current_app

from server import config
from server.translations import N_, ngettext
from server.translations import gettext as _
from worker.networks import Watchdog, connect

log = logging.getLogger("onward.imap_check")

TIMEOUT = 15
"""Seconds for each network step; an unreachable host answers no later than this. It restarts with every
byte, so the whole test also has a deadline (``IMAP_TEST_SECONDS``)."""

UNREACHABLE = N_("Onward could not reach an IMAP server at {where}. Check the server name for typing errors, the port "
                 "and the security setting (port 993 uses SSL/TLS, port 143 uses STARTTLS), and whether a firewall "
                 "blocks the connection.")
"""The one answer for every failure before the server's IMAP greeting and login (``problem`` "unreachable");
like every answer here, in the page's language (``server.translations.current``)."""


@dataclass(frozen=True)
class Outcome:
    """What the test found: ``problem`` is None when it worked, else ``unreachable`` (before a greeting),
    ``login``, ``folder`` or ``lost`` (after one); ``text`` says it for a person; ``messages`` is the first
    folder's count."""

    problem: str | None
    text: str
    messages: int | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


class _CheckedIMAP4(imaplib.IMAP4):
    """imaplib's connection opened through ``worker.networks.connect``: only to an allowed address, the
    one that was checked, with TLS at once when ``context`` is given (port 993), watched by the deadline."""

    def __init__(self, host: str, port: int, allow: tuple, context: ssl.SSLContext | None, deadline: Watchdog):
        self._allow, self._context, self._deadline = allow, context, deadline
        super().__init__(host, port, TIMEOUT)

    def _create_socket(self, timeout):
        return connect(self.host, self.port, self._allow, timeout, self._context, self._deadline.watch)


def _context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    if current_app.config.get("IMAP_CA_FILE"):
        context.load_verify_locations(cafile=current_app.config["IMAP_CA_FILE"])
    return context


def _open(host: str, port: int, tls: str, deadline: Watchdog) -> imaplib.IMAP4:
    conn = _CheckedIMAP4(host, port, config.imap_networks(current_app.config), _context() if tls == "ssl" else None,
                         deadline)
    if tls == "starttls":
        try:
            conn.starttls(_context())
        except BaseException:
            conn.shutdown()
            raise
    return conn


def _login(conn: imaplib.IMAP4, username: str, secret: str, auth: str) -> None:
    if auth == "xoauth2":
        raw = f"user={username}\x01auth=Bearer {secret}\x01\x01".encode()
        conn.authenticate("XOAUTH2", lambda _challenge: raw)
    else:
        conn.login(username, secret)


def try_account(host: str, port: int, tls: str, username: str, secret: str, auth: str = "password",
                folder: str = "INBOX") -> Outcome:
    """Connect, log in and examine ``folder``; what is wrong, explained (one wording before the greeting)."""
    deadline = Watchdog(current_app.config["IMAP_TEST_SECONDS"])
    try:
        return _test(host, port, tls, username, secret, auth, folder, deadline)
    finally:
        deadline.cancel()


def _test(host: str, port: int, tls: str, username: str, secret: str, auth: str, folder: str,
          deadline: Watchdog) -> Outcome:
    where = f"{host}:{port}"
    try:
        conn = _open(host, port, tls, deadline)
    except (OSError, imaplib.IMAP4.error, UnicodeError) as exc:  # no such name, refused, timeout, TLS, not IMAP, not allowed
        reason = exc.verify_message if isinstance(exc, ssl.SSLCertVerificationError) else exc
        past = f"past the {deadline.seconds:g} s deadline: " if deadline.expired else ""
        log.warning("connection test to %s (%s): cannot connect: %s%s: %s", where, tls, past, type(exc).__name__, reason)
        return Outcome("unreachable", _(UNREACHABLE).format(where=where))
    try:
        try:
            _login(conn, username, secret, auth)
        except imaplib.IMAP4.abort:
            raise  # the connection broke (or the deadline passed): not a refusal
        except imaplib.IMAP4.error as exc:
            if auth == "xoauth2":
                return Outcome("login", _("The mail server refused the sign-in token ({said}). Sign in again.").format(said=_said(exc)))
            return Outcome("login", _("The mail server refused the user name or password ({said}). Many providers need an app "
                                      "password here instead of your normal one: see the steps beside the form.").format(said=_said(exc)))
        typ, data = conn.select(_quote(folder), readonly=True)
        if typ != "OK":
            return Outcome("folder", _("Signed in, but there is no folder called '{folder}' ({said}).").format(
                folder=folder, said=_said(data)))
        count = int(data[0]) if data and data[0] and data[0].isdigit() else None
        return Outcome(None, _connected(host, folder, count), count)
    except (OSError, imaplib.IMAP4.abort) as exc:
        past = f"past the {deadline.seconds:g} s deadline: " if deadline.expired else ""
        log.warning("connection test to %s: lost after the greeting: %s%s: %s", where, past, type(exc).__name__, exc)
        return Outcome("lost", _("{host} answered, then the connection broke during the test. Try again.").format(host=host))
    finally:
        try:
            conn.logout()
        except (OSError, imaplib.IMAP4.error):
            conn.shutdown()


def _connected(host: str, folder: str, count: int | None) -> str:
    """What a test that worked found: the folder's count by the language's plural rule, or no count when the server gave none."""
    if count is None:
        return _("Connected: signed in to {host} and found the messages in {folder}.").format(host=host, folder=folder)
    return ngettext("Connected: signed in to {host} and found {count} message in {folder}.",
                    "Connected: signed in to {host} and found {count} messages in {folder}.", count).format(
        host=host, count=count, folder=folder)


def _said(detail) -> str:
    """The server's own words, short and printable (a server string is never trusted as markup: templates escape it)."""
    if isinstance(detail, list):
        detail = b" ".join(d for d in detail if isinstance(d, bytes))
    if isinstance(detail, imaplib.IMAP4.error):
        detail = detail.args[0] if detail.args else str(detail)
    if isinstance(detail, bytes):
        detail = detail.decode("utf-8", "replace")
    text = "".join(ch for ch in str(detail) if ch.isprintable()).strip()
    if text.startswith("b'") or text.startswith('b"'):
        text = text[2:-1]
    return (text[:200] or _("no reason given")).rstrip(".")


def _quote(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'

