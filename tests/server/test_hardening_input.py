"""Input that must not break the API or leak through it (issue 15, findings 5 and 8): deep JSON and
non-finite numbers are a 400 on every JSON endpoint, with nothing stored and no traceback; no error
repeats a secret; control characters never reach a calendar file, a ``mailto:`` link or a header."""

import io
import json
import logging
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import unquote

import pytest
from support import auth, msg

from onward.cli import main
from server import drafts
from server.api.openapi import OPERATIONS
from server.db import db_session
from server.recipients import Recipient
from server.uploads import save_upload

JSON_ENDPOINTS = [(method, path, who) for method, path, _op, _summary, who, body, *_ in OPERATIONS if body]
"""Every operation that reads a JSON body, as the OpenAPI table lists them."""

HOSTILE_BODIES = {
    "1,000 nested arrays": "[" * 1000 + "]" * 1000,
    "100,000 nested arrays": "[" * 100_000 + "]" * 100_000,
    "40 nested objects": '{"a":' * 40 + "1" + "}" * 40,
    "NaN": '{"code": NaN}',
    "Infinity": '{"messages": [{"confidence": Infinity}]}',
    "-Infinity": '{"code": -Infinity}',
    "1e999": '{"confidence": 1e999}',
}


@pytest.fixture
def world(client, user, ingest):
    """A user with one message, its application, an IMAP account and a service token: real ids for every path."""
    robin, token = user("robin@example.org")
    _, service = user("robin@example.org", kind="service")
    ingest(service, msg("rejection", company="Acme"))
    message = client.get("/api/v1/messages", headers=auth(token)).json["items"][0]
    account = client.post("/api/v1/accounts", json={"host": "imap.example.org", "username": "robin", "secret": "pw-123456"},
                          headers=auth(token)).json
    with client.application.app_context():  # an upload as the Mailboxes page makes one
        upload = save_upload(db_session(), robin.id, io.BytesIO(b"From: a@b.example\n\nhello"), "one.eml")
        db_session().commit()
        upload = upload.id
    ids = {"message_id": message["id"], "app_id": message["application_id"], "account_id": account["id"], "folder": "INBOX",
           "upload_id": upload}
    return {"tokens": {None: None, "user": token, "service": service, "worker": service}, "ids": ids}


@pytest.mark.parametrize("kind", HOSTILE_BODIES)
@pytest.mark.parametrize(("method", "path", "who"), JSON_ENDPOINTS, ids=[f"{m} {p}" for m, p, _ in JSON_ENDPOINTS])
def test_deep_or_non_finite_json_is_a_400_on_every_json_endpoint(client, world, caplog, method, path, who, kind):
    """Deep nesting and NaN / Infinity / a number beyond float are refused with a JSON 400 that says why,
    before any view sees them, and nothing is logged as an unexpected error."""
    url = "/api/v1" + path.format(**world["ids"])
    token = world["tokens"][who]
    with caplog.at_level(logging.ERROR):
        res = client.open(url, method=method.upper(), data=HOSTILE_BODIES[kind], content_type="application/json",
                          headers=auth(token) if token else {})
    assert res.status_code == 400, (url, res.status_code, res.get_data(as_text=True)[:300])
    assert res.json["error"] == "bad_request"
    assert re.search("nested too deeply|not standard JSON|too large to store", res.json["message"]), res.json
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_a_batch_with_one_nan_item_is_refused_whole_and_the_next_send_stores_it(client, user):
    """A valid item next to one with ``"confidence": NaN`` is not half-stored: the batch is a 400, nothing is
    kept, and sending the batch again without the bad item stores the good one."""
    _, token = user()
    good = msg("rejection", company="Globex")
    items = [json.dumps(good), json.dumps({**msg(), "confidence": 0.5}).replace("0.5", "NaN")]
    bad = '{"messages": [' + ", ".join(items) + "]}"
    res = client.post("/api/v1/messages", data=bad, content_type="application/json", headers=auth(token))
    assert res.status_code == 400 and "NaN" in res.json["message"]
    assert client.get("/api/v1/messages", headers=auth(token)).json["items"] == []
    assert client.post("/api/v1/messages", json={"messages": [good]}, headers=auth(token)).json["new"] == 1


def test_nesting_the_api_needs_is_still_accepted(client, user):
    """The strict parser refuses only what no request needs: a full ingest body parses and stores as before."""
    _, token = user()
    res = client.post("/api/v1/messages", json={"messages": [msg(), msg()]}, headers=auth(token))
    assert res.status_code == 200 and res.json["new"] == 2


SECRET = "Tr0ub4dor&3-" * 800
"""An IMAP secret too long for the schema (9,600 characters), recognisable in any echo."""


def _leaks(text: str) -> bool:
    return "Tr0ub4dor" in text


