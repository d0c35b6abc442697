"""CORS for the browser extension only: the configured ``chrome-extension://`` and
``moz-extension://`` origins get Access-Control headers (and preflights are answered); any
other origin gets none, so web pages cannot read the API with a user's token."""

from flask import Flask, current_app, request

ALLOWED_HEADERS = "Authorization, Content-Type"
ALLOWED_METHODS = "GET, POST, PATCH, DELETE, OPTIONS"
MAX_AGE = "600"
"""Seconds a browser may cache a preflight answer."""


def origins(value) -> frozenset[str]:
    """The configured origins, from a comma-separated string or a list."""
    items = value.split(",") if isinstance(value, str) else (value or [])
    return frozenset(o.strip().rstrip("/") for o in items if o.strip())


def _headers(response):
    origin = request.headers.get("Origin")
    if origin and request.path.startswith("/api/") and origin in current_app.extensions["onward.cors"]:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = "Retry-After"
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
            response.headers["Access-Control-Max-Age"] = MAX_AGE
    response.vary.add("Origin")
    return response


def init_app(app: Flask) -> None:
    app.extensions["onward.cors"] = origins(app.config.get("CORS_ORIGINS"))
    app.after_request(_headers)
