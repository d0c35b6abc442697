"""The reader's language wins on pages and in the digest (issue 14, item 8): a rejection's first step,
strategies, reasons and the "Please check" question follow the person reading, while the draft to
the employer keeps the email's language and the API's card stays as it was; the Mailboxes page's
provider guidance and connection test speak the page's language; French puts a narrow no-break space
before the colon, question and exclamation marks it adds."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from support import auth, make_app, msg

from server.imap_check import UNREACHABLE
from server.providers import PRESETS
from server.translations import gettext_for

GERMAN = {"Accept-Language": "de"}
FRENCH = {"Accept-Language": "fr"}
NNBSP = "\u202f"


@pytest.fixture
def database_url(sqlite_database_url):
    """Which language a text is written in is a page-level matter: one database is enough here."""
    return sqlite_database_url


def _sign_in(client, secret, headers) -> str:
    res = client.get("/login", headers=headers)
    token = re.search(r'name="csrf_token" value="([^"]+)"', res.text)[1]
    assert client.post("/login", data={"csrf_token": token, "secret": secret}, headers=headers).status_code == 303
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get("/", headers=headers).text)[1]


def _soup(client, path, headers) -> BeautifulSoup:
    res = client.get(path, headers=headers)
    assert res.status_code == 200, (path, res.status_code)
    return BeautifulSoup(res.text, "html.parser")


def _english_rejection(client, user, ingest):
    """A user with one English rejection after an interview (this week) and one unsure English rejection."""
    row, secret = user()
    _, service = user(row.email, kind="service")
    now = datetime.now(UTC)
    ingest(service, msg("application_confirmation", company="Acme", role="Analyst", date=now - timedelta(days=20)),
           msg("rejection", company="Acme", role="Analyst", stage="interview", date=now - timedelta(minutes=5)),
           msg("rejection", company="Hooli", role="Ops", confidence=0.6, from_address="people@hooli.example",
               date=now - timedelta(minutes=4)))
    return secret


def test_a_german_reader_gets_the_advice_of_an_english_email_in_german_and_the_draft_in_english(client, user, ingest):
    de = gettext_for("de")
    secret = _english_rejection(client, user, ingest)
    _sign_in(client, secret, GERMAN)
    summary = _soup(client, "/summary", GERMAN)
    [latest] = summary.select(".recent li")
    step = latest.select_one(".first-step").get_text()
    assert de("Ask {company} for feedback").format(company="Acme") in step and "Ask Acme" not in step

    page = _soup(client, latest.a["href"], GERMAN)
    text = page.get_text(" ", strip=True)
    assert de("{company} said no to your application for {role} after the interview.").format(company="Acme", role="Analyst") in text
    titles = [h.get_text() for h in page.select(".strategy h3, .step h3")]
    assert de("Ask for feedback") in titles and de("Ask {company} for feedback").format(company="Acme") in titles
    for english in ("said no", "Ask for feedback", "Ask Acme", "Reaching the interview", "Not a rejection"):
        assert english not in text, english
    draft = page.select_one("pre.draft")
    assert draft["lang"] == "en" and draft.get_text().startswith("Hello,")  # the employer reads the email's language


def test_the_api_card_keeps_the_emails_language_whatever_the_users_setting(client, user, ingest):
    """The extension's card is about the email on screen: its words stay the email's; the popup's weekly summary is the reader's."""
    row, secret = user()
    _, service = user(row.email, kind="service")
    ingest(service, msg("rejection", company="Acme", stage="interview", language="fr", date=datetime.now(UTC) - timedelta(hours=1)))
    client.patch("/api/v1/me", json={"language": "de"}, headers=auth(secret))
    mid = client.get("/api/v1/messages", headers=auth(secret), query_string={"label": "rejection"}).json["items"][0]["id"]
    card = client.get(f"/api/v1/messages/{mid}/advice", headers={**auth(secret), **GERMAN}).json
    assert card["language"] == "fr" and card["next_steps"][0]["title"] == gettext_for("fr")("Ask {company} for feedback").format(company="Acme")
    week = client.get("/api/v1/summary/weekly", headers=auth(secret)).json  # the setting, with no browser language
    assert week["recent_rejections"][0]["first_step"]["title"] == gettext_for("de")("Ask {company} for feedback").format(company="Acme")
    client.patch("/api/v1/me", json={"language": None}, headers=auth(secret))
    week = client.get("/api/v1/summary/weekly", headers={**auth(secret), "Accept-Language": "nl-BE,nl;q=0.9"}).json
    assert week["recent_rejections"][0]["first_step"]["title"] == gettext_for("nl")("Ask {company} for feedback").format(company="Acme")
    week = client.get("/api/v1/summary/weekly", headers=auth(secret)).json
    assert week["recent_rejections"][0]["first_step"]["title"] == "Ask Acme for feedback"


def test_the_check_question_and_the_answers_reason_follow_the_reader(client, user, ingest):
    de = gettext_for("de")
    secret = _english_rejection(client, user, ingest)
    token = _sign_in(client, secret, GERMAN)
    checks = _soup(client, "/checks", GERMAN).get_text(" ", strip=True)
    assert de("Is this email from {who} a rejection?").format(who="Hooli") in checks and "Is this email" not in checks
    form = _soup(client, "/checks", GERMAN).select_one("form[action$='/check']")
    client.post(form["action"], data={"csrf_token": token, "answer": "yes"}, headers=GERMAN)
    reason = _soup(client, form["action"].removesuffix("/check"), GERMAN).select_one("p.reason").get_text()
    assert reason.startswith(de("You said this email was a rejection on {day}.").split("{day}")[0]) and "You said" not in reason


def _last_weeks_digest(database_url, smtp_sink, language: str):
    """The digest sent to a new user who reads ``language``, of last week's application to Acme and its rejection after the interview."""
    app = make_app(database_url, SMTP_HOST=smtp_sink.host, SMTP_PORT=smtp_sink.port, SMTP_SECURITY="none",
                   PUBLIC_URL="http://onward.test", SECRET_KEY=f"{language}-digest-key")
    client = app.test_client()
    from server.auth import create_user
    from server.db import db_session
    with app.app_context():
        _, (user_token, service_token) = create_user(db_session(), f"{language}@example.org", (("user", "personal"), ("service", "worker")))
        db_session().commit()
    now = datetime.now(UTC)
    monday = (now - timedelta(days=now.isoweekday() - 1 + 7)).replace(hour=10, minute=0, second=0, microsecond=0)
    client.post("/api/v1/messages", headers=auth(service_token), json={"messages": [
        msg(company="Acme", date=monday + timedelta(days=1)), msg("rejection", company="Acme", date=monday + timedelta(days=2), stage="interview")]})
    client.patch("/api/v1/me", json={"digest": {"weekday": 1, "hour": 0}, "language": language}, headers=auth(user_token))
    assert client.post("/api/v1/digests/send-due", headers=auth(service_token)).json["sent"] == 1
    (mail,) = smtp_sink.wait_for(1)
    return mail


