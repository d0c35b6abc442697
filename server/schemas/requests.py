"""Request schemas: the JSON bodies and query strings the API accepts. Views validate against
them by name (``server.schemas.check("ACCOUNT_CREATE", data)``); the OpenAPI document shows them."""

from zoneinfo import available_timezones

from server.schemas.common import (
    DATE_TIME,
    ID,
    LABEL,
    LINK,
    MAX_ID,
    MAX_UID,
    NOT_BLANK,
    STAGE,
    STATUS,
    TLS_MODES,
    string,
)
from server.translations import LANGUAGES
from worker.contract import LIMITS

MESSAGE_IN = {
    "title": "MessageIn",
    "description": "One classified message, as the worker (or `onward import`) sends it: metadata and a snippet, never the body. "
                   "It is identified by (account, folder, uidvalidity, uid) when it comes from IMAP and by message_id otherwise.",
    "type": "object",
    "required": ["account", "date", "label", "confidence"],
    "additionalProperties": False,
    "properties": {
        "account": string(320, 1, description='Where it was read: "imap:robin@example.org", "import", "extension".'),
        "folder": string(500, 1, nullable=True),
        "uidvalidity": {"type": ["integer", "null"], "minimum": 0, "maximum": MAX_UID},
        "uid": {"type": ["integer", "null"], "minimum": 1, "maximum": MAX_UID},
        "message_id": string(LIMITS["message_id"], 1, nullable=True),
        "from_name": string(LIMITS["from_name"]),
        "from_address": string(LIMITS["from_address"]),
        "subject": string(LIMITS["subject"]),
        "date": DATE_TIME,
        "label": LABEL,
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "stage": STAGE,
        "keeps_on_file": {"type": ["boolean", "null"]},
        "offers_feedback": {"type": ["boolean", "null"]},
        "company": string(LIMITS["company"], nullable=True),
        "role": string(LIMITS["role"], nullable=True),
        "ats": string(LIMITS["ats"], nullable=True),
        "job_id": string(LIMITS["job_id"], nullable=True),
        "language": string(LIMITS["language"], nullable=True),
        "skill_area": string(LIMITS["skill_area"], nullable=True, description='The skill an assessment rejection names ("SQL", "case study").'),
        "snippet": string(LIMITS["snippet"]),
        "link": LINK,
        "source": string(2000, description="Accepted from `onward classify --json` and not stored."),
        "reasons": {"type": "array", "maxItems": 100, "items": string(2000), "description": "Accepted and not stored."},
        "defects": {"type": "array", "maxItems": 100, "items": string(2000), "description": "Accepted and not stored."},
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
    "properties": {"label": LABEL, "application_id": {"type": ["integer", "null"], "minimum": 1, "maximum": MAX_ID},
                   "about_job": {"type": "boolean", "description": "With a label: false for mail that is not about a job at all "
                                                                   "(it leaves its application); true by default (it stays in the "
                                                                   "application's timeline and moves nothing)."}},
    "dependentRequired": {"about_job": ["label"]},
}

COMPANY_NAME = string(200, 1, pattern="[0-9A-Za-z\\u00aa-\\uffff]",
                    description="The employer: at least one ASCII letter or digit, or any character beyond ASCII.")
"""The pattern reads the same in JSON Schema's regex dialect and in Python's (``\\w`` does not)."""

APPLICATION_CREATE = {
    "title": "ApplicationCreate",
    "type": "object",
    "required": ["company"],
    "additionalProperties": False,
    "properties": {
        "company": COMPANY_NAME,
        "role": string(200, nullable=True),
        "status": STATUS,
        "notes": string(10000),
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
        "role": string(200, nullable=True),
        "status": STATUS,
        "status_at": {**DATE_TIME, "description": "With a status: when it happened (default now; a time in the future counts "
                                                  "as now); how a date is corrected."},
        "notes": string(10000),
    },
    "dependentRequired": {"status_at": ["status"]},
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
        "role": string(200, nullable=True),
    },
}

PAIR = {
    "title": "Pair",
    "type": "object",
    "required": ["code"],
    "additionalProperties": False,
    "properties": {"code": string(32, 1, writeOnly=True), "name": string(100, 1)},
}

SIGNIN_LINK = {
    "title": "SigninLinkRequest",
    "description": "Where the dashboard lands after the one-time sign-in: a path on this server (default `/`).",
    "type": "object",
    "additionalProperties": False,
    "properties": {"next": string(500, 1, pattern="^/([!-.0-\\[\\]-~][!-\\[\\]-~]*)?$")},
}

CLASSIFY = {
    "title": "ClassifyRequest",
    "description": "What the extension reads from an open email. Nothing is stored unless `track` is true.",
    "type": "object",
    "required": ["text"],
    "additionalProperties": False,
    "properties": {
        "subject": string(998),
        "from_name": string(300),
        "from_address": string(320),
        "text": string(200_000),
        "date": DATE_TIME,
        "message_id": string(998, 1),
        "link": LINK,
        "track": {"type": "boolean"},
    },
}

LOOPBACK = "^(localhost|[a-z0-9.-]*\\.localhost|127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}|::1|\\[::1\\])$"
"""Hosts where plaintext IMAP never leaves the machine."""

