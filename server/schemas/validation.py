"""Validation against the schemas: timestamps (RFC 3339), the reasons a value does not match,
short enough to read, and the API error a view raises for them."""

import re
from datetime import UTC, datetime
from functools import cache

from jsonschema import Draft202012Validator, FormatChecker

from server.errors import ApiError
from server.schemas import requests, responses

_RFC3339 = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_CLAMP = (datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC))


def parse_datetime(text: str) -> datetime:
    """An RFC 3339 timestamp as an aware UTC datetime; a leap second reads as :59 and a time
    beyond the calendar is clamped to its end. Raises ValueError for anything else."""
    m = _RFC3339.match(text)
    if not m:
        raise ValueError(f"not an RFC 3339 date-time: {text!r}")
    year, month, day, hour, minute, second, fraction, zone = m.groups()
    fraction = (fraction or "")[:7]
    normal = f"{year}-{month}-{day}T{hour}:{minute}:{min(int(second), 59):02d}{fraction}{'+00:00' if zone in 'Zz' else zone}"
    value = datetime.fromisoformat(normal)
    try:
        return value.astimezone(UTC)
    except OverflowError:
        return _CLAMP[0] if value.year < 5000 else _CLAMP[1]


_formats = FormatChecker(formats=())


@_formats.checks("date-time", raises=ValueError)
def _is_datetime(value) -> bool:
    if isinstance(value, str):
        parse_datetime(value)
    return True


def schema(name: str) -> dict:
    """The request or response schema called ``name`` (a constant of ``requests`` or ``responses``)."""
    for module in (requests, responses):
        found = getattr(module, name, None)
        if isinstance(found, dict):
            return found
    raise KeyError(f"no schema called {name}")


def documented() -> dict[str, dict]:
    """Every titled schema by its title, requests first, as the OpenAPI document lists them."""
    return {v["title"]: v for module in (requests, responses) for v in vars(module).values() if isinstance(v, dict) and "title" in v}


@cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name), format_checker=_formats)


def problems(name: str, data) -> list[str]:
    """What is wrong with ``data`` against the schema called ``name`` (see ``schema``)."""
    errors = sorted(_validator(name).iter_errors(data), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {_message(e)}" for e in errors]


def _message(error) -> str:
    """jsonschema's message, short: an unmatched anyOf says what it wanted instead of echoing the data."""
    if error.validator == "anyOf" and isinstance(error.schema, dict) and "x-anyOf-message" in error.schema:
        return error.schema["x-anyOf-message"]
    if error.validator == "enum" and len(error.validator_value) > 20:
        return f"{str(error.instance)[:60]!r} is not one of the {len(error.validator_value)} accepted values (see the OpenAPI document)"
    return error.message if len(error.message) <= 300 else error.message[:299] + "…"


def check(name: str, data, status: int = 422) -> None:
    """Raise ApiError (422 for a body, 400 for a query string) when ``data`` is not valid."""
    reasons = problems(name, data)
    if reasons:
        raise ApiError(status, "The request does not match its schema.", details=reasons)
