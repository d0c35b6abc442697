"""The JSON Schemas of the API (``jsonschema``, draft 2020-12): request bodies and query strings
are validated with them and the OpenAPI document (``server/api/openapi.py``) is generated from
them, so the contract and the checks cannot drift apart.

- ``requests``: what the API accepts; ``responses``: what it answers;
- ``common``: what both share (ids, labels, stages, statuses; the contract with the worker
  comes from ``worker/contract.py``);
- ``validation``: finding a schema by name, checking a value against it, parsing timestamps.
"""

from server.schemas.common import MAX_ID, MAX_UID
from server.schemas.requests import LOOPBACK, REFLECTION_MAX, TIME_ZONES
from server.schemas.validation import check, documented, parse_datetime, problems, schema

__all__ = ["LOOPBACK", "MAX_ID", "MAX_UID", "REFLECTION_MAX", "TIME_ZONES", "check", "documented", "parse_datetime",
           "problems", "schema"]