def test_a_german_digest_gives_each_rejections_first_step_in_german(database_url, smtp_sink, user):
    mail = _last_weeks_digest(database_url, smtp_sink, "de")
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    de = gettext_for("de")
    first = de("First step: %(step)s") % {"step": de("Ask {company} for feedback").format(company="Acme")}
    assert first in text and first in html and "Ask Acme" not in text + html


def test_the_mailboxes_page_gives_provider_guidance_and_names_in_german(client, user):
    de = gettext_for("de")
    _, secret = user()
    _sign_in(client, secret, GERMAN)
    for key in ("gmail", "yahoo", "other"):
        page = _soup(client, f"/mailboxes/add?provider={key}", GERMAN)
        guidance = page.select_one(".guidance").get_text(" ", strip=True)
        assert de(PRESETS[key].guidance) in guidance and PRESETS[key].guidance not in guidance
    names = [a.get_text() for a in page.select(".presets a")]
    assert de("Another provider") in names and "Another provider" not in names and "Gmail" in names


@pytest.fixture
def loopback(app):
    app.config.update(IMAP_ALLOW_NETWORKS="loopback")
    return app


def _closed_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_connection_test_that_reaches_nothing_says_so_in_the_pages_language(loopback, user):
    client = loopback.test_client()
    _, secret = user()
    token = _sign_in(client, secret, GERMAN)
    port = _closed_port()
    res = client.post("/mailboxes", headers=GERMAN, data={
        "csrf_token": token, "provider": "other", "username": "robin", "host": "127.0.0.1", "port": str(port), "tls": "ssl",
        "folders": "INBOX", "secret": "x", "action": "test"})
    shown = BeautifulSoup(res.text, "html.parser").select_one("[data-problem]")
    assert shown["data-problem"] == "unreachable"
    german = gettext_for("de")(UNREACHABLE)
    assert german != UNREACHABLE and shown.get_text(strip=True) == german.format(where=f"127.0.0.1:{port}")


@pytest.fixture
def trusting(app, dovecot):
    app.config.update(IMAP_CA_FILE=str(dovecot.ca_file), IMAP_ALLOW_NETWORKS="loopback")
    return app


@pytest.mark.parametrize(("changes", "problem", "words"), [
    ({"secret": "not the password"}, "login", "The mail server refused the user name or password ({said}). Many providers need an "
                                              "app password here instead of your normal one: see the steps beside the form."),
    ({"folders": "Jobs"}, "folder", "Signed in, but there is no folder called '{folder}' ({said})."),
    ({"action": "test"}, None, "Connected: signed in to {host} and found {count} messages in {folder}."),
])
def test_after_a_greeting_the_tests_answer_is_in_french_with_its_typography(trusting, user, dovecot, changes, problem, words):
    """Refused password, missing folder, or a count by the language's plural rule: the page's language, and a French
    colon after a narrow no-break space, never a plain one."""
    client = trusting.test_client()
    _, secret = user()
    token = _sign_in(client, secret, FRENCH)
    data = {"csrf_token": token, "provider": "other", "username": dovecot.user, "host": "127.0.0.1", "port": str(dovecot.imaps_port),
            "tls": "ssl", "folders": "INBOX", "secret": dovecot.password, "action": "save", **changes}
    res = client.post("/mailboxes", headers=FRENCH, data=data)
    shown = BeautifulSoup(res.text, "html.parser").select_one("[data-problem]")
    text = shown.get_text(strip=True)
    assert (shown["data-problem"] or None) == problem
    start = gettext_for("fr")(words).split("{")[0] if problem else "Connecté" + NNBSP + ":"
    assert text.startswith(start) and " :" not in text, text
    assert not text.startswith(words.split("{")[0].split(",")[0])


def test_french_marks_follow_a_narrow_no_break_space_in_the_digest_and_the_pages(database_url, smtp_sink, user):
    """The labels the digest adds a colon to ("The numbers:", each figure) and the catalogue's own texts: never a plain space
    or none before : ? ! in French; in German, no space before them."""
    mail = _last_weeks_digest(database_url, smtp_sink, "fr")
    text = re.sub(r"https?://\S+", "", mail.get_body(("plain",)).get_content())
    fr = gettext_for("fr")
    assert fr("The numbers") + NNBSP + ":" in text and fr("Applications sent") + NNBSP + ": " in text
    marks = re.findall(r"(.)([:?!])", text)
    assert marks and all(before == NNBSP for before, _ in marks), [m for m in marks if m[0] != NNBSP]
