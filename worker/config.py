"""The worker's settings, read once from the environment (``load()``), passed down explicitly."""

import os
from dataclasses import dataclass

DEFAULT_SERVER_URL = "http://127.0.0.1:5000"
"""Where ``make run`` serves the API."""


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    """``server_url`` and ``token`` (a service token) reach the Onward API."""

    server_url: str = DEFAULT_SERVER_URL
    token: str = ""
    timeout: float = 30.0

    def __repr__(self) -> str:  # the token never reaches a log line
        return f"WorkerConfig(server_url={self.server_url!r}, token=<hidden>, timeout={self.timeout})"


def load(environ=os.environ) -> WorkerConfig:
    """``ONWARD_SERVER_URL`` and ``ONWARD_TOKEN`` from the environment."""
    return WorkerConfig(server_url=environ.get("ONWARD_SERVER_URL", DEFAULT_SERVER_URL).rstrip("/"),
                        token=environ.get("ONWARD_TOKEN", ""), timeout=float(environ.get("ONWARD_API_TIMEOUT", "30")))
