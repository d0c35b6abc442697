"""Defaults of the service. Each can be overridden by an ``ONWARD_``-prefixed environment
variable (``ONWARD_GHOSTED_DAYS=45``; values are parsed as JSON when they can be) or by the
test configuration passed to ``create_app``."""

DATABASE_URL: str | None = None
"""SQLAlchemy URL of the database; None means SQLite in the instance folder (``instance/onward.db``).
PostgreSQL: ``postgresql+psycopg://user@host/dbname``."""

SECRET_KEY_FERNET: str | None = None
"""Fernet key that encrypts IMAP passwords and tokens at rest (``ONWARD_SECRET_KEY_FERNET``); needed
only once an account is stored."""

REDIS_URL: str | None = None
"""When set, rate-limit counters live in Redis and are shared by every server process."""

CORS_ORIGINS: str = ""
"""Comma-separated browser-extension origins allowed to call the API
(``chrome-extension://<id>``, ``moz-extension://<uuid>``); every other origin gets no CORS headers."""

RATELIMIT_PER_MINUTE: int = 300
"""Requests per minute on /api for one token (or one IP address when no token is given)."""

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


def defaults() -> dict:
    """The constants above, as a Flask config mapping."""
    return {name: value for name, value in globals().items() if name.isupper()}
