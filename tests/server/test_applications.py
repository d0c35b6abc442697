"""The user's corrections: create, edit, merge, split, delete, relabel; none undone by a re-sync."""

from support import auth, msg


def _only(client, token) -> dict:
    items = client.get("/api/v1/applications", headers=auth(token)).json["items"]
    assert len(items) == 1, items
    return client.get(f"/api/v1/applications/{items[0]['id']}", headers=auth(token)).json


def test_create_application_by_hand(client, user):
    """An application the mailbox never showed can be added, with its status kept as a user change."""
    _, token = user()
    res = client.post("/api/v1/applications", json={"company": "Initech GmbH", "role": "Analyst", "applied_at": "2026-03-01T10:00:00+01:00"},
                      headers=auth(token))
    assert res.status_code == 201
    body = res.json
    assert (body["company"], body["role"], body["status"], body["origin"]) == ("Initech GmbH", "Analyst", "applied", "user")
    assert body["status_changes"] == [{"from_status": None, "to_status": "applied", "at": "2026-03-01T09:00:00+00:00", "source": "user", "message_id": None}]


def test_later_message_attaches_to_a_hand_made_application(client, user, ingest):
    """A rejection from the employer joins the application the user created."""
    _, token = user()
    client.post("/api/v1/applications", json={"company": "Initech", "role": "Analyst", "applied_at": "2026-03-01T10:00:00Z"}, headers=auth(token))
    ingest(token, msg("rejection", company="INITECH Inc.", role="analyst", date="2026-03-10T10:00:00Z"))
    assert _only(client, token)["status"] == "rejected"


def test_edit_status_and_notes_is_kept(client, user, ingest):
    """A status set by the user is in the history and survives a re-sync of the same messages."""
    _, token = user()
    batch = [msg(date="2026-01-01T00:00:00Z")]
    ingest(token, *batch)
    app_id = _only(client, token)["id"]
    res = client.patch(f"/api/v1/applications/{app_id}", json={"status": "withdrawn", "notes": "Took another offer"}, headers=auth(token))
    assert res.status_code == 200 and res.json["status"] == "withdrawn" and res.json["notes"] == "Took another offer"
    ingest(token, *batch)
    ingest(token, {**batch[0], "confidence": 0.5})  # a re-sync that updates the message
    detail = _only(client, token)
    assert detail["status"] == "withdrawn" and detail["status_changes"][-1]["source"] == "user"


def test_edit_company_and_role(client, user, ingest):
    """Company and role can be corrected; the messages stay with the application afterwards."""
    _, token = user()
    ingest(token, msg(company="Acme Careers", role=None))
    app_id = _only(client, token)["id"]
    res = client.patch(f"/api/v1/applications/{app_id}", json={"company": "Acme", "role": "Platform Engineer"}, headers=auth(token))
    assert (res.json["company"], res.json["role"]) == ("Acme", "Platform Engineer")
    ingest(token, msg("interview_invitation", company="Acme", role="Platform Engineer", date="2026-02-01T00:00:00Z"))
    detail = _only(client, token)
    assert detail["status"] == "interviewing" and len(detail["messages"]) == 2


def test_merge_moves_messages_and_history(client, user, ingest):
    """Merging two applications leaves one with all the messages; the other is gone."""
    _, token = user()
    ingest(token, msg(role="Data Engineer"), msg("interview_invitation", role="Data Eng.", date="2026-02-01T00:00:00Z"))
    items = client.get("/api/v1/applications", headers=auth(token)).json["items"]
    assert len(items) == 2
    keep, other = sorted(a["id"] for a in items)
    res = client.post(f"/api/v1/applications/{keep}/merge", json={"other_id": other}, headers=auth(token))
    assert res.status_code == 200
    assert res.json["status"] == "interviewing" and len(res.json["messages"]) == 2
    assert [c["to_status"] for c in res.json["status_changes"]] == ["applied", "interviewing"]
    assert client.get(f"/api/v1/applications/{other}", headers=auth(token)).status_code == 404
    ingest(token, msg("offer", role="Data Engineer", date="2026-03-01T00:00:00Z"))
    assert _only(client, token)["status"] == "offer"


def test_merge_into_itself_is_409(client, user, ingest):
    """An application cannot be merged into itself."""
    _, token = user()
    ingest(token, msg())
    app_id = _only(client, token)["id"]
    assert client.post(f"/api/v1/applications/{app_id}/merge", json={"other_id": app_id}, headers=auth(token)).status_code == 409


