"""What the request and response schemas share: the id and UID ranges, the string builder, and
the enumerations taken from ``worker/contract.py`` (labels, stages) and ``server/pipeline.py``
(statuses)."""

from server.models import POSSIBLE_REJECTION
from server.pipeline import STATUSES
from worker.contract import LABELS, STAGES

MAX_ID = 2**31 - 1
"""Largest row id; larger ids in paths and bodies are simply not found."""

MAX_UID = 2**32 - 1
"""IMAP UIDs and UIDVALIDITY are unsigned 32-bit numbers."""


NOT_BLANK = "[^\\t\\n\\v\\f\\r \\u001c-\\u001f\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]"
"""A pattern for "holds something other than blanks": ``\\S`` spelled out as the union of what Python and
ECMAScript call a space (Python's has U+001C..U+001F and U+0085, ECMAScript's U+FEFF), so a client
generating from the OpenAPI document and the server validating agree."""


def string(max_length: int, min_length: int = 0, nullable: bool = False, **extra) -> dict:
    schema = {"type": ["string", "null"] if nullable else "string", "maxLength": max_length, **extra}
    if min_length:
        schema["minLength"] = min_length
        # Requests lose their NUL characters before validation (``server.inputs.clean``): a required text must
        # hold something else, or a valid-looking "\u0000" would become an empty, refused value.
        schema.setdefault("pattern", "[^\\u0000]")
    return schema


def nullable(schema: dict) -> dict:
    return {**schema, "type": [schema["type"], "null"], **({"enum": [*schema["enum"], None]} if "enum" in schema else {})}


DATE_TIME = {"type": "string", "format": "date-time", "maxLength": 40, "pattern": "^(?:19[7-9][0-9]|20[0-9][0-9])-",
             "description": "RFC 3339, in the years 1970 to 2099."}
ID = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
LABEL = {"type": "string", "enum": list(LABELS)}
COUNTED_LABEL = {"type": "string", "enum": [*LABELS, POSSIBLE_REJECTION],
                 "description": f"What the message counts as: the user's label, else the classifier's; '{POSSIBLE_REJECTION}' "
                                'for a rejection the classifier is not sure of and the user has not checked yet ("Please check").'}
STATUS = {"type": "string", "enum": list(STATUSES)}
LINK = string(2048, 1, nullable=True, pattern="^https?://[!-~\\u00a1-\\uffff]+$", description="An http(s) URL back to the message in webmail.")
STAGE = nullable({"type": "string", "enum": list(STAGES)})

TLS_MODES = ["ssl", "starttls", "plain"]
"""How a worker talks to the mail server: implicit TLS (port 993), STARTTLS (143), or plaintext
(only for a loopback host, or with ``insecure``)."""
