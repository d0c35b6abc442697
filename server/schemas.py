"""The JSON Schemas of the API: request bodies and query strings are validated with them
(``jsonschema``, draft 2020-12) and the OpenAPI document (``server/api/openapi.py``) is
generated from them, so the contract and the checks cannot drift apart."""

import re
from datetime import UTC, datetime
from functools import cache
from zoneinfo import available_timezones

from jsonschema import Draft202012Validator, FormatChecker

from server.errors import ApiError
from server.pipeline import STATUSES

LABELS = ["rejection", "application_confirmation", "interview_invitation", "offer", "job_alert", "recruiter_outreach", "other"]
"""The worker's labels."""

STAGES = ["application", "assessment", "interview", "unknown"]
"""How far a rejected application had got."""

MAX_ID = 2**31 - 1
"""Largest row id; larger ids in paths and bodies are simply not found."""

MAX_UID = 2**32 - 1
"""IMAP UIDs and UIDVALIDITY are unsigned 32-bit numbers."""


def _str(max_length: int, min_length: int = 0, nullable: bool = False, **extra) -> dict:
    schema = {"type": ["string", "null"] if nullable else "string", "maxLength": max_length, **extra}
    if min_length:
        schema["minLength"] = min_length
    return schema


def _nullable(schema: dict) -> dict:
    return {**schema, "type": [schema["type"], "null"], **({"enum": [*schema["enum"], None]} if "enum" in schema else {})}


DATE_TIME = {"type": "string", "format": "date-time", "maxLength": 40}
ID = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
LABEL = {"type": "string", "enum": LABELS}
STATUS = {"type": "string", "enum": list(STATUSES)}
LINK = _str(2048, 1, nullable=True, pattern="^https?://[!-~\\u00a1-\\uffff]+$", description="An http(s) URL back to the message in webmail.")

MESSAGE_IN = {
    "title": "MessageIn",
    "description": "One classified message, as the worker (or `onward import`) sends it: metadata and a snippet, never the body. "
                   "It is identified by (account, folder, uidvalidity, uid) when it comes from IMAP and by message_id otherwise.",
    "type": "object",
    "required": ["account", "date", "label", "confidence"],
    "additionalProperties": False,
    "properties": {
        "account": _str(320, 1, description='Where it was read: "imap:robin@example.org", "import", "extension".'),
        "folder": _str(500, 1, nullable=True),
        "uidvalidity": {"type": ["integer", "null"], "minimum": 0, "maximum": MAX_UID},
        "uid": {"type": ["integer", "null"], "minimum": 1, "maximum": MAX_UID},
        "message_id": _str(998, 1, nullable=True),
        "from_name": _str(300),
        "from_address": _str(320),
        "subject": _str(998),
        "date": DATE_TIME,
        "label": LABEL,
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "stage": _nullable({"type": "string", "enum": STAGES}),
        "keeps_on_file": {"type": ["boolean", "null"]},
        "offers_feedback": {"type": ["boolean", "null"]},
        "company": _str(200, nullable=True),
        "role": _str(200, nullable=True),
        "ats": _str(100, nullable=True),
        "job_id": _str(100, nullable=True),
        "language": _str(8, nullable=True),
        "skill_area": _str(100, nullable=True, description='The skill an assessment rejection names ("SQL", "case study").'),
        "snippet": _str(300),
        "link": LINK,
        "source": _str(2000, description="Accepted from `onward classify --json` and not stored."),
        "reasons": {"type": "array", "maxItems": 100, "items": _str(2000), "description": "Accepted and not stored."},
        "defects": {"type": "array", "maxItems": 100, "items": _str(2000), "description": "Accepted and not stored."},
    },
    "x-anyOf-message": "a message needs a message_id, or a folder, uidvalidity and uid",
    "anyOf": [
        {"required": ["message_id"], "properties": {"message_id": {"type": "string"}}},
        {"required": ["folder", "uidvalidity", "uid"],
         "properties": {"folder": {"type": "string"}, "uidvalidity": {"type": "integer"}, "uid": {"type": "integer"}}},
    ],
}

