"""The worker's settings, read once from the environment (``load()``), passed down explicitly."""

import os
from dataclasses import dataclass

from worker.networks import EMBEDDED_ALLOW_NETWORKS, allow_setting

DEFAULT_SERVER_URL = "http://127.0.0.1:5000"
"""Where ``make run`` serves the API."""

DEFAULT_SYNC_INTERVAL_MINUTES = 10.0
"""How often every account is synced (``rq cron`` and the embedded loop)."""

DEFAULT_SYNC_SECONDS = 600.0
"""Most seconds one account's IMAP session may last in a sync, below RQ's job timeout (15 minutes) so the
worker ends it and reports it, and the next sync resumes from the position stored so far."""

@dataclass(frozen=True, slots=True)
class WorkerConfig:
    """``server_url`` and ``token`` (a service token, or a deployment's fleet token) reach the Onward API; without ``redis_url``
    the jobs run in-process (the embedded mode of ``make run``)."""

    server_url: str = DEFAULT_SERVER_URL
    token: str = ""
    timeout: float = 30.0
    redis_url: str | None = None
    sync_interval_minutes: float = DEFAULT_SYNC_INTERVAL_MINUTES
    imap_allow_networks: str = EMBEDDED_ALLOW_NETWORKS
    """Comma-separated CIDR blocks (or ``loopback``, ``private``) where an account's IMAP host may be
    although the address is not public (``worker.networks``: the default rule is ``allow_setting``)."""
    imap_sync_seconds: float = DEFAULT_SYNC_SECONDS

    def __repr__(self) -> str:  # the token and a Redis password never reach a log line
        return (f"WorkerConfig(server_url={self.server_url!r}, token=<hidden>, timeout={self.timeout}, "
                f"redis_url={'<set>' if self.redis_url else None}, sync_interval_minutes={self.sync_interval_minutes}, "
                f"imap_allow_networks={self.imap_allow_networks!r}, imap_sync_seconds={self.imap_sync_seconds})")


def load(environ=os.environ) -> WorkerConfig:
    """``ONWARD_SERVER_URL``, ``ONWARD_TOKEN``, ``ONWARD_API_TIMEOUT``, ``ONWARD_REDIS_URL``,
    ``ONWARD_SYNC_INTERVAL_MINUTES``, ``ONWARD_IMAP_ALLOW_NETWORKS`` and ``ONWARD_IMAP_SYNC_SECONDS``
    from the environment."""
    redis_url = environ.get("ONWARD_REDIS_URL") or None
    return WorkerConfig(server_url=environ.get("ONWARD_SERVER_URL", DEFAULT_SERVER_URL).rstrip("/"),
                        token=environ.get("ONWARD_TOKEN", ""), timeout=float(environ.get("ONWARD_API_TIMEOUT", "30")),
                        redis_url=redis_url,
                        sync_interval_minutes=float(environ.get("ONWARD_SYNC_INTERVAL_MINUTES", DEFAULT_SYNC_INTERVAL_MINUTES)),
                        imap_allow_networks=allow_setting(environ.get("ONWARD_IMAP_ALLOW_NETWORKS"), redis_url),
                        imap_sync_seconds=float(environ.get("ONWARD_IMAP_SYNC_SECONDS", DEFAULT_SYNC_SECONDS)))
