"""Response schemas: what the API answers. They are not checked at run time; the schemathesis
test validates every answer against them through the OpenAPI document."""

from server.figures import WEEK_FIGURES
from server.schemas.common import COUNTED_LABEL, LABEL, STAGE, STATUS, TLS_MODES, nullable
from server.translations import LANGUAGES

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
        "label": COUNTED_LABEL,
        "classified_label": LABEL,
        "label_corrected": {"type": "boolean"},
        "confidence": {"type": "number"},
        "stage": STAGE,
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
        "correction": {"type": "object", "required": ["id", "undo_until"],
                       "description": "After a PATCH: the logged correction and until when the card offers Undo.",
                       "properties": {"id": {"type": "integer"}, "undo_until": {"type": "string", "format": "date-time"}}},
        "check": {"anyOf": [{"type": "null"}, {
            "type": "object", "required": ["pending", "answered_by", "answered_at", "reason"],
            "description": 'The "Please check" state of an email the classifier was not sure of: waiting for the user, or '
                           "answered by the user or by their earlier answer for the same sender (``memory``), and why.",
            "properties": {"pending": {"type": "boolean"}, "answered_by": {"enum": ["user", "memory", None]},
                           "answered_at": {"type": ["string", "null"], "format": "date-time"}, "reason": _NULL_STR}}]},
    },
}

CORRECTION_OUT = {
    "title": "Correction",
    "type": "object",
    "required": ["id", "kind", "message_id", "application_id", "before", "after", "created_at", "undone_at"],
    "properties": {
        "id": {"type": "integer"},
        "kind": {"enum": ["label", "place", "company", "role", "status", "dates", "details", "merge", "split", "delete"]},
        "message_id": {"type": ["integer", "null"]},
        "application_id": {"type": ["integer", "null"]},
        "before": {"type": "object"},
        "after": {"type": "object"},
        "created_at": {"type": "string", "format": "date-time"},
        "undone_at": _NULL_DT,
        "undo_until": {"type": "string", "format": "date-time", "description": "Until when the card offers Undo (the dashboard: always)."},
    },
}

CORRECTION_LIST = {"title": "CorrectionList", "type": "object", "required": ["items"],
                   "properties": {"items": {"type": "array", "items": CORRECTION_OUT}}}

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
        "from_status": nullable(STATUS),
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

UNDO_RESULT = {
    "title": "UndoResult",
    "type": "object",
    "required": ["message", "application", "correction"],
    "properties": {"message": {"anyOf": [{"type": "null"}, MESSAGE_OUT]}, "application": {"anyOf": [{"type": "null"}, APPLICATION_OUT]},
                   "correction": CORRECTION_OUT},
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

SIGNIN_LINK_OUT = {
    "title": "SigninLink",
    "type": "object",
    "required": ["url", "expires_at"],
    "properties": {"url": {"type": "string", "format": "uri"}, "expires_at": {"type": "string", "format": "date-time"}},
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
                        "id": {"type": "integer"}, "subject": {"type": "string"}, "label": COUNTED_LABEL, "date": {"type": "string", "format": "date-time"}}}]},
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
        "stage": STAGE,
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
        "progress": {"type": ["object", "null"], "description": "The running first sync's counts (total, read, job_related, skipped)."},
        "token_expires_at": _NULL_DT,
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
        "oauth": {"type": ["object", "null"], "description": "For an OAuth2 account: provider, token_url, client_id, "
                                                             "refresh_token and expires_at, to refresh the access token."},
    },
}

UPLOAD_OUT = {
    "title": "Upload",
    "description": "A file uploaded on the dashboard and how far a worker has read it.",
    "type": "object",
    "required": ["id", "filename", "kind", "size", "status", "bytes_done", "read", "job_related", "skipped", "new", "error"],
    "properties": {
        "id": {"type": "integer"},
        "filename": {"type": "string"},
        "kind": {"type": "string", "enum": ["mbox", "eml", "zip", "tar"]},
        "size": {"type": "integer"},
        "status": {"type": "string", "enum": ["queued", "running", "done", "failed"]},
        "bytes_done": {"type": "integer"},
        "bytes_total": {"type": ["integer", "null"]},
        "read": {"type": "integer"},
        "job_related": {"type": "integer"},
        "skipped": {"type": "integer"},
        "new": {"type": "integer"},
        "error": _NULL_STR,
        "created_at": {"type": "string", "format": "date-time"},
        "finished_at": _NULL_DT,
    },
}

UPLOAD_LIST = {"title": "UploadList", "type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": UPLOAD_OUT}}}