MESSAGE_BATCH = {
    "title": "MessageBatch",
    "description": "Up to 500 messages (more is 413). Each item is checked against MessageIn on its own: invalid items are "
                   "listed in the answer with their reasons, the valid ones are kept.",
    "type": "object",
    "required": ["messages"],
    "additionalProperties": False,
    "properties": {"messages": {"type": "array", "maxItems": 500, "items": {"anyOf": [MESSAGE_IN, {"type": "object"}]}}},
}

MESSAGE_PATCH = {
    "title": "MessagePatch",
    "description": "A correction: the message's label (\"this is not a rejection\") and/or the application it belongs to "
                   "(null: none). Corrections survive later re-syncs of the same message.",
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {"label": LABEL, "application_id": {"type": ["integer", "null"], "minimum": 1, "maximum": MAX_ID}},
}

COMPANY_NAME = _str(200, 1, pattern="[0-9A-Za-z\\u00aa-\\uffff]",
                    description="The employer: at least one ASCII letter or digit, or any character beyond ASCII.")
"""The pattern reads the same in JSON Schema's regex dialect and in Python's (``\\w`` does not)."""

APPLICATION_CREATE = {
    "title": "ApplicationCreate",
    "type": "object",
    "required": ["company"],
    "additionalProperties": False,
    "properties": {
        "company": COMPANY_NAME,
        "role": _str(200, nullable=True),
        "status": STATUS,
        "notes": _str(10000),
        "applied_at": DATE_TIME,
    },
}

APPLICATION_PATCH = {
    "title": "ApplicationPatch",
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {
        "company": COMPANY_NAME,
        "role": _str(200, nullable=True),
        "status": STATUS,
        "notes": _str(10000),
    },
}

MERGE = {
    "title": "Merge",
    "description": "Moves the other application's messages and history into this one, then deletes the other.",
    "type": "object",
    "required": ["other_id"],
    "additionalProperties": False,
    "properties": {"other_id": ID},
}

SPLIT = {
    "title": "Split",
    "description": "Moves the chosen messages of this application into a new one.",
    "type": "object",
    "required": ["message_ids"],
    "additionalProperties": False,
    "properties": {
        "message_ids": {"type": "array", "minItems": 1, "maxItems": 500, "uniqueItems": True, "items": ID},
        "role": _str(200, nullable=True),
    },
}

PAIR = {
    "title": "Pair",
    "type": "object",
    "required": ["code"],
    "additionalProperties": False,
    "properties": {"code": _str(32, 1), "name": _str(100, 1)},
}

CLASSIFY = {
    "title": "ClassifyRequest",
    "description": "What the extension reads from an open email. Nothing is stored unless `track` is true.",
    "type": "object",
    "required": ["text"],
    "additionalProperties": False,
    "properties": {
        "subject": _str(998),
        "from_name": _str(300),
        "from_address": _str(320),
        "text": _str(200_000),
        "date": DATE_TIME,
        "message_id": _str(998, 1),
        "link": LINK,
        "track": {"type": "boolean"},
    },
}

TLS_MODES = ["ssl", "starttls", "plain"]
"""How a worker talks to the mail server: implicit TLS (port 993), STARTTLS (143), or plaintext
(only for a loopback host, or with ``insecure``)."""

LOOPBACK = "^(localhost|[a-z0-9.-]*\\.localhost|127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}|::1|\\[::1\\])$"
"""Hosts where plaintext IMAP never leaves the machine."""

HOST = _str(255, 1, pattern="^[A-Za-z0-9._:\\[\\]-]+$", description="Host name or IP address of the IMAP server.")
FOLDERS = {"type": "array", "minItems": 1, "maxItems": 50, "uniqueItems": True, "items": _str(500, 1, pattern="^[^\\x00-\\x1f]+$"),
           "description": 'Folders to read; default ["INBOX"] (Gmail: "[Gmail]/All Mail").'}

