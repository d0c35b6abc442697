"""Defaults of the service. Each can be overridden by an ``ONWARD_``-prefixed environment
variable (``ONWARD_GHOSTED_DAYS=45``; values are parsed as JSON when they can be) or by the
test configuration passed to ``create_app``."""

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
"""The dashboard's session cookie is not sent with cross-site posts (it is HttpOnly, Flask's default).
Set ``ONWARD_SESSION_COOKIE_SECURE=true`` when the server is reached over HTTPS."""

REDIS_URL: str | None = None
"""When set, rate-limit counters live in Redis and are shared by every server process."""

CORS_ORIGINS: str = ""
"""Comma-separated browser-extension origins allowed to call the API
(``chrome-extension://<id>``, ``moz-extension://<uuid>``); every other origin gets no CORS headers."""

RATELIMIT_PER_MINUTE: int = 300
"""Requests per minute on /api for one token (or one IP address when no token is given)."""

FLEET_RATELIMIT_PER_MINUTE: int = 100_000
"""Requests per minute for one fleet token (``onw_f_``), shared by every worker of a deployment: each
account's sync makes about six calls, so this must cover a whole round of every account in a minute."""

PAIR_RATELIMIT_PER_MINUTE: int = 10
"""Attempts per minute at ``POST /api/v1/pair`` from one IP address: 8-character codes must not be guessable."""

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

def defaults() -> dict:
    """The constants above, as a Flask config mapping."""
    return {name: value for name, value in globals().items() if name.isupper()}
