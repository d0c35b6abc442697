"""One set of numbers: a varied pipeline (applications first seen through a confirmation, a
rejection, an interview and an offer, over several weeks; one that goes quiet; an assessment; a
"Please check" email and a repeated rejection that count as nothing) gives the same figures in the
API's summary, on the dashboard's summary and pipeline pages (read back from the HTML) and in the
digest email (read back from its text and HTML), and the cards, the funnel, the 12-week chart and
the pipeline's columns agree with each other."""

import re
from datetime import UTC, datetime, time, timedelta

import pytest
from bs4 import BeautifulSoup
from support import auth, make_app, msg

from server import digest, figures, summary
from server.db import db_session

WEEKS = {0: "this", 1: "last", 2: "two back", 3: "three back"}

EXPECTED_WEEKS = {
    # weeks back: (sent, responses, assessments, interviews, offers, rejections, gone quiet)
    1: (0, 3, 1, 0, 1, 1, 0),  # Acme's offer, Umbrella's rejection, Stark's assessment; Globex's second no and Initech's unsure one count as nothing
    2: (3, 4, 0, 2, 1, 1, 0),  # Globex first seen by its rejection, Initech by its interview, Hooli by its offer; Acme's interview
    3: (3, 0, 0, 0, 0, 0, 0),  # Acme, Umbrella and Stark confirmed
    4: (0, 0, 0, 0, 0, 0, 1),  # Vandelay (confirmed 8 weeks back) goes quiet after 30 days
    8: (1, 0, 0, 0, 0, 0, 0),
}

COLUMNS = {"applied": 0, "assessment": 1, "interviewing": 1, "offer": 2, "rejected": 2, "ghosted": 1, "withdrawn": 0}
"""Where each of the seven applications stands now."""


def this_monday() -> datetime:
    now = datetime.now(UTC)
    return datetime.combine(now.date() - timedelta(days=now.isoweekday() - 1), time(0), UTC)


def at(weeks_back: int, day: int) -> datetime:
    """10:00 UTC on ``day`` (0 = Monday) of the week ``weeks_back`` weeks before this one."""
    return this_monday() - timedelta(weeks=weeks_back) + timedelta(days=day, hours=10)


def week_name(weeks_back: int) -> str:
    return figures.week_of(this_monday() - timedelta(weeks=weeks_back) + timedelta(days=3), UTC)


def seed(client, token: str) -> None:
    """The pipeline of ``EXPECTED_WEEKS`` and ``COLUMNS``; the user's repeated "offer" for Hooli this week moves nothing."""
    items = [
        msg(company="Vandelay", date=at(8, 0)),
        msg(company="Acme", date=at(3, 0)), msg(company="Umbrella", date=at(3, 1)), msg(company="Stark", date=at(3, 2)),
        msg("interview_invitation", company="Acme", date=at(2, 1)),
        msg("rejection", company="Globex", date=at(2, 2), stage="application", confidence=0.95),
        msg("interview_invitation", company="Initech", date=at(2, 3)),
        msg("offer", company="Hooli", date=at(2, 4)),
        msg("offer", company="Acme", date=at(1, 1)),
        msg("rejection", company="Umbrella", date=at(1, 2), stage="interview", confidence=0.97),
        msg("interview_invitation", company="Stark", date=at(1, 3), stage="assessment",
            subject="Your online SQL assessment is ready", snippet="Please complete the SQL test within 5 days."),
        msg("rejection", company="Globex", date=at(1, 3), stage="application", confidence=0.95),  # the same no again
        msg("rejection", company="Initech", date=at(1, 4), stage="unknown", confidence=0.6),  # "Please check", unanswered
    ]
    res = client.post("/api/v1/messages", json={"messages": items}, headers=auth(token))
    assert res.status_code == 200 and res.json["new"] == len(items), res.json
    apps = client.get("/api/v1/applications", query_string={"limit": 200}, headers=auth(token)).json["items"]
    hooli = next(a["id"] for a in apps if a["company"] == "Hooli")
    res = client.patch(f"/api/v1/applications/{hooli}", json={"status": "offer"}, headers=auth(token))  # says so again, today
    assert res.status_code == 200 and res.json["status"] == "offer"


@pytest.fixture
def seeded(database_url):
    """A signed-in dashboard client and a token, on an app where 30 days without news is "gone quiet"."""
    app = make_app(database_url, GHOSTED_DAYS=30)
    client = app.test_client()
    from server.auth import create_user
    with app.app_context():
        session = db_session()
        row, (token,) = create_user(session, "figures@example.org")
        session.commit()
        user_id = row.id
    seed(client, token)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)[1]
    assert client.post("/login", data={"csrf_token": csrf, "secret": token}).status_code == 303
    return app, client, token, user_id