ACCOUNT_CREATE = {
    "title": "AccountCreate",
    "description": "An IMAP mailbox to read. The secret (password, or OAuth2 access token with auth xoauth2) is stored "
                   "encrypted and never returned.",
    "type": "object",
    "required": ["host", "username", "secret"],
    "additionalProperties": False,
    "properties": {
        "host": HOST,
        "port": {"type": "integer", "minimum": 1, "maximum": 65535, "description": "Default 993 (ssl) or 143."},
        "tls": {"type": "string", "enum": TLS_MODES, "default": "ssl"},
        "insecure": {"type": "boolean", "description": "Allow tls plain for a host that is not loopback."},
        "username": _str(320, 1),
        "auth": {"type": "string", "enum": ["password", "xoauth2"], "default": "password"},
        "secret": _str(8192, 1),
        "folders": FOLDERS,
    },
    "if": {"required": ["tls"], "properties": {"tls": {"const": "plain"}}},
    "then": {
        "x-anyOf-message": "tls plain is only allowed for a loopback host (localhost, 127.0.0.1, ::1) or with insecure: true",
        "anyOf": [{"required": ["insecure"], "properties": {"insecure": {"const": True}}},
                  {"properties": {"host": {"pattern": LOOPBACK}}}],
    },
}

ACCOUNT_PATCH = {
    "title": "AccountPatch",
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {k: ACCOUNT_CREATE["properties"][k] for k in ("host", "port", "tls", "insecure", "username", "auth", "secret", "folders")},
}

FOLDER_STATE_IN = {
    "title": "FolderStateIn",
    "description": "Where a worker stands in a folder: set only past messages the server acknowledged.",
    "type": "object",
    "required": ["uidvalidity", "last_uid"],
    "additionalProperties": False,
    "properties": {
        "uidvalidity": {"type": "integer", "minimum": 0, "maximum": MAX_UID},
        "last_uid": {"type": "integer", "minimum": 0, "maximum": MAX_UID},
        "highestmodseq": {"type": ["integer", "null"], "minimum": 0, "maximum": 2**63 - 1},
    },
}

SYNC_REPORT = {
    "title": "SyncReport",
    "description": "A worker's account of a sync: when it ended, how many messages it read, and the error in plain "
                   "words (null when it went well).",
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {
        "last_sync_at": DATE_TIME,
        "messages_seen": {"type": "integer", "minimum": 0, "maximum": MAX_ID},
        "last_error": _str(500, nullable=True),
    },
}

LIMIT = {"type": "integer", "minimum": 1, "maximum": 500, "default": 50}
OFFSET = {"type": "integer", "minimum": 0, "maximum": 1_000_000_000, "default": 0}

MESSAGE_QUERY = {
    "title": "MessageQuery",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "label": LABEL,
        "since": DATE_TIME,
        "until": DATE_TIME,
        "company": _str(200, 1),
        "limit": LIMIT,
        "offset": OFFSET,
    },
}

APPLICATION_QUERY = {
    "title": "ApplicationQuery",
    "type": "object",
    "additionalProperties": False,
    "properties": {"status": STATUS, "limit": LIMIT, "offset": OFFSET},
}

COMPANY_QUERY = {
    "title": "CompanyQuery",
    "description": "An employer by name (any spelling: legal forms and case are ignored) and/or by web domain.",
    "type": "object",
    "additionalProperties": False,
    "properties": {"name": _str(200, 1), "domain": _str(255, 1)},
}

REFLECTION_IN = {
    "title": "ReflectionIn",
    "description": "What went well and what to change; at least one of them with some text.",
    "type": "object",
    "additionalProperties": False,
    "properties": {"went_well": _str(5000), "to_change": _str(5000)},
    "x-anyOf-message": "write what went well, what to change, or both",
    "anyOf": [{"required": ["went_well"], "properties": {"went_well": {"pattern": "\\S"}}},
              {"required": ["to_change"], "properties": {"to_change": {"pattern": "\\S"}}}],
}

FOLLOW_UP_QUERY = {
    "title": "FollowUpQuery",
    "type": "object",
    "additionalProperties": False,
    "properties": {"days": {"type": "integer", "minimum": 1, "maximum": 365,
                            "description": "Days without an answer before a follow-up is due (default 7)."}},
}