HOST = string(255, 1, pattern="^[A-Za-z0-9._:\\[\\]-]+$", description="Host name or IP address of the IMAP server.")
FOLDERS = {"type": "array", "minItems": 1, "maxItems": 50, "uniqueItems": True, "items": string(500, 1, pattern="^[^\\x00-\\x1f]+$"),
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
        "username": string(320, 1),
        "auth": {"type": "string", "enum": ["password", "xoauth2"], "default": "password"},
        "secret": string(8192, 1, writeOnly=True, description="Never returned, nor repeated in an error."),
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
        "last_error": string(500, nullable=True),
        "progress": {"type": ["object", "null"], "additionalProperties": False,
                     "description": "The running first sync's counts (null once it is over): the dashboard's progress bar.",
                     "properties": {k: {"type": "integer", "minimum": 0, "maximum": MAX_ID}
                                    for k in ("total", "read", "job_related", "skipped")}},
    },
}

OAUTH_TOKEN_IN = {
    "title": "OAuthTokenIn",
    "description": "A worker refreshed the account's OAuth2 access token: the new one, when it expires, and the new "
                   "refresh token when the provider rotated it. Stored encrypted.",
    "type": "object",
    "required": ["access_token", "expires_at"],
    "additionalProperties": False,
    "properties": {
        "access_token": string(8192, 1),
        "expires_at": DATE_TIME,
        "refresh_token": string(8192, 1),
    },
}

UPLOAD_QUERY = {
    "title": "UploadQuery",
    "type": "object",
    "additionalProperties": False,
    "properties": {"status": {"type": "string", "enum": ["waiting", "latest"], "default": "latest",
                              "description": "waiting: the uploads a worker may claim; latest: the caller's newest 20."}},
}

UPLOAD_PROGRESS = {
    "title": "UploadProgress",
    "description": "How far a worker has read an upload; status done or failed ends it (and deletes the file).",
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {
        **{k: {"type": "integer", "minimum": 0, "maximum": 2**53} for k in ("bytes_done", "bytes_total")},
        **{k: {"type": "integer", "minimum": 0, "maximum": MAX_ID} for k in ("read", "job_related", "skipped", "new")},
        "status": {"type": "string", "enum": ["running", "done", "failed"]},
        "error": string(500, nullable=True),
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
        "company": string(200, 1),
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
    "properties": {"name": string(200, 1), "domain": string(255, 1)},
}

REFLECTION_MAX = 5000
"""Longest text kept in each field of a reflection (the API and the dashboard's form alike)."""

REFLECTION_IN = {
    "title": "ReflectionIn",
    "description": "What went well and what to change; at least one of them with some text.",
    "type": "object",
    "additionalProperties": False,
    "properties": {"went_well": string(REFLECTION_MAX), "to_change": string(REFLECTION_MAX)},
    "x-anyOf-message": "write what went well, what to change, or both",
    "anyOf": [{"required": ["went_well"], "properties": {"went_well": {"pattern": NOT_BLANK}}},
              {"required": ["to_change"], "properties": {"to_change": {"pattern": NOT_BLANK}}}],
}

FOLLOW_UP_QUERY = {
    "title": "FollowUpQuery",
    "type": "object",
    "additionalProperties": False,
    "properties": {"days": {"type": "integer", "minimum": 1, "maximum": 365,
                            "description": "Days without an answer before a follow-up is due (default 7)."}},
}

STRATEGY_QUERY = {
    "title": "StrategyQuery",
    "type": "object",
    "additionalProperties": False,
    "properties": {"language": {"type": "string", "enum": list(LANGUAGES),
                                "description": "The language of the texts (default en)."}},
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
        "display_name": {"anyOf": [{"type": "null"}, string(100, 1, pattern=NOT_BLANK)],
                         "description": "The name feedback drafts are signed with; null forgets it."},
        "language": {"anyOf": [{"type": "null"}, {"type": "string", "enum": list(LANGUAGES)}],
                     "description": "The language of the dashboard and the digest; null: the browser's (English in the digest)."},
        "digest": {"type": "object", "additionalProperties": False, "minProperties": 1, "properties": {
            "enabled": {"type": "boolean"},
            "weekday": {"type": "integer", "minimum": 1, "maximum": 7, "description": "1 = Monday … 7 = Sunday."},
            "hour": {"type": "integer", "minimum": 0, "maximum": 23}}},
    },
}

CHECK_QUERY = {
    "title": "CheckQuery",
    "type": "object",
    "additionalProperties": False,
    "properties": {"limit": LIMIT, "offset": OFFSET},
}

CHECK_ANSWER = {
    "title": "CheckAnswer",
    "description": 'The answer to "Please check: is this a rejection?". `rejection` true makes the email a rejection; '
                   "false makes it `label` (default `other`). The answer is remembered for the sender's next unsure email.",
    "type": "object",
    "required": ["rejection"],
    "additionalProperties": False,
    "properties": {"rejection": {"type": "boolean"}, "label": {"type": "string", "enum": [v for v in LABEL["enum"] if v != "rejection"]}},
}
