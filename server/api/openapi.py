"""``GET /api/v1/openapi.json``: the OpenAPI 3.1 document, generated from the table below and
the JSON Schemas in ``server/schemas/`` that validate the requests and describe the answers."""

import re
from functools import cache

from flask import Blueprint

from server import schemas

bp = Blueprint("openapi", __name__, url_prefix="/api/v1")

ID_PARAM = {"type": "integer", "minimum": 1, "maximum": schemas.MAX_ID}
FOLDER_PARAM = {"type": "string", "minLength": 1, "maxLength": 500}

OPERATIONS = [
    # method, path, operationId, summary, who may call (None, "user", "service" (or user), "worker" (service or fleet token only)), body, query, success status, response
    ("get", "/health", "health", "The process answers (no database access).", None, None, None, 200, "HEALTH"),
    ("get", "/openapi.json", "openapi", "This document.", None, None, None, 200, None),
    ("post", "/pairing-codes", "createPairingCode", "A one-time code to pair the extension (valid 10 minutes).", "user", None, None, 201, "PAIRING_CODE_OUT"),
    ("post", "/pair", "pair", "Exchange a pairing code for a user token (once; rate-limited).", None, "PAIR", None, 201, "PAIR_RESULT"),
    ("post", "/signin-links", "createSigninLink", "A one-time link (2 minutes) that signs the dashboard in for the caller.", "user", "SIGNIN_LINK", None, 201, "SIGNIN_LINK_OUT"),
    ("get", "/tokens", "listTokens", "The caller's tokens (never their secrets).", "user", None, None, 200, "TOKEN_LIST"),
    ("delete", "/tokens/{token_id}", "revokeToken", "Revoke one of the caller's tokens.", "user", None, None, 204, None),
    ("post", "/messages", "ingestMessages", "Store a batch of classified messages (idempotent).", "service", "MESSAGE_BATCH", None, 200, "INGEST_RESULT"),
    ("get", "/messages", "listMessages", "Messages, newest first.", "user", None, "MESSAGE_QUERY", 200, "MESSAGE_LIST"),
    ("get", "/messages/{message_id}", "getMessage", "One message.", "user", None, None, 200, "MESSAGE_OUT"),
    ("patch", "/messages/{message_id}", "correctMessage", "Relabel a message or place it in an application.", "user", "MESSAGE_PATCH", None, 200, "MESSAGE_OUT"),
    ("get", "/corrections", "listCorrections", "The user's hand corrections, newest first.", "user", None, None, 200, "CORRECTION_LIST"),
    ("post", "/corrections/{correction_id}/undo", "undoCorrection", "Undo a correction (at any time; 409 when undone already).", "user", None, None, 200, "UNDO_RESULT"),
    ("get", "/sync-state", "syncState", "Highest UID stored per account and folder.", "service", None, None, 200, "SYNC_STATE"),
    ("get", "/applications", "listApplications", "Applications, most recent contact first.", "user", None, "APPLICATION_QUERY", 200, "APPLICATION_LIST"),
    ("post", "/applications", "createApplication", "Add an application by hand.", "user", "APPLICATION_CREATE", None, 201, "APPLICATION_DETAIL"),
    ("get", "/applications/{app_id}", "getApplication", "One application with its timeline.", "user", None, None, 200, "APPLICATION_DETAIL"),
    ("patch", "/applications/{app_id}", "editApplication", "Correct company, role, status or notes.", "user", "APPLICATION_PATCH", None, 200, "APPLICATION_DETAIL"),
    ("delete", "/applications/{app_id}", "deleteApplication", "Delete an application (its messages stay).", "user", None, None, 204, None),
    ("post", "/applications/{app_id}/merge", "mergeApplications", "Merge another application into this one.", "user", "MERGE", None, 200, "APPLICATION_DETAIL"),
    ("post", "/applications/{app_id}/split", "splitApplication", "Move some messages into a new application.", "user", "SPLIT", None, 201, "APPLICATION_DETAIL"),
    ("get", "/companies/history", "companyHistory", "What the user has had with one employer.", "user", None, "COMPANY_QUERY", 200, "COMPANY_HISTORY"),
    ("post", "/accounts", "createAccount", "Add an IMAP account (its secret is stored encrypted).", "user", "ACCOUNT_CREATE", None, 201, "ACCOUNT_OUT"),
    ("get", "/accounts", "listAccounts", "The caller's IMAP accounts and their sync state (a worker lists them to schedule syncs).", "service", None, None, 200, "ACCOUNT_LIST"),
    ("get", "/accounts/{account_id}", "getAccount", "One account (never its secret).", "user", None, None, 200, "ACCOUNT_OUT"),
    ("patch", "/accounts/{account_id}", "editAccount", "Change the connection, secret or folders.", "user", "ACCOUNT_PATCH", None, 200, "ACCOUNT_OUT"),
    ("delete", "/accounts/{account_id}", "deleteAccount", "Remove an account and its folder states.", "user", None, None, 204, None),
    ("get", "/accounts/{account_id}/credentials", "accountCredentials", "For a worker: connection, decrypted secret, folder states.", "worker", None, None, 200, "CREDENTIALS"),
    ("put", "/accounts/{account_id}/folders/{folder}/state", "putFolderState", "For a worker: where it stands in a folder.", "worker", "FOLDER_STATE_IN", None, 200, "FOLDER_STATE_OUT"),
    ("post", "/accounts/{account_id}/report", "reportSync", "For a worker: how a sync went.", "worker", "SYNC_REPORT", None, 200, "ACCOUNT_OUT"),
    ("post", "/accounts/{account_id}/messages", "ingestAccountMessages", "For a worker: store a batch found in this account, for its owner (what a fleet token uses).", "worker", "MESSAGE_BATCH", None, 200, "INGEST_RESULT"),
    ("put", "/accounts/{account_id}/oauth-token", "putOAuthToken", "For a worker: the access token it refreshed (and a rotated refresh token).", "worker", "OAUTH_TOKEN_IN", None, 200, "ACCOUNT_OUT"),
    ("get", "/uploads", "listUploads", "The caller's uploads and their progress; status=waiting: those a worker may claim.", "service", None, "UPLOAD_QUERY", 200, "UPLOAD_LIST"),
    ("post", "/uploads/{upload_id}/claim", "claimUpload", "For a worker: take an upload to read (409 when another has it).", "worker", None, None, 200, "UPLOAD_OUT"),
    ("get", "/uploads/{upload_id}/file", "uploadFile", "For a worker: the uploaded file.", "worker", None, None, 200, "FILE"),
    ("post", "/uploads/{upload_id}/progress", "reportUpload", "For a worker: how far it has read an upload; done or failed ends it.", "worker", "UPLOAD_PROGRESS", None, 200, "UPLOAD_OUT"),
    ("post", "/uploads/{upload_id}/messages", "ingestUploadMessages", "For a worker: store a batch found in an upload, for the uploader.", "worker", "MESSAGE_BATCH", None, 200, "INGEST_RESULT"),
    ("post", "/classify", "classify", "Classify an email shown in webmail; store it only when tracked.", "user", "CLASSIFY", None, 200, "CLASSIFY_RESULT"),
    ("post", "/advice", "emailAdvice", "Classify an email shown in webmail and, for a rejection, the advice (nothing stored).", "user", "CLASSIFY", None, 200, "ADVICE_RESULT"),
    ("get", "/messages/{message_id}/advice", "messageAdvice", "Strategies and next steps for a stored rejection; for an unsure one, the question (409 for other labels).", "user", None, None, 200, "ADVICE"),
    ("get", "/checks", "listChecks", "Emails to check: rejections the classifier is not sure of, not counted until answered.", "user", None, "CHECK_QUERY", 200, "CHECK_LIST"),
    ("post", "/messages/{message_id}/check", "answerCheck", "Answer \"is this a rejection?\" for an email to check (remembered for its sender).", "user", "CHECK_ANSWER", None, 200, "CHECK_RESULT"),
    ("get", "/strategies", "listStrategies", "The ten coping strategies.", "user", None, "STRATEGY_QUERY", 200, "STRATEGY_LIST"),
    ("get", "/applications/{app_id}/reflections", "listReflections", "Reflections kept with an application.", "user", None, None, 200, "REFLECTION_LIST"),
    ("post", "/applications/{app_id}/reflections", "createReflection", "Keep a reflection with an application.", "user", "REFLECTION_IN", None, 201, "REFLECTION_OUT"),
    ("delete", "/applications/{app_id}/reflections/{reflection_id}", "deleteReflection", "Delete a reflection.", "user", None, None, 204, None),
    ("get", "/follow-ups", "listFollowUps", "Applications with no answer after `days` days.", "user", None, "FOLLOW_UP_QUERY", 200, "FOLLOW_UP_LIST"),
    ("get", "/applications/{app_id}/follow-up.ics", "followUpCalendar", "A calendar reminder (iCalendar) to follow an application up.", "user", None, "FOLLOW_UP_QUERY", 200, "ICS"),
    ("get", "/summary/weekly", "weeklySummary", "The weekly summary for an ISO week in the user's time zone.", "user", None, "SUMMARY_QUERY", 200, "WEEKLY_SUMMARY"),
    ("get", "/me", "getMe", "The user's time zone and digest settings.", "user", None, None, 200, "ME"),
    ("post", "/digests/send-due", "sendDueDigests", "For the scheduler: send the weekly digests that are due (never twice per week).", "worker", None, None, 200, "DIGEST_RUN"),
    ("patch", "/me", "editMe", "Change the time zone or the digest's day, hour or opt-out.", "user", "ME_PATCH", None, 200, "ME"),
]
"""Every operation of the API."""

