"""IMAP accounts: a user adds, lists, edits and removes them (``/api/v1/accounts``); a worker
reads the credentials, records where it stands in each folder, stores what it found and reports
how a sync went. Secrets are encrypted at rest and never returned to a user.

A worker's service token reaches its own user's accounts; a fleet token reaches every account
and, in each account-scoped call, acts for the account's owner (``worker_account``)."""

from flask import Blueprint, current_app, g
from sqlalchemy import select

from server import oauth, vault
from server.access import owned, worker_account
from server.accounts import check_plain, commit_unique, new_account
from server.auth import require_any, require_user, require_worker
from server.db import db_session
from server.errors import ApiError
from server.ingest import ingest_items
from server.inputs import body, message_batch
from server.models import Account, FolderState, utcnow
from server.schemas import parse_datetime
from server.serializers import account_dict, credentials_dict, state_dict

bp = Blueprint("accounts", __name__, url_prefix="/api/v1")


@bp.post("/accounts")
@require_user
def create():
    account = new_account(g.user_id, body("ACCOUNT_CREATE"))
    session = db_session()
    session.add(account)
    commit_unique(session)
    return account_dict(account), 201


@bp.get("/accounts")
@require_any
def list_accounts():
    """The caller's accounts (a service token's user's, to schedule one sync each); for a fleet token every user's."""
    query = select(Account).order_by(Account.id)
    if g.token.kind != "fleet":
        query = query.where(Account.user_id == g.user_id)
    return {"items": [account_dict(a) for a in db_session().scalars(query)]}


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
    check_plain(account)
    if "secret" in data:
        account.secret = vault.encrypt(data["secret"])
    if data.keys() & {"host", "port", "tls", "insecure", "username", "auth", "secret"}:
        account.last_error = None
    commit_unique(db_session())
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
    return credentials_dict(account, vault.decrypt(account.secret), list(states), oauth.refresh_info(account))


@bp.put("/accounts/<int:account_id>/oauth-token")
@require_worker
def put_oauth_token(account_id: int):
    """A worker refreshed the access token: keep the new one (and a rotated refresh token), encrypted."""
    data = body("OAUTH_TOKEN_IN")
    account = worker_account(account_id)
    if account.auth != "xoauth2" or not account.oauth_provider:
        raise ApiError(409, "This account does not sign in with OAuth2.")
    oauth.store_tokens(account, account.oauth_provider, data["access_token"], parse_datetime(data["expires_at"]),
                       data.get("refresh_token"))
    db_session().commit()
    return account_dict(account)


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
    if "progress" in data:
        account.progress = data["progress"]
    db_session().commit()
    return account_dict(account)


@bp.post("/accounts/<int:account_id>/messages")
@require_worker
def ingest(account_id: int):
    """Store a batch a worker found in this account, for the account's owner (``POST /messages`` has
    no account, so a fleet token cannot use it)."""
    worker_account(account_id)
    items = message_batch(current_app.config["MAX_BATCH"])
    return ingest_items(db_session(), g.user_id, items, current_app.config["GHOSTED_DAYS"])
