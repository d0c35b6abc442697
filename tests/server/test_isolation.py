"""One user never reaches another's data: every endpoint, with a second user's token, against the first user's objects."""

import io
import json

from support import auth, msg

from server.api.openapi import OPERATIONS
from server.db import db_session
from server.uploads import save_upload

SECRET = "Zanzibar Secret Labs"


ACCOUNT = {"host": "imap.zanzibar.example", "username": "spy@zanzibar.example", "secret": "hunter2", "folders": ["INBOX", "Secret"]}


def _seed(client, ingest, token, service, user_id: int) -> dict:
    account = client.post("/api/v1/accounts", json=ACCOUNT, headers=auth(token)).json["id"]
    with client.application.app_context():  # an upload as the Mailboxes page makes one
        upload = save_upload(db_session(), user_id, io.BytesIO(f"From: {SECRET} <a@zanzibar.example>\n\nhunter2".encode()), "secret.eml")
        db_session().commit()
        upload = upload.id
    assert client.put(f"/api/v1/accounts/{account}/folders/Secret/state", json={"uidvalidity": 5, "last_uid": 42},
                      headers=auth(service)).status_code == 200
    assert client.post(f"/api/v1/accounts/{account}/report", json={"messages_seen": 7}, headers=auth(service)).status_code == 200
    ingest(token, msg(company=SECRET, role="Spy", message_id="<shared@x>"),
           msg("rejection", company=SECRET, role="Spy", date="2026-02-01T00:00:00Z"), msg(company=SECRET, role="Analyst"),
           msg("rejection", company=SECRET, role="Spy", date="2026-01-01T00:00:00Z", confidence=0.7))
    apps = client.get("/api/v1/applications", headers=auth(token)).json["items"]
    messages = client.get("/api/v1/messages", headers=auth(token)).json["items"]
    tokens = client.get("/api/v1/tokens", headers=auth(token)).json["items"]
    reflection = client.post(f"/api/v1/applications/{apps[0]['id']}/reflections", json={"went_well": f"{SECRET} liked my demo"},
                             headers=auth(token)).json["id"]
    pending = next(m["id"] for m in messages if m["label"] == "possible_rejection")
    assert client.patch(f"/api/v1/applications/{apps[1]['id']}", json={"notes": f"{SECRET} note"}, headers=auth(token)).status_code == 200
    corrections = client.get("/api/v1/corrections", headers=auth(token)).json["items"]
    return {"app": apps[0]["id"], "app2": apps[1]["id"], "message": messages[0]["id"], "pending": pending, "token": tokens[0]["id"],
            "reflection": reflection, "upload": upload, "uploads": {upload},
            "correction": corrections[0]["id"], "corrections": {c["id"] for c in corrections},
            "account": account, "tokens": {t["id"] for t in tokens}, "messages": {m["id"] for m in messages}, "applications": {a["id"] for a in apps}}


def _snapshot(client, token, service) -> str:
    """Everything the first user (and their worker) can read, to compare before and after."""
    h = auth(token)
    accounts = client.get("/api/v1/accounts", headers=h).json["items"]
    credentials = [client.get(f"/api/v1/accounts/{a['id']}/credentials", headers=auth(service)).json for a in accounts]
    apps = client.get("/api/v1/applications", headers=h).json["items"]
    views = [client.get("/api/v1/messages", headers=h).json, client.get("/api/v1/tokens", headers=h).json,
             client.get("/api/v1/sync-state", headers=h).json, *[client.get(f"/api/v1/applications/{a['id']}", headers=h).json for a in apps],
             *[client.get(f"/api/v1/applications/{a['id']}/reflections", headers=h).json for a in apps], client.get("/api/v1/me", headers=h).json,
             client.get("/api/v1/uploads", headers=h).json,
             client.get("/api/v1/corrections", headers=h).json]
    for view in views[1]["items"]:
        view.pop("last_used_at")
    return json.dumps([views, accounts, credentials], sort_keys=True)


