"""The tables: users and their tokens, pairing codes, messages, applications and their status changes,
IMAP accounts and where a worker stands in each folder.

Every row that belongs to a person carries ``user_id``; every query filters on it."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    and_,
    case,
    true,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from worker.contract import EARLIEST_DATE, LATEST_DATE, SURE, needs_check

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Constraint names fixed here so migrations name them the same on SQLite and PostgreSQL."""


LAST_STORED_DAY = LATEST_DATE - timedelta(days=1)
"""The latest value a stored timestamp reads as (computed once: every value read is bounded by it)."""


class UTCDateTime(TypeDecorator):
    """A timestamp that goes in and comes out as an aware UTC datetime on both databases
    (SQLite keeps no zone, so values are converted to UTC before they are written). A value stored
    before dates were bounded at the API (year 1, year 9999) reads as the nearest bound, so no week,
    reminder or window computed from it leaves the calendar and that user's pages keep answering."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return EARLIEST_DATE if value < EARLIEST_DATE else LAST_STORED_DAY if value > LAST_STORED_DAY else value


def utcnow() -> datetime:
    return datetime.now(UTC)


POSSIBLE_REJECTION = "possible_rejection"
"""What a message counts as while it is "Please check": the classifier read a rejection below
``worker.contract.SURE`` and the user has not answered. It moves no application, counts in no
summary and gets no "X said no"; the user's answer (``user_label``) replaces it."""


def counted_label(label: str, user_label: str | None, confidence: float) -> str:
    """What a message counts as: the user's label when they gave one, ``POSSIBLE_REJECTION`` for an
    unanswered rejection below ``SURE``, else the classifier's label."""
    if user_label:
        return user_label
    return POSSIBLE_REJECTION if needs_check(label, confidence) else label


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC", server_default="UTC")
    """An IANA zone name: weeks and the digest's hour are the user's own."""
    digest_enabled: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    digest_weekday: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """ISO weekday the weekly digest goes out on (1 = Monday)."""
    digest_hour: Mapped[int] = mapped_column(Integer, default=8, server_default="8")
    display_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    """The name the user signs their drafts with (a feedback request); None until they give it."""
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    """The language of the dashboard and the digest (``server.translations.LANGUAGES``); None: the
    browser's on the dashboard, English in the digest."""


class Token(Base):
    """An API token. Only the sha256 of the secret is kept; ``kind`` is ``user`` or ``service``."""

    __tablename__ = "tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    client: Mapped[str | None] = mapped_column(String(16))
    """What holds the token when a pairing made it: ``browser`` (the extension, listed on the
    dashboard's Browsers page) or ``dashboard`` (a sign-in); None for tokens made by hand."""

    user: Mapped[User] = relationship(lazy="joined")


class PairingCode(Base):
    """A one-time code the extension exchanges for a user token; only its sha256 is kept."""

    __tablename__ = "pairing_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SigninLink(Base):
    """A one-time link that signs the dashboard in, asked for by a paired browser; only the sha256
    of its secret is kept, it works once and for two minutes, and it dies with the browser's token."""

    __tablename__ = "signin_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_id: Mapped[int] = mapped_column(ForeignKey("tokens.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    next_path: Mapped[str] = mapped_column(String(500), default="/")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Application(Base):
    """One job application: opened by a message or by the user, moved by later messages and corrections.

    ``origin`` is ``message`` or ``user``; an application the user created, edited or merged into
    is never dropped by the pipeline."""

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    company: Mapped[str] = mapped_column(String(200))
    company_key: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))
    role_key: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16))
    notes: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(16), default="message")
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    first_contact_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_contact_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        Index("ix_applications_user_company_key", "user_id", "company_key"),
        Index("ix_applications_user_last_contact_at", "user_id", "last_contact_at", "id"),
        Index("ix_applications_user_status", "user_id", "status"),
    )


