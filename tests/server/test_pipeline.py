"""From messages to applications: linking, statuses, history, ghosting, order independence."""

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from support import auth, msg

from server import pipeline
from server.pipeline import Candidate, Event, choose, replay

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def day(n: int) -> datetime:
    return T0 + timedelta(days=n)


@pytest.mark.parametrize(("labels", "status"), [
    (["application_confirmation"], "applied"),
    (["application_confirmation", "interview_invitation"], "interviewing"),
    (["application_confirmation", "interview_invitation", "offer"], "offer"),
    (["application_confirmation", "interview_invitation", "rejection"], "rejected"),
    (["rejection"], "rejected"),
    (["interview_invitation", "application_confirmation"], "interviewing"),
    (["offer", "interview_invitation"], "offer"),
    (["application_confirmation", "job_alert", "other"], "applied"),
    (["application_confirmation", pipeline.ASSESSMENT_INVITATION], "assessment"),
    (["application_confirmation", pipeline.ASSESSMENT_INVITATION, "interview_invitation"], "interviewing"),
    (["application_confirmation", "interview_invitation", pipeline.ASSESSMENT_INVITATION], "interviewing"),
    (["offer", pipeline.ASSESSMENT_INVITATION], "offer"),
])
def test_replay_gives_the_status_of_the_latest_meaningful_message(labels, status):
    """Each label moves the status; a late confirmation or a meeting after an offer does not move it back."""
    events = [Event(day(n), label=label, message_id=n + 1) for n, label in enumerate(labels)]
    assert replay(events, day(len(labels)), 30).status == status


@pytest.mark.parametrize(("label", "stage", "event"), [
    ("interview_invitation", "assessment", pipeline.ASSESSMENT_INVITATION),
    ("interview_invitation", None, "interview_invitation"),
    ("rejection", "assessment", "rejection"),
])
def test_an_invitation_at_the_assessment_stage_is_an_assessment(label, stage, event):
    """An invitation whose stage is ``assessment`` (a test to take) moves an application to Assessment, not Interviewing."""
    assert pipeline.event_label(label, stage) == event


def test_replay_keeps_every_change_with_its_message():
    """The history lists each change with its time and the message that caused it."""
    events = [Event(day(0), label="application_confirmation", message_id=1), Event(day(3), label="interview_invitation", message_id=2),
              Event(day(9), label="rejection", message_id=3)]
    changes = replay(events, day(10), 30).changes
    assert [(c.from_status, c.to_status, c.at, c.message_id) for c in changes] == [
        (None, "applied", day(0), 1), ("applied", "interviewing", day(3), 2), ("interviewing", "rejected", day(9), 3)]


def test_ghosted_after_n_days_at_last_contact_plus_n():
    """An active application with no contact for N days is ghosted, dated last contact + N days; a reply revives it."""
    events = [Event(day(0), label="application_confirmation", message_id=1)]
    result = replay(events, day(45), 30)
    assert result.status == "ghosted" and result.changes[-1].at == day(30) and result.changes[-1].source == "ghosted"
    assert replay(events, day(29), 30).status == "applied"
    revived = replay([*events, Event(day(50), label="interview_invitation", message_id=2)], day(51), 30)
    assert [c.to_status for c in revived.changes] == ["applied", "ghosted", "interviewing"]


def test_closed_applications_are_never_ghosted():
    """A rejected application stays rejected however long nothing comes."""
    assert replay([Event(day(0), label="rejection", message_id=1)], day(400), 30).status == "rejected"


def test_user_corrections_are_events_too():
    """A user's status is applied at its time, and kept even when it repeats the status."""
    events = [Event(day(0), label="application_confirmation", message_id=1), Event(day(2), status="withdrawn"),
              Event(day(3), status="withdrawn")]
    result = replay(events, day(4), 30)
    assert result.status == "withdrawn" and [c.source for c in result.changes] == ["message", "user", "user"]


