"""Helpers the server's tests share: the test app's settings, auth headers, message items."""

import itertools
import time
from datetime import UTC, datetime

from cryptography.fernet import Fernet

from server import create_app

FERNET_KEY = Fernet.generate_key().decode()
"""The test app's key for IMAP secrets, new for each run."""

EXTENSION = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
"""The extension origin the test app allows."""


def make_app(database_url: str, **config):
    settings = {
        "TESTING": True,
        "DATABASE_URL": database_url,
        "REDIS_URL": None,
        "RATELIMIT_PER_MINUTE": 1_000_000,
        "PAIR_RATELIMIT_PER_MINUTE": 1_000_000,
        "CORS_ORIGINS": EXTENSION,
        "SECRET_KEY_FERNET": FERNET_KEY,
        "GHOSTED_DAYS": 10_000,  # fixed dates in the tests must not turn ghosted as the calendar moves; ghosting tests set 30
        **config,
    }
    app = create_app(settings)
    MADE.append(app)
    return app


MADE: list = []
"""Every app ``make_app`` built in the current test; conftest disposes their engines after it,
even when the test failed before its own cleanup (an open PostgreSQL connection would
otherwise be reported in whichever test runs next)."""


def fresh_window(window: float = 60) -> None:
    """Wait out the last seconds of a rate-limit window so a test's requests share one."""
    left = window - time.time() % window
    if left < 3:
        time.sleep(left + 0.05)


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


_uids = itertools.count(1)


def msg(label: str = "application_confirmation", company: str | None = "Acme", role: str | None = "Data Engineer",
        date: str | datetime = "2026-01-05T09:00:00+00:00", **fields) -> dict:
    """A valid MessageIn item from an IMAP account; every call is a different email."""
    n = next(_uids)
    if isinstance(date, datetime):
        date = date.astimezone(UTC).isoformat()
    item = {"account": "imap:robin@example.org", "folder": "INBOX", "uidvalidity": 7, "uid": n, "message_id": f"<m{n}@mail.example>",
            "from_name": f"{company} Careers" if company else "", "from_address": "jobs@acme.example", "subject": f"About your application ({label})",
            "date": date, "label": label, "confidence": 0.9, "stage": "application" if label == "rejection" else None,
            "keeps_on_file": False if label == "rejection" else None, "offers_feedback": False if label == "rejection" else None,
            "company": company, "role": role, "ats": None, "job_id": None, "language": "en", "snippet": "Thank you for applying.",
            "link": None}
    item.update(fields)
    return item
