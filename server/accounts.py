"""IMAP accounts: making one from a valid ``AccountCreate`` body (the API and ``onward account
add`` alike), the rule that keeps plaintext IMAP on loopback, and saving without duplicates."""

import ipaddress
import re

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server import vault
from server.errors import ApiError
from server.models import Account
from server.schemas import LOOPBACK

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


def check_plain(a: Account) -> None:
    """422 for plaintext IMAP to a host that is not loopback, unless the user accepted it (``insecure``)."""
    if a.tls == "plain" and not a.insecure and not is_loopback(a.host):
        raise ApiError(422, "Plaintext IMAP is only allowed for a loopback host; use tls ssl or starttls, "
                            "or set insecure: true if you accept that the password crosses the network in clear.")


def commit_unique(session: Session) -> None:
    """Commit; 409 when the user already has an account with this host and username."""
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
    check_plain(account)
    account.secret = vault.encrypt(data["secret"])
    return account