def test_choose_matches_role_and_prefers_the_open_application():
    """Same employer, same role joins; a different role opens another application."""
    engineer = Candidate("eng", "data engineer", [Event(day(0), label="application_confirmation", message_id=1)])
    assert choose("rejection", "data engineer", day(5), [engineer], 30) is engineer
    assert choose("rejection", "designer", day(5), [engineer], 30) is None
    assert choose("job_alert", "data engineer", day(5), [engineer], 30) is None


def test_choose_roleless_message_joins_only_a_single_open_application():
    """A message without a role joins the employer's one open application, and nothing when there are two."""
    one = Candidate("a", "data engineer", [Event(day(0), label="application_confirmation", message_id=1)])
    two = Candidate("b", "designer", [Event(day(1), label="application_confirmation", message_id=2)])
    assert choose("rejection", None, day(5), [one], 30) is one
    assert choose("rejection", None, day(5), [one, two], 30) is None


def test_choose_confirmation_after_a_rejection_opens_a_new_application():
    """Applying again to the same role after a rejection is a new application."""
    old = Candidate("old", "data engineer", [Event(day(0), label="application_confirmation", message_id=1),
                                             Event(day(5), label="rejection", message_id=2)])
    assert choose("application_confirmation", "data engineer", day(100), [old], 30) is None
    assert choose("rejection", "data engineer", day(6), [old], 30) is old  # a second rejection email joins


def test_company_keys_ignore_legal_form_and_case():
    """"Acme, Inc." and "ACME" are one employer; the role key ignores case, punctuation and gender markers."""
    assert pipeline.company_key("Acme, Inc.") == pipeline.company_key("ACME") == "acme"
    assert pipeline.role_key("Data-Engineer (m/w/d)") == pipeline.role_key("data engineer") == "data engineer"
    for marker in ("(w/m/d)", "(f/m/x)", "(H/F)", "(m/f/d)", "(all genders)", "m/w/d"):
        assert pipeline.role_key(f"Datenanalyst {marker}") == "datenanalyst", marker


def _apps(client, token) -> list[tuple]:
    items = client.get("/api/v1/applications", headers=auth(token)).json["items"]
    return sorted((a["company"], a["role"], a["status"]) for a in items)


def test_confirmation_then_interview_then_rejection_is_one_application(client, user, ingest):
    """Later messages from the same employer and role attach to the application and move its status."""
    _, token = user()
    ingest(token, msg(date="2026-01-01T09:00:00Z"))
    ingest(token, msg("interview_invitation", company="ACME Inc.", role="data engineer", date="2026-01-10T09:00:00Z"))
    ingest(token, msg("rejection", company="Acme", role=None, date="2026-01-20T09:00:00Z"))
    assert _apps(client, token) == [("Acme", "Data Engineer", "rejected")]
    app_id = client.get("/api/v1/applications", headers=auth(token)).json["items"][0]["id"]
    detail = client.get(f"/api/v1/applications/{app_id}", headers=auth(token)).json
    assert [c["to_status"] for c in detail["status_changes"]] == ["applied", "interviewing", "rejected"]
    assert [c["message_id"] for c in detail["status_changes"]] == [m["id"] for m in detail["messages"]]


def test_two_roles_at_one_employer_stay_two_applications(client, user, ingest):
    """Different roles at the same employer are separate applications."""
    _, token = user()
    ingest(token, msg(role="Data Engineer"), msg(role="Product Designer"), msg("rejection", role="Product Designer", date="2026-02-01T00:00:00Z"))
    assert _apps(client, token) == [("Acme", "Data Engineer", "applied"), ("Acme", "Product Designer", "rejected")]


@pytest.mark.parametrize("label", ["job_alert", "recruiter_outreach", "other"])
def test_non_application_mail_creates_no_application(client, user, ingest, label):
    """Job alerts, recruiter outreach and other mail are stored but open no application."""
    _, token = user()
    ingest(token, msg(label))
    assert _apps(client, token) == []


