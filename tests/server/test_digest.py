"""The weekly digest, received by a real SMTP server (aiosmtpd on loopback): its numbers are
the API's, it goes out once per user and week however often the job runs, and one link stops it."""

import threading
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
from support import auth, make_app, msg

from server import digest
from server.models import User


def last_week_dates(now: datetime) -> list[datetime]:
    """Tuesday, Wednesday and Thursday of the ISO week before ``now``'s, 10:00 UTC."""
    monday = (now - timedelta(days=now.isoweekday() - 1 + 7)).replace(hour=10, minute=0, second=0, microsecond=0)
    return [monday + timedelta(days=i) for i in (1, 2, 3)]


@pytest.fixture
def digest_app(database_url, smtp_sink):
    return make_app(database_url, SMTP_HOST=smtp_sink.host, SMTP_PORT=smtp_sink.port, SMTP_SECURITY="none",
                    PUBLIC_URL="http://onward.test", SECRET_KEY="digest-test-key")


def _user(app, email):
    from server.auth import create_user
    from server.db import db_session
    with app.app_context():
        session = db_session()
        _, (user_token, service_token) = create_user(session, email, (("user", "personal"), ("service", "worker")))
        session.commit()
    return user_token, service_token


def _seed(client, user_token, service_token):
    """Last week: two applications, one rejected, one invited; the digest is due from Monday 00:00."""
    tue, wed, thu = last_week_dates(datetime.now(UTC))
    client.post("/api/v1/messages", headers=auth(service_token), json={"messages": [
        msg(company="Acme", date=tue), msg(company="Globex", date=tue),
        msg("rejection", company="Acme", date=wed, stage="interview"), msg("interview_invitation", company="Globex", date=thu)]})
    client.patch("/api/v1/me", json={"digest": {"weekday": 1, "hour": 0}}, headers=auth(user_token))


def test_digest_arrives_with_the_apis_numbers(digest_app, smtp_sink):
    """A multipart digest reaches the SMTP server; text and HTML show the numbers the summary API gives."""
    client = digest_app.test_client()
    user_token, service_token = _user(digest_app, "casey@example.org")
    _seed(client, user_token, service_token)
    res = client.post("/api/v1/digests/send-due", headers=auth(service_token))
    assert res.status_code == 200 and res.json["sent"] == 1, res.json
    (mail,) = smtp_sink.wait_for(1)
    week = mail["X-Onward-Week"]
    api = client.get("/api/v1/summary/weekly", query_string={"week": week}, headers=auth(user_token)).json
    assert mail["To"] == "casey@example.org" and mail.get_content_type() == "multipart/alternative"
    text = mail.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = mail.get_body(("html",)).get_content()
    assert (api["applications_sent"], api["responses"], api["interviews"], api["rejections"]) == (2, 2, 1, 1)
    for label, value in (("Applications sent", api["applications_sent"]), ("Responses", api["responses"]),
                         ("Interview invitations", api["interviews"]), ("Offers", api["offers"])):
        assert f"{label}: {value}\n" in text
        assert f">{label}</th><td>{value}</td>" in html
    assert f"Rejections: {api['rejections']} (by stage: 1 interview)" in text
    assert api["headline"] in text and api["strategy"]["title"] in text
    assert f"Your week in the search: {api['applications_sent']} sent, {api['responses']} replies ({week})" == mail["Subject"]


def test_never_twice_for_a_week_even_with_two_schedulers(digest_app, smtp_sink):
    """Two runs at the same moment and a third later send one digest; the job's answer says so."""
    client = digest_app.test_client()
    _, service_token = _seed_user(digest_app, "drew@example.org")
    results = []

    def run():
        results.append(digest_app.test_client().post("/api/v1/digests/send-due", headers=auth(service_token)).json)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results.append(client.post("/api/v1/digests/send-due", headers=auth(service_token)).json)
    assert sorted(r["sent"] for r in results) == [0, 0, 1]
    smtp_sink.wait_for(1)
    assert len(smtp_sink.received) == 1


