"""Defaults of the service. Each can be overridden by an ``ONWARD_``-prefixed environment
variable (``ONWARD_GHOSTED_DAYS=45``; values are parsed as JSON when they can be) or by the
test configuration passed to ``create_app``."""

from worker.networks import allow_setting, allowed_networks

DATABASE_URL: str | None = None
"""SQLAlchemy URL of the database; None means SQLite in the instance folder (``instance/onward.db``).
PostgreSQL: ``postgresql+psycopg://user@host/dbname``."""

SECRET_KEY_FERNET: str | None = None
"""Fernet key that encrypts IMAP passwords and tokens at rest (``ONWARD_SECRET_KEY_FERNET``); needed
only once an account is stored."""

SECRET_KEY: str | None = None
"""Signs the dashboard's session cookie (``ONWARD_SECRET_KEY``). When unset, one is made on first
start and kept in the instance folder (``instance/secret_key``, mode 0600), so sign-ins survive restarts."""

SESSION_COOKIE_SAMESITE: str = "Lax"
"""The dashboard's session cookie is not sent with cross-site posts (it is HttpOnly, Flask's default)."""

SESSION_COOKIE_SECURE: bool = False
"""Mark the session cookie ``Secure`` on every answer. Without it the cookie is ``Secure`` whenever the
request came over HTTPS (directly, or as reported by a trusted proxy: ``TRUSTED_PROXIES``)."""

TRUSTED_PROXIES: int = 0
"""How many reverse proxies stand in front of the server (``ONWARD_TRUSTED_PROXIES=1`` behind one
nginx or Caddy). Only then are ``X-Forwarded-For`` and ``X-Forwarded-Proto`` believed, and only the
entries those proxies added: the client address the rate limits count and the scheme that makes the
session cookie ``Secure``. 0 (the default) believes no such header, so no client can pose as another."""

REDIS_URL: str | None = None
"""When set, rate-limit counters live in Redis and are shared by every server process."""

CORS_ORIGINS: str = ""
"""Comma-separated browser-extension origins allowed to call the API
(``chrome-extension://<id>``, ``moz-extension://<uuid>``); every other origin gets no CORS headers."""

RATELIMIT_PER_MINUTE: int = 300
"""Requests per minute on /api for one valid token, wherever it is used from; and for one client
address, for its requests without a valid token (none, made up or revoked)."""

FLEET_RATELIMIT_PER_MINUTE: int = 100_000
"""Requests per minute for one fleet token (``onw_f_``), shared by every worker of a deployment: each
account's sync makes about six calls, so this must cover a whole round of every account in a minute."""

PAIR_RATELIMIT_PER_MINUTE: int = 10
"""Attempts per minute from one client address at ``POST /api/v1/pair`` and at the dashboard's sign-in
(with a pairing code, or a token that does not work): 8-character codes must not be guessable."""

PAIRING_CODE_MINUTES: int = 10
"""How long a pairing code can be exchanged for a token."""

GHOSTED_DAYS: int = 30
"""An open application with no contact for this many days is marked ``ghosted``."""

MAX_BATCH: int = 500
"""Most messages accepted in one ``POST /api/v1/messages``; more is 413."""

MAX_CONTENT_LENGTH: int = 4 * 1024 * 1024
"""Largest request body in bytes (Flask's own setting); a full batch of 500 stays well below it."""

TOKEN_TOUCH_SECONDS: int = 60
"""A token's last use is written at most this often, so reads do not turn into writes."""


SMTP_HOST: str | None = None
"""The SMTP server weekly digests go out through; None turns digests off."""

SMTP_PORT: int = 587

SMTP_SECURITY: str = "starttls"
"""``starttls`` (port 587), ``ssl`` (implicit TLS, port 465) or ``none`` (a relay on loopback)."""

SMTP_USERNAME: str | None = None
SMTP_PASSWORD: str | None = None

DIGEST_FROM: str = "Onward <onward@localhost>"
"""The From of the weekly digest."""

PUBLIC_URL: str = "http://127.0.0.1:5000"
"""Where users reach this server: the digest's links (dashboard, opt-out) start with it."""
IMAP_CA_FILE: str | None = None
"""A CA certificate file the Mailboxes page's connection test trusts besides the system's (a self-hosted server)."""

IMAP_TESTS_PER_MINUTE: int = 10
"""Connection tests one user may run per minute: each one reaches out to a host the user chose."""

IMAP_TEST_SECONDS: float = 30
"""Most seconds one connection test may take, whatever the server sends meanwhile (the per-read timeout
restarts with every byte, so a server trickling one would otherwise hold a server process for good)."""

IMAP_ALLOW_NETWORKS: str | None = None
"""Non-public networks (comma-separated CIDR blocks, ``loopback``, ``private``) where the connection test
may reach a mail server; every other private, loopback, link-local or reserved address is refused. The
worker's setting of the same name (``ONWARD_IMAP_ALLOW_NETWORKS``), with its default rule: None means
``loopback`` without ``REDIS_URL`` (one person's machine) and nothing with it (a deployment)."""

UPLOAD_DIR: str | None = None
"""Where uploads from the dashboard wait until a worker has read them; None means ``instance/uploads``."""

UPLOAD_MAX_BYTES: int = 2 * 1024 * 1024 * 1024
"""Largest file the dashboard takes (a Google Takeout mbox of years of mail is a few GB: split it or raise this)."""

OAUTH_GOOGLE_CLIENT_ID: str | None = None
"""The deployment's own OAuth2 client for Gmail (Google Cloud console, "Desktop app" or "Web application"
with the redirect URI ``PUBLIC_URL/mailboxes/oauth/callback``); unset hides "Sign in with Google"."""

OAUTH_GOOGLE_CLIENT_SECRET: str | None = None

OAUTH_MICROSOFT_CLIENT_ID: str | None = None
"""The deployment's own app registration for Outlook / Microsoft 365 (Entra ID, permission IMAP.AccessAsUser.All)."""

OAUTH_MICROSOFT_CLIENT_SECRET: str | None = None

OAUTH_ENDPOINTS: dict = {}
"""Per provider, replacements for its ``authorize_url`` and ``token_url`` (a Microsoft tenant, or a test's
own authorization server): ``{"google": {"authorize_url": "...", "token_url": "..."}}``."""


def trusted_proxies(value) -> int:
    """``TRUSTED_PROXIES`` as a count, or a ValueError naming the setting (a server must not start
    believing forwarded headers it was not told to believe)."""
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).strip().isdigit():
        raise ValueError(f"ONWARD_TRUSTED_PROXIES must be the number of reverse proxies in front of the server "
                         f"(0, 1, 2…), not {value!r}")
    return int(value)


def imap_networks(settings) -> tuple:
    """The networks ``IMAP_ALLOW_NETWORKS`` allows under the worker's default rule, or a ValueError naming
    the setting (``create_app`` calls it, so a mistyped block stops the server from starting)."""
    value = settings.get("IMAP_ALLOW_NETWORKS")
    if value is not None and not isinstance(value, str | list | tuple):
        value = str(value)  # Flask reads ONWARD_* as JSON when it can: "10" arrives as a number
    return allowed_networks(allow_setting(value, settings.get("REDIS_URL")))


def defaults() -> dict:
    """The constants above, as a Flask config mapping."""
    return {name: value for name, value in globals().items() if name.isupper()}
