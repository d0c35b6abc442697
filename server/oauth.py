"""OAuth2 for mailboxes that refuse passwords (most Gmail and Microsoft 365 accounts): the
authorization-code flow with PKCE, started from the dashboard with the deployment's own client id,
done with Authlib. The refresh token is kept encrypted (``server/vault.py``); the worker refreshes
the access token before it expires (``worker/oauth.py``) with what ``refresh_info`` gives it, and
sends the new one back. The client secret never leaves the server's and the worker's configuration."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app

from server import vault
from server.errors import ApiError
from server.models import Account, utcnow


@dataclass(frozen=True)
class Provider:
    """An OAuth2 provider of IMAP access: where its user signs in, where tokens come from, what to ask for."""

    key: str
    title: str
    authorize_url: str
    token_url: str
    scope: str
    extra: tuple[tuple[str, str], ...] = ()
    """Parameters the authorization request needs for a refresh token (Google: offline access, consent)."""


PROVIDERS = {
    "google": Provider("google", "Google", "https://accounts.google.com/o/oauth2/v2/auth", "https://oauth2.googleapis.com/token",
                       "https://mail.google.com/", (("access_type", "offline"), ("prompt", "consent"))),
    "microsoft": Provider("microsoft", "Microsoft", "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
                          "https://login.microsoftonline.com/common/oauth2/v2.0/token",
                          "https://outlook.office.com/IMAP.AccessAsUser.All offline_access"),
}
"""The providers whose client id a deployment may configure (``ONWARD_OAUTH_<KEY>_CLIENT_ID``)."""

CALLBACK = "/mailboxes/oauth/callback"
"""The redirect URI to register with the provider, after ``PUBLIC_URL``."""

DEFAULT_LIFETIME = 3600
"""Seconds an access token lives when the provider does not say (both named providers say: one hour)."""


def provider(key: str) -> Provider:
    """The provider with the deployment's endpoint replacements (``OAUTH_ENDPOINTS``); 404 when unknown."""
    found = PROVIDERS.get(key)
    if found is None:
        raise ApiError(404, "No such sign-in provider.")
    changes = current_app.config.get("OAUTH_ENDPOINTS", {}).get(key, {})
    return Provider(found.key, found.title, changes.get("authorize_url", found.authorize_url),
                    changes.get("token_url", found.token_url), changes.get("scope", found.scope), found.extra)


def client_id(key: str) -> str | None:
    return current_app.config.get(f"OAUTH_{key.upper()}_CLIENT_ID")


def enabled() -> list[str]:
    """The providers this deployment has a client id for: the dashboard offers "Sign in with …" only for these."""
    return [key for key in PROVIDERS if client_id(key)]


def redirect_uri() -> str:
    return current_app.config["PUBLIC_URL"].rstrip("/") + CALLBACK


def _session(key: str, **kwargs):
    """An Authlib OAuth2 client (imported here: a server without OAuth2 sign-in never loads Authlib)."""
    from authlib.integrations.requests_client import OAuth2Session

    if not client_id(key):
        raise ApiError(404, f"This Onward server has no {PROVIDERS[key].title} sign-in: its administrator sets "
                            f"ONWARD_OAUTH_{key.upper()}_CLIENT_ID.")
    return OAuth2Session(client_id(key), current_app.config.get(f"OAUTH_{key.upper()}_CLIENT_SECRET"),
                         code_challenge_method="S256", timeout=20, **kwargs)


def start(key: str, login_hint: str) -> tuple[str, dict]:
    """The provider's sign-in URL and what the session must keep for the callback (state, PKCE verifier)."""
    from authlib.common.security import generate_token

    p = provider(key)
    verifier = generate_token(64)
    session = _session(key, scope=p.scope, redirect_uri=redirect_uri())
    url, state = session.create_authorization_url(p.authorize_url, code_verifier=verifier, login_hint=login_hint, **dict(p.extra))
    return url, {"provider": key, "state": state, "verifier": verifier}


def finish(pending: dict, callback_url: str) -> dict:
    """Exchange the callback's code (state checked, PKCE verifier sent) for tokens; 400 with the reason when refused."""
    from authlib.integrations.base_client import OAuthError
    from requests.exceptions import RequestException

    p = provider(pending["provider"])
    session = _session(p.key, scope=p.scope, redirect_uri=redirect_uri(), state=pending["state"])
    try:
        token = session.fetch_token(p.token_url, authorization_response=callback_url, code_verifier=pending["verifier"])
    except OAuthError as exc:
        raise ApiError(400, f"{p.title} did not give Onward access: {exc.description or exc.error}.") from exc
    except RequestException as exc:
        raise ApiError(502, f"{p.title} could not be reached to finish the sign-in ({exc.__class__.__name__}); try again.") from exc
    if not token.get("refresh_token"):
        raise ApiError(400, f"{p.title} gave no refresh token, so access would stop within the hour. Remove Onward from "
                            "your account's connected apps and sign in again.")
    return token


def expires_at(token: dict) -> datetime:
    """When a token answer's access token expires (``expires_at``, else now + ``expires_in``)."""
    if token.get("expires_at"):
        return datetime.fromtimestamp(int(token["expires_at"]), tz=utcnow().tzinfo)
    return utcnow() + timedelta(seconds=int(token.get("expires_in") or DEFAULT_LIFETIME))


def store_tokens(account: Account, key: str, access_token: str, expiry: datetime, refresh_token: str | None) -> None:
    """Keep the tokens on the account, encrypted; a new refresh token replaces the old (providers rotate them)."""
    account.auth = "xoauth2"
    account.oauth_provider = key
    account.secret = vault.encrypt(access_token)
    account.token_expires_at = expiry
    if refresh_token:
        account.refresh_token = vault.encrypt(refresh_token)
    account.last_error = None


def refresh_info(account: Account) -> dict | None:
    """What a worker needs to refresh the access token (the client secret it has from its own configuration)."""
    if account.auth != "xoauth2" or not account.oauth_provider or not account.refresh_token:
        return None
    p = provider(account.oauth_provider)
    return {"provider": p.key, "token_url": p.token_url, "client_id": client_id(p.key),
            "refresh_token": vault.decrypt(account.refresh_token),
            "expires_at": account.token_expires_at.isoformat() if account.token_expires_at else None}
