"""The app's JSON parser: standard JSON only, and not too deep. Python's parser accepts ``NaN``,
``Infinity`` and ``1e999`` (a float that is infinite), which no schema range refuses and no database
stores; and a body nested hundreds of levels deep exhausts the stack of whatever walks it next
(cleaning, validation). Both are refused here, before any view sees the body, with a 400 that says why."""

import math

from flask.json.provider import DefaultJSONProvider

from server.errors import ApiError

MAX_DEPTH = 32
"""Deepest nesting of arrays and objects a request body may have; the API's deepest body needs 4."""


def _refuse_constant(name: str):
    raise ApiError(400, f"The body is not standard JSON: {name} is not a number JSON allows.")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ApiError(400, f"The body holds a number too large to store: {text[:40]}.")
    return value


def _too_deep() -> ApiError:
    return ApiError(400, f"The body is nested too deeply: at most {MAX_DEPTH} levels of arrays and objects.")


def depth_ok(value) -> bool:
    """Whether ``value`` nests at most ``MAX_DEPTH`` containers deep (walked without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                return False
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return True


class StrictJSONProvider(DefaultJSONProvider):
    """Flask's JSON with strict parsing (see the module): ``request.get_json`` raises ApiError 400."""

    def loads(self, s, **kwargs):
        try:
            value = super().loads(s, parse_constant=_refuse_constant, parse_float=_finite, **kwargs)
        except RecursionError:
            raise _too_deep() from None
        if not depth_ok(value):
            raise _too_deep()
        return value