SUMMARY_QUERY = {
    "title": "SummaryQuery",
    "type": "object",
    "additionalProperties": False,
    "properties": {"week": {"type": "string", "pattern": "^(19[7-9][0-9]|2[0-9]{3})-W(0[1-9]|[1-4][0-9]|5[0-3])$",
                            "description": "An ISO week from 1970 to 2999, 2026-W47; the user's current week by default."}},
}

TIME_ZONES = sorted(available_timezones())
"""IANA zone names this machine knows (from the ``tzdata`` package when the system has none)."""

ME_PATCH = {
    "title": "MePatch",
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {
        "timezone": {"type": "string", "enum": TIME_ZONES, "description": "An IANA time zone name, Europe/Berlin."},
        "digest": {"type": "object", "additionalProperties": False, "minProperties": 1, "properties": {
            "enabled": {"type": "boolean"},
            "weekday": {"type": "integer", "minimum": 1, "maximum": 7, "description": "1 = Monday … 7 = Sunday."},
            "hour": {"type": "integer", "minimum": 0, "maximum": 23}}},
    },
}

# Responses. They are validated by the schemathesis test, not at run time.

_NULL_STR = {"type": ["string", "null"]}
_NULL_DT = {"type": ["string", "null"], "format": "date-time"}

ERROR = {
    "title": "Error",
    "type": "object",
    "required": ["error", "message"],
    "properties": {"error": {"type": "string"}, "message": {"type": "string"}, "details": {"type": "array"}},
}

MESSAGE_OUT = {
    "title": "Message",
    "type": "object",
    "required": ["id", "account", "date", "label", "application_id"],
    "properties": {
        "id": {"type": "integer"},
        "account": {"type": "string"},
        "folder": _NULL_STR,
        "uidvalidity": {"type": ["integer", "null"]},
        "uid": {"type": ["integer", "null"]},
        "message_id": _NULL_STR,
        "from_name": {"type": "string"},
        "from_address": {"type": "string"},
        "subject": {"type": "string"},
        "date": {"type": "string", "format": "date-time"},
        "label": LABEL,
        "classified_label": LABEL,
        "label_corrected": {"type": "boolean"},
        "confidence": {"type": "number"},
        "stage": _nullable({"type": "string", "enum": STAGES}),
        "keeps_on_file": {"type": ["boolean", "null"]},
        "offers_feedback": {"type": ["boolean", "null"]},
        "company": _NULL_STR,
        "role": _NULL_STR,
        "ats": _NULL_STR,
        "job_id": _NULL_STR,
        "language": _NULL_STR,
        "skill_area": _NULL_STR,
        "snippet": {"type": "string"},
        "link": _NULL_STR,
        "application_id": {"type": ["integer", "null"]},
        "pinned": {"type": "boolean"},
    },
}

PAGE = {"total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"},
        "next_offset": {"type": ["integer", "null"]}}

MESSAGE_LIST = {
    "title": "MessageList",
    "type": "object",
    "required": ["items", "total"],
    "properties": {"items": {"type": "array", "items": MESSAGE_OUT}, **PAGE},
}

STATUS_CHANGE_OUT = {
    "title": "StatusChange",
    "type": "object",
    "required": ["from_status", "to_status", "at", "source", "message_id"],
    "properties": {
        "from_status": _nullable(STATUS),
        "to_status": STATUS,
        "at": {"type": "string", "format": "date-time"},
        "source": {"type": "string", "enum": ["message", "ghosted", "user"]},
        "message_id": {"type": ["integer", "null"]},
    },
}

APPLICATION_OUT = {
    "title": "Application",
    "type": "object",
    "required": ["id", "company", "role", "status", "first_contact_at", "last_contact_at"],
    "properties": {
        "id": {"type": "integer"},
        "company": {"type": "string"},
        "role": _NULL_STR,
        "status": STATUS,
        "notes": {"type": "string"},
        "origin": {"type": "string", "enum": ["message", "user"]},
        "first_contact_at": {"type": "string", "format": "date-time"},
        "last_contact_at": {"type": "string", "format": "date-time"},
    },
}

