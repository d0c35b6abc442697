"""Advice for rejections through the API: strategies with reasons from the email and the user's
history, a feedback draft in the email's language, follow-ups with calendar files, reflections,
and the "not a rejection" correction."""

from datetime import UTC, datetime, timedelta
from email.parser import Parser
from urllib.parse import parse_qs, urlsplit

import pytest
from support import auth, msg

from server import drafts, ics
from server.recipients import recipient

REJECTION_TEXT = ("Dear Robin,\n\nThank you for taking the time to interview with us for the Data Analyst position at Northwind. "
                  "After careful consideration we have decided to move forward with another candidate.\n\n"
                  "If you would like feedback on your interview, just reply to this email.\n\nKind regards,\nSam, Northwind Talent")


def _rejection(client, token, ingest, **fields):
    item = msg("rejection", **fields)
    ingest(token, item)
    return client.get("/api/v1/messages", headers=auth(token), query_string={"label": "rejection"}).json["items"][0]


def test_interview_rejection_gets_feedback_first_with_a_draft(client, user, ingest):
    """After an interview: seek feedback and reflect on strengths, with a feedback draft naming company and role."""
    _, token = user()
    stored = _rejection(client, token, ingest, company="Northwind", role="Data Analyst", stage="interview",
                        from_address="sam@northwind.example", offers_feedback=True)
    res = client.get(f"/api/v1/messages/{stored['id']}/advice", headers=auth(token))
    assert res.status_code == 200
    advice = res.json
    assert [s["id"] for s in advice["strategies"]][:2] == ["seek_feedback", "reflect_strengths"]
    assert "Northwind offered" in advice["strategies"][0]["reason"]
    assert advice["summary"] == "Northwind said no to your application for Data Analyst after the interview."
    first = advice["next_steps"][0]
    assert first["kind"] == "feedback_email" and first["to"] == "sam@northwind.example"
    assert first["subject"] == "Re: About your application (rejection)" and first["title"] == "Ask Northwind for feedback"
    assert "Data Analyst at Northwind" in first["body"] and "my interview" in first["body"]
    kinds = [s["kind"] for s in advice["next_steps"]]
    assert "not_a_rejection" in kinds and "open_application" in kinds


def test_feedback_draft_follows_the_language_of_the_rejection(client, user, ingest):
    """A German rejection gets a German draft; the mailto link carries the same subject and body."""
    _, token = user()
    stored = _rejection(client, token, ingest, company="Kranich AG", role="Werkstudent Controlling", stage="interview", language="de",
                        from_address="personal@kranich.example")
    step = client.get(f"/api/v1/messages/{stored['id']}/advice", headers=auth(token)).json["next_steps"][0]
    assert step["subject"] == "Re: About your application (rejection)" and step["title"] == "Kranich AG um Rückmeldung bitten"
    assert "Bewerbung als Werkstudent Controlling bei Kranich AG" in step["body"] and "Vorstellungsgespräch" in step["body"]
    url = urlsplit(step["mailto"])
    assert url.scheme == "mailto" and url.path == "personal@kranich.example"
    params = parse_qs(url.query)
    assert params["subject"] == [step["subject"]]
    assert params["body"][0] == step["body"].replace("\n", "\r\n")


@pytest.mark.parametrize("language", ["en", "de", "fr", "es", "nl"])
def test_feedback_draft_in_each_language_names_company_and_role(language):
    """Each of the five languages gives a short plain-text draft naming both."""
    draft = drafts.feedback_email(language, "Globex", "QA Engineer", "application", recipient("hr@globex.example"))
    assert "QA Engineer" in draft["subject"] and "Globex" in draft["body"] and "QA Engineer" in draft["body"]
    assert len(draft["body"].split()) < 110 and "<" not in draft["body"]


def test_no_reply_sender_leaves_the_recipient_to_the_user():
    """A no-reply address is not offered as the recipient; the draft says where to send it instead."""
    for sender in ("no-reply@ats.example", "Careers.NoReply@acme.example"):
        draft = drafts.feedback_email("en", "Acme", None, None, recipient(sender))
        assert draft["to"] == "" and draft["to_source"] == "none" and "someone at Acme" in draft["note"]


def test_assessment_rejection_names_the_skill_area(client, user, ingest):
    """After an assessment whose email names the skill, keep learning says which."""
    _, token = user()
    stored = _rejection(client, token, ingest, stage="assessment", skill_area="SQL")
    advice = client.get(f"/api/v1/messages/{stored['id']}/advice", headers=auth(token)).json
    assert advice["strategies"][0]["id"] == "keep_learning" and "SQL" in advice["strategies"][0]["reason"]


