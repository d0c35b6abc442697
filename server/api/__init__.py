"""The API's blueprints (one module per resource) and the helpers their views share:
reading a validated body or query string, and finding a row that belongs to the caller."""

import re

from flask import Blueprint, g, request

from server import schemas
from server.db import db_session
from server.errors import ApiError

_UNSAFE = re.compile("[\x00\ud800-\udfff]")
"""NUL and lone surrogates: valid JSON, but no database stores them."""


def clean(value):
    """The value with NUL characters and lone surrogates removed from every string."""
    if isinstance(value, str):
        return _UNSAFE.sub("", value)
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    return value


def body(schema: str) -> dict:
    """The request's JSON body, valid against ``schemas.<schema>`` (400 when not JSON, 422 when invalid)."""
    data = request.get_json(silent=True)
    if data is None:
        raise ApiError(400, "The body must be JSON (Content-Type: application/json).")
    data = clean(data)
    schemas.check(schema, data)
    return data


def query(schema: str) -> dict:
    """The query string as typed values, valid against ``schemas.<schema>`` (400 when not)."""
    props = getattr(schemas, schema)["properties"]
    args: dict = {}
    for name, value in request.args.items(multi=False):
        name, value = clean(name), clean(value)
        if name in props and props[name].get("type") == "integer" and re.fullmatch(r"-?\d{1,12}", value):
            value = int(value)
        args[name] = value
    schemas.check(schema, args, status=400)
    return args


def owned(model, row_id: int):
    """The caller's row with this id; 404 for a missing row and for another user's alike."""
    row = db_session().get(model, row_id) if 0 < row_id <= schemas.MAX_ID else None
    if row is None or row.user_id != g.user_id:
        raise ApiError(404, f"No such {model.__name__.lower()}.")
    return row


def blueprints() -> list[Blueprint]:
    from server.api import (
        accounts,
        advice,
        applications,
        classify,
        companies,
        digests,
        followups,
        health,
        me,
        messages,
        openapi,
        pairing,
        reflections,
        summary,
        tokens,
    )

    return [m.bp for m in (health, pairing, tokens, messages, applications, companies, classify, accounts, advice, reflections,
                           followups, summary, me, digests, openapi)]
