"""Ingesting messages: idempotent, validated item by item, metadata only; reading them back."""

import pytest
from support import auth, msg


def test_same_batch_twice_stores_nothing_new(client, user, ingest):
    """The second post of a batch is all ignored and adds no message or application."""
    _, token = user()
    batch = [msg(), msg("rejection", date="2026-02-01T10:00:00Z")]
    assert ingest(token, *batch) == {"new": 2, "updated": 0, "ignored": 0, "rejected": []}
    assert ingest(token, *batch) == {"new": 0, "updated": 0, "ignored": 2, "rejected": []}
    assert client.get("/api/v1/messages", headers=auth(token)).json["total"] == 2
    assert client.get("/api/v1/applications", headers=auth(token)).json["total"] == 1


def test_idempotent_on_message_id_across_folders(user, ingest):
    """The same Message-ID seen in another folder (a copy) is not stored twice."""
    _, token = user()
    first = msg()
    copy = {**first, "folder": "Jobs", "uid": 99999}
    ingest(token, first)
    assert ingest(token, copy)["ignored"] == 1


def test_idempotent_on_imap_position_without_message_id(user, ingest):
    """A message with no Message-ID is known by account, folder, UIDVALIDITY and UID."""
    _, token = user()
    item = msg(message_id=None)
    assert ingest(token, item)["new"] == 1
    assert ingest(token, item)["ignored"] == 1
    assert ingest(token, {**item, "uidvalidity": 8})["new"] == 1  # a new UIDVALIDITY is a new mailbox generation


def test_changed_classification_counts_as_updated(client, user, ingest):
    """A re-sync with a better classification updates the stored message."""
    _, token = user()
    item = msg("other")
    ingest(token, item)
    assert ingest(token, {**item, "label": "rejection", "confidence": 0.95})["updated"] == 1
    stored = client.get("/api/v1/messages", headers=auth(token)).json["items"][0]
    assert stored["label"] == "rejection" and stored["application_id"] is not None


@pytest.mark.parametrize(("change", "field"), [
    ({"label": "maybe"}, "label"),
    ({"confidence": 1.5}, "confidence"),
    ({"date": "yesterday"}, "date"),
    ({"date": "2026-01-05"}, "date"),
    ({"snippet": "x" * 301}, "snippet"),
    ({"uid": -1}, "uid"),
    ({"stage": "final"}, "stage"),
    ({"keeps_on_file": "yes"}, "keeps_on_file"),
    ({"link": "javascript:alert(1)"}, "link"),
    ({"body": "the whole email"}, "body"),
    ({"account": ""}, "account"),
    ({"message_id": None, "uid": None}, "message_id"),
])
def test_invalid_items_are_rejected_one_by_one(client, user, ingest, change, field):
    """An invalid item is listed with its index and reasons; the valid items of the batch are kept."""
    _, token = user()
    bad = {**msg(), **change}
    result = ingest(token, msg(), bad, msg())
    assert result["new"] == 2
    assert [r["index"] for r in result["rejected"]] == [1]
    assert any(field in reason for reason in result["rejected"][0]["reasons"]), result["rejected"]


def test_required_fields_are_reported(user, ingest):
    """A missing required field is named in the reasons."""
    _, token = user()
    item = msg()
    del item["date"]
    assert "'date' is a required property" in ingest(token, item)["rejected"][0]["reasons"][0]


@pytest.mark.parametrize("envelope", [{}, {"messages": "x"}, {"messages": [1, 2]}, {"messages": [], "extra": 1}, []])
def test_invalid_envelope_is_422(client, user, envelope):
    """Only a malformed envelope fails the whole request, with 422 and reasons."""
    _, token = user()
    res = client.post("/api/v1/messages", json=envelope, headers=auth(token))
    assert res.status_code == 422 and res.json["error"] == "unprocessable" and res.json["details"]


def test_more_than_500_messages_is_413(client, user):
    """A batch over 500 items is refused with 413 and nothing is stored."""
    _, token = user()
    res = client.post("/api/v1/messages", json={"messages": [msg() for _ in range(501)]}, headers=auth(token))
    assert res.status_code == 413
    assert client.get("/api/v1/messages", headers=auth(token)).json["total"] == 0


def test_full_batch_of_500_is_accepted(client, user, ingest):
    """Exactly 500 messages go through in one request."""
    _, token = user()
    companies = [f"Company {n}" for n in range(50)]
    result = ingest(token, *[msg(company=companies[n % 50], date=f"2026-01-{1 + n % 28:02d}T08:00:00Z") for n in range(500)])
    assert result["new"] == 500