def test_many_application_stage_rejections_suggest_reviewing_the_strategy(client, user, ingest):
    """Six early rejections out of six recent ones: review the search strategy, with the figures in the reason."""
    _, token = user()
    base = datetime(2026, 3, 1, 9, tzinfo=UTC)
    items = [msg("rejection", company=f"Firm{i}", date=base + timedelta(days=2 * i)) for i in range(6)]
    ingest(token, *items)
    latest = client.get("/api/v1/messages", headers=auth(token), query_string={"label": "rejection"}).json["items"][0]
    advice = client.get(f"/api/v1/messages/{latest['id']}/advice", headers=auth(token)).json
    ids = [s["id"] for s in advice["strategies"]]
    assert "review_strategy" in ids
    review = next(s for s in advice["strategies"] if s["id"] == "review_strategy")
    assert "6 of your last 6" in review["reason"]


def test_several_rejections_in_a_few_days_put_care_first(client, user, ingest):
    """Three rejections within five days: accept the emotions and self-care come first."""
    _, token = user()
    base = datetime(2026, 4, 6, 9, tzinfo=UTC)
    ingest(token, *[msg("rejection", company=c, stage="interview", date=base + timedelta(days=i)) for i, c in enumerate(["A1", "B2", "C3"])])
    latest = client.get("/api/v1/messages", headers=auth(token), query_string={"label": "rejection"}).json["items"][0]
    ids = [s["id"] for s in client.get(f"/api/v1/messages/{latest['id']}/advice", headers=auth(token)).json["strategies"]]
    assert ids[:2] == ["accept_emotions", "self_care"]


def test_advice_for_a_message_that_is_not_a_rejection_is_409(client, user, ingest):
    """Only rejections have advice."""
    _, token = user()
    ingest(token, msg())
    mid = client.get("/api/v1/messages", headers=auth(token)).json["items"][0]["id"]
    res = client.get(f"/api/v1/messages/{mid}/advice", headers=auth(token))
    assert res.status_code == 409 and "not rejection" in res.json["message"]


def test_not_a_rejection_step_applies_the_correction(client, user, ingest):
    """The step's correction (PATCH label other) takes the message out of the advice and out of its application."""
    _, token = user()
    stored = _rejection(client, token, ingest)
    step = next(s for s in client.get(f"/api/v1/messages/{stored['id']}/advice", headers=auth(token)).json["next_steps"]
                if s["kind"] == "not_a_rejection")
    assert step["message_id"] == stored["id"]
    assert client.patch(f"/api/v1/messages/{step['message_id']}", json={"label": "other"}, headers=auth(token)).status_code == 200
    assert client.get(f"/api/v1/messages/{stored['id']}/advice", headers=auth(token)).status_code == 409


def test_advice_for_an_open_email_classifies_and_finds_the_stored_message(client, user, ingest):
    """POST /advice classifies what webmail shows; a stored copy (same sender and subject) is found, nothing is added."""
    _, token = user()
    subject = "Your application for Data Analyst at Northwind"
    ingest(token, msg("rejection", company="Northwind", role="Data Analyst", stage="interview", subject=subject,
                      from_address="sam@northwind.example"))
    before = client.get("/api/v1/messages", headers=auth(token)).json["total"]
    res = client.post("/api/v1/advice", json={"subject": subject, "from_name": "Sam", "from_address": "Sam@Northwind.example",
                                              "text": REJECTION_TEXT}, headers=auth(token))
    assert res.status_code == 200
    assert res.json["classification"]["label"] == "rejection"
    assert res.json["message"]["subject"] == subject and res.json["application"]["company"] == "Northwind"
    assert res.json["advice"]["strategies"][0]["id"] == "seek_feedback"
    assert client.get("/api/v1/messages", headers=auth(token)).json["total"] == before


def test_advice_for_an_unstored_rejection_still_advises(client, user):
    """An email the worker has not stored yet gets advice from the on-the-spot classification."""
    _, token = user()
    res = client.post("/api/v1/advice", json={"subject": "Data Analyst at Northwind", "from_address": "sam@northwind.example",
                                              "text": REJECTION_TEXT}, headers=auth(token))
    assert res.json["message"] is None and res.json["advice"]["message_id"] is None
    assert [s["id"] for s in res.json["advice"]["strategies"]][0] == "seek_feedback"


