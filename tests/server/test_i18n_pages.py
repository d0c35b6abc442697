"""The dashboard, the weekly summary, the digest and its unsubscribe page in five languages: every
message id of the catalogues is translated with the same placeholders, the page's language is the
user's setting, else the browser's (Accept-Language), else English, and the digest (no browser)
takes the user's setting, else English."""

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from support import auth, make_app, msg

from server.translations import FOLDER, LANGUAGES, SOURCE, catalogue_path, gettext_for

ROOT = Path(__file__).resolve().parents[2]
OTHERS = [language for language in LANGUAGES if language != SOURCE]
HTML_LANG = re.compile(r'<html lang="(\w+)"')
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%|\{\w+\}|</?\w+")
"""What a translation must keep: named %-placeholders, escaped percent signs, {name} fields and the tags around words."""

EXPECTED = {"de": ("Wochenübersicht", "Deine Bewerbungen"), "fr": ("Résumé de la semaine", "Vos candidatures"),
            "es": ("Resumen semanal", "Tus candidaturas"), "nl": ("Weekoverzicht", "Je sollicitaties")}
"""The navigation's "Weekly summary" and the pipeline's heading, written out, so a catalogue that lost them fails."""


@pytest.fixture
def database_url(sqlite_database_url):
    """The language is a page-level matter: one database is enough here."""
    return sqlite_database_url


def _catalogue(path: Path, language: str | None = None):
    with path.open("rb") as f:
        return read_po(f, locale=language)


def _ids(message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, tuple | list) else (message.id,)


def _strings(message) -> tuple[str, ...]:
    return tuple(message.string) if isinstance(message.string, tuple | list) else (message.string,)


@pytest.mark.parametrize("language", OTHERS)
def test_every_message_id_has_a_translation_with_the_same_placeholders(language):
    template = _catalogue(FOLDER / "messages.pot")
    catalogue = _catalogue(catalogue_path(language), language)
    missing, different = [], []
    for message in template:
        if not message.id:
            continue
        found = catalogue.get(message.id, message.context)
        strings = _strings(found) if found is not None else ("",)
        if not all(s.strip() for s in strings):
            missing.append(_ids(message)[0])
            continue
        wanted = sorted(PLACEHOLDER.findall(_ids(message)[-1]))
        for s in strings:
            if sorted(PLACEHOLDER.findall(s)) != wanted:
                different.append((_ids(message)[0], s))
    assert not missing, f"{language}: {len(missing)} message ids without a translation, e.g. {missing[:5]}"
    assert not different, f"{language}: placeholders differ: {different[:5]}"


