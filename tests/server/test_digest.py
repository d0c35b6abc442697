"""The weekly digest, received by a real SMTP server (aiosmtpd on loopback): its numbers are
the API's, it goes out once per user and week however often the job runs, and one link stops it."""

import re
import threading
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
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
        assert re.search(rf">{label}</th><td[^>]*>{value}</td>", html), label
    assert f"Rejections: {api['rejections']} (1 after an interview)" in text
    assert api["headline"] in text and api["strategy"]["title"] in text
    period = digest.plain_period(api["start"], api["end"])
    assert mail["Subject"] == f"Your week, {period}: {api['applications_sent']} sent, {api['responses']} responses"
    words = " ".join(w for w in text.split() if not w.startswith("http"))
    assert week not in words and week not in mail["Subject"]  # plain dates, no ISO week outside the links


def test_the_digest_has_the_headers_mail_servers_expect_and_a_configurable_sender(database_url, smtp_sink):
    """Date, a Message-ID on the sender's domain, List-Unsubscribe with its one-click POST, and ONWARD_DIGEST_FROM as From."""
    app = make_app(database_url, SMTP_HOST=smtp_sink.host, SMTP_PORT=smtp_sink.port, SMTP_SECURITY="none",
                   PUBLIC_URL="https://onward.example", SECRET_KEY="k", DIGEST_FROM="Onward digest <digest@onward.example>")
    _, service_token = _seed_user(app, "hana@example.org")
    before = datetime.now(UTC)
    assert app.test_client().post("/api/v1/digests/send-due", headers=auth(service_token)).json["sent"] == 1
    (mail,) = smtp_sink.wait_for(1)
    assert mail["From"] == "Onward digest <digest@onward.example>"
    assert abs(parsedate_to_datetime(mail["Date"]) - before) < timedelta(minutes=1)
    assert re.fullmatch(r"<[^@<>]+@onward\.example>", mail["Message-ID"])
    assert mail["List-Unsubscribe"].strip().startswith("<https://onward.example/digest/unsubscribe?t=")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_digest_names_companies_first_steps_and_open_offers_and_interviews(digest_app, smtp_sink):
    """By name: what was sent, each rejection with its stage, date and first step, and what is still open with its date;
    one word (responses) for answers throughout, a greeting, and a layout for phones."""
    client = digest_app.test_client()
    user_token, service_token = _user(digest_app, "ines@example.org")
    _seed(client, user_token, service_token)
    tue, wed, thu = last_week_dates(datetime.now(UTC))
    client.post("/api/v1/messages", headers=auth(service_token), json={"messages": [
        msg(company="Hooli", role="Data Engineer", date=tue), msg("offer", company="Hooli", role="Data Engineer", date=thu)]})
    client.post("/api/v1/digests/send-due", headers=auth(service_token))
    (mail,) = smtp_sink.wait_for(1)
    text = mail.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = mail.get_body(("html",)).get_content()
    day = f"{thu:%a} {thu.day} {thu:%b %Y}"
    assert text.startswith("Hello,\n")
    assert "Sent: Acme (Data Engineer), Globex (Data Engineer), Hooli (Data Engineer)." in text
    assert f"- Acme (Data Engineer), after an interview, {wed:%a} {wed.day} {wed:%b %Y}.\n  First step: " in text
    assert f"- Offer from Hooli (Data Engineer), received {day}." in text
    assert f"- Interview with Globex (Data Engineer): invited {day}." in text
    assert text.index("Offer from Hooli") < text.index("Interview with Globex")
    for jargon in ("reply", "heard back", "unknown", "median"):
        assert jargon not in text.lower(), jargon
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html and "max-width:600px" in html
    assert "Offer from Hooli (Data Engineer)" in html and "Hello," in html


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


def test_opening_the_link_changes_nothing_only_the_post_stops_the_digest_and_there_is_a_way_back(digest_app, smtp_sink):
    """A GET (a click, or a mail gateway's link scanner) shows a confirm button; the POST (the button or the mail
    client's one-click) stops the digest and offers to turn it back on; a forged link does nothing."""
    client = digest_app.test_client()
    user_token, service_token = _seed_user(digest_app, "eden@example.org")
    client.post("/api/v1/digests/send-due", headers=auth(service_token))
    (mail,) = smtp_sink.wait_for(1)
    link = mail["List-Unsubscribe"].strip().strip("<>")
    assert link in mail.get_body(("plain",)).get_content()
    url = urlsplit(link)

    def enabled():
        return client.get("/api/v1/me", headers=auth(user_token)).json["digest"]["enabled"]

    assert client.get(f"{url.path}?{url.query}z").status_code == 400
    assert client.post(f"{url.path}?{url.query}z").status_code == 400 and enabled()
    page = BeautifulSoup(client.get(f"{url.path}?{url.query}").text, "html.parser")
    assert enabled() and page.h1.get_text() == "Stop the weekly digest?"
    form = page.select_one("form[method=post]")
    res = client.post(form["action"], data={"List-Unsubscribe": "One-Click"})
    assert res.status_code == 200 and "not get the weekly digest" in res.text and not enabled()
    back = BeautifulSoup(res.text, "html.parser").select_one("form[method=post]")
    assert back.button.get_text() == "Turn the weekly digest back on"
    assert client.post(back["action"]).status_code == 200 and enabled()
    assert client.get(f"{url.path}?{url.query}").status_code == 200 and enabled()


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
