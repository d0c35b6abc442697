"""Shared fixtures and helpers for the test suite."""

import contextlib
import importlib.util
import itertools
import os
import re
import shutil
import tempfile
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest
from browser import chromium_path, extension_context, launch_browser, missing_service, save_screenshot
from imap_server import start_dovecot
from live_server import new_user, start_live_server
from roundcube import missing as roundcube_missing
from roundcube import start_roundcube
from smtp_sink import SmtpSink
from stack import fresh_postgres_database


def build_email(
    subject: str = "Hello",
    text: str | None = "Hello there.",
    *,
    html: str | None = None,
    sender: str = "Acme Careers <careers@acme-corp.com>",
    to: str = "Robin Vale <robin@example.org>",
    headers: dict[str, str] | None = None,
) -> bytes:
    """A well-formed message with a plain part, an HTML part, or both."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime(2026, 11, 20, 9, 30, tzinfo=UTC))
    msg["Message-ID"] = "<test-1@acme-corp.com>"
    for name, value in (headers or {}).items():
        msg[name] = value
    if text is not None:
        msg.set_content(text)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    elif html is not None:
        msg.set_content(html, subtype="html")
    return msg.as_bytes()


@pytest.fixture
def email_factory():
    return build_email


# Real services shared by every test folder: Dovecot, the live Onward server, Chromium, Roundcube, an SMTP sink.
# Each skips when its tool is missing, except under CI=true where it fails (``missing_service``).


@pytest.fixture(scope="session")
def dovecot_server():
    """One Dovecot for the session (starting is fast, stopping takes a second); each test gets its own mail user."""
    if not (shutil.which("dovecot") or os.path.exists("/usr/sbin/dovecot")):
        missing_service("dovecot is not installed (apt-get install dovecot-imapd)")
    folder = Path(tempfile.mkdtemp(prefix="onward-dovecot-"))
    server = start_dovecot(folder / "dc")
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


_mail_users = itertools.count(1)


@pytest.fixture
def new_mailbox(dovecot_server):
    """A factory: each call gives the session's Dovecot as a new mail user, with an empty mailbox."""
    return lambda: dovecot_server.as_user(next(_mail_users))


@pytest.fixture
def dovecot(new_mailbox):
    """The session's Dovecot as a new mail user, so each test starts from an empty mailbox."""
    return new_mailbox()


@pytest.fixture
def live_server(tmp_path):
    """The Onward server on a free loopback port with a fresh SQLite database (``live_server.url``)."""
    server = start_live_server(tmp_path)
    yield server
    server.close()


@pytest.fixture
def tokens(live_server):
    """(user token, service token) of a new user on the live server."""
    _, secrets_ = new_user(live_server, tokens=(("user", "personal"), ("service", "worker")))
    return tuple(secrets_)


@pytest.fixture(scope="session")
def playwright():
    """One Playwright driver for the session (Chromium itself is launched by the fixtures below)."""
    chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright):
    """A plain headless Chromium without extensions, shared by the session; tests use ``page``."""
    chromium = launch_browser(playwright)
    yield chromium
    chromium.close()


@pytest.fixture
def page(browser):
    """A new page in a fresh browser context (no cookies from other tests)."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def launch_extension(playwright, tmp_path):
    """``launch_extension(extension_dir)`` -> ``(context, extension_id)``: Chromium with that unpacked
    extension loaded on a fresh profile; every context it made is closed after the test."""
    contexts = []

    def launch(extension_dir):
        context, extension_id = extension_context(playwright, tmp_path / f"profile{len(contexts)}", extension_dir)
        contexts.append(context)
        return context, extension_id

    launch.contexts = contexts
    yield launch
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def roundcube(dovecot_server):
    """A real Roundcube (elastic skin) over the session's Dovecot, plain IMAP on loopback; log in as the
    ``dovecot`` fixture's user with ``roundcube.login(page, roundcube, dovecot.user, dovecot.password)``."""
    reason = roundcube_missing()
    if reason:
        missing_service(reason)
    folder = Path(tempfile.mkdtemp(prefix="onward-roundcube-"))
    server = start_roundcube(folder / "rc", dovecot_server.imap_port)
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def smtp_sink():
    """A real SMTP server on 127.0.0.1:``smtp_sink.port`` keeping what it receives (``smtp_sink.wait_for(n)``)."""
    if importlib.util.find_spec("aiosmtpd") is None:
        missing_service("the aiosmtpd package is missing (pip install -e '.[dev]')")
    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed browser test leaves ``artifacts/screenshots/failed-TEST.png`` of its ``page``: what it showed."""
    report = yield
    if report.when == "call" and report.failed:
        pages = [item.funcargs.get("page")]
        pages += [p for c in getattr(item.funcargs.get("launch_extension"), "contexts", ()) for p in c.pages]
        name = "failed-" + re.sub(r"[^\w.-]+", "_", item.name)
        for n, page_ in enumerate(p for p in pages if hasattr(p, "is_closed") and not p.is_closed()):
            with contextlib.suppress(Exception):  # the test's own failure is the one to report
                save_screenshot(page_, f"{name}-{n}" if n else name)
    return report


@pytest.fixture
def stack_database_url():
    """A fresh PostgreSQL database (URL) for a test that starts the deployed processes; dropped afterwards."""
    with fresh_postgres_database() as url:
        yield url
