"""One shape for every error the API answers: ``{"error": code, "message": text}``, plus
``details`` (a list of reasons) when there is more to say."""

import logging

from flask import Flask
from werkzeug.exceptions import HTTPException

log = logging.getLogger("onward.server")

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    417: "expectation_failed",
    422: "unprocessable",
    429: "rate_limited",
    431: "headers_too_large",
    500: "internal_error",
    501: "not_implemented",
    502: "bad_gateway",
}
"""The ``error`` field for each status."""


class ApiError(Exception):
    """Raised by views and helpers; the handler turns it into the JSON answer."""

    def __init__(self, status: int, message: str, details: list | None = None, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = details
        self.headers = headers or {}


def _body(status: int, message: str, details: list | None = None) -> dict:
    body = {"error": CODES.get(status, "error"), "message": message}
    if details:
        body["details"] = details
    return body


def _api_error(exc: ApiError):
    headers = dict(exc.headers)
    if exc.status == 401:
        headers.setdefault("WWW-Authenticate", "Bearer")
    return _body(exc.status, exc.message, exc.details), exc.status, headers


def _http_error(exc: HTTPException):
    status = exc.code or 500
    headers = {k: v for k, v in exc.get_headers() if k.lower() not in ("content-type", "content-length")}
    return _body(status, exc.description or exc.name), status, headers


def _unexpected(exc: Exception):
    log.exception("unexpected error")
    return _body(500, "Internal server error."), 500


def register(app: Flask) -> None:
    app.register_error_handler(ApiError, _api_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