def api_week(client, token: str, weeks_back: int) -> dict:
    res = client.get("/api/v1/summary/weekly", query_string={"week": week_name(weeks_back)}, headers=auth(token))
    assert res.status_code == 200, res.json
    return res.json


def cards(s: dict) -> tuple:
    return tuple(s[f] for f in figures.WEEK_FIGURES)


def funnel(s: dict) -> dict:
    return {f["step"]: f["count"] for f in s["funnel"]}


def html(client, path: str) -> BeautifulSoup:
    res = client.get(path)
    assert res.status_code == 200, (path, res.status_code)
    return BeautifulSoup(res.text, "html.parser")


def number(text: str) -> int:
    return int(text.strip())


def test_the_api_counts_every_application_in_the_week_of_its_first_known_date(seeded):
    """Each week's cards are what happened to applications that week, whatever email first showed them."""
    _, client, token, _ = seeded
    now = api_week(client, token, 0)
    for back in range(12):
        expected = EXPECTED_WEEKS.get(back, (0,) * 7)
        assert cards(now["history"][11 - back]) == expected, (back, now["history"][11 - back])
        if back < 4:
            assert cards(api_week(client, token, back)) == expected, back
    last = api_week(client, token, 1)
    assert last["rejections_by_stage"] == {"application": 0, "assessment": 0, "interview": 1, "unknown": 0}
    assert api_week(client, token, 2)["rejections_by_stage"] == {"application": 1, "assessment": 0, "interview": 0, "unknown": 0}
    assert "interview" not in last["headline"] and "1 assessment" in last["headline"] and "1 offer" in last["headline"]
    assert funnel(now) == {"applied": 7, "responded": 6, "interviewing": 3, "offer": 2}
    assert now["response_rate"] == round(6 / 7, 3)
    # Only Acme, Umbrella and Stark have a known sending date: 8, 15 and 15 days to their first answer.
    assert now["median_days_to_first_response"] == 15.0


def test_cards_chart_funnel_and_pipeline_agree(seeded):
    """The chart's weeks are the cards of those weeks; the funnel counts what the chart's weeks add up to;
    the pipeline's columns hold the applications the funnel and the chart count."""
    _, client, token, _ = seeded
    now = api_week(client, token, 0)
    history = now["history"]
    total = {f: sum(w[f] for w in history) for f in figures.WEEK_FIGURES}
    columns = {c["status"]: len(c["ids"]) for c in pipeline_api(client, token)}
    assert columns == COLUMNS
    steps = funnel(now)
    assert steps["applied"] == total["applications_sent"] == sum(columns.values())
    assert steps["offer"] == total["offers"] == columns["offer"]
    assert steps["interviewing"] == columns["interviewing"] + columns["offer"]
    assert steps["responded"] == sum(columns[s] for s in figures.RESPONSE_STATUSES)
    assert total["rejections"] == columns["rejected"] and total["assessments"] == columns["assessment"]
    assert total["ghosted"] == columns["ghosted"]
    for back in range(4):
        s = api_week(client, token, back)
        assert cards(s) == cards(history[11 - back]) and sum(s["rejections_by_stage"].values()) == s["rejections"]
        offers_so_far = sum(w["offers"] for w in history[: 12 - back])
        assert funnel(s)["offer"] == offers_so_far, back  # the Offers cards and the funnel say the same
        assert funnel(s)["applied"] == sum(w["applications_sent"] for w in s["history"])


def pipeline_api(client, token: str) -> list[dict]:
    apps = client.get("/api/v1/applications", query_string={"limit": 200}, headers=auth(token)).json["items"]
    return [{"status": status, "ids": [a["id"] for a in apps if a["status"] == status]} for status in figures.COLUMNS]


