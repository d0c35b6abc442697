"""IMAP accounts: a user adds, lists, edits and removes them (``/api/v1/accounts``); a worker
reads the credentials, records where it stands in each folder, stores what it found and reports
how a sync went. Secrets are encrypted at rest and never returned to a user.

A worker's service token reaches its own user's accounts; a fleet token reaches every account
and, in each account-scoped call, acts for the account's owner (``worker_account``)."""

import ipaddress
import re

from flask import Blueprint, g
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from server import schemas, vault
from server.api import body, owned
from server.api.messages import ingest_batch
from server.auth import require_any, require_user, require_worker
from server.db import db_session
from server.errors import ApiError
from server.models import Account, FolderState, utcnow
from server.schemas import LOOPBACK, parse_datetime

bp = Blueprint("accounts", __name__, url_prefix="/api/v1")

DEFAULT_PORTS = {"ssl": 993, "starttls": 143, "plain": 143}
"""The port used when none is given, per TLS mode."""


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses, where plaintext IMAP cannot be overheard."""
    if re.fullmatch(LOOPBACK, host.lower()):
        return True
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def account_dict(a: Account) -> dict:
    return {"id": a.id, "name": a.name, "host": a.host, "port": a.port, "tls": a.tls, "insecure": a.insecure,
            "username": a.username, "auth": a.auth, "folders": list(a.folders), "created_at": a.created_at.isoformat(),
            "last_sync_at": a.last_sync_at.isoformat() if a.last_sync_at else None,
            "messages_seen": a.messages_seen, "last_error": a.last_error}


def state_dict(s: FolderState) -> dict:
    return {"folder": s.folder, "uidvalidity": s.uidvalidity, "last_uid": s.last_uid,
            "highestmodseq": s.highestmodseq, "updated_at": s.updated_at.isoformat()}


def _check_plain(a: Account) -> None:
    if a.tls == "plain" and not a.insecure and not is_loopback(a.host):
        raise ApiError(422, "Plaintext IMAP is only allowed for a loopback host; use tls ssl or starttls, "
                            "or set insecure: true if you accept that the password crosses the network in clear.")


def _commit_unique(session) -> None:
    try:
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise ApiError(409, "You already have an account with this host and username.") from exc


def new_account(user_id: int, data: dict) -> Account:
    """An Account from a valid AccountCreate body, its secret encrypted (shared with ``onward account add``)."""
    tls = data.get("tls", "ssl")
    account = Account(user_id=user_id, host=data["host"].lower(), port=int(data.get("port", DEFAULT_PORTS[tls])), tls=tls,
                      insecure=data.get("insecure", False), username=data["username"], auth=data.get("auth", "password"),
                      folders=data.get("folders", ["INBOX"]), messages_seen=0)
    _check_plain(account)
    account.secret = vault.encrypt(data["secret"])
    return account


@bp.post("/accounts")
@require_user
def create():
    account = new_account(g.user_id, body("ACCOUNT_CREATE"))
    session = db_session()
    session.add(account)
    _commit_unique(session)
    return account_dict(account), 201


@bp.get("/accounts")
@require_any
def list_accounts():
    """The caller's accounts (a service token's user's, to schedule one sync each); for a fleet token every user's."""
    query = select(Account).order_by(Account.id)
    if g.token.kind != "fleet":
        query = query.where(Account.user_id == g.user_id)
    return {"items": [account_dict(a) for a in db_session().scalars(query)]}


def worker_account(account_id: int) -> Account:
    """The account a worker may work on: for a service token only its user's (404 otherwise); for a
    fleet token any, and from here on the request acts for the account's owner."""
    if g.token.kind != "fleet":
        return owned(Account, account_id)
    account = db_session().get(Account, account_id) if 0 < account_id <= schemas.MAX_ID else None
    if account is None:
        raise ApiError(404, "No such account.")
    g.user_id = account.user_id
    return account


@bp.get("/accounts/<int:account_id>")
@require_user
def get_account(account_id: int):
    return account_dict(owned(Account, account_id))


@bp.patch("/accounts/<int:account_id>")
@require_user
def edit(account_id: int):
    """Change the connection, the secret or the folders; a new secret or server clears the last error."""
    data = body("ACCOUNT_PATCH")
    account = owned(Account, account_id)
    for field in ("host", "port", "tls", "insecure", "username", "auth", "folders"):
        if field in data:
            value = data[field]
            setattr(account, field, value.lower() if field == "host" else int(value) if field == "port" else value)
    _check_plain(account)
    if "secret" in data:
        account.secret = vault.encrypt(data["secret"])
    if data.keys() & {"host", "port", "tls", "insecure", "username", "auth", "secret"}:
        account.last_error = None
    _commit_unique(db_session())
    return account_dict(account)


@bp.delete("/accounts/<int:account_id>")
@require_user
def delete(account_id: int):
    session = db_session()
    session.delete(owned(Account, account_id))
    session.commit()
    return "", 204


@bp.get("/accounts/<int:account_id>/credentials")
@require_worker
def credentials(account_id: int):
    """Everything a worker needs to read this account, the secret decrypted."""
    account = worker_account(account_id)
    states = db_session().scalars(select(FolderState).where(FolderState.account_id == account.id).order_by(FolderState.folder))
    return {**{k: v for k, v in account_dict(account).items() if k not in ("created_at", "last_sync_at", "last_error")},
            "secret": vault.decrypt(account.secret), "states": [state_dict(s) for s in states]}


@bp.put("/accounts/<int:account_id>/folders/<path:folder>/state")
@require_worker
def put_state(account_id: int, folder: str):
    """Record where the worker stands in a folder (only past messages the server acknowledged)."""
    data = body("FOLDER_STATE_IN")
    account = worker_account(account_id)
    if not folder or len(folder) > 500:
        raise ApiError(404, "No such folder.")
    session = db_session()
    state = session.scalar(select(FolderState).where(FolderState.account_id == account.id, FolderState.folder == folder))
    if state is None:
        state = FolderState(account_id=account.id, folder=folder)
        session.add(state)
    state.uidvalidity, state.last_uid = data["uidvalidity"], data["last_uid"]
    state.highestmodseq = data.get("highestmodseq")
    state.updated_at = utcnow()
    session.commit()
    return state_dict(state)


@bp.post("/accounts/<int:account_id>/report")
@require_worker
def report(account_id: int):
    """A worker says how a sync went: when, how many messages it read, and any error in plain words."""
    data = body("SYNC_REPORT")
    account = worker_account(account_id)
    if "last_sync_at" in data:
        account.last_sync_at = parse_datetime(data["last_sync_at"])
    if "messages_seen" in data:
        account.messages_seen = data["messages_seen"]
    if "last_error" in data:
        account.last_error = data["last_error"]
    db_session().commit()
    return account_dict(account)


@bp.post("/accounts/<int:account_id>/messages")
@require_worker
def ingest(account_id: int):
    """Store a batch a worker found in this account, for the account's owner (``POST /messages`` has
    no account, so a fleet token cannot use it)."""
    worker_account(account_id)
    return ingest_batch()