def test_worker_record_is_accepted_as_is_and_only_metadata_kept(client, user, ingest):
    """The worker's own record (with reasons, defects, source) is accepted; none of those are stored."""
    _, token = user()
    record = {**msg(), "source": "inbox.mbox#3", "reasons": ["thanks for applying"], "defects": []}
    ingest(token, record)
    stored = client.get("/api/v1/messages", headers=auth(token)).json["items"][0]
    assert "reasons" not in stored and "source" not in stored and "body" not in stored
    assert stored["snippet"] == "Thank you for applying."


def test_nul_characters_are_dropped_not_fatal(client, user, ingest):
    """Strings with NUL characters are stored without them (PostgreSQL cannot keep them)."""
    _, token = user()
    ingest(token, msg(subject="Hello\x00 there"))
    assert client.get("/api/v1/messages", headers=auth(token)).json["items"][0]["subject"] == "Hello there"


def test_list_filters_and_orders_by_date_then_id(client, user, ingest):
    """Messages come newest first and filter by label, date range and company (any spelling)."""
    _, token = user()
    ingest(token, msg(date="2026-01-01T00:00:00Z"), msg("rejection", date="2026-03-01T00:00:00Z"),
           msg(company="Globex", date="2026-02-01T00:00:00Z"), msg("job_alert", company=None, date="2026-02-01T00:00:00Z"))
    h = auth(token)
    dates = [m["date"] for m in client.get("/api/v1/messages", headers=h).json["items"]]
    assert dates == sorted(dates, reverse=True)
    assert [m["label"] for m in client.get("/api/v1/messages?label=rejection", headers=h).json["items"]] == ["rejection"]
    since = client.get("/api/v1/messages?since=2026-01-15T00:00:00Z&until=2026-02-15T00:00:00Z", headers=h).json
    assert since["total"] == 2
    assert client.get("/api/v1/messages?company=ACME%20Inc.", headers=h).json["total"] == 2


def test_pagination_is_stable(client, user, ingest):
    """Pages of a fixed size cover every message once, ties on date broken by id."""
    _, token = user()
    ingest(token, *[msg(date="2026-01-01T00:00:00Z") for _ in range(7)])
    seen, offset = [], 0
    while offset is not None:
        page = client.get(f"/api/v1/messages?limit=3&offset={offset}", headers=auth(token)).json
        seen += [m["id"] for m in page["items"]]
        offset = page["next_offset"]
    assert len(seen) == 7 and seen == sorted(seen, reverse=True)


@pytest.mark.parametrize("qs", ["limit=0", "limit=501", "limit=x", "offset=-1", "label=nope", "since=tomorrow"])
def test_bad_query_strings_are_400(client, user, qs):
    """Query strings are validated with the same schemas; a bad one is 400 with reasons."""
    _, token = user()
    res = client.get(f"/api/v1/messages?{qs}", headers=auth(token))
    assert res.status_code == 400 and res.json["details"]


def test_sync_state_gives_highest_uid_per_folder(client, user, ingest):
    """The sync state lists each account, folder and UIDVALIDITY with the highest UID stored."""
    _, token = user()
    ingest(token, msg(uid=10, message_id="<a@x>"), msg(uid=42, message_id="<b@x>"), msg(folder="Jobs", uid=5, message_id="<c@x>"),
           msg(account="import", folder=None, uid=None, uidvalidity=None, message_id="<d@x>"))
    state = client.get("/api/v1/sync-state", headers=auth(token)).json["folders"]
    assert state == [
        {"account": "imap:robin@example.org", "folder": "INBOX", "uidvalidity": 7, "max_uid": 42, "count": 2},
        {"account": "imap:robin@example.org", "folder": "Jobs", "uidvalidity": 7, "max_uid": 5, "count": 1},
    ]


def test_get_one_message(client, user, ingest):
    """A message can be read by id."""
    _, token = user()
    ingest(token, msg(subject="Hello"))
    mid = client.get("/api/v1/messages", headers=auth(token)).json["items"][0]["id"]
    assert client.get(f"/api/v1/messages/{mid}", headers=auth(token)).json["subject"] == "Hello"
    assert client.get(f"/api/v1/messages/{mid + 1000}", headers=auth(token)).status_code == 404