def test_the_dashboard_shows_the_apis_numbers(seeded):
    """Read back from the pages: the cards, the funnel's bars, the chart's bars and hidden table, the
    axis, and the pipeline's column counts are the API's."""
    _, client, token, _ = seeded
    for back in (0, 1, 2):
        s = api_week(client, token, back)
        doc = html(client, f"/summary?week={s['week']}")
        shown = {d["data-metric"]: d.select_one(".value").get_text() for d in doc.select("div.number")}
        assert {f: number(shown[f]) for f in figures.WEEK_FIGURES} == {f: s[f] for f in figures.WEEK_FIGURES}
        bars = {r["data-step"]: number(r["data-count"]) for r in doc.select("figure.funnel rect.bar")}
        assert bars == {"Applied": funnel(s)["applied"], "Responded": funnel(s)["responded"],
                        "Interviewing": funnel(s)["interviewing"], "Offer": funnel(s)["offer"]}
        groups = doc.select("figure.history svg g.week")
        assert [g["data-week"] for g in groups] == [w["week"] for w in s["history"]]
        for g, w in zip(groups, s["history"], strict=True):
            assert {r["data-series"]: number(r["data-value"]) for r in g.select("rect")} == {
                k: w[k] for k in ("applications_sent", "responses", "rejections")}
            row = doc.select_one(f'table.vh tr[data-week="{w["week"]}"]')
            assert {td["data-metric"]: number(td.get_text()) for td in row.select("td")} == {f: w[f] for f in figures.WEEK_FIGURES}
        if back == 1:
            assert "interview invitation" not in doc.select_one(".headline").get_text()
    board = html(client, "/")
    shown = {status: number(board.select_one(f"section.status-{status} .count")["data-count"]) for status in figures.COLUMNS}
    assert shown == COLUMNS
    assert sum(shown.values()) == funnel(api_week(client, token, 0))["applied"]
    assert f"{sum(COLUMNS.values())} applications" in board.select_one("p.lead").get_text()


def test_the_chart_axis_has_whole_1_2_5_steps(seeded):
    """The 12-week chart's axis: whole numbers from 0 in equal steps of 1, 2 or 5 (times a power of ten),
    reaching the tallest bar."""
    _, client, token, _ = seeded
    s = api_week(client, token, 0)
    doc = html(client, f"/summary?week={s['week']}")
    values = [number(t.get_text()) for t in doc.select("figure.history svg > text.tick")]
    tallest = max(w[k] for w in s["history"] for k in ("applications_sent", "responses", "rejections"))
    assert values == [0, 1, 2, 3, 4] and tallest == 4


@pytest.mark.parametrize(("top", "expected"), [(0, [0, 1]), (1, [0, 1]), (3, [0, 1, 2, 3]), (5, [0, 2, 4, 6]),
                                               (6, [0, 2, 4, 6]), (10, [0, 5, 10]), (13, [0, 5, 10, 15]),
                                               (37, [0, 10, 20, 30, 40]), (180, [0, 50, 100, 150, 200])])
def test_axis_ticks(top, expected):
    """1-2-5 steps, whole numbers, at most five labels, never 0/2/5."""
    from server.dashboard.charts import ticks
    assert ticks(top) == expected


def test_the_digest_shows_the_apis_numbers(seeded):
    """Rendered for last week, the digest's text and HTML give the API's cards and funnel."""
    app, client, token, user_id = seeded
    s = api_week(client, token, 1)
    smtp = digest.Smtp("localhost", 25, "none", None, None, "onward@localhost", "http://onward.test")
    with app.app_context():
        mail = digest.compose(summary.weekly(db_session(), user_id, s["week"]), "figures@example.org", smtp, "http://onward.test/x")
    text = mail.get_body(("plain",)).get_content()
    body = BeautifulSoup(mail.get_body(("html",)).get_content(), "html.parser")
    in_text = dict(re.findall(r"^([A-Z][^:\n]+): (\d+)\b", text, re.M))
    names = {"Applications sent": "applications_sent", "Responses": "responses", "Assessments": "assessments",
             "Interview invitations": "interviews", "Offers": "offers", "Rejections": "rejections", "Gone quiet": "ghosted"}
    in_html = {th.get_text(): re.match(r"\d+", th.find_next_sibling("td").get_text())[0] for th in body.select("th")
               if th.get_text() in names}
    for label, key in names.items():
        assert number(in_text[label]) == number(in_html[label]) == s[key], label
    found = re.search(r"Of the (\d+) applications you sent in the last 12 weeks, (\d+) had a response, (\d+) reached an "
                      r"interview and (\d+) an offer\.", text)
    assert found and tuple(map(int, found.groups())) == tuple(funnel(s)[k] for k in ("applied", "responded", "interviewing", "offer"))
    assert found[0] in body.select_one("p.funnel").get_text()
    assert s["headline"] in text and "interview invitation" not in s["headline"]


def test_an_empty_pipeline_is_not_advised_as_after_a_test(database_url):
    """A new user with nothing in the pipeline gets zeros and advice for an empty week, not "the area that was tested"."""
    app = make_app(database_url)
    from server.auth import create_user
    with app.app_context():
        session = db_session()
        _, (token,) = create_user(session, "new@example.org")
        session.commit()
    s = app.test_client().get("/api/v1/summary/weekly", headers=auth(token)).json
    assert s["empty"] and cards(s) == (0,) * 7 and funnel(s)["applied"] == 0
    assert "tested" not in s["strategy"]["nudge"] and "tested" not in s["strategy"]["reason"]
