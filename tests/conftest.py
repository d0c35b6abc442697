"""Shared fixtures and helpers for the test suite."""

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime

import pytest


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