@pytest.mark.parametrize("body", [
    {"host": "imap.example.org", "username": "robin", "secret": SECRET},
    {"host": "imap.example.org", "username": "robin", "secret": SECRET, "tls": "plain"},
    {"host": "imap.example.org", "username": "robin", "secret": ["Tr0ub4dor&3"]},
    {"host": "imap.example.org", "username": "robin", "secret": "Tr0ub4dor&3\u0000", "port": 0},
    {"host": "imap.example.org", "username": "robin", "secret": {"value": "Tr0ub4dor&3"}},
], ids=["too long", "too long and plain", "a list", "NUL only after cleaning", "an object"])
def test_an_invalid_account_never_echoes_its_secret(client, user, body):
    """Every 422 for an account says what is wrong with the secret without repeating it, on create and on edit."""
    _, token = user()
    res = client.post("/api/v1/accounts", json=body, headers=auth(token))
    assert res.status_code == 422 and res.json["details"], res.json
    assert not _leaks(res.get_data(as_text=True))
    created = client.post("/api/v1/accounts", json={"host": "imap.example.org", "username": "robin", "secret": "ok-secret"},
                          headers=auth(token)).json
    patched = client.patch(f"/api/v1/accounts/{created['id']}", json={"secret": body["secret"]}, headers=auth(token))
    assert patched.status_code in (200, 422) and not _leaks(patched.get_data(as_text=True))
    client.delete(f"/api/v1/accounts/{created['id']}", headers=auth(token))


def test_a_too_long_secret_is_named_by_its_limit(client, user):
    """The reason is still useful: the field and its limit."""
    _, token = user()
    res = client.post("/api/v1/accounts", json={"host": "imap.example.org", "username": "robin", "secret": SECRET},
                      headers=auth(token))
    assert res.json["details"] == ["secret: is longer than 8192 characters"]


def test_a_too_long_pairing_code_is_not_echoed(client):
    """A pairing code is a secret too: the 422 names the limit, not the code."""
    res = client.post("/api/v1/pair", json={"code": "SECRETCODE" * 10})
    assert res.status_code == 422 and "SECRETCODE" not in res.get_data(as_text=True)


def test_account_add_never_prints_a_refused_secret(runner, user, monkeypatch):
    """`onward account add` with a secret the schema refuses says why, without printing the secret."""
    user("robin@example.org")
    monkeypatch.setenv("ONWARD_IMAP_SECRET", SECRET)
    result = runner.invoke(main, ["account", "add", "robin@example.org", "--host", "imap.example.org", "--username", "robin"])
    assert result.exit_code == 1 and "8192" in result.output
    assert not _leaks(result.output)


def test_control_characters_in_a_company_never_reach_the_calendar_file(client, user, ingest):
    """A company name with CR, LF and other control characters gives a calendar file whose lines are only the
    file's own: one VALARM, every line ended by CRLF, no bare CR or other control character anywhere."""
    _, token = user()
    old = datetime.now(UTC) - timedelta(days=12)
    ingest(token, msg(company="Acme\rBEGIN:VALARM\rTRIGGER:-PT1M\nEND:VALARM\x0b\x1b[31m", role="Role\r\nX-INJECT:1", date=old))
    app_id = client.get("/api/v1/follow-ups", query_string={"days": 7}, headers=auth(token)).json["items"][0]["id"]
    res = client.get(f"/api/v1/applications/{app_id}/follow-up.ics", query_string={"days": 7}, headers=auth(token))
    assert res.status_code == 200
    text = res.get_data(as_text=True)
    assert text.endswith("\r\n")
    rows = text[:-2].split("\r\n")
    assert not [row for row in rows if re.search("[\x00-\x1f\x7f]", row)]
    assert rows.count("BEGIN:VALARM") == 1 and not [row for row in rows if row.startswith(("TRIGGER:-", "X-INJECT"))]
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:Follow up: Role X-INJECT:1 at Acme BEGIN:VALARM TRIGGER:-PT1M END:VALARM [31m" in unfolded


def test_the_feedback_mailto_link_keeps_recipient_and_subject_on_one_line():
    """A role with a line break cannot add a header to the draft the mail client opens (the body keeps its CRLFs)."""
    draft = drafts.feedback_email("en", "Acme", "Engineer\r\nBcc: everyone@example.org", "interview",
                                  Recipient("jane@acme.example\r\nCc: x@y", "sender"))
    link = draft["mailto"]
    recipient, _, query = link.removeprefix("mailto:").partition("?")
    subject = unquote(query.split("&")[0].removeprefix("subject="))
    assert not re.search("[\x00-\x1f]", unquote(recipient) + subject)
    assert "Engineer Bcc: everyone@example.org" in subject
    assert "%0D%0A" in query.split("&body=")[1] and "%0D%0D" not in link and not re.search("%0A(?<!%0D%0A)", link)
