"""Reading a request: its JSON body or query string, cleaned of what no database stores and
valid against its schema (``server.schemas``), for the API's views and the dashboard's alike."""

import re

from flask import request

from server import schemas
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


def _json():
    data = request.get_json(silent=True)
    if data is None:
        raise ApiError(400, "The body must be JSON (Content-Type: application/json).")
    return data


def body(schema: str) -> dict:
    """The request's JSON body, valid against the schema called ``schema`` (400 when not JSON, 422 when invalid)."""
    data = clean(_json())
    schemas.check(schema, data)
    return data


def query(schema: str) -> dict:
    """The query string as typed values, valid against the schema called ``schema`` (400 when not)."""
    props = schemas.schema(schema)["properties"]
    args: dict = {}
    for name, value in request.args.items(multi=False):
        name, value = clean(name), clean(value)
        if name in props and props[name].get("type") == "integer" and re.fullmatch(r"-?\d{1,12}", value):
            value = int(value)
        args[name] = value
    schemas.check(schema, args, status=400)
    return args


def message_batch(limit: int) -> list:
    """The messages of the request's batch (400 not JSON, 413 more than ``limit``, 422 not a batch);
    each item is still to be checked on its own (``server.ingest``)."""
    data = _json()
    if isinstance(data, dict) and isinstance(data.get("messages"), list) and len(data["messages"]) > limit:
        raise ApiError(413, f"At most {limit} messages per request; send the rest in another batch.")
    data = clean(data)
    schemas.check("MESSAGE_BATCH", data)
    return data["messages"]
