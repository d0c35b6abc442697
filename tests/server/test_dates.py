"""Dates at the edges of the calendar: refused where they enter the API (1970..2099), and a row stored
before that bound (year 1, year 9999) never breaks one of the user's pages, endpoints or digests."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from support import auth, make_app, msg
from test_dashboard import sign_in

from server import digest
from server.db import db_session
from server.models import User

FAR = ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1969-12-31T23:59:59Z", "2100-01-01T00:00:00Z",
       "2100-01-01T00:30:00+01:00"]
"""Dates outside 1970..2099 as written (what the OpenAPI document's pattern says), each a valid RFC 3339 timestamp."""


@pytest.mark.parametrize("date", FAR)
def test_a_date_outside_the_bounds_is_refused_with_its_reason(user, ingest, date):
    """The item is rejected naming the bounds; the valid item of the same batch is stored."""
    _, token = user()
    answer = ingest(token, msg(date=date), msg())
    assert answer["new"] == 1 and answer["rejected"][0]["index"] == 0
    assert answer["rejected"][0]["reasons"] == [f"date: {date!r}: dates must lie in 1970..2099"]


@pytest.mark.parametrize(("path", "body"), [
    ("/api/v1/advice", {"subject": "Your application", "from_address": "jobs@acme.example", "date": "0001-01-01T00:00:00Z"}),
    ("/api/v1/applications", {"company": "Acme", "applied_at": "9999-12-31T00:00:00Z"}),
])
def test_every_dated_input_is_bounded(client, user, path, body):
    """Dates in other bodies are refused the same way (422), never stored or computed with."""
    _, token = user()
    res = client.post(path, json=body, headers=auth(token))
    assert res.status_code == 422 and "dates must lie in 1970..2099" in " ".join(res.json["details"]), res.json


def test_a_date_query_outside_the_bounds_is_a_400(client, user):
    _, token = user()
    res = client.get("/api/v1/messages", query_string={"since": "0001-01-01T00:00:00Z"}, headers=auth(token))
    assert res.status_code == 400


def _legacy_user(app, client, user, ingest) -> tuple[str, dict]:
    """A user whose rows carry year-1 and year-9999 dates, as a server before the bound could store them
    (written straight to the database). Returns the user token and the ids to visit."""
    row, token = user()
    answer = ingest(token, msg("application_confirmation", company="Oldco", date="2026-01-05T09:00:00Z"),
                    msg("rejection", company="Oldco", date="2026-01-06T09:00:00Z", confidence=0.95,
                        subject="Your application at Oldco", from_address="jobs@oldco.example"),
                    msg("application_confirmation", company="Farco", date="2026-01-07T09:00:00Z"),
                    msg("rejection", company="Farco", date="2026-01-08T09:00:00Z", confidence=0.5))
    assert answer["new"] == 4
    with app.app_context():
        session = db_session()
        for company, when in (("Oldco", datetime(1, 1, 1, tzinfo=UTC)), ("Farco", datetime(9999, 12, 31, 23, 59, tzinfo=UTC))):
            stored = when.replace(tzinfo=None) if session.bind.dialect.name == "sqlite" else when
            params = {"u": row.id, "c": company, "d": stored}
            session.execute(text("UPDATE messages SET date = :d WHERE user_id = :u AND company = :c"), params)
            session.execute(text("UPDATE applications SET first_contact_at = :d, last_contact_at = :d "
                                 "WHERE user_id = :u AND company = :c"), params)
            session.execute(text("UPDATE status_changes SET at = :d WHERE user_id = :u AND application_id IN "
                                 "(SELECT id FROM applications WHERE user_id = :u AND company = :c)"), params)
        session.commit()
    messages = client.get("/api/v1/messages", headers=auth(token)).json["items"]
    apps = client.get("/api/v1/applications", headers=auth(token)).json["items"]
    rejections = [m["id"] for m in messages if m["label"] == "rejection"]
    return token, {"message_id": [m["id"] for m in messages], "app_id": [a["id"] for a in apps], "rejections": rejections}


def test_every_page_and_endpoint_of_a_user_with_far_dates_answers(app, client, user, ingest):
    """Each GET of the API and the dashboard, with each of the user's ids, answers 200 (follow-up.ics,
    advice and the weekly summary among them), and POST /advice for the same sender too."""
    token, ids = _legacy_user(app, client, user, ingest)
    assert sign_in(client, token).status_code == 303
    visited = 0
    # not a user's dated rows: sign-in, the unsubscribe link, an upload's file (the worker's), an OAuth2 provider's answer
    skip = ("/dashboard-static/", "/login", "/digest/unsubscribe", "/api/v1/accounts/", "/api/v1/openapi.json",
            "/api/v1/uploads/", "/mailboxes/oauth/callback")
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.rule.startswith(skip):
            continue
        names = sorted(rule.arguments)
        assert set(names) <= set(ids), rule.rule
        for value in (ids["rejections" if rule.rule.endswith("/advice") else names[0]] if names else [None]):
            path = rule.rule.replace(f"<int:{names[0]}>", str(value)) if names else rule.rule
            for query in ({}, {"week": "2026-W02"}) if "summary" in path else ({},):
                res = client.get(path, query_string=query, headers=auth(token) if path.startswith("/api/") else {})
                assert res.status_code == 200, (path, res.status_code, res.get_data(as_text=True)[:300])
                visited += 1
    assert visited >= 20
    ics = client.get(f"/api/v1/applications/{ids['app_id'][0]}/follow-up.ics", headers=auth(token)).get_data(as_text=True)
    assert "DTSTART;VALUE=DATE:" in ics
    res = client.post("/api/v1/advice", json={"subject": "Your application at Oldco", "from_address": "jobs@oldco.example",
                                              "text": "Unfortunately we will not move forward with your application."},
                      headers=auth(token))
    assert res.status_code == 200 and res.json["message"]["date"].startswith("1970-01-01"), res.json


def _all_due(app) -> None:
    """Every user's digest slot is Monday 00:00, so last week's digest is due whatever the day of the run."""
    with app.app_context():
        session = db_session()
        session.execute(text("UPDATE users SET digest_weekday = 1, digest_hour = 0"))
        session.commit()


@pytest.fixture
def digest_app(database_url, smtp_sink):
    return make_app(database_url, SMTP_HOST=smtp_sink.host, SMTP_PORT=smtp_sink.port, SMTP_SECURITY="none",
                    PUBLIC_URL="http://onward.test", SECRET_KEY="dates-test-key")


def test_the_digest_run_serves_a_user_with_far_dates_and_everyone_after(digest_app, user, smtp_sink):
    """The legacy user's digest goes out and so does the next user's; no row stays ``sending``."""
    client = digest_app.test_client()
    _legacy_user(digest_app, client, user, lambda t, *items: client.post(
        "/api/v1/messages", json={"messages": list(items)}, headers=auth(t)).json)
    second, _ = user()
    _, fleet = user(second.email, kind="fleet")
    _all_due(digest_app)
    res = client.post("/api/v1/digests/send-due", headers=auth(fleet))
    assert res.status_code == 200 and res.json["sent"] == 2, res.json
    smtp_sink.wait_for(2)
    with digest_app.app_context():
        assert db_session().execute(text("SELECT count(*) FROM digests WHERE status <> 'sent'")).scalar() == 0


def test_a_user_whose_digest_cannot_be_built_does_not_stop_the_others(digest_app, user, smtp_sink, monkeypatch):
    """Building one user's digest raises: the others still get theirs, the run answers 502 naming that
    user, their claim is released (not left ``sending``), and the next run sends it."""
    first, _ = user()
    second, _ = user()
    _, fleet = user(second.email, kind="fleet")
    _all_due(digest_app)
    client = digest_app.test_client()
    weekly = digest.summary.weekly

    def broken(session, user_id, *args, **kwargs):
        if user_id == first.id:
            raise OverflowError("date value out of range")
        return weekly(session, user_id, *args, **kwargs)

    monkeypatch.setattr(digest.summary, "weekly", broken)
    res = client.post("/api/v1/digests/send-due", headers=auth(fleet))
    assert res.status_code == 502 and [f["user_id"] for f in res.json["details"]] == [first.id]
    assert "date value" not in str(res.json)  # the reason is in the log, not in the answer
    assert res.json["details"][0]["week"]
    (received,) = smtp_sink.wait_for(1)
    assert received["To"] == second.email
    with digest_app.app_context():
        assert db_session().execute(text("SELECT count(*) FROM digests WHERE status = 'sending'")).scalar() == 0
    monkeypatch.setattr(digest.summary, "weekly", weekly)
    assert client.post("/api/v1/digests/send-due", headers=auth(fleet)).json["sent"] == 1
    assert smtp_sink.wait_for(2)[1]["To"] == first.email


def test_a_claim_left_sending_by_a_dead_run_is_taken_over(digest_app, user, smtp_sink):
    """A ``sending`` row older than ``STALE_CLAIM`` (its run was killed mid-send) is sent by the next run;
    a fresh one is left to the run that holds it."""
    row, token = user(kind="service")
    _all_due(digest_app)
    now = datetime.now(UTC)
    with digest_app.app_context():
        row = db_session().get(User, row.id)
        week = digest.due_week(row, now)
        session = db_session()
        session.add(digest.Digest(user_id=row.id, week=week, status="sending", claimed_at=now))
        session.commit()
    client = digest_app.test_client()
    assert client.post("/api/v1/digests/send-due", headers=auth(token)).json == {"sent": 0, "already_sent": 1, "failed": []}
    with digest_app.app_context():
        session = db_session()
        session.execute(text("UPDATE digests SET claimed_at = :t"), {"t": (now - digest.STALE_CLAIM * 2).replace(tzinfo=None)})
        session.commit()
    assert client.post("/api/v1/digests/send-due", headers=auth(token)).json["sent"] == 1
    smtp_sink.wait_for(1)
