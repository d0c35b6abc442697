"""What the user has had with an employer; classifying an email the extension shows."""

from support import auth, msg


def test_history_by_name_in_any_spelling(client, user, ingest):
    """The employer's applications come back for "ACME, Inc." as for "Acme", with the last message."""
    _, token = user()
    ingest(token, msg(role="A"), msg("rejection", role="A", subject="Your application", date="2026-02-01T00:00:00Z"), msg(role="B"),
           msg(company="Globex"))
    res = client.get("/api/v1/companies/history?name=ACME,%20Inc.", headers=auth(token)).json
    assert res["company"] == "Acme" and sorted(a["role"] for a in res["applications"]) == ["A", "B"]
    rejected = next(a for a in res["applications"] if a["role"] == "A")
    assert rejected["status"] == "rejected" and rejected["last_message"]["subject"] == "Your application"


def test_history_by_domain(client, user, ingest):
    """A web domain finds the employers whose mail came from it, and the employer named like it."""
    _, token = user()
    ingest(token, msg(company="Larkspur Robotics", from_address="talent@mail.larkspur.io"), msg(company="Globex", from_address="x@globex.com"))
    by_mail = client.get("/api/v1/companies/history?domain=www.larkspur.io", headers=auth(token)).json
    assert [a["company"] for a in by_mail["applications"]] == ["Larkspur Robotics"]
    by_name = client.get("/api/v1/companies/history?domain=globex.co.uk", headers=auth(token)).json
    assert [a["company"] for a in by_name["applications"]] == ["Globex"]


def test_history_of_nobody_is_empty(client, user):
    """An unknown employer, or no name and no domain, is an empty history; an unknown parameter is a 400."""
    _, token = user()
    empty = {"company": None, "applications": []}
    assert client.get("/api/v1/companies/history", headers=auth(token)).json == empty
    assert client.get("/api/v1/companies/history?name=Nobody", headers=auth(token)).json == empty
    assert client.get("/api/v1/companies/history?company=Acme", headers=auth(token)).status_code == 400


REJECTION = {"subject": "Your application for Data Engineer", "from_name": "Acme Careers", "from_address": "jobs@acme.com",
             "text": "Dear Robin,\n\nThank you for your interest. Unfortunately we have decided not to move forward with your "
                     "application for the Data Engineer role.\n\nBest regards,\nAcme Talent Team"}


def test_classify_uses_the_workers_classifier_and_stores_nothing(client, user):
    """The extension gets the label, stage and employer of an email; nothing is stored."""
    _, token = user()
    res = client.post("/api/v1/classify", json=REJECTION, headers=auth(token))
    assert res.status_code == 200
    assert res.json["label"] == "rejection" and res.json["company"] == "Acme" and res.json["message"] is None
    assert res.json["reasons"]
    assert client.get("/api/v1/messages", headers=auth(token)).json["total"] == 0


def test_classify_with_track_stores_it_once(client, user):
    """With track the email is stored as an "extension" message and opens an application; tracking again adds nothing."""
    _, token = user()
    for _ in range(2):
        res = client.post("/api/v1/classify", json={**REJECTION, "track": True, "date": "2026-03-01T10:00:00Z"}, headers=auth(token))
        assert res.status_code == 200
    stored = res.json["message"]
    assert stored["account"] == "extension" and stored["label"] == "rejection" and stored["application_id"]
    assert client.get("/api/v1/messages", headers=auth(token)).json["total"] == 1
    assert client.get("/api/v1/applications", headers=auth(token)).json["items"][0]["status"] == "rejected"


def test_classify_validates_its_input(client, user):
    """A request without text or with an unknown field is 422."""
    _, token = user()
    assert client.post("/api/v1/classify", json={"subject": "x"}, headers=auth(token)).status_code == 422
    assert client.post("/api/v1/classify", json={"text": "x", "html": "<b>"}, headers=auth(token)).status_code == 422