def test_the_template_holds_every_message_id_of_the_code_and_the_pages():
    """``messages.pot`` is what ``make translations`` would extract now: a text wrapped in ``_()`` but never
    extracted (so never translated) fails here."""
    with (FOLDER / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    extracted = {msgid if isinstance(msgid, str) else msgid[0]
                 for _, _, msgid, _, _ in extract_from_dir(str(ROOT), method_map, options_map,
                                                          keywords={"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)})}
    template = {_ids(m)[0] for m in _catalogue(FOLDER / "messages.pot") if m.id}
    assert extracted - template == set(), "run `make translations` and translate the new message ids"


def _seed(ingest, client, user):
    row, secret = user()
    _, service = user(row.email, kind="service")
    ingest(service, msg("application_confirmation", company="Acme", role="Analyst", date="2026-11-16T09:00:00+00:00"),
           msg("rejection", company="Acme", role="Analyst", date="2026-11-18T09:00:00+00:00"))
    return row, secret


def _sign_in(client, secret, headers=None):
    res = client.get("/login", headers=headers)
    token = re.search(r'name="csrf_token" value="([^"]+)"', res.text)[1]
    assert client.post("/login", data={"csrf_token": token, "secret": secret}).status_code == 303
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text)[1]  # signing in makes a new one


def _page(client, path, headers=None) -> tuple[str, BeautifulSoup]:
    res = client.get(path, headers=headers)
    assert res.status_code == 200, (path, res.status_code)
    return HTML_LANG.search(res.text)[1], BeautifulSoup(res.text, "html.parser")


@pytest.mark.parametrize("language", OTHERS)
def test_each_page_follows_the_browsers_language(client, user, ingest, language):
    """Pipeline, summary, an application and a rejection's page, asked for in ``language`` (with a region and a
    second choice, as browsers send it): the page says so in ``<html lang>``, its words and its dates."""
    _, secret = _seed(ingest, client, user)
    headers = {"Accept-Language": f"{language}-XX,{language};q=0.9,en;q=0.5"}
    _sign_in(client, secret, headers)
    _ = gettext_for(language)
    summary_word, pipeline_heading = EXPECTED[language]
    lang, soup = _page(client, "/", headers)
    assert lang == language
    assert soup.h1.get_text() == pipeline_heading and summary_word in soup.nav.get_text()
    assert "Your pipeline" not in soup.get_text() and "Last contact" not in soup.get_text()
    app_link = soup.select_one(".card a")["href"]
    lang, soup = _page(client, app_link, headers)
    assert lang == language and _("Timeline") in soup.get_text() and "Timeline" not in soup.get_text()
    november = {"de": "Nov.", "fr": "nov.", "es": "nov", "nl": "nov"}[language]
    assert november in soup.select_one(".facts time").get_text()
    rejection = soup.select_one(".timeline a")["href"]
    lang, soup = _page(client, rejection, headers)
    assert lang == language and _("The email") in soup.get_text() and _("Next steps") in soup.get_text()
    lang, soup = _page(client, "/summary?week=2026-W47", headers)
    assert lang == language
    text = soup.get_text()
    assert _("The numbers") in text and _("Applications sent") in text and "Applications sent" not in text
    assert not re.search(r"\d\.\d", text), "a figure written with an English decimal point"
    headline = soup.select_one(".headline").get_text()
    assert headline != gettext_for(SOURCE)("x") and "This week" not in headline and _("This week {text}.").split("{")[0].strip() in headline


def test_figures_are_written_as_the_reader_writes_them(app):
    """Averages and sizes: a decimal comma in German and French, a point in English, at most one decimal."""
    from server.translations import number, speaking
    with app.test_request_context():
        assert number(0.25) == "0.2" and number(2.0) == "2"
        with speaking("de"):
            assert number(0.5) == "0,5" and number(1234.56) == "1.234,6"
        with speaking("fr"):
            assert number(0.5) == "0,5"


def test_english_is_the_default_and_for_a_language_onward_does_not_speak(client, user, ingest):
    _, secret = _seed(ingest, client, user)
    _sign_in(client, secret)
    lang, soup = _page(client, "/")
    assert lang == "en" and soup.h1.get_text() == "Your pipeline"
    lang, soup = _page(client, "/", {"Accept-Language": "ja,pt;q=0.8"})
    assert lang == "en" and "Weekly summary" in soup.nav.get_text()


def test_the_users_setting_wins_over_the_browser_and_goes_back_to_it(client, user, ingest):
    """The selector saves the language; the API sets and shows the same setting; empty means the browser's again."""
    _, secret = _seed(ingest, client, user)
    token = _sign_in(client, secret)
    french = {"Accept-Language": "fr"}
    res = client.post("/language", data={"csrf_token": token, "language": "de", "next": "/summary"}, headers=french)
    assert res.status_code == 303 and res.headers["Location"].endswith("/summary")
    lang, soup = _page(client, "/summary", french)
    assert lang == "de" and "Wochenübersicht" in soup.nav.get_text()
    assert soup.select_one("#language option[selected]")["value"] == "de"
    assert client.get("/api/v1/me", headers=auth(secret)).json["language"] == "de"
    assert client.patch("/api/v1/me", json={"language": "nl"}, headers=auth(secret)).json["language"] == "nl"
    assert _page(client, "/", french)[0] == "nl"
    assert client.patch("/api/v1/me", json={"language": "pt"}, headers=auth(secret)).status_code == 422
    assert client.post("/language", data={"csrf_token": token, "language": "xx"}).status_code == 400
    client.post("/language", data={"csrf_token": token, "language": ""})
    assert client.get("/api/v1/me", headers=auth(secret)).json["language"] is None
    assert _page(client, "/", french)[0] == "fr"


def test_the_api_summary_speaks_the_readers_language(client, user, ingest):
    """The popup shows the API's weekly summary beside its own translated words: the headline follows the user's
    setting, else the browser's language, else English."""
    _, secret = _seed(ingest, client, user)

    def headline(**headers):
        return client.get("/api/v1/summary/weekly", query_string={"week": "2026-W47"}, headers={**auth(secret), **headers}).json["headline"]

    def opening(language):
        return gettext_for(language)("This week {text}.").split("{text}")[0]

    assert headline().startswith("This week")
    assert headline(**{"Accept-Language": "de"}).startswith(opening("de")) and opening("de") != "This week "
    client.patch("/api/v1/me", json={"language": "fr"}, headers=auth(secret))
    assert headline(**{"Accept-Language": "de"}).startswith(opening("fr"))


def _digest_user(app, client, email, language):
    from server.auth import create_user
    from server.db import db_session
    with app.app_context():
        session = db_session()
        _, (user_token, service_token) = create_user(session, email, (("user", "personal"), ("service", "worker")))
        session.commit()
    now = datetime.now(UTC)
    monday = (now - timedelta(days=now.isoweekday() - 1 + 7)).replace(hour=10, minute=0, second=0, microsecond=0)
    tue, wed = monday + timedelta(days=1), monday + timedelta(days=2)
    client.post("/api/v1/messages", headers=auth(service_token), json={"messages": [
        msg(company="Acme", date=tue), msg("rejection", company="Acme", date=wed, stage="interview")]})
    client.patch("/api/v1/me", json={"digest": {"weekday": 1, "hour": 0}, "language": language}, headers=auth(user_token))
    return user_token, service_token


@pytest.fixture
def digest_app(database_url, smtp_sink):
    return make_app(database_url, SMTP_HOST=smtp_sink.host, SMTP_PORT=smtp_sink.port, SMTP_SECURITY="none",
                    PUBLIC_URL="http://onward.test", SECRET_KEY="i18n-digest-key")


def test_the_digest_and_its_unsubscribe_page_speak_the_users_language(digest_app, smtp_sink):
    """One digest per language (None: English): subject, text and HTML bodies, dates and the page its link opens."""
    client = digest_app.test_client()
    users = {language: _digest_user(digest_app, client, f"{language}@example.org", None if language == SOURCE else language)
             for language in LANGUAGES}
    for _, service_token in users.values():  # a service token sends its own user's digest
        res = client.post("/api/v1/digests/send-due", headers=auth(service_token))
        assert res.status_code == 200 and res.json["sent"] == 1, res.json
    mails = {m["To"].split("@")[0]: m for m in smtp_sink.wait_for(len(LANGUAGES))}
    for language in LANGUAGES:
        _ = gettext_for(language)
        mail = mails[language]
        text = mail.get_body(("plain",)).get_content()
        html = mail.get_body(("html",)).get_content()
        assert mail["Subject"].startswith(_("Your week, %(period)s").split(",")[0] + ",")
        for words in (_("The numbers"), _("Applications sent"), _("Rejections this week, and a first step for each"),
                      _("after an interview"), _("You get this email once a week.")):
            assert words in text and words.replace("'", "&#39;") in html, (language, words)
        assert HTML_LANG.search(html)[1] == language
        if language != SOURCE:
            assert "The numbers" not in text and "Rejections this week" not in html and not text.startswith("Hello")
        link = re.search(r"http://onward\.test(/digest/unsubscribe\?t=[^\s\"]+)", text)[1]
        page = client.get(link, headers={"Accept-Language": "en"})
        assert HTML_LANG.search(page.text)[1] == language and _("Stop the weekly digest?") in page.text