APPLICATION_DETAIL = {
    "title": "ApplicationDetail",
    "type": "object",
    "required": [*APPLICATION_OUT["required"], "status_changes", "messages"],
    "properties": {
        **APPLICATION_OUT["properties"],
        "status_changes": {"type": "array", "items": STATUS_CHANGE_OUT},
        "messages": {"type": "array", "items": MESSAGE_OUT},
    },
}

APPLICATION_LIST = {
    "title": "ApplicationList",
    "type": "object",
    "required": ["items", "total"],
    "properties": {"items": {"type": "array", "items": APPLICATION_OUT}, **PAGE},
}

INGEST_RESULT = {
    "title": "IngestResult",
    "type": "object",
    "required": ["new", "updated", "ignored", "rejected"],
    "properties": {
        "new": {"type": "integer"},
        "updated": {"type": "integer"},
        "ignored": {"type": "integer"},
        "rejected": {
            "type": "array",
            "items": {"type": "object", "required": ["index", "reasons"],
                      "properties": {"index": {"type": "integer"}, "reasons": {"type": "array", "items": {"type": "string"}}}},
        },
    },
}

TOKEN_OUT = {
    "title": "Token",
    "type": "object",
    "required": ["id", "name", "kind", "created_at", "last_used_at"],
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "kind": {"type": "string", "enum": ["user", "service", "fleet"]},
        "created_at": {"type": "string", "format": "date-time"},
        "last_used_at": _NULL_DT,
        "current": {"type": "boolean"},
    },
}

TOKEN_LIST = {"title": "TokenList", "type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": TOKEN_OUT}}}

PAIRING_CODE_OUT = {
    "title": "PairingCode",
    "type": "object",
    "required": ["code", "expires_at"],
    "properties": {"code": {"type": "string", "pattern": "^[A-Z2-9]{8}$"}, "expires_at": {"type": "string", "format": "date-time"}},
}

PAIR_RESULT = {
    "title": "PairResult",
    "type": "object",
    "required": ["token", "token_id"],
    "properties": {"token": {"type": "string"}, "token_id": {"type": "integer"}, "email": {"type": "string"}},
}

SYNC_STATE = {
    "title": "SyncState",
    "description": "Per account and folder, the highest UID stored for each UIDVALIDITY: where a worker resumes.",
    "type": "object",
    "required": ["folders"],
    "properties": {
        "folders": {
            "type": "array",
            "items": {"type": "object", "required": ["account", "folder", "uidvalidity", "max_uid", "count"],
                      "properties": {"account": {"type": "string"}, "folder": {"type": "string"}, "uidvalidity": {"type": "integer"},
                                     "max_uid": {"type": "integer"}, "count": {"type": "integer"}}},
        },
    },
}

COMPANY_HISTORY = {
    "title": "CompanyHistory",
    "type": "object",
    "required": ["applications"],
    "properties": {
        "company": _NULL_STR,
        "applications": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "company", "role", "status", "first_contact_at", "last_contact_at", "last_message"],
                "properties": {
                    **APPLICATION_OUT["properties"],
                    "last_message": {"anyOf": [{"type": "null"}, {"type": "object", "properties": {
                        "id": {"type": "integer"}, "subject": {"type": "string"}, "label": LABEL, "date": {"type": "string", "format": "date-time"}}}]},
                },
            },
        },
    },
}

CLASSIFY_RESULT = {
    "title": "ClassifyResult",
    "type": "object",
    "required": ["label", "confidence"],
    "properties": {
        "label": LABEL,
        "confidence": {"type": "number"},
        "stage": _nullable({"type": "string", "enum": STAGES}),
        "keeps_on_file": {"type": ["boolean", "null"]},
        "offers_feedback": {"type": ["boolean", "null"]},
        "company": _NULL_STR,
        "role": _NULL_STR,
        "ats": _NULL_STR,
        "job_id": _NULL_STR,
        "language": _NULL_STR,
        "skill_area": _NULL_STR,
        "reasons": {"type": "array", "items": {"type": "string"}},
        "snippet": {"type": "string"},
        "message": {"anyOf": [{"type": "null"}, MESSAGE_OUT]},
    },
}

