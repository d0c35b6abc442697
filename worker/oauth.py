"""Keeping an OAuth2 mailbox readable: before a sync logs in, an access token that expires within
``MARGIN`` is refreshed with Authlib at the provider's token endpoint, and the new token (and a
rotated refresh token) goes back to the server, which keeps it encrypted. The server hands out
the refresh token and the client id; the client secret, when the provider needs one, comes from this
worker's own environment (``ONWARD_OAUTH_<PROVIDER>_CLIENT_SECRET``), never from the API."""

import logging
import os
import threading
from collections import defaultdict
from datetime import UTC, datetime, timedelta

from worker.api import Api
from worker.exceptions import ServerUnreachable, TokenRefused

log = logging.getLogger("onward.oauth")

MARGIN = timedelta(minutes=5)
"""Refresh an access token that expires sooner than this: a sync never starts with a token about to die."""

_LOCKS: defaultdict[int, threading.Lock] = defaultdict(threading.Lock)
"""One lock per account in this process: one refresh at a time (across processes, the sync's Redis lock)."""


class RefreshRefused(TokenRefused):
    """The provider refused the refresh token (revoked, or the password changed): only signing in again helps."""

    plain = "the mail provider no longer accepts Onward's sign-in: sign in again on the Mailboxes page"


def client_secret(provider: str, environ=os.environ) -> str | None:
    return environ.get(f"ONWARD_OAUTH_{provider.upper()}_CLIENT_SECRET") or None


def needs_refresh(oauth: dict, now: datetime) -> bool:
    expires = oauth.get("expires_at")
    return not expires or datetime.fromisoformat(expires) - now < MARGIN


def fresh_credentials(api: Api, creds: dict, now: datetime | None = None) -> dict:
    """``creds`` with an access token good for at least MARGIN: refreshed (and stored on the server) when needed."""
    oauth = creds.get("oauth")
    now = now or datetime.now(UTC)
    if not oauth or not needs_refresh(oauth, now):
        return creds
    with _LOCKS[creds["id"]]:  # watchers of several folders start together; a refresh token works only once
        creds = api.credentials(creds["id"])  # another thread may have refreshed meanwhile
        oauth = creds.get("oauth")
        if not oauth or not needs_refresh(oauth, now):
            return creds
        return _refresh(api, creds, oauth, now)


def _refresh(api: Api, creds: dict, oauth: dict, now: datetime) -> dict:
    """The refresh-token grant with Authlib (imported here: a worker with no OAuth2 mailbox never loads it)."""
    from authlib.integrations.base_client import OAuthError
    from authlib.integrations.requests_client import OAuth2Session
    from requests.exceptions import RequestException

    session = OAuth2Session(oauth["client_id"], client_secret(oauth["provider"]), timeout=30)
    try:
        token = session.refresh_token(oauth["token_url"], refresh_token=oauth["refresh_token"])
    except OAuthError as exc:
        raise RefreshRefused(exc.description or exc.error) from exc
    except RequestException as exc:
        raise ServerUnreachable(f"token endpoint {oauth['token_url']}: {exc.__class__.__name__}") from exc
    expires = (datetime.fromtimestamp(int(token["expires_at"]), UTC) if token.get("expires_at")
               else now + timedelta(seconds=int(token.get("expires_in") or 3600)))
    fields = {"access_token": token["access_token"], "expires_at": expires.isoformat()}
    if token.get("refresh_token") and token["refresh_token"] != oauth["refresh_token"]:
        fields["refresh_token"] = token["refresh_token"]
    api.put_oauth_token(creds["id"], **fields)
    log.info("account %s: access token refreshed, valid until %s", creds["id"], expires.isoformat())
    return {**creds, "secret": token["access_token"],
            "oauth": {**oauth, "expires_at": expires.isoformat(), "refresh_token": token.get("refresh_token") or oauth["refresh_token"]}}
