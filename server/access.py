"""Which rows a request may reach: a user only their own; a worker its user's accounts, and a
fleet token any account, acting for its owner from then on."""

from flask import g

from server import schemas
from server.db import db_session
from server.errors import ApiError
from server.models import Account


def owned(model, row_id: int):
    """The caller's row with this id; 404 for a missing row and for another user's alike."""
    row = db_session().get(model, row_id) if 0 < row_id <= schemas.MAX_ID else None
    if row is None or row.user_id != g.user_id:
        raise ApiError(404, f"No such {model.__name__.lower()}.")
    return row


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
