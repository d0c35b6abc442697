"""Steps that fit the email (issue 13, item 4) and the name drafts are signed with: nothing addressed
to a no-reply sender, a follow-up only for this application, no "this process" when there was none,
each rejection its own first step; ``display_name`` set once through ``PATCH /api/v1/me``."""

from datetime import UTC, datetime, timedelta

import pytest
from support import auth, msg

from server.translations import gettext_for


def _advice(client, token, **fields):
    """Ingest one rejection and return its advice."""
    client.post("/api/v1/messages", json={"messages": [msg("rejection", **fields)]}, headers=auth(token))
    items = client.get("/api/v1/messages", headers=auth(token), query_string={"label": "rejection"}).json["items"]
    mid = next(m["id"] for m in items if m["company"] == fields.get("company", "Acme"))
    return client.get(f"/api/v1/messages/{mid}/advice", headers=auth(token)).json


def _all_text(advice: dict) -> str:
    parts = [advice["summary"]] + [v for s in advice["strategies"] for v in s.values() if isinstance(v, str)]
    parts += [v for step in advice["next_steps"] for v in step.values() if isinstance(v, str)]
    return "\n".join(parts)


def test_nothing_is_addressed_to_a_no_reply_sender(client, user):
    """A rejection from noreply@: the draft has no recipient and says where to send it; no thank-you "Reply to ..." step."""
    _, token = user()
    advice = _advice(client, token, company="Talent Co", stage="application", keeps_on_file=True,
                     from_address="noreply@talentco.example", from_name="Talent Co Talent Acquisition")
    draft = advice["next_steps"][0]
    assert draft["kind"] == "feedback_email" and draft["to"] == "" and draft["to_source"] == "none"
    assert "Talent Co" in draft["note"] and draft["mailto"].startswith("mailto:?subject=")
    assert "network" not in [s["kind"] for s in advice["next_steps"]]
    assert "noreply@" not in _all_text(advice).replace(draft["body"], "")


def test_a_readable_sender_gets_the_thank_you_by_name(client, user):
    """Kept on file, from a person's address: the thank-you step names that person and goes to the same address."""
    _, token = user()
    advice = _advice(client, token, company="Acme", stage="application", keeps_on_file=True,
                     from_address="sam.lee@acme.example", from_name="Sam Lee")
    network = next(s for s in advice["next_steps"] if s["kind"] == "network")
    assert network["to"] == "sam.lee@acme.example" and "Sam Lee" in network["text"]


def test_a_follow_up_is_only_ever_about_this_application(client, user):
    """Another application waiting for 20 days never appears on this rejection's card; the follow-up, when
    there is one, reminds of this application's feedback request."""
    _, token = user()
    now = datetime.now(UTC)
    client.post("/api/v1/messages", json={"messages": [msg(company="Globex", role="Support Lead", date=now - timedelta(days=20))]},
                headers=auth(token))
    advice = _advice(client, token, company="Acme", stage="application", date=now - timedelta(days=1))
    assert "Globex" not in _all_text(advice)
    follow_ups = [s for s in advice["next_steps"] if s["kind"] == "follow_up"]
    assert all(s["application_id"] == advice["application_id"] for s in follow_ups)


def test_a_long_search_follow_up_reminds_of_this_feedback_request(client, user):
    """Stay persistent offers a follow-up: a calendar reminder for this application's feedback request, a week on."""
    _, token = user()
    start = datetime.now(UTC) - timedelta(weeks=14)
    client.post("/api/v1/messages", json={"messages": [msg(company="Initech", date=start)]}, headers=auth(token))
    advice = _advice(client, token, company="Acme", stage="unknown", date=datetime.now(UTC) - timedelta(hours=2))
    step = next(s for s in advice["next_steps"] if s["kind"] == "follow_up")
    assert step["application_id"] == advice["application_id"] and "feedback" in step["title"]
    res = client.get(step["ics_url"], headers=auth(token))
    assert res.status_code == 200 and "feedback" in res.get_data(as_text=True)