def test_split_moves_chosen_messages_to_a_new_application(client, user, ingest):
    """Split takes the chosen messages into a new application; both statuses follow their messages."""
    _, token = user()
    ingest(token, msg(role=None), msg("rejection", role=None, date="2026-02-01T00:00:00Z"))
    detail = _only(client, token)
    assert detail["status"] == "rejected"
    rejection = detail["messages"][1]["id"]
    res = client.post(f"/api/v1/applications/{detail['id']}/split", json={"message_ids": [rejection], "role": "Designer"}, headers=auth(token))
    assert res.status_code == 201
    assert (res.json["status"], res.json["role"], [m["id"] for m in res.json["messages"]]) == ("rejected", "Designer", [rejection])
    assert client.get(f"/api/v1/applications/{detail['id']}", headers=auth(token)).json["status"] == "applied"
    ingest(token, msg(role=None), msg("rejection", role=None, date="2026-02-01T00:00:00Z"))  # new copies link as usual
    assert client.get("/api/v1/applications", headers=auth(token)).json["total"] >= 2


def test_split_refuses_messages_of_another_application(client, user, ingest):
    """Only the application's own messages can be split off."""
    _, token = user()
    ingest(token, msg(role="A"), msg(role="B"))
    a, b = client.get("/api/v1/applications", headers=auth(token)).json["items"]
    other_msg = client.get(f"/api/v1/applications/{b['id']}", headers=auth(token)).json["messages"][0]["id"]
    res = client.post(f"/api/v1/applications/{a['id']}/split", json={"message_ids": [other_msg]}, headers=auth(token))
    assert res.status_code == 404


def test_delete_keeps_messages_and_a_resync_does_not_recreate_it(client, user, ingest):
    """A deleted application stays deleted after the same messages are synced again."""
    _, token = user()
    batch = [msg(), msg("rejection", date="2026-02-01T00:00:00Z")]
    ingest(token, *batch)
    app_id = _only(client, token)["id"]
    assert client.delete(f"/api/v1/applications/{app_id}", headers=auth(token)).status_code == 204
    ingest(token, *batch)
    ingest(token, *[{**m, "confidence": 0.42} for m in batch])
    assert client.get("/api/v1/applications", headers=auth(token)).json["total"] == 0
    assert client.get("/api/v1/messages", headers=auth(token)).json["total"] == 2


def test_relabel_moves_the_application_back(client, user, ingest):
    """"This is not a rejection": the email stays in the application's timeline, the application goes back to its
    previous status, and a re-sync keeps it so."""
    _, token = user()
    batch = [msg(date="2026-01-01T00:00:00Z"), msg("interview_invitation", date="2026-01-10T00:00:00Z"),
             msg("rejection", date="2026-01-20T00:00:00Z")]
    ingest(token, *batch)
    detail = _only(client, token)
    assert detail["status"] == "rejected"
    rejection = detail["messages"][-1]["id"]
    res = client.patch(f"/api/v1/messages/{rejection}", json={"label": "other"}, headers=auth(token))
    assert res.status_code == 200 and res.json["label"] == "other" and res.json["classified_label"] == "rejection"
    assert res.json["label_corrected"] is True and res.json["application_id"] == detail["id"]
    assert _only(client, token)["status"] == "interviewing"
    ingest(token, *batch)
    ingest(token, {**batch[2], "confidence": 0.99, "snippet": "We regret to inform you"})
    detail = _only(client, token)
    assert detail["status"] == "interviewing" and len(detail["messages"]) == 3
    assert client.get(f"/api/v1/messages/{rejection}", headers=auth(token)).json["label"] == "other"


def test_relabel_the_only_message_keeps_the_application(client, user, ingest):
    """A correction never deletes an application: relabelling its only email leaves it waiting as applied
    (the user deletes it if they want it gone)."""
    _, token = user()
    ingest(token, msg("rejection"))
    mid = client.get("/api/v1/messages", headers=auth(token)).json["items"][0]["id"]
    client.patch(f"/api/v1/messages/{mid}", json={"label": "job_alert"}, headers=auth(token))
    apps = client.get("/api/v1/applications", headers=auth(token)).json
    assert apps["total"] == 1 and apps["items"][0]["status"] == "applied"


def test_relabel_into_an_application_label_links_it(client, user, ingest):
    """A message relabelled as a rejection joins its employer's application and moves it."""
    _, token = user()
    ingest(token, msg(), msg("other", date="2026-02-01T00:00:00Z"))
    other = next(m for m in client.get("/api/v1/messages", headers=auth(token)).json["items"] if m["label"] == "other")
    client.patch(f"/api/v1/messages/{other['id']}", json={"label": "rejection"}, headers=auth(token))
    assert _only(client, token)["status"] == "rejected"


