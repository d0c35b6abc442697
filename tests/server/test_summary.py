"""The weekly summary: counts for an ISO week in the user's time zone, the 12-week cohort's
response rate, median wait and funnel, the streak, the change against earlier weeks, and the
strategy of the week; plus the /me settings it depends on."""

from datetime import UTC, datetime

import pytest
from support import auth, make_app, msg

from server.schemas import TIME_ZONES


def d(text: str) -> str:
    return datetime.fromisoformat(text).replace(tzinfo=UTC).isoformat()


def seed_march(ingest, token):
    """Six applications over weeks 8 to 10 of 2026 and three answers in week 10."""
    ingest(token,
           msg(company="Umbrella", date=d("2026-02-17T10:00")), msg(company="Stark", date=d("2026-02-18T10:00")),
           msg(company="Hooli", date=d("2026-02-24T10:00")),
           msg(company="Acme", date=d("2026-03-02T10:00")), msg(company="Globex", date=d("2026-03-03T10:00")),
           msg(company="Initech", date=d("2026-03-04T10:00")),
           msg("interview_invitation", company="Acme", date=d("2026-03-05T10:00")),
           msg("rejection", company="Globex", date=d("2026-03-06T10:00"), stage="application"),
           msg("rejection", company="Hooli", date=d("2026-03-07T10:00"), stage="interview"))


def test_week_counts_cohort_streak_and_change(client, user, ingest):
    """Week 10 of 2026: three sent, three answers (one interview, two rejections by stage), the cohort's
    rate and median, a three-week streak and the change against the week before and the 4-week average."""
    _, token = user()
    seed_march(ingest, token)
    s = client.get("/api/v1/summary/weekly", query_string={"week": "2026-W10"}, headers=auth(token)).json
    assert (s["week"], s["start"], s["end"], s["timezone"]) == ("2026-W10", "2026-03-02", "2026-03-08", "UTC")
    assert (s["applications_sent"], s["responses"], s["interviews"], s["offers"], s["rejections"]) == (3, 3, 1, 0, 2)
    assert s["rejections_by_stage"] == {"application": 1, "assessment": 0, "interview": 1, "unknown": 0}
    assert s["response_rate"] == 0.5 and s["median_days_to_first_response"] == 3.0
    assert s["funnel"] == [{"step": "applied", "count": 6}, {"step": "responded", "count": 3},
                           {"step": "interviewing", "count": 1}, {"step": "offer", "count": 0}]
    assert s["streak_weeks"] == 3
    assert s["change"]["applications_sent"] == {"previous_week": 1, "delta": 2, "four_week_average": 0.75}
    assert [h["week"] for h in s["history"]][-3:] == ["2026-W08", "2026-W09", "2026-W10"]
    assert [h["applications_sent"] for h in s["history"]][-3:] == [2, 1, 3] and len(s["history"]) == 12
    assert s["strategy"]["id"] == "reflect_strengths" and "1 interview" in s["strategy"]["reason"]
    assert [r["company"] for r in s["recent_rejections"]] == ["Hooli", "Globex"]
    assert s["recent_rejections"][0]["first_step"]["kind"] == "feedback_email"
    assert not s["empty"] and s["headline"] == "This week you sent 3 applications and had 3 responses, with 1 interview invitation."


def test_weeks_follow_the_users_time_zone(client, user, ingest):
    """Sunday 23:30 UTC is already Monday in Berlin: the application counts in the next ISO week there."""
    _, token = user()
    ingest(token, msg(company="Nordlicht", date=d("2026-03-08T23:30")))
    week = {w: client.get("/api/v1/summary/weekly", query_string={"week": w}, headers=auth(token)).json["applications_sent"]
            for w in ("2026-W10", "2026-W11")}
    assert week == {"2026-W10": 1, "2026-W11": 0}
    assert client.patch("/api/v1/me", json={"timezone": "Europe/Berlin"}, headers=auth(token)).json["timezone"] == "Europe/Berlin"
    week = {w: client.get("/api/v1/summary/weekly", query_string={"week": w}, headers=auth(token)).json["applications_sent"]
            for w in ("2026-W10", "2026-W11")}
    assert week == {"2026-W10": 0, "2026-W11": 1}


