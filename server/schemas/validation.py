"""Validation against the schemas: timestamps (RFC 3339), the reasons a value does not match,
short enough to read, and the API error a view raises for them."""

import re
from datetime import UTC, datetime
from functools import cache

from jsonschema import Draft202012Validator, FormatChecker

from server.errors import ApiError
from server.schemas import requests, responses
from worker.contract import EARLIEST_DATE, LATEST_DATE

_RFC3339 = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def parse_datetime(text: str) -> datetime:
    """An RFC 3339 timestamp as an aware UTC datetime; a leap second reads as :59. Raises ValueError
    for anything else, and for a year outside ``EARLIEST_DATE`` .. ``LATEST_DATE`` (as written: the
    OpenAPI document's pattern says the same): a date that enters bounded never overflows in the weeks,
    reminders and windows computed from it."""
    m = _RFC3339.match(text)
    if not m:
        raise ValueError(f"not an RFC 3339 date-time: {text!r}")
    year, month, day, hour, minute, second, fraction, zone = m.groups()
    fraction = (fraction or "")[:7]
    normal = f"{year}-{month}-{day}T{hour}:{minute}:{min(int(second), 59):02d}{fraction}{'+00:00' if zone in 'Zz' else zone}"
    if not EARLIEST_DATE.year <= int(year) < LATEST_DATE.year:  # as written, the schema's pattern says the same
        raise ValueError(f"dates must lie in {EARLIEST_DATE.year}..{LATEST_DATE.year - 1}")
    return datetime.fromisoformat(normal).astimezone(UTC)


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
    """What is wrong with ``data`` against the schema called ``name`` (see ``schema``). A reason never
    repeats a secret (a property marked ``writeOnly``: an IMAP password, a pairing code), nor any value
    that holds one: such reasons say what is wrong without the value."""
    errors = sorted(_validator(name).iter_errors(data), key=lambda e: list(e.absolute_path))
    dated = {tuple(e.absolute_path) for e in errors if e.validator == "format"}
    errors = [e for e in errors if not (e.validator == "pattern" and tuple(e.absolute_path) in dated)]  # the format says it better
    secrets = _secret_paths(schema(name), data)
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: "
            f"{_without_value(e) if _holds_secret(tuple(e.absolute_path), secrets) else _message(e)}" for e in errors]


def _secret_paths(spec: dict, data, path: tuple = ()) -> list[tuple]:
    """Where ``data`` holds a value of a ``writeOnly`` property of ``spec`` (following properties and items)."""
    if not isinstance(spec, dict):
        return []
    if spec.get("writeOnly"):
        return [path]
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in spec.get("properties", {}):
                found += _secret_paths(spec["properties"][key], value, (*path, key))
    elif isinstance(data, list) and isinstance(spec.get("items"), dict):
        for index, value in enumerate(data):
            found += _secret_paths(spec["items"], value, (*path, index))
    return found


def _holds_secret(path: tuple, secrets: list[tuple]) -> bool:
    """Whether the value at ``path`` is a secret or contains one."""
    return any(secret[:len(path)] == path for secret in secrets)


def _without_value(error) -> str:
    """The reason of an error about a value that holds a secret, in words that do not repeat the value."""
    rule, wanted = error.validator, error.validator_value
    if rule in ("required", "additionalProperties"):
        return error.message  # these name properties, never values
    if rule in ("minProperties", "maxProperties"):
        return f"needs {'at least' if rule == 'minProperties' else 'at most'} {wanted} properties"
    if rule == "maxLength":
        return f"is longer than {wanted} characters"
    if rule == "minLength":
        return f"is shorter than {wanted} character{'s' if wanted != 1 else ''}"
    if rule == "type":
        return f"is not of type {wanted if isinstance(wanted, str) else ' or '.join(wanted)}"
    if rule == "anyOf" and isinstance(error.schema, dict) and "x-anyOf-message" in error.schema:
        return error.schema["x-anyOf-message"]
    if rule == "pattern":
        return f"does not match the pattern {wanted!r}"
    return f"does not match the rule {rule!r} of the schema (the value is not repeated)"


def _message(error) -> str:
    """jsonschema's message, short: an unmatched anyOf says what it wanted instead of echoing the data."""
    if error.validator == "anyOf" and isinstance(error.schema, dict) and "x-anyOf-message" in error.schema:
        return error.schema["x-anyOf-message"]
    if error.validator == "format" and isinstance(error.cause, ValueError) and str(error.cause).startswith("dates must"):
        return f"{str(error.instance)[:40]!r}: {error.cause}"
    if error.validator == "enum" and len(error.validator_value) > 20:
        return f"{str(error.instance)[:60]!r} is not one of the {len(error.validator_value)} accepted values (see the OpenAPI document)"
    return error.message if len(error.message) <= 300 else error.message[:299] + "…"


def check(name: str, data, status: int = 422) -> None:
    """Raise ApiError (422 for a body, 400 for a query string) when ``data`` is not valid."""
    reasons = problems(name, data)
    if reasons:
        raise ApiError(status, "The request does not match its schema.", details=reasons)
