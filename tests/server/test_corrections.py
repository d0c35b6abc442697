"""Corrections never lose anything: each hand correction (a label, company, role, status, date,
merge, split) keeps every application, event, reflection and follow-up, is listed in the log, and
its undo gives back exactly the state before; a later sync of the same mail keeps it. Every test
runs on SQLite and on PostgreSQL (the ``app`` fixture)."""

from datetime import UTC, datetime, timedelta

import pytest
from support import auth, msg

NOW = datetime.now(UTC).replace(microsecond=0)


def _day(days_ago: int) -> str:
    return (NOW - timedelta(days=days_ago)).isoformat()


def _get(client, token, path, **query):
    res = client.get(f"/api/v1{path}", headers=auth(token), query_string=query)
    assert res.status_code == 200, res.json
    return res.json


def everything(client, token) -> dict:
    """All the user can see: each application with its status, contact dates, status history,
    messages (id, label, place) and reflections, every message, and the follow-ups."""
    apps = {}
    for item in _get(client, token, "/applications", limit=200)["items"]:
        detail = _get(client, token, f"/applications/{item['id']}")
        apps[item["id"]] = {
            **{k: detail[k] for k in ("company", "role", "status", "first_contact_at", "last_contact_at")},
            "changes": [(c["from_status"], c["to_status"], c["at"], c["source"]) for c in detail["status_changes"]],
            "messages": [(m["id"], m["label"]) for m in detail["messages"]],
            "reflections": [(r["id"], r["went_well"]) for r in _get(client, token, f"/applications/{item['id']}/reflections")["items"]],
        }
    messages = {m["id"]: (m["label"], m["application_id"]) for m in _get(client, token, "/messages", limit=200)["items"]}
    follow_ups = sorted(f["application"]["id"] if "application" in f else f["id"]
                        for f in _get(client, token, "/follow-ups", days=7)["items"])
    return {"apps": apps, "messages": messages, "follow_ups": follow_ups}


@pytest.fixture
def pipeline(client, user, ingest):
    """Stripe: applied, interviewed, rejected (a reflection kept); Stripe again under a mis-read role
    (a confirmation); Acme: applied and waiting long enough for a follow-up."""
    _, token = user()
    ingest(token,
           msg(company="Stripe", role="Data Engineer", date=_day(40)),
           msg("interview_invitation", company="Stripe", role="Data Engineer", date=_day(30)),
           msg("rejection", company="Stripe", role="Data Engineer", date=_day(20), stage="interview"),
           msg(company="Stripe", role="Data Engineer II (remote)", date=_day(39)),
           msg(company="Acme", role="Analyst", date=_day(12)))
    apps = {(a["company"], a["role"]): a["id"] for a in _get(client, token, "/applications")["items"]}
    stripe = apps[("Stripe", "Data Engineer")]
    res = client.post(f"/api/v1/applications/{stripe}/reflections", json={"went_well": "The case study", "to_change": ""},
                      headers=auth(token))
    assert res.status_code == 201
    return token, apps


def _undo(client, token, correction_id: int) -> dict:
    res = client.post(f"/api/v1/corrections/{correction_id}/undo", headers=auth(token))
    assert res.status_code == 200, res.json
    return res.json


def test_not_a_rejection_keeps_the_application_and_its_events_and_undo_restores_it(client, pipeline):
    token, apps = pipeline
    stripe = apps[("Stripe", "Data Engineer")]
    start = everything(client, token)
    rejection = next(m for m, (label, _) in start["messages"].items() if label == "rejection")

    res = client.patch(f"/api/v1/messages/{rejection}", json={"label": "other"}, headers=auth(token))
    assert res.status_code == 200
    undo_until = datetime.fromisoformat(res.json["correction"]["undo_until"])
    assert timedelta(minutes=9) < undo_until - datetime.now(UTC) <= timedelta(minutes=10)
    after = everything(client, token)
    assert after["apps"].keys() == start["apps"].keys()
    assert after["apps"][stripe]["status"] == "interviewing"
    assert [m for m, _ in after["apps"][stripe]["messages"]] == [m for m, _ in start["apps"][stripe]["messages"]]
    assert after["apps"][stripe]["reflections"] == start["apps"][stripe]["reflections"]

    undone = _undo(client, token, res.json["correction"]["id"])
    assert undone["message"]["label"] == "rejection" and undone["message"]["application_id"] == stripe
    assert everything(client, token) == start