class Message(Base):
    """What the worker found in one email: metadata and a snippet, never the body.

    ``label`` is the classifier's and is refreshed by a re-sync; ``user_label`` is the user's
    correction and wins. A rejection below ``SURE`` with no ``user_label`` is "Please check"
    (``effective_label`` is ``POSSIBLE_REJECTION``); ``check_source`` says who answered it
    (``user``, or ``memory``: the user's earlier answer for the same sender) and ``checked_at`` when. ``pinned`` means the user placed the message (split, merge, delete),
    so the pipeline no longer moves it."""

    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("user_id", "account", "folder", "uidvalidity", "uid"),
        UniqueConstraint("user_id", "message_id"),
        Index("ix_messages_user_date", "user_id", "date", "id"),
        Index("ix_messages_user_company_key_date", "user_id", "company_key", "date"),
        Index("ix_messages_user_sender_domain", "user_id", "sender_domain"),
        Index("ix_messages_application_id_date", "application_id", "date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    account: Mapped[str] = mapped_column(String(320))
    folder: Mapped[str | None] = mapped_column(String(500))
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    uid: Mapped[int | None] = mapped_column(BigInteger)
    message_id: Mapped[str | None] = mapped_column(String(998))
    from_name: Mapped[str] = mapped_column(String(300), default="")
    from_address: Mapped[str] = mapped_column(String(320), default="")
    sender_domain: Mapped[str] = mapped_column(String(255), default="")
    subject: Mapped[str] = mapped_column(String(998), default="")
    date: Mapped[datetime] = mapped_column(UTCDateTime)
    label: Mapped[str] = mapped_column(String(32))
    user_label: Mapped[str | None] = mapped_column(String(32))
    confidence: Mapped[float] = mapped_column(Float)
    stage: Mapped[str | None] = mapped_column(String(16))
    keeps_on_file: Mapped[bool | None] = mapped_column(Boolean)
    offers_feedback: Mapped[bool | None] = mapped_column(Boolean)
    company: Mapped[str | None] = mapped_column(String(200))
    company_key: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))
    ats: Mapped[str | None] = mapped_column(String(100))
    job_id: Mapped[str | None] = mapped_column(String(100))
    language: Mapped[str | None] = mapped_column(String(8))
    skill_area: Mapped[str | None] = mapped_column(String(100))
    snippet: Mapped[str] = mapped_column(String(300), default="")
    link: Mapped[str | None] = mapped_column(String(2048))
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id", ondelete="SET NULL"))
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    check_source: Mapped[str | None] = mapped_column(String(16))
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    @hybrid_property
    def effective_label(self) -> str:
        """What the message counts as (``counted_label``); in a query, the same as an SQL expression."""
        return counted_label(self.label, self.user_label, self.confidence)

    @effective_label.inplace.expression
    @classmethod
    def _effective_label_expression(cls):
        return case((cls.user_label.is_not(None), cls.user_label),
                    (and_(cls.label == "rejection", cls.confidence < SURE), POSSIBLE_REJECTION), else_=cls.label)


class StatusChange(Base):
    """One step in an application's history. ``source`` is ``message`` (caused by ``message_id``),
    ``ghosted`` (no contact for the configured days) or ``user`` (a correction, kept through every
    recomputation; the others are derived again from the messages)."""

    __tablename__ = "status_changes"
    __table_args__ = (Index("ix_status_changes_application_id_at", "application_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    source: Mapped[str] = mapped_column(String(16))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"))