def _seed_user(app, email):
    user_token, service_token = _user(app, email)
    _seed(app.test_client(), user_token, service_token)
    return user_token, service_token


def test_one_link_stops_the_digest(digest_app, smtp_sink):
    """The opt-out link in the digest turns it off; a forged link does nothing."""
    client = digest_app.test_client()
    user_token, service_token = _seed_user(digest_app, "eden@example.org")
    client.post("/api/v1/digests/send-due", headers=auth(service_token))
    (mail,) = smtp_sink.wait_for(1)
    link = mail["List-Unsubscribe"].strip().strip("<>")
    assert link in mail.get_body(("plain",)).get_content()
    url = urlsplit(link)
    assert client.get(f"{url.path}?{url.query}z").status_code == 400
    assert client.get("/api/v1/me", headers=auth(user_token)).json["digest"]["enabled"] is True
    res = client.get(f"{url.path}?{url.query}")
    assert res.status_code == 200 and "not get the weekly digest" in res.get_data(as_text=True)
    assert client.get("/api/v1/me", headers=auth(user_token)).json["digest"]["enabled"] is False


def test_a_failed_send_is_tried_again(database_url, smtp_sink):
    """With the mail server unreachable the run answers 502 and keeps no claim; the next run sends."""
    from imap_server import free_port
    broken = make_app(database_url, SMTP_HOST="127.0.0.1", SMTP_PORT=free_port(), SMTP_SECURITY="none", SECRET_KEY="k")
    _, service_token = _seed_user(broken, "flynn@example.org")
    res = broken.test_client().post("/api/v1/digests/send-due", headers=auth(service_token))
    assert res.status_code == 502 and res.json["details"][0]["week"]
    working = make_app(database_url, SMTP_HOST=smtp_sink.host, SMTP_PORT=smtp_sink.port, SMTP_SECURITY="none", SECRET_KEY="k")
    assert working.test_client().post("/api/v1/digests/send-due", headers=auth(service_token)).json["sent"] == 1
    smtp_sink.wait_for(1)


def test_a_user_token_cannot_send_digests(digest_app):
    """Only the scheduler's service or fleet token may trigger sending."""
    user_token, _ = _user(digest_app, "gale@example.org")
    assert digest_app.test_client().post("/api/v1/digests/send-due", headers=auth(user_token)).status_code == 403


@pytest.mark.parametrize(("now", "weekday", "hour", "tz", "expected"), [
    ("2026-11-23T07:59:00+00:00", 1, 8, "UTC", None),          # Monday before 08:00: not yet
    ("2026-11-23T08:00:00+00:00", 1, 8, "UTC", "2026-W47"),    # Monday 08:00: last week's digest
    ("2026-11-29T23:00:00+00:00", 1, 8, "UTC", "2026-W47"),    # still due all week if missed
    ("2026-11-23T07:30:00+00:00", 1, 8, "Europe/Berlin", "2026-W47"),  # 08:30 in Berlin
    ("2026-11-26T16:00:00+00:00", 5, 17, "UTC", None),         # Friday 17:00 chosen, Thursday now
    ("2026-11-27T17:00:00+00:00", 5, 17, "UTC", "2026-W47"),
])
def test_when_a_digest_is_due(now, weekday, hour, tz, expected):
    """Due from the user's weekday and hour in their zone, for the week that just ended."""
    user = User(email="x@example.org", timezone=tz, digest_enabled=True, digest_weekday=weekday, digest_hour=hour)
    assert digest.due_week(user, datetime.fromisoformat(now)) == expected


def test_a_user_who_opted_out_is_never_due():
    user = User(email="x@example.org", timezone="UTC", digest_enabled=False, digest_weekday=1, digest_hour=0)
    assert digest.due_week(user, datetime(2026, 11, 25, tzinfo=UTC)) is None
