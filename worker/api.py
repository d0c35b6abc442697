"""A small client for the Onward server's API (urllib, no extra dependency): the worker's only
way to store anything. 5xx and network failures raise ApiUnavailable (try again later, the
position stays), 4xx raise ApiRefused."""

import json
import shutil
import urllib.error
import urllib.parse
import urllib.request

from worker.config import WorkerConfig
from worker.exceptions import ApiRefused, ApiUnavailable

BATCH = 200
"""Messages per ``POST /api/v1/messages`` (the server takes up to 500)."""

MAKE_TOKEN = "onward token create EMAIL --service"
"""The command that makes a worker's token (run where the server's database is)."""

NO_TOKEN = f"ONWARD_TOKEN is not set: make a token with `{MAKE_TOKEN}` and export ONWARD_TOKEN=<the token it prints>"
"""What a command that talks to the server says when there is no token to talk with."""


def explain(exc: ApiUnavailable | ApiRefused, config: WorkerConfig) -> str:
    """One line for a person: what went wrong between this process and the Onward server, and the fix."""
    url = config.server_url
    if isinstance(exc, ApiUnavailable) and exc.status is None:
        return (f"cannot reach the Onward server at {url} ({exc.message}): start it with `make run` "
                f"(or `onward serve`), or set ONWARD_SERVER_URL to where it runs")
    if isinstance(exc, ApiUnavailable):
        return f"the Onward server at {url} failed ({exc.status}: {exc.message}); see its log, then try again"
    if exc.status == 401 and not config.token:
        return NO_TOKEN
    if exc.status == 401:
        return f"the Onward server at {url} refused ONWARD_TOKEN ({exc.message}): make a new token with `{MAKE_TOKEN}`"
    if exc.status == 403:
        return f"ONWARD_TOKEN may not do this ({exc.message}): use a worker's token, made with `{MAKE_TOKEN}`"
    return f"the Onward server at {url} refused the request ({exc})"


class Api:
    """Calls as the configured token. ``account_id`` binds the client to one account's sync: its
    batches then go to ``POST /accounts/<id>/messages`` and are stored for the account's owner,
    the only way a fleet token (every user's accounts) can store anything."""

    def __init__(self, config: WorkerConfig, account_id: int | None = None, upload_id: int | None = None):
        self.config = config
        self.account_id = account_id
        self.upload_id = upload_id

    def _call(self, method: str, path: str, body: dict | None = None, into=None) -> dict:
        """One call; its JSON answer, or with ``into`` (a binary file) the answer's bytes copied there."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.config.server_url + "/api/v1" + path, data=data, method=method,
                                         headers={"Authorization": f"Bearer {self.config.token}",
                                                  "Content-Type": "application/json", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.config.timeout) as res:
                if into is not None:
                    shutil.copyfileobj(res, into, 1024 * 1024)
                    return {}
                raw = res.read()
        except urllib.error.HTTPError as exc:
            try:
                message = json.loads(exc.read() or b"{}").get("message", exc.reason)
            except ValueError:
                message = str(exc.reason)
            if exc.code >= 500 or exc.code == 429:
                raise ApiUnavailable(f"{method} {path}: {exc.code} {message}", exc.code, message) from exc
            raise ApiRefused(exc.code, f"{method} {path}: {message}", message) from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ApiUnavailable(f"{method} {path}: {reason}", None, getattr(reason, "strerror", None) or str(reason)) from exc
        return json.loads(raw) if raw else {}

    def check_access(self) -> None:
        """Reach the server and check the token may store messages (``GET /sync-state``, which takes the same tokens
        as ``POST /messages``): an import says what is wrong before it reads a single file."""
        self._call("GET", "/sync-state")

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
        path = ("/messages" if self.account_id is None and self.upload_id is None
                else f"/accounts/{self.account_id}/messages" if self.account_id is not None
                else f"/uploads/{self.upload_id}/messages")
        return self._call("POST", path, {"messages": items})

    def send_due_digests(self) -> dict:
        """Have the server send the weekly digests that are due (every user's for a fleet token)."""
        return self._call("POST", "/digests/send-due")

    def put_oauth_token(self, account_id: int, **fields) -> dict:
        """Keep a refreshed access token (``access_token``, ``expires_at``, maybe a rotated ``refresh_token``) on the server."""
        return self._call("PUT", f"/accounts/{account_id}/oauth-token", fields)

    def waiting_uploads(self) -> list[dict]:
        """Uploads from the dashboard that wait for a worker (the token's user's; every user's for a fleet token)."""
        return self._call("GET", "/uploads?status=waiting")["items"]

    def claim_upload(self, upload_id: int) -> dict:
        return self._call("POST", f"/uploads/{upload_id}/claim")

    def download_upload(self, upload_id: int, into) -> None:
        """Copy the uploaded file into the binary file ``into``, streamed."""
        self._call("GET", f"/uploads/{upload_id}/file", into=into)

    def report_upload(self, upload_id: int, **fields) -> dict:
        return self._call("POST", f"/uploads/{upload_id}/progress", fields)