def test_every_endpoint_keeps_users_apart(client, user, ingest, tmp_path):
    """With another user's ids every endpoint answers 404 (or shows only the caller's own data) and changes nothing."""
    client.application.config["UPLOAD_DIR"] = str(tmp_path / "spool")
    first, a = user()
    _, a_service = user(first.email, kind="service")
    ids = _seed(client, ingest, a, a_service, first.id)
    before = _snapshot(client, a, a_service)
    second, b = user()
    _, b_service = user(second.email, kind="service")
    h = auth(b)
    own_account = client.post("/api/v1/accounts", json={**ACCOUNT, "secret": "own"}, headers=h).json["id"]
    ingest(b, msg(company="Own Company", role="Mine"))
    own_app = client.get("/api/v1/applications", headers=h).json["items"][0]["id"]
    own_msg = client.get("/api/v1/messages", headers=h).json["items"][0]["id"]

    not_found = {  # operationId -> (method, url, body) that targets the first user's objects
        "revokeToken": ("DELETE", f"/api/v1/tokens/{ids['token']}", None),
        "getMessage": ("GET", f"/api/v1/messages/{ids['message']}", None),
        "correctMessage": ("PATCH", f"/api/v1/messages/{ids['message']}", {"label": "other"}),
        "getApplication": ("GET", f"/api/v1/applications/{ids['app']}", None),
        "editApplication": ("PATCH", f"/api/v1/applications/{ids['app']}", {"status": "withdrawn", "notes": "x"}),
        "deleteApplication": ("DELETE", f"/api/v1/applications/{ids['app']}", None),
        "mergeApplications": ("POST", f"/api/v1/applications/{ids['app']}/merge", {"other_id": ids["app2"]}),
        "splitApplication": ("POST", f"/api/v1/applications/{ids['app']}/split", {"message_ids": [ids["message"]]}),
        "getAccount": ("GET", f"/api/v1/accounts/{ids['account']}", None),
        "editAccount": ("PATCH", f"/api/v1/accounts/{ids['account']}", {"secret": "stolen", "folders": ["Sent"]}),
        "deleteAccount": ("DELETE", f"/api/v1/accounts/{ids['account']}", None),
        "messageAdvice": ("GET", f"/api/v1/messages/{ids['message']}/advice", None),
        "answerCheck": ("POST", f"/api/v1/messages/{ids['pending']}/check", {"rejection": True}),
        "listReflections": ("GET", f"/api/v1/applications/{ids['app']}/reflections", None),
        "createReflection": ("POST", f"/api/v1/applications/{ids['app']}/reflections", {"went_well": "x"}),
        "deleteReflection": ("DELETE", f"/api/v1/applications/{ids['app']}/reflections/{ids['reflection']}", None),
        "followUpCalendar": ("GET", f"/api/v1/applications/{ids['app']}/follow-up.ics", None),
        "undoCorrection": ("POST", f"/api/v1/corrections/{ids['correction']}/undo", None),
    }
    not_found_for_workers = {  # the second user's worker, against the first user's account
        "accountCredentials": ("GET", f"/api/v1/accounts/{ids['account']}/credentials", None),
        "putFolderState": ("PUT", f"/api/v1/accounts/{ids['account']}/folders/Secret/state", {"uidvalidity": 1, "last_uid": 1}),
        "reportSync": ("POST", f"/api/v1/accounts/{ids['account']}/report", {"last_error": "wrong password", "messages_seen": 0}),
        "ingestAccountMessages": ("POST", f"/api/v1/accounts/{ids['account']}/messages", {"messages": [msg(company="B Corp")]}),
        "putOAuthToken": ("PUT", f"/api/v1/accounts/{ids['account']}/oauth-token", {"access_token": "x", "expires_at": "2030-01-01T00:00:00Z"}),
        "claimUpload": ("POST", f"/api/v1/uploads/{ids['upload']}/claim", None),
        "uploadFile": ("GET", f"/api/v1/uploads/{ids['upload']}/file", None),
        "reportUpload": ("POST", f"/api/v1/uploads/{ids['upload']}/progress", {"status": "done", "read": 9}),
        "ingestUploadMessages": ("POST", f"/api/v1/uploads/{ids['upload']}/messages", {"messages": [msg(company="B Corp")]}),
    }
    for method, url, body in not_found_for_workers.values():
        res = client.open(url, method=method, json=body, headers=auth(b_service))
        assert res.status_code == 404, (method, url, res.status_code, res.json)
        assert "hunter2" not in res.get_data(as_text=True) and "zanzibar" not in res.get_data(as_text=True)
    also_not_found = [  # the caller's own object, pointing at the first user's
        ("PATCH", f"/api/v1/messages/{own_msg}", {"application_id": ids["app"]}),
        ("POST", f"/api/v1/applications/{own_app}/merge", {"other_id": ids["app"]}),
        ("POST", f"/api/v1/applications/{own_app}/split", {"message_ids": [ids["message"]]}),
        ("DELETE", f"/api/v1/applications/{own_app}/reflections/{ids['reflection']}", None),
    ]
    for method, url, body in [*not_found.values(), *also_not_found]:
        res = client.open(url, method=method, json=body, headers=h)
        assert res.status_code == 404, (method, url, res.status_code, res.json)
        assert SECRET not in res.get_data(as_text=True)
        assert "hunter2" not in res.get_data(as_text=True)

    own_data = {  # operationId -> request answered with the caller's own data only, and the kind of ids it lists
        "health": ("GET", "/api/v1/health", None, None),
        "openapi": ("GET", "/api/v1/openapi.json", None, None),
        "createPairingCode": ("POST", "/api/v1/pairing-codes", None, None),
        "pair": ("POST", "/api/v1/pair", {"code": "ABCDEFGH"}, None),
        "createSigninLink": ("POST", "/api/v1/signin-links", {"next": "/"}, None),
        "listTokens": ("GET", "/api/v1/tokens", None, "tokens"),
        "ingestMessages": ("POST", "/api/v1/messages", {"messages": [msg(company="B Corp", message_id="<shared@x>")]}, None),
        "listMessages": ("GET", f"/api/v1/messages?company={SECRET}", None, "messages"),
        "syncState": ("GET", "/api/v1/sync-state", None, None),
        "listApplications": ("GET", "/api/v1/applications", None, "applications"),
        "createApplication": ("POST", "/api/v1/applications", {"company": "Other Corp"}, None),
        "companyHistory": ("GET", f"/api/v1/companies/history?name={SECRET}", None, "applications"),
        "classify": ("POST", "/api/v1/classify", {"text": "Hello", "track": True}, None),
        "createAccount": ("POST", "/api/v1/accounts", {**ACCOUNT, "username": "b@zanzibar.example"}, None),
        "listAccounts": ("GET", "/api/v1/accounts", None, "account"),
        "emailAdvice": ("POST", "/api/v1/advice", {"subject": "About your application (rejection)", "from_address": "jobs@acme.example",
                                                   "text": "We have decided not to move forward with your application."}, None),
        "listStrategies": ("GET", "/api/v1/strategies", None, None),
        "listChecks": ("GET", "/api/v1/checks", None, None),
        "listFollowUps": ("GET", "/api/v1/follow-ups?days=1", None, "applications"),
        "weeklySummary": ("GET", "/api/v1/summary/weekly?week=2026-W05", None, None),
        "getMe": ("GET", "/api/v1/me", None, None),
        "editMe": ("PATCH", "/api/v1/me", {"timezone": "Europe/Paris"}, None),
        "sendDueDigests": ("POST", "/api/v1/digests/send-due", None, None),
        "listUploads": ("GET", "/api/v1/uploads?status=waiting", None, "uploads"),
        "listCorrections": ("GET", "/api/v1/corrections", None, "corrections"),
    }
    for method, url, body, kind in own_data.values():
        res = client.open(url, method=method, json=body, headers=h)
        assert res.status_code < 500, (url, res.status_code)
        if "openapi" not in url:
            assert SECRET not in res.get_data(as_text=True), url
        if kind:
            listed = res.json.get("items", res.json.get("applications"))
            assert not {i["id"] for i in listed} & (ids[kind] if kind != "account" else {ids["account"]}), url
    assert client.post("/api/v1/messages", json={"messages": [msg(company="B Corp", message_id="<shared@x>")]}, headers=h).json["ignored"] == 1
    assert client.get("/api/v1/sync-state", headers=h).json["folders"][0]["count"] == 2  # its own two messages only
    assert client.get(f"/api/v1/accounts/{own_account}/credentials", headers=auth(b_service)).json["secret"] == "own"
    worker_sees = {i["id"] for i in client.get("/api/v1/accounts", headers=auth(b_service)).json["items"]}
    assert own_account in worker_sees and ids["account"] not in worker_sees  # what a worker schedules
    assert {op[2] for op in OPERATIONS} == set(not_found) | set(own_data) | set(not_found_for_workers), "every operation is walked"
    assert _snapshot(client, a, a_service) == before