def test_advice_for_an_ordinary_email_is_null(client, user):
    """A note from a friend is not job-related: no advice."""
    _, token = user()
    res = client.post("/api/v1/advice", json={"subject": "Dinner on Friday?", "from_address": "alex@example.org",
                                              "text": "Hi! Are you free for dinner on Friday? We could try the new place."},
                      headers=auth(token))
    assert res.status_code == 200 and res.json["advice"] is None and res.json["classification"]["label"] == "other"


def test_another_users_message_has_no_advice(client, user, ingest):
    """One user never reads advice on another's message."""
    _, owner = user()
    _, other = user()
    stored = _rejection(client, owner, ingest)
    assert client.get(f"/api/v1/messages/{stored['id']}/advice", headers=auth(other)).status_code == 404


def test_follow_ups_list_waiting_applications_and_give_a_calendar_file(client, user, ingest):
    """An application with no answer for longer than ``days`` is listed, and its .ics is a valid all-day reminder."""
    _, token = user()
    old = (datetime.now(UTC) - timedelta(days=12)).replace(microsecond=0)
    ingest(token, msg(company="Initech", role="Support Lead", date=old), msg(company="Hooli", date=datetime.now(UTC) - timedelta(days=2)))
    items = client.get("/api/v1/follow-ups", query_string={"days": 7}, headers=auth(token)).json["items"]
    assert [i["company"] for i in items] == ["Initech"] and items[0]["days_waiting"] == 12
    res = client.get(f"/api/v1/applications/{items[0]['id']}/follow-up.ics", query_string={"days": 7}, headers=auth(token))
    assert res.status_code == 200 and res.mimetype == "text/calendar"
    text = res.get_data(as_text=True)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "SUMMARY:Follow up: Support Lead at Initech" in text
    assert f"DTSTART;VALUE=DATE:{datetime.now(UTC).date():%Y%m%d}" in text  # 12 days > 7: due today
    assert client.get("/api/v1/follow-ups", query_string={"days": 0}, headers=auth(token)).status_code == 400


def test_calendar_lines_are_folded_and_escaped():
    """Long lines fold at 75 octets without splitting a character; commas and semicolons are escaped."""
    text = ics.follow_up_event("u1@onward", datetime(2026, 5, 1).date(), "Follow up: Ünïcødé; role, " + "é" * 60,
                               "Line one\nline two", datetime(2026, 4, 1, tzinfo=UTC))
    for line in text.split("\r\n"):
        assert len(line.encode()) <= 75
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:Follow up: Ünïcødé\\; role\\, " in unfolded and "DESCRIPTION:Line one\\nline two" in unfolded


def test_reflections_are_kept_with_the_application(client, user, ingest):
    """A reflection is written, listed and deleted under its application, and only by its owner."""
    _, token = user()
    _, other = user()
    stored = _rejection(client, token, ingest)
    app_id = stored["application_id"]
    res = client.post(f"/api/v1/applications/{app_id}/reflections", json={"went_well": "Clear answers on SQL",
                                                                          "to_change": "Prepare a portfolio story"}, headers=auth(token))
    assert res.status_code == 201
    rid = res.json["id"]
    listed = client.get(f"/api/v1/applications/{app_id}/reflections", headers=auth(token)).json["items"]
    assert [r["went_well"] for r in listed] == ["Clear answers on SQL"]
    assert client.get(f"/api/v1/applications/{app_id}/reflections", headers=auth(other)).status_code == 404
    assert client.post(f"/api/v1/applications/{app_id}/reflections", json={"went_well": "  "}, headers=auth(token)).status_code == 422
    assert client.delete(f"/api/v1/applications/{app_id}/reflections/{rid}", headers=auth(other)).status_code == 404
    assert client.delete(f"/api/v1/applications/{app_id}/reflections/{rid}", headers=auth(token)).status_code == 204
    assert client.get(f"/api/v1/applications/{app_id}/reflections", headers=auth(token)).json["items"] == []


def test_strategies_list_has_the_ten(client, user):
    """GET /strategies lists the ten strategies with their next steps."""
    _, token = user()
    items = client.get("/api/v1/strategies", headers=auth(token)).json["items"]
    assert len(items) == 10 and items[1]["id"] == "seek_feedback" and items[1]["next_steps"] == ["feedback_email"]


def test_mailto_body_is_plain_text_an_email_client_reads():
    """The mailto body decodes to the same text, CRLF line breaks, no HTML."""
    draft = drafts.feedback_email("fr", "Société Générale", "Analyste", "interview", recipient("rh@sg.example"))
    body = parse_qs(urlsplit(draft["mailto"]).query)["body"][0]
    assert Parser().parsestr("Subject: x\n\n" + body).get_payload().replace("\r\n", "\n") == draft["body"]
