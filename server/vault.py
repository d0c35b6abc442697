"""IMAP passwords and OAuth2 tokens encrypted at rest with Fernet, under the key in
``ONWARD_SECRET_KEY_FERNET`` (config ``SECRET_KEY_FERNET``): a copy of the database alone
holds no usable secret. Generate a key with
``python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'``."""

from cryptography.fernet import Fernet, InvalidToken
from flask import current_app

from server.errors import ApiError

MISSING = ("ONWARD_SECRET_KEY_FERNET is not set, so the server cannot store or read IMAP passwords. "
           "Generate one with: python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'")
"""The message when the key is missing; it names the variable and how to make one."""


def _fernet() -> Fernet:
    key = current_app.config.get("SECRET_KEY_FERNET")
    if not key:
        raise ApiError(500, MISSING)
    try:
        return Fernet(key)
    except ValueError as exc:
        raise ApiError(500, "ONWARD_SECRET_KEY_FERNET is not a valid Fernet key (32 url-safe base64-encoded bytes).") from exc


def encrypt(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ApiError(500, "This account's secret was encrypted with another ONWARD_SECRET_KEY_FERNET; add the account again.") from exc