HEALTH = {"title": "Health", "type": "object", "required": ["ok"], "properties": {"ok": {"type": "boolean"}}}

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
                                            "not_a_rejection", "open_application", "check_yes", "check_no"]},
        "title": {"type": "string"},
        "to": {"type": "string"}, "subject": {"type": "string"}, "body": {"type": "string"}, "mailto": {"type": "string"},
        "to_person": _NULL_STR,
        "to_source": {"type": "string", "enum": ["sender", "contact", "none"],
                      "description": "Who `to` is: the sender, an address the email names for questions, or nobody (empty)."},
        "note": _NULL_STR,
        "links": {"type": "array", "items": {"type": "object", "required": ["name", "url"]}},
        "application_id": {"type": ["integer", "null"]}, "message_id": {"type": ["integer", "null"]},
        "days": {"type": "integer"}, "ics_url": {"type": "string"}, "text": {"type": "string"}, "url": {"type": "string"},
    },
}

ADVICE = {
    "title": "Advice",
    "type": "object",
    "description": 'For a rejection: what happened, the strategies and the next steps. For an email the classifier is not sure '
                   'is a rejection ("Please check", `check` true): a neutral question, no strategies, and the two answers '
                   "(`check_yes`, `check_no`) as next steps. `reason` says why an email counts as a rejection when the user, "
                   "or their earlier answer for the same sender, said so.",
    "required": ["message_id", "application_id", "company", "role", "stage", "language", "summary", "strategies", "next_steps",
                 "check", "reason"],
    "properties": {
        "message_id": {"type": ["integer", "null"]},
        "application_id": {"type": ["integer", "null"]},
        "company": _NULL_STR,
        "role": _NULL_STR,
        "stage": STAGE,
        "language": {"type": "string", "enum": list(LANGUAGES)},
        "summary": {"type": "string"},
        "question": {"type": "string"},
        "strategies": {"type": "array", "maxItems": 3, "items": STRATEGY_OUT},
        "next_steps": {"type": "array", "minItems": 1, "items": NEXT_STEP},
        "check": {"type": "boolean"},
        "needs_name": {"type": "boolean", "description": "True while the user has no `display_name` to sign the draft with."},
        "reason": _NULL_STR,
    },
    "if": {"properties": {"check": {"const": True}}},
    "then": {"required": ["question"], "properties": {"strategies": {"maxItems": 0}}},
    "else": {"properties": {"strategies": {"minItems": 1}}},
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
_WEEK_COUNTS = {m: _COUNT for m in WEEK_FIGURES}
"""The figures of each week, as ``server.figures`` defines them."""

WEEKLY_SUMMARY = {
    "title": "WeeklySummary",
    "type": "object",
    "required": ["week", "start", "end", "timezone", *_WEEK_COUNTS, "rejections_by_stage", "response_rate",
                 "median_days_to_first_response", "funnel", "streak_weeks", "change", "history", "strategy",
                 "recent_rejections", "empty", "headline"],
    "properties": {
        "week": {"type": "string"}, "start": {"type": "string", "format": "date"}, "end": {"type": "string", "format": "date"},
        "timezone": {"type": "string"},
        **_WEEK_COUNTS,
        "rejections_by_stage": {"type": "object", "required": ["application", "assessment", "interview", "unknown"],
                                "additionalProperties": _COUNT},
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
    "required": ["email", "timezone", "display_name", "language", "digest"],
    "properties": {"email": {"type": "string"}, "timezone": {"type": "string"}, "display_name": _NULL_STR,
                   "language": {"anyOf": [{"type": "null"}, {"type": "string", "enum": list(LANGUAGES)}]},
                   "digest": {"type": "object", "required": ["enabled", "weekday", "hour"]}},
}

DIGEST_RUN = {
    "title": "DigestRun",
    "type": "object",
    "required": ["sent", "already_sent", "failed"],
    "properties": {"sent": {"type": "integer"}, "already_sent": {"type": "integer"}, "failed": {"type": "array"},
                   "disabled": {"type": "string"}},
}

CHECK_ITEM = {
    "title": "CheckItem",
    "type": "object",
    "required": ["message", "application", "question", "reason"],
    "properties": {
        "message": MESSAGE_OUT,
        "application": {"anyOf": [{"type": "null"}, APPLICATION_OUT],
                        "description": "The application the email is about: its own, else the employer's latest."},
        "question": {"type": "string"},
        "reason": _NULL_STR,
    },
}

CHECK_LIST = {
    "title": "CheckList",
    "description": 'The emails waiting for "Please check", newest first, and (`remembered`) the latest ones answered from '
                   "the user's earlier answers for the same sender, with the reason, so they can be changed.",
    "type": "object",
    "required": ["items", "total", "remembered"],
    "properties": {"items": {"type": "array", "items": CHECK_ITEM}, **PAGE, "remembered": {"type": "array", "items": CHECK_ITEM}},
}

CHECK_RESULT = {
    "title": "CheckResult",
    "type": "object",
    "required": ["message", "application", "advice"],
    "properties": {
        "message": MESSAGE_OUT,
        "application": {"anyOf": [{"type": "null"}, APPLICATION_OUT]},
        "advice": {"anyOf": [{"type": "null"}, ADVICE], "description": "The card's advice after a yes; null after a no."},
    },
}