def test_an_empty_week_says_so_kindly(client, user):
    """A week with nothing in it: zeros, no rate, the flag, and a plain kind sentence."""
    _, token = user()
    s = client.get("/api/v1/summary/weekly", query_string={"week": "2026-W20"}, headers=auth(token)).json
    assert s["empty"] and s["applications_sent"] == 0 and s["response_rate"] is None and s["streak_weeks"] == 0
    assert "quiet week" in s["headline"].lower() and s["strategy"]["id"] == "keep_learning"


def test_the_current_week_is_the_default(client, user):
    """Without ?week the summary is of the user's current ISO week."""
    _, token = user()
    year, week, _ = datetime.now(UTC).isocalendar()
    assert client.get("/api/v1/summary/weekly", headers=auth(token)).json["week"] == f"{year}-W{week:02d}"


@pytest.mark.parametrize("week", ["2026-W54", "2026-W00", "26-W10", "2026W10", "2026-W1"])
def test_a_malformed_week_is_400(client, user, week):
    """Only week numbers 01 to 53 written as YYYY-Www are accepted."""
    _, token = user()
    res = client.get("/api/v1/summary/weekly", query_string={"week": week}, headers=auth(token))
    assert res.status_code == 400 and res.json["error"] == "bad_request"


def test_week_53_of_a_52_week_year_is_not_found(client, user):
    """2025 has 52 ISO weeks, 2026 has 53."""
    _, token = user()
    assert client.get("/api/v1/summary/weekly", query_string={"week": "2025-W53"}, headers=auth(token)).status_code == 404
    assert client.get("/api/v1/summary/weekly", query_string={"week": "2026-W53"}, headers=auth(token)).status_code == 200


def test_applications_that_go_quiet_count_as_ghosted_in_their_week(database_url):
    """With 30 days to ghosting, an application confirmed on 5 January goes quiet on 4 February (week 6)."""
    app = make_app(database_url, GHOSTED_DAYS=30)
    client = app.test_client()
    from server.auth import create_user
    from server.db import db_session
    with app.app_context():
        session = db_session()
        _, (token,) = create_user(session, "quiet@example.org")
        session.commit()
    client.post("/api/v1/messages", json={"messages": [msg(company="Vandelay", date=d("2026-01-05T09:00"))]}, headers=auth(token))
    weeks = {w: client.get("/api/v1/summary/weekly", query_string={"week": w}, headers=auth(token)).json["ghosted"]
             for w in ("2026-W05", "2026-W06", "2026-W07")}
    assert weeks == {"2026-W05": 0, "2026-W06": 1, "2026-W07": 0}


def test_settings_are_validated_and_kept(client, user):
    """Time zone and digest day/hour are checked; an unknown zone is 422, and the user's settings come back."""
    _, token = user()
    me = client.get("/api/v1/me", headers=auth(token)).json
    assert me["timezone"] == "UTC" and me["digest"] == {"enabled": True, "weekday": 1, "hour": 8}
    res = client.patch("/api/v1/me", json={"timezone": "Mars/Olympus"}, headers=auth(token))
    assert res.status_code == 422 and res.json["details"] == [
        f"timezone: 'Mars/Olympus' is not one of the {len(TIME_ZONES)} accepted values (see the OpenAPI document)"]
    assert client.patch("/api/v1/me", json={"digest": {"hour": 24}}, headers=auth(token)).status_code == 422
    res = client.patch("/api/v1/me", json={"digest": {"weekday": 5, "hour": 18, "enabled": False}}, headers=auth(token))
    assert res.json["digest"] == {"enabled": False, "weekday": 5, "hour": 18}


def test_summaries_are_per_user(client, user, ingest):
    """Another user's applications never show in a summary."""
    _, token = user()
    _, other = user()
    seed_march(ingest, token)
    s = client.get("/api/v1/summary/weekly", query_string={"week": "2026-W10"}, headers=auth(other)).json
    assert s["applications_sent"] == 0 and s["recent_rejections"] == []