@pytest.mark.parametrize("language", ["en", "de", "fr", "es", "nl"])
def test_no_process_is_mentioned_after_an_application_stage_rejection(client, user, language):
    """A bare application-stage rejection: no "what went well in this process" anywhere on the card."""
    tr = gettext_for(language)
    _, token = user()
    advice = _advice(client, token, company="Acme", stage="application", language=language)
    text = _all_text(advice)
    for process_line in ("Write down what went well in this process: it is still true after the no.",
                         "Write down what went well and what to change"):
        assert tr(process_line) not in text
    reflection = next(s for s in advice["next_steps"] if s["kind"] == "reflection")
    assert reflection["title"] == tr("Note what you would keep and what you would change in this application")


def test_each_rejection_has_its_own_first_step(client, user):
    """The popup's latest rejections each start with their own step: asking that employer for feedback."""
    _, token = user()
    base = datetime.now(UTC) - timedelta(days=3)
    companies = ["Acme", "Globex", "Initech", "Hooli", "Umbrella"]
    client.post("/api/v1/messages", json={"messages": [msg("rejection", company=c, date=base + timedelta(hours=i))
                                                       for i, c in enumerate(companies)]}, headers=auth(token))
    recent = client.get("/api/v1/summary/weekly", headers=auth(token)).json["recent_rejections"]
    firsts = [r["first_step"] for r in recent]
    assert len(firsts) == 5 and all(s["kind"] == "feedback_email" for s in firsts)
    assert len({s["title"] for s in firsts}) == 5
    assert all(r["company"] in s["title"] for r, s in zip(recent, firsts, strict=True))


def test_display_name_signs_the_draft_and_is_asked_for_once(client, user):
    """Without a name the advice says needs_name; after PATCH /me the draft ends with it; null forgets it."""
    _, token = user()
    advice = _advice(client, token, company="Acme", stage="interview")
    assert advice["needs_name"] is True
    res = client.patch("/api/v1/me", json={"display_name": "  Robin   Park "}, headers=auth(token))
    assert res.status_code == 200 and res.json["display_name"] == "Robin Park"
    assert client.get("/api/v1/me", headers=auth(token)).json["display_name"] == "Robin Park"
    mid = advice["message_id"]
    again = client.get(f"/api/v1/messages/{mid}/advice", headers=auth(token)).json
    assert again["needs_name"] is False and again["next_steps"][0]["body"].rstrip().endswith("\nRobin Park")
    assert client.patch("/api/v1/me", json={"display_name": None}, headers=auth(token)).json["display_name"] is None
    assert client.get(f"/api/v1/messages/{mid}/advice", headers=auth(token)).json["needs_name"] is True


@pytest.mark.parametrize("bad", ["", "   ", "x" * 101, 42, ["Robin"]])
def test_a_bad_display_name_is_refused_and_changes_nothing(client, user, bad):
    """Empty, blank, too long or not text: 422, and the name already set stays."""
    _, token = user()
    client.patch("/api/v1/me", json={"display_name": "Robin"}, headers=auth(token))
    res = client.patch("/api/v1/me", json={"display_name": bad}, headers=auth(token))
    assert res.status_code == 422
    assert client.get("/api/v1/me", headers=auth(token)).json["display_name"] == "Robin"


def test_one_users_name_never_signs_anothers_draft(client, user):
    """The name is the user's own: another user's advice stays unsigned."""
    _, first = user()
    _, second = user()
    client.patch("/api/v1/me", json={"display_name": "Robin Park"}, headers=auth(first))
    advice = _advice(client, second, company="Acme", stage="interview")
    assert advice["needs_name"] is True and "Robin Park" not in advice["next_steps"][0]["body"]


def test_the_dashboard_page_says_where_to_send_a_draft_nobody_would_read(client, user):
    """The rejection's page shows the draft's note (as text) when the sender is a no-reply address."""
    from test_dashboard import page, sign_in

    _, token = user()
    advice = _advice(client, token, company="Talent Co", stage="application", from_address="noreply@talentco.example")
    assert sign_in(client, token).status_code == 303
    note = page(client, f"/messages/{advice['message_id']}").select_one("li.step-feedback_email .draft-note")
    assert note is not None and note.get_text() == advice["next_steps"][0]["note"]
