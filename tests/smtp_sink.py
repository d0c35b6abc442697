"""A real SMTP server (aiosmtpd) on a free loopback port that keeps every message it receives, so tests of
outgoing mail (the weekly digest) read what a mail server would have been handed."""

import threading
import time
from dataclasses import dataclass
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default

from imap_server import free_port


@dataclass
class Received:
    """One accepted message: the SMTP envelope and the message parsed with ``email.policy.default``."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


class SmtpSink:
    """Accepts every message; ``wait_for(n)`` blocks until ``n`` have arrived. ``host``/``port`` are where to send."""

    host = "127.0.0.1"

    def __init__(self):
        self.received: list[Received] = []
        self._arrived = threading.Condition()
        self.controller = None
        self.port = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - the name aiosmtpd calls
        message = message_from_bytes(envelope.original_content or envelope.content, policy=default)
        with self._arrived:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
            self._arrived.notify_all()
        return "250 OK: kept by the test"

    @property
    def messages(self) -> list[EmailMessage]:
        return [r.message for r in self.received]

    def wait_for(self, n: int = 1, timeout: float = 10) -> list[EmailMessage]:
        """The first ``n`` messages, once they have arrived; AssertionError after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.received) < n:
                left = deadline - time.monotonic()
                assert left > 0, f"the SMTP sink got {len(self.received)} message(s) in {timeout} s, expected {n}"
                self._arrived.wait(left)
            return self.messages[:n]

    def start(self) -> "SmtpSink":
        from aiosmtpd.controller import Controller

        self.port = free_port()
        self.controller = Controller(self, hostname=self.host, port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None