def test_move_a_message_to_another_application(client, user, ingest):
    """A message can be placed in a chosen application and stays there."""
    _, token = user()
    ingest(token, msg(role="A"), msg(role="B"), msg("rejection", role="A", date="2026-02-01T00:00:00Z"))
    apps = {a["role"]: a["id"] for a in client.get("/api/v1/applications", headers=auth(token)).json["items"]}
    rejection = next(m for m in client.get("/api/v1/messages?label=rejection", headers=auth(token)).json["items"])
    res = client.patch(f"/api/v1/messages/{rejection['id']}", json={"application_id": apps["B"]}, headers=auth(token))
    assert res.json["application_id"] == apps["B"] and res.json["pinned"] is True
    statuses = {a["role"]: a["status"] for a in client.get("/api/v1/applications", headers=auth(token)).json["items"]}
    assert statuses == {"A": "applied", "B": "rejected"}


def test_list_filters_by_status_and_paginates(client, user, ingest):
    """Applications filter by status and page with limit and offset."""
    _, token = user()
    ingest(token, *[msg(company=f"Company {n}") for n in range(5)], msg("rejection", company="Company 0", date="2026-02-01T00:00:00Z"))
    h = auth(token)
    assert client.get("/api/v1/applications?status=rejected", headers=h).json["total"] == 1
    page = client.get("/api/v1/applications?limit=2&offset=2", headers=h).json
    assert len(page["items"]) == 2 and page["total"] == 5 and page["next_offset"] == 4
    assert client.get("/api/v1/applications?status=lost", headers=h).status_code == 400


def _sent(client, token, week: str) -> int:
    return client.get(f"/api/v1/summary/weekly?week={week}", headers=auth(token)).json["applications_sent"]


def test_a_saved_posting_is_no_application_until_the_employer_confirms_one(client, user, ingest):
    """A posting saved from a job board keeps the status ``saved`` (never ghosted, never counted as sent);
    the employer's confirmation weeks later joins it, moves it to ``applied`` and counts it in its own week."""
    _, token = user()
    res = client.post("/api/v1/applications", json={"company": "Initech", "role": "Analyst", "status": "saved",
                                                     "applied_at": "2026-01-06T10:00:00Z"}, headers=auth(token))
    assert res.status_code == 201 and res.json["status"] == "saved"
    assert _sent(client, token, "2026-W02") == 0
    ingest(token, msg("application_confirmation", company="Initech", role="Analyst", date="2026-01-21T10:00:00Z"))
    app = _only(client, token)
    assert app["status"] == "applied" and [c["to_status"] for c in app["status_changes"]] == ["saved", "applied"]
    assert app["first_contact_at"] == "2026-01-21T10:00:00+00:00"  # saving it was no contact with Initech
    assert (_sent(client, token, "2026-W02"), _sent(client, token, "2026-W04")) == (0, 1)


def test_a_status_the_api_does_not_know_is_refused(client, user):
    """Only the pipeline's statuses are accepted for a new application."""
    _, token = user()
    res = client.post("/api/v1/applications", json={"company": "Initech", "status": "bookmarked"}, headers=auth(token))
    assert res.status_code == 422
    assert client.get("/api/v1/applications", headers=auth(token)).json["total"] == 0


def test_a_role_with_a_gender_marker_is_the_same_role(client, user, ingest):
    """"Datenanalyst (m/w/d)" tracked from a job board and the employer's "Datenanalyst" are one application."""
    _, token = user()
    client.post("/api/v1/applications", json={"company": "Hooli", "role": "Datenanalyst (m/w/d)",
                                              "applied_at": "2026-03-01T10:00:00Z"}, headers=auth(token))
    client.post("/api/v1/applications", json={"company": "Hooli", "role": "Buchhalter (w/m/d)",
                                              "applied_at": "2026-03-01T10:00:00Z"}, headers=auth(token))
    ingest(token, msg("rejection", company="Hooli", role="Datenanalyst", date="2026-03-10T10:00:00Z"))
    items = client.get("/api/v1/applications", headers=auth(token)).json["items"]
    assert sorted((a["role"], a["status"]) for a in items) == [("Buchhalter (w/m/d)", "applied"),
                                                                ("Datenanalyst (m/w/d)", "rejected")]