FOLDER_STATE_OUT = {
    "title": "FolderState",
    "type": "object",
    "required": ["folder", "uidvalidity", "last_uid", "highestmodseq"],
    "properties": {"folder": {"type": "string"}, "uidvalidity": {"type": "integer"}, "last_uid": {"type": "integer"},
                   "highestmodseq": {"type": ["integer", "null"]}, "updated_at": {"type": "string", "format": "date-time"}},
}

ACCOUNT_OUT = {
    "title": "Account",
    "description": "An IMAP account and its state; never its secret.",
    "type": "object",
    "required": ["id", "name", "host", "port", "tls", "username", "auth", "folders", "last_sync_at", "messages_seen", "last_error"],
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string", "description": 'The "account" field of its messages.'},
        "host": {"type": "string"},
        "port": {"type": "integer"},
        "tls": {"type": "string", "enum": TLS_MODES},
        "insecure": {"type": "boolean"},
        "username": {"type": "string"},
        "auth": {"type": "string", "enum": ["password", "xoauth2"]},
        "folders": {"type": "array", "items": {"type": "string"}},
        "created_at": {"type": "string", "format": "date-time"},
        "last_sync_at": _NULL_DT,
        "messages_seen": {"type": "integer"},
        "last_error": _NULL_STR,
    },
}

ACCOUNT_LIST = {"title": "AccountList", "type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": ACCOUNT_OUT}}}

CREDENTIALS = {
    "title": "Credentials",
    "description": "What a worker needs to read the account: connection, decrypted secret, folders and where it stands.",
    "type": "object",
    "required": ["id", "name", "host", "port", "tls", "insecure", "username", "auth", "secret", "folders", "states", "messages_seen"],
    "properties": {
        **{k: ACCOUNT_OUT["properties"][k] for k in ("id", "name", "host", "port", "tls", "insecure", "username", "auth", "folders", "messages_seen")},
        "secret": {"type": "string"},
        "states": {"type": "array", "items": FOLDER_STATE_OUT},
    },
}

HEALTH = {"title": "Health", "type": "object", "required": ["ok"], "properties": {"ok": {"type": "boolean"}}}

# Validation.

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


@cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(globals()[name], format_checker=_formats)


def problems(name: str, data) -> list[str]:
    """What is wrong with ``data`` against the schema called ``name`` (a constant of this module)."""
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


STRATEGY_OUT = {
    "title": "StrategyChoice",
    "type": "object",
    "required": ["id", "title", "nudge", "reason"],
    "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "nudge": {"type": "string"},
                   "guidance": {"type": "string"}, "reason": {"type": "string"}},
}

STRATEGY_LIST = {
    "title": "StrategyList",
    "type": "object",
    "required": ["items"],
    "properties": {"items": {"type": "array", "items": {"type": "object", "required": ["id", "title", "nudge", "guidance", "next_steps"],
                                                        "properties": {"next_steps": {"type": "array", "items": {"type": "string"}}}}}},
}

NEXT_STEP = {
    "title": "NextStep",
    "type": "object",
    "required": ["kind", "title"],
    "properties": {
        "kind": {"type": "string", "enum": ["feedback_email", "reflection", "similar_roles", "follow_up", "network",
                                            "not_a_rejection", "open_application"]},
        "title": {"type": "string"},
        "to": {"type": "string"}, "subject": {"type": "string"}, "body": {"type": "string"}, "mailto": {"type": "string"},
        "links": {"type": "array", "items": {"type": "object", "required": ["name", "url"]}},
        "application_id": {"type": ["integer", "null"]}, "message_id": {"type": ["integer", "null"]},
        "days": {"type": "integer"}, "ics_url": {"type": "string"}, "text": {"type": "string"}, "url": {"type": "string"},
    },
}

ADVICE = {
    "title": "Advice",
    "type": "object",
    "required": ["message_id", "application_id", "company", "role", "stage", "language", "summary", "strategies", "next_steps"],
    "properties": {
        "message_id": {"type": ["integer", "null"]},
        "application_id": {"type": ["integer", "null"]},
        "company": _NULL_STR,
        "role": _NULL_STR,
        "stage": _nullable({"type": "string", "enum": STAGES}),
        "language": {"type": "string", "enum": ["en", "de", "fr", "es", "nl"]},
        "summary": {"type": "string"},
        "strategies": {"type": "array", "minItems": 1, "maxItems": 3, "items": STRATEGY_OUT},
        "next_steps": {"type": "array", "minItems": 1, "items": NEXT_STEP},
    },
}

