"""Real parts for the worker's tests. Dovecot (``dovecot``, ``dovecot_server``) and the Onward server served
over HTTP on a free loopback port (``live_server``, ``tokens``) come from the root conftest, shared with the
browser tests; here is the worker's API client on that server, so ``worker/api.py`` makes real calls."""

import pytest

from worker.api import Api
from worker.config import WorkerConfig


@pytest.fixture
def api(live_server, tokens):
    """The worker's API client with the user's service token."""
    return Api(WorkerConfig(server_url=live_server.url, token=tokens[1], timeout=10))