def test_not_about_a_job_takes_the_email_out_and_keeps_the_application(client, pipeline):
    token, apps = pipeline
    start = everything(client, token)
    acme = apps[("Acme", "Analyst")]
    only = start["apps"][acme]["messages"][0][0]
    res = client.patch(f"/api/v1/messages/{only}", json={"label": "other", "about_job": False}, headers=auth(token))
    assert res.status_code == 200 and res.json["application_id"] is None
    after = everything(client, token)
    assert acme in after["apps"] and after["apps"][acme]["messages"] == []
    _undo(client, token, res.json["correction"]["id"])
    assert everything(client, token) == start


def test_edits_of_company_role_status_and_date_are_each_undone(client, pipeline):
    token, apps = pipeline
    acme = apps[("Acme", "Analyst")]
    start = everything(client, token)
    edits = [{"company": "Acme Analytics"}, {"role": "Senior Analyst"}, {"status": "interviewing"},
             {"status": "applied", "status_at": _day(60)}]
    ids = []
    for patch in edits:
        res = client.patch(f"/api/v1/applications/{acme}", json=patch, headers=auth(token))
        assert res.status_code == 200, res.json
        ids.append(_get(client, token, "/corrections")["items"][0]["id"])
    detail = _get(client, token, f"/applications/{acme}")
    assert (detail["company"], detail["role"], detail["first_contact_at"][:10]) == ("Acme Analytics", "Senior Analyst", _day(60)[:10])
    log = _get(client, token, "/corrections")["items"]
    assert [c["kind"] for c in log] == ["dates", "status", "role", "company"]
    assert log[3]["before"] == {"company": "Acme"} and log[3]["after"] == {"company": "Acme Analytics"}
    for correction_id in reversed(ids):
        _undo(client, token, correction_id)
    assert everything(client, token) == start
    assert all(c["undone_at"] for c in _get(client, token, "/corrections")["items"])


def test_merge_and_its_undo_lose_nothing(client, pipeline):
    token, apps = pipeline
    stripe, twin = apps[("Stripe", "Data Engineer")], apps[("Stripe", "Data Engineer II (remote)")]
    client.post(f"/api/v1/applications/{twin}/reflections", json={"went_well": "Quick reply", "to_change": ""}, headers=auth(token))
    client.patch(f"/api/v1/applications/{twin}", json={"status": "assessment"}, headers=auth(token))
    start = everything(client, token)
    res = client.post(f"/api/v1/applications/{stripe}/merge", json={"other_id": twin}, headers=auth(token))
    assert res.status_code == 200
    merged = everything(client, token)
    assert twin not in merged["apps"]
    assert sorted(merged["apps"][stripe]["messages"]) == sorted(start["apps"][stripe]["messages"] + start["apps"][twin]["messages"])
    assert sorted(merged["apps"][stripe]["reflections"]) == sorted(start["apps"][stripe]["reflections"] + start["apps"][twin]["reflections"])
    _undo(client, token, _get(client, token, "/corrections")["items"][0]["id"])
    assert everything(client, token) == start


def test_split_and_its_undo_lose_nothing(client, pipeline):
    token, apps = pipeline
    stripe = apps[("Stripe", "Data Engineer")]
    start = everything(client, token)
    interview = next(m for m, label in start["apps"][stripe]["messages"] if label == "interview_invitation")
    res = client.post(f"/api/v1/applications/{stripe}/split", json={"message_ids": [interview], "role": "Platform Engineer"},
                      headers=auth(token))
    assert res.status_code == 201
    new = res.json["id"]
    assert [m for m, _ in everything(client, token)["apps"][new]["messages"]] == [interview]
    _undo(client, token, _get(client, token, "/corrections")["items"][0]["id"])
    assert everything(client, token) == start