ADVICE_RESULT = {
    "title": "EmailAdvice",
    "type": "object",
    "required": ["classification", "message", "application", "advice"],
    "properties": {
        "classification": CLASSIFY_RESULT,
        "message": {"anyOf": [{"type": "null"}, MESSAGE_OUT]},
        "application": {"anyOf": [{"type": "null"}, APPLICATION_OUT]},
        "advice": {"anyOf": [{"type": "null"}, ADVICE]},
    },
}

REFLECTION_OUT = {
    "title": "Reflection",
    "type": "object",
    "required": ["id", "application_id", "went_well", "to_change", "created_at"],
    "properties": {"id": {"type": "integer"}, "application_id": {"type": "integer"}, "went_well": {"type": "string"},
                   "to_change": {"type": "string"}, "created_at": {"type": "string", "format": "date-time"}},
}

REFLECTION_LIST = {"title": "ReflectionList", "type": "object", "required": ["items"],
                   "properties": {"items": {"type": "array", "items": REFLECTION_OUT}}}

FOLLOW_UP_LIST = {
    "title": "FollowUpList",
    "type": "object",
    "required": ["days", "items"],
    "properties": {"days": {"type": "integer"},
                   "items": {"type": "array", "items": {**APPLICATION_OUT, "required": [*APPLICATION_OUT["required"], "days_waiting"]}}},
}

_COUNT = {"type": "integer", "minimum": 0}
_WEEK_COUNTS = {m: _COUNT for m in ("applications_sent", "responses", "interviews", "offers", "rejections")}

WEEKLY_SUMMARY = {
    "title": "WeeklySummary",
    "type": "object",
    "required": ["week", "start", "end", "timezone", *_WEEK_COUNTS, "rejections_by_stage", "ghosted", "response_rate",
                 "median_days_to_first_response", "funnel", "streak_weeks", "change", "history", "strategy",
                 "recent_rejections", "empty", "headline"],
    "properties": {
        "week": {"type": "string"}, "start": {"type": "string", "format": "date"}, "end": {"type": "string", "format": "date"},
        "timezone": {"type": "string"},
        **_WEEK_COUNTS,
        "rejections_by_stage": {"type": "object", "required": ["application", "assessment", "interview", "unknown"],
                                "additionalProperties": _COUNT},
        "ghosted": _COUNT,
        "response_rate": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
        "median_days_to_first_response": {"type": ["number", "null"], "minimum": 0},
        "funnel": {"type": "array", "items": {"type": "object", "required": ["step", "count"]}},
        "streak_weeks": _COUNT,
        "change": {"type": "object"},
        "history": {"type": "array", "minItems": 12, "maxItems": 12,
                    "items": {"type": "object", "required": ["week", "start", *_WEEK_COUNTS], "properties": _WEEK_COUNTS}},
        "strategy": {"type": "object", "required": ["id", "title", "nudge", "reason"]},
        "recent_rejections": {"type": "array", "maxItems": 5,
                              "items": {"type": "object", "required": ["message_id", "company", "role", "stage", "date", "first_step"],
                                        "properties": {"first_step": NEXT_STEP}}},
        "empty": {"type": "boolean"},
        "headline": {"type": "string"},
    },
}

ME = {
    "title": "Me",
    "type": "object",
    "required": ["email", "timezone", "digest"],
    "properties": {"email": {"type": "string"}, "timezone": {"type": "string"},
                   "digest": {"type": "object", "required": ["enabled", "weekday", "hour"]}},
}

DIGEST_RUN = {
    "title": "DigestRun",
    "type": "object",
    "required": ["sent", "already_sent", "failed"],
    "properties": {"sent": {"type": "integer"}, "already_sent": {"type": "integer"}, "failed": {"type": "array"},
                   "disabled": {"type": "string"}},
}
