"""The dashboard's pages and forms with Flask's test client: signing in with a token or a pairing
code, sessions, CSRF, one user's pages closed to another, the numbers and charts each page
shows for seeded mail, and email text shown only as text."""

import os
import re
import stat
from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select
from support import auth, fresh_window, make_app, msg

from server import advice, create_app, summary
from server.dashboard.signin import instance_secret_key
from server.db import db_session
from server.models import Message, Reflection, Token

WEEK = "2026-W47"
"""The seeded week: Monday 16 to Sunday 22 November 2026 (UTC, the default time zone)."""


def csrf(client, path: str = "/login") -> str:
    """The CSRF token of the forms on ``path`` (the session's)."""
    res = client.get(path)
    return re.search(r'name="csrf_token" value="([^"]+)"', res.text)[1]


def sign_in(client, secret: str, next_path: str | None = None):
    data = {"csrf_token": csrf(client), "secret": secret}
    if next_path is not None:
        data["next"] = next_path
    return client.post("/login", data=data)


def page(client, path: str) -> BeautifulSoup:
    res = client.get(path)
    assert res.status_code == 200, (path, res.status_code, res.text[:500])
    assert res.mimetype == "text/html"
    return BeautifulSoup(res.text, "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


@pytest.fixture
def signed_in(client, user):
    """A new user signed in to the dashboard: (User, token secret)."""
    row, secret = user()
    assert sign_in(client, secret).status_code == 303
    return row, secret


def seed_week(ingest, token: str) -> dict:
    """Three applications sent in the seeded week; Globex invites to an interview, Initech says no after the
    application. Returns the ids of the API's messages by name."""
    answer = ingest(token,
                    msg("application_confirmation", company="Acme", role="Data Analyst", date="2026-11-16T09:00:00+00:00"),
                    msg("application_confirmation", company="Globex", role="Engineer", date="2026-11-16T10:00:00+00:00"),
                    msg("application_confirmation", company="Initech", role="Tester", date="2026-11-17T09:00:00+00:00"),
                    msg("interview_invitation", company="Globex", role="Engineer", date="2026-11-18T09:00:00+00:00"),
                    msg("rejection", company="Initech", role="Tester", date="2026-11-19T09:00:00+00:00",
                        subject="Your application at Initech", from_address="jobs@initech.example", offers_feedback=True))
    assert answer["new"] == 5
    return answer


def api(client, token: str, path: str) -> dict:
    res = client.get("/api/v1" + path, headers=auth(token))
    assert res.status_code == 200, res.json
    return res.json


def rejection_of(client, token: str, company: str) -> dict:
    return next(m for m in api(client, token, "/messages?label=rejection")["items"] if m["company"] == company)


# --- signing in and out -----------------------------------------------------------------------------------------


def test_a_user_token_signs_in_and_the_pipeline_names_the_user(client, user):
    row, secret = user()
    res = sign_in(client, secret)
    assert res.status_code == 303 and res.location == "/"
    assert row.email in text(page(client, "/").find("header"))


def test_a_pairing_code_signs_in_with_a_new_token_named_dashboard_and_works_once(app, client, user):
    row, secret = user()
    code = client.post("/api/v1/pairing-codes", headers=auth(secret)).json["code"]

    res = sign_in(client, f"{code[:4].lower()}-{code[4:].lower()}")  # typed as people type it

    assert res.status_code == 303
    assert page(client, "/").find("h1").get_text() == "Your pipeline"
    with app.app_context():
        names = db_session().scalars(select(Token.name).where(Token.user_id == row.id)).all()
    assert sorted(names) == ["Dashboard", "user"]
    other = app.test_client()
    assert sign_in(other, code).status_code == 401


@pytest.mark.parametrize("secret", ["onw_u_not-a-real-token", "ABCD2345", "", "x" * 200])
def test_a_bad_token_or_code_is_refused_and_nobody_is_signed_in(client, user, secret):
    user()
    res = sign_in(client, secret)
    assert res.status_code == 401
    assert "does not work" in text(BeautifulSoup(res.text, "html.parser").find(role="alert"))
    assert client.get("/").status_code == 302


def test_a_service_token_does_not_open_the_dashboard(client, user):
    _, secret = user(kind="service")
    assert sign_in(client, secret).status_code == 401


@pytest.mark.parametrize("path", ["/", "/applications/1", "/messages/1", f"/summary?week={WEEK}", "/applications/1/follow-up.ics"])
def test_signed_out_pages_redirect_to_the_sign_in_page_and_back(client, user, path):
    res = client.get(path)
    assert res.status_code == 302
    assert res.location.startswith("/login?next=")
    _, secret = user()
    back = sign_in(client, secret, next_path=path)
    assert back.location == path


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"])
def test_after_sign_in_only_a_path_on_this_server_is_followed(client, user, target):
    _, secret = user()
    assert sign_in(client, secret, next_path=target).location == "/"


def test_signing_out_ends_the_session_and_keeps_the_users_own_token(client, signed_in):
    res = client.post("/logout", data={"csrf_token": csrf(client, "/")})
    assert res.status_code == 303 and res.location == "/login"
    assert client.get("/").status_code == 302
    assert client.get("/api/v1/tokens", headers=auth(signed_in[1])).status_code == 200


def test_signing_out_revokes_the_token_a_pairing_code_made(app, client, user):
    row, secret = user()
    code = client.post("/api/v1/pairing-codes", headers=auth(secret)).json["code"]
    sign_in(client, code)
    client.post("/logout", data={"csrf_token": csrf(client, "/")})
    with app.app_context():
        names = db_session().scalars(select(Token.name).where(Token.user_id == row.id)).all()
    assert names == ["user"]


def test_revoking_the_token_signs_the_dashboard_out(client, signed_in, user):
    row, secret = signed_in
    assert client.get("/").status_code == 200
    token_id = next(t["id"] for t in api(client, secret, "/tokens")["items"] if t["name"] == "user")
    assert client.delete(f"/api/v1/tokens/{token_id}", headers=auth(secret)).status_code == 204
    assert client.get("/").status_code == 302


def test_the_session_cookie_is_httponly_samesite_lax_and_holds_no_token(client, user):
    _, secret = user()
    res = sign_in(client, secret)
    cookie = res.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert secret not in cookie and secret[6:20] not in cookie


def test_sign_in_attempts_share_the_pairing_rate_limit(database_url, user):
    app = make_app(database_url, PAIR_RATELIMIT_PER_MINUTE=3)
    client = app.test_client()
    fresh_window()
    statuses = [sign_in(client, "WRONG234").status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]


# --- CSRF ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("token", [None, "wrong"])
def test_a_form_posted_without_this_sessions_csrf_token_is_400_and_changes_nothing(app, client, signed_in, ingest, token):
    _, secret = signed_in
    seed_week(ingest, secret)
    rejection = rejection_of(client, secret, "Initech")
    data = {} if token is None else {"csrf_token": token}
    posts = [("/logout", {}), (f"/applications/{rejection['application_id']}/reflections", {"went_well": "Prepared well"}),
             (f"/messages/{rejection['id']}/not-a-rejection", {}), ("/login", {"secret": secret})]
    for path, fields in posts:
        assert client.post(path, data={**data, **fields}).status_code == 400, path
    assert client.get("/").status_code == 200  # still signed in
    assert api(client, secret, f"/messages/{rejection['id']}")["label"] == "rejection"
    with app.app_context():
        assert db_session().scalars(select(Reflection)).all() == []


# --- one user's pages are closed to another -------------------------------------------------------------------------


def test_another_users_application_and_message_are_404(client, user, ingest):
    _, owner = user()
    seed_week(ingest, owner)
    rejection = rejection_of(client, owner, "Initech")
    _, intruder = user()
    sign_in(client, intruder)
    token = csrf(client, "/")
    app_id, message_id = rejection["application_id"], rejection["id"]
    assert client.get(f"/applications/{app_id}").status_code == 404
    assert client.get(f"/messages/{message_id}").status_code == 404
    assert client.get(f"/applications/{app_id}/follow-up.ics").status_code == 404
    assert client.post(f"/applications/{app_id}/reflections", data={"csrf_token": token, "went_well": "x"}).status_code == 404
    assert client.post(f"/messages/{message_id}/not-a-rejection", data={"csrf_token": token}).status_code == 404
    assert api(client, owner, f"/messages/{message_id}")["label"] == "rejection"
    assert "Initech" not in client.get("/").text


# --- the pages ----------------------------------------------------------------------------------------------------


def test_the_pipeline_shows_each_application_in_the_column_of_its_status(client, signed_in, ingest):
    seed_week(ingest, signed_in[1])
    doc = page(client, "/")
    columns = {s.find("h2")["id"].removeprefix("col-"): s for s in doc.select("section.column")}
    assert list(columns) == ["applied", "assessment", "interviewing", "offer", "rejected", "ghosted", "withdrawn"]
    shown = {status: [text(a.select_one(".company")) for a in col.select(".card a")] for status, col in columns.items()}
    assert shown == {"applied": ["Acme"], "assessment": [], "interviewing": ["Globex"], "offer": [], "rejected": ["Initech"],
                     "ghosted": [], "withdrawn": []}
    assert [col.select_one(".count")["data-count"] for col in columns.values()] == ["1", "0", "1", "0", "1", "0", "0"]
    for item in api(client, signed_in[1], "/applications")["items"]:
        assert doc.find("a", href=f"/applications/{item['id']}") is not None


def test_an_application_page_shows_its_timeline_in_date_order_and_keeps_a_reflection(client, signed_in, ingest):
    seed_week(ingest, signed_in[1])
    rejection = rejection_of(client, signed_in[1], "Initech")
    path = f"/applications/{rejection['application_id']}"
    doc = page(client, path)
    assert text(doc.find("h1")) == "Initech Tester"
    events = [text(li) for li in doc.select("ol.timeline > li")]
    assert len(events) == 2
    assert events[0].startswith("Tue 17 Nov 2026 Application received") and "Status: Applied" in events[0]
    assert events[1].startswith("Thu 19 Nov 2026 Rejection") and "Status: Rejected" in events[1]
    assert doc.select_one("ol.timeline").find("a", href=f"/messages/{rejection['id']}") is not None

    res = client.post(f"{path}/reflections", data={"csrf_token": csrf(client, path), "went_well": "I prepared <b>examples</b>.",
                                                   "to_change": "Ask about the team earlier."})
    assert res.status_code == 303 and res.location == f"{path}#reflections"
    doc = page(client, path)
    saved = text(doc.select_one(".reflection-list"))
    assert "I prepared <b>examples</b>." in saved and "Ask about the team earlier." in saved
    assert "Your reflection is saved" in text(doc.find(role="status"))
    assert api(client, signed_in[1], f"/applications/{rejection['application_id']}/reflections")["items"][0]["to_change"] \
        == "Ask about the team earlier."


def test_an_empty_reflection_is_refused(client, signed_in, ingest):
    seed_week(ingest, signed_in[1])
    app_id = rejection_of(client, signed_in[1], "Initech")["application_id"]
    res = client.post(f"/applications/{app_id}/reflections", data={"csrf_token": csrf(client, "/"), "went_well": "  "})
    assert res.status_code == 422 and "<h1>" in res.text


def test_a_rejection_page_shows_the_advice_strategies_reasons_and_next_steps(app, client, signed_in, ingest):
    seed_week(ingest, signed_in[1])
    rejection = rejection_of(client, signed_in[1], "Initech")
    with app.app_context():
        session = db_session()
        expected = advice.for_message(session, signed_in[0].id, session.get(Message, rejection["id"]))

    doc = page(client, f"/messages/{rejection['id']}")

    assert text(doc.select_one("p.lead")) == expected["summary"]
    strategies = doc.select("li.strategy")
    assert [li["id"].removeprefix("strategy-") for li in strategies] == [s["id"] for s in expected["strategies"]]
    for li, s in zip(strategies, expected["strategies"], strict=True):
        assert text(li.find("h3")) == s["title"] and s["reason"] in text(li.select_one(".reason"))
    steps = doc.select("ol.steps > li")
    assert [li["class"][1].removeprefix("step-") for li in steps] == [s["kind"] for s in expected["next_steps"]]
    by_kind = {s["kind"]: s for s in expected["next_steps"]}
    if "feedback_email" in by_kind:
        draft = by_kind["feedback_email"]
        assert doc.select_one("pre.draft").get_text() == draft["body"]
        assert doc.find("a", href=draft["mailto"]) is not None
    button = doc.select_one(f"form[action='/messages/{rejection['id']}/not-a-rejection'] button")
    assert button.get_text() == "Not a rejection"
    assert doc.find("a", href=f"/applications/{rejection['application_id']}#reflections") is not None


def test_the_feedback_draft_is_offered_with_a_mailto_link(client, signed_in, ingest):
    seed_week(ingest, signed_in[1])
    doc = page(client, f"/messages/{rejection_of(client, signed_in[1], 'Initech')['id']}")
    link = doc.select_one("li.step-feedback_email a.button")
    assert link["href"].startswith("mailto:jobs@initech.example?")
    assert "Initech" in doc.select_one("pre.draft").get_text()


def test_the_follow_up_reminder_downloads_as_a_calendar_file(client, signed_in, ingest):
    seed_week(ingest, signed_in[1])
    app_id = rejection_of(client, signed_in[1], "Initech")["application_id"]
    res = client.get(f"/applications/{app_id}/follow-up.ics?days=7")
    assert res.status_code == 200 and res.mimetype == "text/calendar"
    assert res.text.startswith("BEGIN:VCALENDAR") and "Initech" in res.text


def test_not_a_rejection_relabels_the_email_and_updates_its_application(client, signed_in, ingest):
    seed_week(ingest, signed_in[1])
    rejection = rejection_of(client, signed_in[1], "Initech")
    res = client.post(f"/messages/{rejection['id']}/not-a-rejection", data={"csrf_token": csrf(client, "/")})
    assert res.status_code == 303 and res.location == f"/applications/{rejection['application_id']}"
    assert api(client, signed_in[1], f"/messages/{rejection['id']}")["label"] == "other"
    assert api(client, signed_in[1], f"/applications/{rejection['application_id']}")["status"] == "applied"
    doc = page(client, f"/messages/{rejection['id']}")
    assert doc.select("li.strategy") == [] and "not counted as a rejection" in text(doc.find("main"))


def test_the_summary_shows_the_weeks_numbers_as_the_api_counts_them(app, client, signed_in, ingest):
    seed_week(ingest, signed_in[1])
    with app.app_context():
        expected = summary.weekly(db_session(), signed_in[0].id, WEEK)
    assert (expected["applications_sent"], expected["responses"], expected["interviews"], expected["rejections"]) == (3, 2, 1, 1)

    doc = page(client, f"/summary?week={WEEK}")

    shown = {div["data-metric"]: text(div.select_one(".value")) for div in doc.select("div.number")}
    for key in ("applications_sent", "responses", "interviews", "offers", "rejections", "ghosted", "streak_weeks"):
        assert shown[key] == str(expected[key]), key
    assert shown["response_rate"] == f"{round(expected['response_rate'] * 100)}%"
    assert text(doc.select_one(".headline")) == expected["headline"]
    assert doc.find("a", rel="prev")["href"] == "/summary?week=2026-W46"
    assert doc.find("a", rel="next")["href"] == "/summary?week=2026-W48"
    assert doc.select_one("li[data-stage='application']").get_text(" ", strip=True).startswith("1 ")
    recent = doc.select_one("ul.recent a")
    assert recent["href"] == f"/messages/{rejection_of(client, signed_in[1], 'Initech')['id']}"


def test_the_summary_draws_the_funnel_and_twelve_weeks_as_labelled_svg(app, client, signed_in, ingest):
    seed_week(ingest, signed_in[1])
    with app.app_context():
        expected = summary.weekly(db_session(), signed_in[0].id, WEEK)
    doc = page(client, f"/summary?week={WEEK}")

    funnel = doc.select_one("figure.funnel svg")
    assert funnel["role"] == "img" and funnel.find("title").get_text() and funnel.find("desc").get_text()
    assert [int(r["data-count"]) for r in funnel.select("rect.bar")] == [s["count"] for s in expected["funnel"]]
    assert [r["data-step"] for r in funnel.select("rect.bar")] == ["Applied", "Responded", "Interviewing", "Offer"]
    widths = [float(r["width"]) for r in funnel.select("rect.bar")]
    assert widths[0] > widths[1] > 0 and widths == sorted(widths, reverse=True)

    history = doc.select_one("figure.history svg")
    assert history.find("title").get_text().startswith("Activity and outcomes")
    weeks = history.select("g.week")
    assert [g["data-week"] for g in weeks] == [h["week"] for h in expected["history"]] and len(weeks) == 12
    last = {r["data-series"]: int(r["data-value"]) for r in weeks[-1].select("rect")}
    assert last == {"applications_sent": 3, "responses": 2, "rejections": 1}
    assert all(float(r["height"]) == 0 for g in weeks[:-1] for r in g.select("rect"))
    table = doc.select("table.vh")[1]
    assert [text(td) for td in table.select("tbody tr")[-1].find_all(["th", "td"])] == [WEEK, "3", "2", "0", "1", "0", "1", "0"]


def test_an_empty_week_says_so_kindly_and_draws_no_funnel(app, client, signed_in):
    with app.app_context():
        expected = summary.weekly(db_session(), signed_in[0].id, "2026-W30")
    assert expected["empty"]
    doc = page(client, "/summary?week=2026-W30")
    assert text(doc.select_one(".headline")) == expected["headline"]
    assert doc.select_one("figure.funnel") is None and "no funnel to draw" in text(doc.find("main"))
    assert {text(d.select_one(".value")) for d in doc.select("div.number") if d["data-metric"] != "response_rate"} <= {"0", "—"}


def test_the_current_week_is_the_default_and_has_no_next_link(client, signed_in):
    doc = page(client, "/summary")
    assert doc.find("a", rel="prev") is not None and doc.find("a", rel="next") is None


@pytest.mark.parametrize("week", ["2026-W60", "banana", "2026-47", "2026-W4", "0001-W01"])
def test_a_malformed_week_is_400(client, signed_in, week):
    """The dashboard checks weeks as the API does: the year 0001 is refused, not a crash computing its history."""
    res = client.get(f"/summary?week={week}")
    assert res.status_code == 400 and "2026-W47" in res.text


def test_week_53_of_a_52_week_year_is_404(client, signed_in):
    assert client.get("/summary?week=2025-W53").status_code == 404
    assert client.get("/summary?week=2026-W53").status_code == 200


def test_hostile_text_from_an_email_is_shown_as_text_on_every_page(client, signed_in, ingest):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    ingest(signed_in[1],
           msg("application_confirmation", company=hostile, role=hostile, subject=hostile, date="2026-11-16T09:00:00+00:00"),
           msg("rejection", company=hostile, role=hostile, subject=hostile, from_name=hostile, snippet=hostile,
               date="2026-11-18T09:00:00+00:00"))
    rejection = api(client, signed_in[1], "/messages?label=rejection")["items"][0]
    for path in ["/", f"/applications/{rejection['application_id']}", f"/messages/{rejection['id']}", f"/summary?week={WEEK}"]:
        res = client.get(path)
        assert res.status_code == 200, path
        assert "<script>" not in res.text and "<img" not in res.text, path
        assert "&lt;script&gt;" in res.text, path
        doc = BeautifulSoup(res.text, "html.parser")
        assert doc.find("script") is None and doc.find("img") is None


def test_pages_load_nothing_from_elsewhere_and_forbid_scripts(client, signed_in, ingest):
    seed_week(ingest, signed_in[1])
    rejection = rejection_of(client, signed_in[1], "Initech")
    for path in ["/", f"/applications/{rejection['application_id']}", f"/messages/{rejection['id']}", f"/summary?week={WEEK}"]:
        res = client.get(path)
        assert "script-src" not in res.headers["Content-Security-Policy"]
        assert "default-src 'none'" in res.headers["Content-Security-Policy"]
        doc = BeautifulSoup(res.text, "html.parser")
        assert [link["href"] for link in doc.find_all("link")] == ["/dashboard-static/favicon.svg", "/dashboard-static/dashboard.css"]
        assert doc.find("script") is None
        assert doc.find("html")["lang"] == "en" and doc.find("title").get_text().endswith("· Onward")
        assert doc.find("main") is not None and doc.find("nav") is not None and len(doc.find_all("h1")) == 1
    with client.get("/dashboard-static/dashboard.css") as css:
        assert css.status_code == 200 and css.mimetype == "text/css" and ":focus-visible" in css.text


# --- the secret key ------------------------------------------------------------------------------------------------


def test_the_secret_key_is_made_once_and_kept_readable_only_by_its_owner(tmp_path):
    folder = tmp_path / "instance"
    first = instance_secret_key(str(folder))
    assert len(first) >= 40
    assert instance_secret_key(str(folder)) == first
    assert stat.S_IMODE(os.stat(folder / "secret_key").st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["secret_key"]


def test_a_session_survives_a_restart_and_onward_secret_key_wins(database_url, user, monkeypatch):
    first = make_app(database_url)
    client = first.test_client()
    with first.app_context():
        from server.auth import create_user

        session = db_session()
        _, (secret,) = create_user(session, "restart@example.org")
        session.commit()
    sign_in(client, secret)
    cookie = client.get_cookie("session").value
    again = make_app(database_url).test_client()
    again.set_cookie("session", cookie)
    assert again.get("/").status_code == 200

    monkeypatch.setenv("ONWARD_SECRET_KEY", "from-the-environment-" + "k" * 20)
    app = create_app({"TESTING": True, "DATABASE_URL": database_url})
    try:
        assert app.secret_key == "from-the-environment-" + "k" * 20
        other = app.test_client()
        other.set_cookie("session", cookie)
        assert other.get("/").status_code == 302
    finally:
        app.extensions["onward.engine"].dispose()


# --- corrections by hand ------------------------------------------------------------------------------------------

def _post(client, path: str, **data):
    res = client.post(path, data={"csrf_token": csrf(client, "/"), **data})
    assert res.status_code == 303, (path, res.status_code, res.text[:300])
    return res


def test_the_application_page_edits_employer_role_and_a_dated_status_and_each_is_undone(client, signed_in, ingest):
    seed_week(ingest, signed_in[1])
    acme = next(a for a in api(client, signed_in[1], "/applications")["items"] if a["company"] == "Acme")
    before = api(client, signed_in[1], f"/applications/{acme['id']}")
    _post(client, f"/applications/{acme['id']}/edit", company="Acme Labs", role="Data Scientist")
    _post(client, f"/applications/{acme['id']}/status", status="interviewing", since="2026-11-18")
    after = api(client, signed_in[1], f"/applications/{acme['id']}")
    assert (after["company"], after["role"], after["status"]) == ("Acme Labs", "Data Scientist", "interviewing")
    assert after["status_changes"][-1]["at"].startswith("2026-11-18")
    doc = page(client, f"/applications/{acme['id']}")
    assert "status Applied → Interviewing from Wed 18 Nov 2026" in text(doc.select_one(".undo-last"))

    log = page(client, "/corrections")
    items = log.select("li.correction")
    assert len(items) == 2 and "employer “Acme” → “Acme Labs”, role “Data Analyst” → “Data Scientist”" in text(items[1])
    for form in reversed(log.select("li.correction form")):
        _post(client, form["action"])
    assert api(client, signed_in[1], f"/applications/{acme['id']}") == before
    assert len(page(client, "/corrections").select("li.correction.undone")) == 2


def test_merge_and_split_from_the_application_page(client, signed_in, ingest):
    seed_week(ingest, signed_in[1])
    ingest(signed_in[1], msg("interview_invitation", company="Globex", role="Engineer II", date="2026-11-20T09:00:00+00:00"))
    globex = sorted((a for a in api(client, signed_in[1], "/applications")["items"] if a["company"] == "Globex"), key=lambda a: a["id"])
    assert len(globex) == 2
    doc = page(client, f"/applications/{globex[0]['id']}")
    options = [o["value"] for o in doc.select("select#other_id option")]
    assert options[0] == str(globex[1]["id"])  # the same employer's first
    _post(client, f"/applications/{globex[0]['id']}/merge", other_id=str(globex[1]["id"]))
    merged = api(client, signed_in[1], f"/applications/{globex[0]['id']}")
    assert len(merged["messages"]) == 3
    assert client.get(f"/api/v1/applications/{globex[1]['id']}", headers=auth(signed_in[1])).status_code == 404

    ticks = page(client, f"/applications/{globex[0]['id']}").select("input[name=message_id]")
    assert len(ticks) == 3
    res = _post(client, f"/applications/{globex[0]['id']}/split", message_id=ticks[-1]["value"], role="Engineer II")
    new_id = int(res.location.rsplit("/", 1)[1])
    assert [m["id"] for m in api(client, signed_in[1], f"/applications/{new_id}")["messages"]] == [int(ticks[-1]["value"])]

    for form in page(client, "/corrections").select("li.correction form"):  # newest first: the split, then the merge
        _post(client, form["action"])
    restored = api(client, signed_in[1], f"/applications/{globex[1]['id']}")
    assert restored["role"] == "Engineer II" and len(restored["messages"]) == 1
    assert len(api(client, signed_in[1], f"/applications/{globex[0]['id']}")["messages"]) == 2


def test_not_a_rejection_asks_what_it_was(client, signed_in, ingest):
    seed_week(ingest, signed_in[1])
    rejection = rejection_of(client, signed_in[1], "Initech")
    doc = page(client, f"/messages/{rejection['id']}")
    assert [i["value"] for i in doc.select(".what-was-it input[name=what]")] == [
        "application_confirmation", "interview_invitation", "other", "not_job"]
    _post(client, f"/messages/{rejection['id']}/not-a-rejection", what="interview_invitation")
    app = api(client, signed_in[1], f"/applications/{rejection['application_id']}")
    assert app["status"] == "interviewing" and len(app["messages"]) == 2
    undo = page(client, f"/messages/{rejection['id']}").select_one("form.undo-last")
    assert "is now Interview invitation" in text(undo)
    assert _post(client, undo["action"], next=f"/messages/{rejection['id']}").location == f"/messages/{rejection['id']}"
    assert api(client, signed_in[1], f"/applications/{rejection['application_id']}")["status"] == "rejected"
    _post(client, f"/messages/{rejection['id']}/not-a-rejection", what="interview_invitation")
    assert client.post(f"/messages/{rejection['id']}/not-a-rejection",
                       data={"csrf_token": csrf(client, "/"), "what": "spam"}).status_code == 400


@pytest.mark.parametrize(("path", "data"), [("edit", {"company": ""}), ("status", {"status": "hired"}),
                                            ("status", {"status": "offer", "since": "2999-01-01"}),
                                            ("status", {"status": "offer", "since": "16/11/2026"}), ("merge", {"other_id": "x"}),
                                            ("split", {})])
def test_bad_correction_forms_are_400_and_change_nothing(client, signed_in, ingest, path, data):
    seed_week(ingest, signed_in[1])
    acme = next(a for a in api(client, signed_in[1], "/applications")["items"] if a["company"] == "Acme")
    before = api(client, signed_in[1], f"/applications/{acme['id']}")
    res = client.post(f"/applications/{acme['id']}/{path}", data={"csrf_token": csrf(client, "/"), **data})
    assert res.status_code == 400
    assert api(client, signed_in[1], f"/applications/{acme['id']}") == before and api(client, signed_in[1], "/corrections")["items"] == []


def test_another_users_correction_cannot_be_undone_from_the_dashboard(client, user, signed_in, ingest):
    other, other_token = user()
    ingest(other_token, msg(company="Hooli"))
    app_id = api(client, other_token, "/applications")["items"][0]["id"]
    client.patch(f"/api/v1/applications/{app_id}", json={"company": "Hooli XYZ"}, headers=auth(other_token))
    correction = api(client, other_token, "/corrections")["items"][0]["id"]
    res = client.post(f"/corrections/{correction}/undo", data={"csrf_token": csrf(client, "/")})
    assert res.status_code == 404 and api(client, other_token, "/corrections")["items"][0]["undone_at"] is None


# --- first run: a sign-in link, the empty dashboard, the demo ---------------------------------------------------------

def test_the_first_run_creates_a_local_user_and_its_link_signs_in_once(app, client):
    from onward.run import LOCAL_USER, first_run_sign_in

    email, link, created = first_run_sign_in(app, "http://127.0.0.1:5000")
    assert (email, created) == (LOCAL_USER, True) and link.startswith("http://127.0.0.1:5000/login?code=")
    assert first_run_sign_in(app, "http://127.0.0.1:5000")[2] is False  # one user, however often it starts
    path = link.removeprefix("http://127.0.0.1:5000")
    code = path.rsplit("=", 1)[1]
    assert page(client, path).select_one("#secret")["value"] == code
    assert sign_in(client, code).status_code == 303
    assert page(client, "/").select_one(".who").get_text() == f"Signed in as {LOCAL_USER}"
    client.post("/logout", data={"csrf_token": csrf(client, "/")})
    assert sign_in(client, code).status_code == 401  # it works once
    assert page(client, "/login?code=<script>").select_one("#secret").get("value") is None


def test_the_empty_dashboard_says_how_to_get_mail_in_and_offers_the_demo(client, signed_in):
    doc = page(client, "/")
    section = doc.select_one("section.first-run")
    assert "onward import" in text(section) and "onward account add" in text(section)
    assert section.select_one("form[action='/demo'] button").get_text() == "Show a demo pipeline"
    assert doc.select_one(".demo-banner") is None


def test_the_demo_fills_the_pipeline_is_marked_everywhere_and_goes_in_one_click(client, signed_in, ingest):
    ingest(signed_in[1], msg(company="Hooli", role="Engineer", date="2026-11-02T09:00:00+00:00"))
    own = api(client, signed_in[1], "/applications")["items"]
    _post(client, "/demo")
    apps = api(client, signed_in[1], "/applications")["items"]
    assert len(apps) > len(own)
    demo_mail = api(client, signed_in[1], "/messages?limit=200")["items"]
    assert {m["account"] for m in demo_mail} == {"demo", "imap:robin@example.org"}
    latest = max(m["date"] for m in demo_mail if m["account"] == "demo")
    assert datetime.fromisoformat(latest) > datetime.now(UTC) - timedelta(days=3)  # recent, so this week shows it
    rejection = next(m for m in demo_mail if m["account"] == "demo" and m["label"] == "rejection")
    for path in ("/", "/summary", f"/messages/{rejection['id']}", "/checks", "/corrections"):
        assert "Demo:" in text(page(client, path).select_one(".demo-banner")), path
    assert page(client, f"/messages/{rejection['id']}").select("li.strategy")
    assert page(client, "/summary").select_one(".number[data-metric=applications_sent] .value").get_text().strip() != "0"
    _post(client, "/demo")
    assert len(api(client, signed_in[1], "/applications")["items"]) == len(apps)  # a second press adds nothing

    _post(client, "/demo/remove")
    assert api(client, signed_in[1], "/applications")["items"] == own
    assert all(m["account"] != "demo" for m in api(client, signed_in[1], "/messages?limit=200")["items"])
    assert page(client, "/").select_one(".demo-banner") is None
