"""A small client for the Onward server's API (urllib, no extra dependency): the worker's only
way to store anything. 5xx and network failures raise ApiUnavailable (try again later, the
position stays), 4xx raise ApiRefused."""

import json
import urllib.error
import urllib.parse
import urllib.request

from worker.config import WorkerConfig
from worker.exceptions import ApiRefused, ApiUnavailable

BATCH = 200
"""Messages per ``POST /api/v1/messages`` (the server takes up to 500)."""


class Api:
    """Calls as the configured token. ``account_id`` binds the client to one account's sync: its
    batches then go to ``POST /accounts/<id>/messages`` and are stored for the account's owner,
    the only way a fleet token (every user's accounts) can store anything."""

    def __init__(self, config: WorkerConfig, account_id: int | None = None):
        self.config = config
        self.account_id = account_id

    def _call(self, method: str, path: str, body: dict | None = None) -> dict:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.config.server_url + "/api/v1" + path, data=data, method=method,
                                         headers={"Authorization": f"Bearer {self.config.token}",
                                                  "Content-Type": "application/json", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.config.timeout) as res:
                raw = res.read()
        except urllib.error.HTTPError as exc:
            try:
                message = json.loads(exc.read() or b"{}").get("message", exc.reason)
            except ValueError:
                message = str(exc.reason)
            if exc.code >= 500 or exc.code == 429:
                raise ApiUnavailable(f"{method} {path}: {exc.code} {message}") from exc
            raise ApiRefused(exc.code, f"{method} {path}: {message}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise ApiUnavailable(f"{method} {path}: {getattr(exc, 'reason', exc)}") from exc
        return json.loads(raw) if raw else {}

    def accounts(self) -> list[dict]:
        """The accounts of the token's user, or of every user for a fleet token (no secrets): what a scheduled sync walks."""
        return self._call("GET", "/accounts")["items"]

    def credentials(self, account_id: int) -> dict:
        return self._call("GET", f"/accounts/{account_id}/credentials")

    def put_state(self, account_id: int, folder: str, uidvalidity: int, last_uid: int, highestmodseq: int | None) -> dict:
        return self._call("PUT", f"/accounts/{account_id}/folders/{urllib.parse.quote(folder, safe='')}/state",
                          {"uidvalidity": uidvalidity, "last_uid": last_uid, "highestmodseq": highestmodseq})

    def report(self, account_id: int, **fields) -> dict:
        return self._call("POST", f"/accounts/{account_id}/report", fields)

    def send_messages(self, items: list[dict]) -> dict:
        """Store one batch (at most BATCH items); the answer counts new, updated, ignored and rejected."""
        path = "/messages" if self.account_id is None else f"/accounts/{self.account_id}/messages"
        return self._call("POST", path, {"messages": items})

    def send_due_digests(self) -> dict:
        """Have the server send the weekly digests that are due (every user's for a fleet token)."""
        return self._call("POST", "/digests/send-due")