def test_a_correction_survives_a_later_sync_of_the_same_email(client, pipeline, ingest):
    token, apps = pipeline
    rejection = next(m for m in _get(client, token, "/messages")["items"] if m["label"] == "rejection")
    client.patch(f"/api/v1/messages/{rejection['id']}", json={"label": "other"}, headers=auth(token))
    client.patch(f"/api/v1/applications/{apps[('Acme', 'Analyst')]}", json={"role": "Senior Analyst"}, headers=auth(token))
    before = everything(client, token)
    resent = {k: rejection[k] for k in ("account", "folder", "uidvalidity", "uid", "message_id", "date", "company", "role", "stage")}
    ingest(token, msg("rejection", **{**resent, "confidence": 0.99, "snippet": "We decided to move on."}))
    acme = next(m for m in _get(client, token, "/messages")["items"] if m["company"] == "Acme")
    ingest(token, msg(**{k: acme[k] for k in ("account", "folder", "uidvalidity", "uid", "message_id", "date", "company")},
                      role="Analyst", snippet="Thanks again"))
    assert everything(client, token) == before


def test_a_please_check_answer_is_a_correction_that_can_be_undone(client, user, ingest):
    _, token = user()
    ingest(token, msg(company="Initech", date=_day(10)), msg("rejection", company="Initech", confidence=0.5, date=_day(5)))
    start = everything(client, token)
    unsure = _get(client, token, "/checks")["items"][0]["message"]["id"]
    assert client.post(f"/api/v1/messages/{unsure}/check", json={"rejection": True}, headers=auth(token)).status_code == 200
    assert _get(client, token, "/checks")["total"] == 0
    log = _get(client, token, "/corrections")["items"]
    assert log[0]["kind"] == "label" and log[0]["before"]["label"] == "possible_rejection" and log[0]["after"]["label"] == "rejection"
    _undo(client, token, log[0]["id"])
    assert everything(client, token) == start and _get(client, token, "/checks")["total"] == 1


def test_undo_twice_is_409_and_another_users_correction_is_404(client, user, pipeline):
    token, apps = pipeline
    client.patch(f"/api/v1/applications/{apps[('Acme', 'Analyst')]}", json={"company": "Acme Corp"}, headers=auth(token))
    correction_id = _get(client, token, "/corrections")["items"][0]["id"]
    _, stranger = user()
    assert client.post(f"/api/v1/corrections/{correction_id}/undo", headers=auth(stranger)).status_code == 404
    assert _get(client, stranger, "/corrections")["items"] == []
    _undo(client, token, correction_id)
    assert client.post(f"/api/v1/corrections/{correction_id}/undo", headers=auth(token)).status_code == 409
    assert client.post("/api/v1/corrections/999999/undo", headers=auth(token)).status_code == 404


def test_about_job_without_a_label_is_422(client, pipeline):
    token, apps = pipeline
    mid = _get(client, token, "/messages")["items"][0]["id"]
    res = client.patch(f"/api/v1/messages/{mid}", json={"about_job": False}, headers=auth(token))
    assert res.status_code == 422 and "label" in str(res.json)


def test_every_kind_of_correction_is_one_the_api_documents(client, pipeline):
    """Notes alone, several fields at once and a status now are logged under the documented kinds."""
    from server.schemas.responses import CORRECTION_OUT

    token, apps = pipeline
    acme = apps[("Acme", "Analyst")]
    for patch in ({"notes": "Met them at a meetup"}, {"company": "Acme Ltd", "role": "Lead Analyst"}, {"status": "withdrawn"}):
        assert client.patch(f"/api/v1/applications/{acme}", json=patch, headers=auth(token)).status_code == 200
    kinds = [c["kind"] for c in _get(client, token, "/corrections")["items"]]
    assert kinds == ["status", "details", "details"] and set(kinds) <= set(CORRECTION_OUT["properties"]["kind"]["enum"])


def test_deleting_an_application_is_undone_with_its_history_and_reflections(client, pipeline):
    token, apps = pipeline
    stripe = apps[("Stripe", "Data Engineer")]
    client.patch(f"/api/v1/applications/{stripe}", json={"status": "offer", "status_at": _day(15)}, headers=auth(token))
    start = everything(client, token)
    assert client.delete(f"/api/v1/applications/{stripe}", headers=auth(token)).status_code == 204
    gone = everything(client, token)
    assert stripe not in gone["apps"] and all(app_id is None for m, (_, app_id) in gone["messages"].items()
                                              if m in dict(start["apps"][stripe]["messages"]))
    log = _get(client, token, "/corrections")["items"]
    assert log[0]["kind"] == "delete" and log[0]["before"]["company"] == "Stripe"
    _undo(client, token, log[0]["id"])
    assert everything(client, token) == start