DESCRIPTIONS = {400: "Malformed request or query string", 401: "Missing or invalid token", 403: "A service token may not do this",
                404: "Not found (also another user's object)", 409: "Conflict", 413: "Too large (body, or more than 500 messages)",
                422: "The body does not match its schema", 429: "Rate limited (see Retry-After)",
                502: "The mail server could not be reached or refused a digest"}


def _operation(method, path, op_id, summary, who, body, query, status, response) -> dict:
    op: dict = {"operationId": op_id, "summary": summary, "security": [{"bearer": []}] if who else []}
    params = []
    for name in re.findall(r"\{(\w+)\}", path):
        schema = FOLDER_PARAM if name == "folder" else ID_PARAM
        params.append({"name": name, "in": "path", "required": True, "schema": schema})
    if query:
        params += [{"name": n, "in": "query", "required": False, "schema": s} for n, s in schemas.schema(query)["properties"].items()]
    if params:
        op["parameters"] = params
    if body:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": schemas.schema(body)}}}
    ok: dict = {"description": "OK"}
    if response == "ICS":
        ok["content"] = {"text/calendar": {"schema": {"type": "string"}}}
    elif response == "FILE":
        ok["content"] = {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
    elif response:
        ok["content"] = {"application/json": {"schema": schemas.schema(response)}}
    elif status != 204:
        ok["content"] = {"application/json": {"schema": {"type": "object"}}}
    errors = {429}
    if who:
        errors |= {401, 403}
    if body:
        errors |= {400, 413, 422}
    if query:
        errors |= {400}
    if "{" in path or op_id in ("pair", "weeklySummary"):
        errors |= {404}
    if op_id in ("claimUpload", "uploadFile", "reportUpload", "putOAuthToken"):
        errors |= {409}
    if op_id in ("mergeApplications", "splitApplication", "createApplication", "editApplication", "classify", "createAccount", "editAccount",
                 "emailAdvice", "messageAdvice", "createReflection", "editMe", "answerCheck"):
        errors |= {409, 422}
    if op_id == "sendDueDigests":
        errors |= {502}
    responses = {str(status): ok}
    for code in sorted(errors):
        responses[str(code)] = {"description": DESCRIPTIONS[code], "content": {"application/json": {"schema": schemas.schema("ERROR")}}}
    op["responses"] = responses
    return op


@cache
def document() -> dict:
    paths: dict = {}
    for row in OPERATIONS:
        paths.setdefault("/api/v1" + row[1], {})[row[0]] = _operation(*row)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Onward API", "version": "1",
                 "description": "Job applications tracked from a mailbox. Authenticate with `Authorization: Bearer <token>`."},
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": schemas.documented(),
        },
    }


@bp.get("/openapi.json")
def openapi():
    return document()