class Account(Base):
    """An IMAP mailbox a worker reads for one user. ``secret`` is the password or OAuth2 access
    token, Fernet-encrypted (``server/vault.py``); the API never returns it to a user."""

    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("user_id", "host", "username"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    host: Mapped[str] = mapped_column(String(255))
    port: Mapped[int] = mapped_column(Integer)
    tls: Mapped[str] = mapped_column(String(16))
    insecure: Mapped[bool] = mapped_column(Boolean, default=False)
    username: Mapped[str] = mapped_column(String(320))
    auth: Mapped[str] = mapped_column(String(16))
    secret: Mapped[str] = mapped_column(Text)
    folders: Mapped[list] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    messages_seen: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    progress: Mapped[dict | None] = mapped_column(JSON)
    """The running sync's counts as the worker last reported them (``total``, ``read``, ``job_related``,
    ``skipped``, ``done``): the dashboard's progress bar, kept after a reload."""
    oauth_provider: Mapped[str | None] = mapped_column(String(32))
    """For ``auth == "xoauth2"`` made from the dashboard: which provider of ``server/oauth.py`` issued the tokens."""
    refresh_token: Mapped[str | None] = mapped_column(Text)
    """The OAuth2 refresh token, Fernet-encrypted like ``secret`` (which then holds the access token)."""
    token_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """When the access token in ``secret`` expires; the worker refreshes it before."""

    @property
    def name(self) -> str:
        """How messages from this account are labelled (the ``account`` field of a message)."""
        return f"imap:{self.username}" if "@" in self.username else f"imap:{self.username}@{self.host}"


class FolderState(Base):
    """Where a worker stands in one folder: the UIDVALIDITY it read under, the highest UID the
    server acknowledged, and HIGHESTMODSEQ when the server offers CONDSTORE."""

    __tablename__ = "folder_states"
    __table_args__ = (UniqueConstraint("account_id", "folder"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    folder: Mapped[str] = mapped_column(String(500))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    highestmodseq: Mapped[int | None] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Reflection(Base):
    """What the user wrote down after an outcome: what went well and what to change next time."""

    __tablename__ = "reflections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    went_well: Mapped[str] = mapped_column(Text, default="")
    to_change: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Digest(Base):
    """One weekly digest for one user and ISO week. The unique pair is the claim that keeps two
    schedulers, or a retried job, from sending the same week twice; ``status`` is ``sending`` or ``sent``."""

    __tablename__ = "digests"
    __table_args__ = (UniqueConstraint("user_id", "week"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    week: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16))
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SenderAnswer(Base):
    """The user's last answer to "Please check" for one sender address (and employer): the memory
    that answers the same sender's next check-tier message for them. One user's answers never
    reach another's rows."""

    __tablename__ = "sender_answers"
    __table_args__ = (UniqueConstraint("user_id", "address", "company_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    address: Mapped[str] = mapped_column(String(320))
    """The sender's address, lower case."""
    company_key: Mapped[str] = mapped_column(String(200), default="", server_default="")
    """The employer's key ("" when the message named none): a shared ATS address serves many employers."""
    label: Mapped[str] = mapped_column(String(32))
    """``rejection`` for "yes", else what the user said it was."""
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"))
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DashboardSession(Base):
    """A dashboard sign-in, kept on the server so that signing out ends it for good: the browser's
    signed cookie holds only a random session secret, of which only the sha256 is stored here. Deleting
    the row (sign-out) or the token (revocation) ends the session even for a copy of the old cookie."""

    __tablename__ = "dashboard_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_id: Mapped[int] = mapped_column(ForeignKey("tokens.id", ondelete="CASCADE"), index=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    own_token: Mapped[bool] = mapped_column(Boolean, default=False)
    """True when signing in made the token (from a pairing code): signing out then deletes the token too."""


class Upload(Base):
    """An mbox, Maildir archive or .eml file a user sent from the dashboard, kept in the spool folder
    until a worker has read it. ``status``: ``queued``, ``running``, ``done`` or ``failed``; the counts
    are what the worker last reported, so the page shows progress after a reload."""

    __tablename__ = "uploads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    """The name the browser gave, for the page only; the spool file is named by ``stored``."""
    kind: Mapped[str] = mapped_column(String(16))
    """``mbox``, ``eml``, ``zip`` or ``tar`` (a Maildir or folder of .eml files packed)."""
    stored: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    bytes_done: Mapped[int] = mapped_column(BigInteger, default=0)
    bytes_total: Mapped[int | None] = mapped_column(BigInteger)
    """What the worker will read in all (an archive's unpacked size); None until it says."""
    read: Mapped[int] = mapped_column(Integer, default=0)
    job_related: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    new: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """The worker's last report: a ``running`` upload silent for long is claimed again (its worker died)."""
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Correction(Base):
    """One hand correction (a message's label; an application's company, role, status or dates; a
    merge or a split), kept so that it can be listed and undone at any time. ``before`` and
    ``after`` are what the user changed, as the API shows it; ``state`` holds the rows the
    correction touched, before and after, which is what an undo restores."""

    __tablename__ = "corrections"
    __table_args__ = (Index("ix_corrections_user_id_created_at", "user_id", "created_at", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"))
    application_id: Mapped[int | None] = mapped_column(Integer)
    """Not a foreign key: a merge deletes an application that its undo brings back under the same id."""
    before: Mapped[dict] = mapped_column(JSON)
    after: Mapped[dict] = mapped_column(JSON)
    state: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