def test_message_without_earlier_application_opens_one_at_its_stage(client, user, ingest):
    """An interview invitation with nothing before it opens an application at interviewing."""
    _, token = user()
    ingest(token, msg("interview_invitation", company="Initech"))
    assert _apps(client, token) == [("Initech", "Data Engineer", "interviewing")]


def test_out_of_order_batches_give_the_same_result(database_url, user):
    """Whatever order the messages arrive in, one at a time or together, the applications end the same."""
    from support import make_app

    story = [msg(date="2026-01-01T00:00:00Z"), msg("interview_invitation", date="2026-01-08T00:00:00Z"),
             msg("rejection", role=None, date="2026-01-20T00:00:00Z"), msg(role="Analyst", date="2026-01-25T00:00:00Z"),
             msg("offer", role="Analyst", date="2026-02-01T00:00:00Z"), msg(company="Globex", date="2026-01-04T00:00:00Z")]
    results = set()
    for order in itertools.islice(itertools.permutations(range(len(story))), 0, 720, 97):
        app = make_app(database_url)
        client = app.test_client()
        _, token = _user(app)
        for i in order:
            assert client.post("/api/v1/messages", json={"messages": [story[i]]}, headers=auth(token)).status_code == 200
        detail = [client.get(f"/api/v1/applications/{a['id']}", headers=auth(token)).json
                  for a in client.get("/api/v1/applications", headers=auth(token)).json["items"]]
        results.add(tuple(sorted((d["company"], d["role"], d["status"], tuple(c["to_status"] for c in d["status_changes"])) for d in detail)))
        app.extensions["onward.engine"].dispose()
    assert results == {(("Acme", "Analyst", "offer", ("applied", "offer")),
                        ("Acme", "Data Engineer", "rejected", ("applied", "interviewing", "rejected")),
                        ("Globex", "Data Engineer", "applied", ("applied",)))}


def _user(app):
    import uuid

    from server.auth import create_user
    from server.db import db_session

    with app.app_context():
        session = db_session()
        u, (secret,) = create_user(session, f"{uuid.uuid4().hex}@example.org")
        session.commit()
    return u, secret


def test_ghosting_is_recorded_when_applications_are_read(database_url):
    """An application silent for 30 days (the default) reads as ghosted, with the change dated last contact + 30 days."""
    from support import make_app

    from server.config import GHOSTED_DAYS

    app = make_app(database_url, GHOSTED_DAYS=GHOSTED_DAYS)
    client = app.test_client()
    _, token = _user(app)
    client.post("/api/v1/messages", json={"messages": [msg(date="2025-01-01T12:00:00Z")]}, headers=auth(token))
    item = client.get("/api/v1/applications", headers=auth(token)).json["items"][0]
    assert item["status"] == "ghosted"
    detail = client.get(f"/api/v1/applications/{item['id']}", headers=auth(token)).json
    assert detail["status_changes"][-1] == {"from_status": "applied", "to_status": "ghosted", "at": "2025-01-31T12:00:00+00:00",
                                            "source": "ghosted", "message_id": None}
    app.extensions["onward.engine"].dispose()


def test_ghosted_days_are_configurable(database_url):
    """ONWARD_GHOSTED_DAYS (GHOSTED_DAYS) changes when an application counts as ghosted."""
    from support import make_app

    app = make_app(database_url, GHOSTED_DAYS=1000)
    client = app.test_client()
    _, token = _user(app)
    client.post("/api/v1/messages", json={"messages": [msg(date="2025-01-01T12:00:00Z")]}, headers=auth(token))
    assert client.get("/api/v1/applications", headers=auth(token)).json["items"][0]["status"] == "applied"
    client.post("/api/v1/messages", json={"messages": [msg(date="2021-01-01T12:00:00Z", role="Analyst")]}, headers=auth(token))
    assert client.get("/api/v1/applications?status=ghosted", headers=auth(token)).json["total"] == 1
    app.extensions["onward.engine"].dispose()
