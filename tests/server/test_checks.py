"""The "Please check" tier: a rejection the classifier is not sure of (confidence below SURE) is stored
but counts as nothing until the user answers it with one click; the answer is remembered for the
sender's next unsure email, for that user only."""

import re

from bs4 import BeautifulSoup
from support import auth, msg

from worker.contract import SURE

UNSURE = SURE - 0.15


def unsure(**fields) -> dict:
    """A rejection below SURE: a "Please check" email."""
    return msg("rejection", confidence=UNSURE, **fields)


def api(client, token, method, path, **kwargs):
    return client.open("/api/v1" + path, method=method, headers=auth(token), **kwargs)


def application(client, token, company="Acme") -> dict:
    apps = api(client, token, "GET", "/applications").json["items"]
    found = [a for a in apps if a["company"] == company]
    assert len(found) == 1, apps
    return api(client, token, "GET", f"/applications/{found[0]['id']}").json


def interview_process(ingest, token) -> None:
    """Acme: applied, then invited to an interview."""
    ingest(token, msg("application_confirmation", date="2026-01-05T09:00:00+00:00"),
           msg("interview_invitation", date="2026-01-12T09:00:00+00:00"))


def checks(client, token) -> dict:
    res = api(client, token, "GET", "/checks")
    assert res.status_code == 200, res.json
    return res.json


def test_an_unsure_rejection_leaves_the_application_as_it_was_and_is_listed(client, user, ingest):
    """The application stays Interviewing, the email is listed with its question, and it is no rejection anywhere."""
    _, token = user()
    interview_process(ingest, token)
    ingest(token, unsure(date="2026-01-20T09:00:00+00:00", subject="Update on your application"))
    app = application(client, token)
    assert app["status"] == "interviewing"
    assert [c["to_status"] for c in app["status_changes"]] == ["applied", "interviewing"]
    listed = checks(client, token)
    assert listed["total"] == 1 and len(listed["items"]) == 1
    item = listed["items"][0]
    assert item["message"]["label"] == "possible_rejection" and item["message"]["classified_label"] == "rejection"
    assert item["message"]["check"] == {"pending": True, "answered_by": None, "answered_at": None, "reason": None}
    assert item["question"] == "Is this email from Acme a rejection?"
    assert item["application"]["id"] == app["id"] and item["message"]["application_id"] is None
    assert api(client, token, "GET", "/messages?label=rejection").json["total"] == 0
    week = api(client, token, "GET", "/summary/weekly?week=2026-W04").json
    assert week["rejections"] == 0 and week["recent_rejections"] == []


def test_a_sure_rejection_is_not_listed_and_counts_at_once(client, user, ingest):
    """At SURE the classifier's rejection is told as one: no check, Rejected."""
    _, token = user()
    interview_process(ingest, token)
    ingest(token, msg("rejection", confidence=SURE, date="2026-01-20T09:00:00+00:00"))
    assert application(client, token)["status"] == "rejected"
    assert checks(client, token)["total"] == 0


def test_the_advice_for_an_unsure_rejection_asks_and_never_says_no(client, user, ingest):
    """The card's advice is a neutral question with yes and no, no strategies, no "said no", stored or on screen."""
    _, token = user()
    interview_process(ingest, token)
    item = unsure(date="2026-01-20T09:00:00+00:00", subject="Update on your application", message_id="<unsure-1@acme.example>")
    ingest(token, item)
    mid = checks(client, token)["items"][0]["message"]["id"]
    advice = api(client, token, "GET", f"/messages/{mid}/advice").json
    assert advice["check"] is True and advice["strategies"] == []
    assert advice["summary"] == "Please check: is this a rejection?"
    assert [s["kind"] for s in advice["next_steps"]] == ["check_yes", "check_no"]
    assert all(s["message_id"] == mid for s in advice["next_steps"])
    assert "said no" not in str(advice)
    shown = api(client, token, "POST", "/advice", json={
        "subject": item["subject"], "from_name": item["from_name"], "from_address": item["from_address"],
        "message_id": item["message_id"], "text": "We regret to inform you that we will not move forward with your application."})
    assert shown.status_code == 200, shown.json
    assert shown.json["advice"]["check"] is True and "said no" not in str(shown.json)


def test_yes_makes_it_a_rejection_that_counts_everywhere(client, user, ingest):
    """Yes: the application turns Rejected after its interview, the week counts the rejection, the card gets its strategies."""
    _, token = user()
    interview_process(ingest, token)
    ingest(token, unsure(date="2026-01-20T09:00:00+00:00"))
    mid = checks(client, token)["items"][0]["message"]["id"]
    res = api(client, token, "POST", f"/messages/{mid}/check", json={"rejection": True})
    assert res.status_code == 200, res.json
    assert res.json["message"]["label"] == "rejection"
    assert res.json["message"]["check"]["answered_by"] == "user" and "a rejection" in res.json["message"]["check"]["reason"]
    assert res.json["advice"]["check"] is False and res.json["advice"]["strategies"]
    assert res.json["application"]["status"] == "rejected"
    app = application(client, token)
    assert [c["to_status"] for c in app["status_changes"]] == ["applied", "interviewing", "rejected"]
    assert len(app["messages"]) == 3
    assert checks(client, token)["total"] == 0
    week = api(client, token, "GET", "/summary/weekly?week=2026-W04").json
    assert week["rejections"] == 1 and week["recent_rejections"][0]["message_id"] == mid


def test_no_keeps_the_application_and_its_whole_history(client, user, ingest):
    """No: the email is other mail, the application keeps its status, events and messages, and nothing is counted."""
    _, token = user()
    interview_process(ingest, token)
    before = application(client, token)
    ingest(token, unsure(date="2026-01-20T09:00:00+00:00"))
    mid = checks(client, token)["items"][0]["message"]["id"]
    res = api(client, token, "POST", f"/messages/{mid}/check", json={"rejection": False})
    assert res.status_code == 200, res.json
    assert res.json["message"]["label"] == "other" and res.json["advice"] is None
    after = application(client, token)
    assert after["id"] == before["id"] and after["status"] == "interviewing"
    assert after["status_changes"] == before["status_changes"]
    assert [m["id"] for m in after["messages"]] == [m["id"] for m in before["messages"]]
    assert checks(client, token)["total"] == 0
    assert api(client, token, "GET", "/summary/weekly?week=2026-W04").json["rejections"] == 0


def test_a_yes_can_be_taken_back_with_no_and_the_history_comes_back(client, user, ingest):
    """Changing a yes to a no puts the application back where it was, interview included."""
    _, token = user()
    interview_process(ingest, token)
    before = application(client, token)
    ingest(token, unsure(date="2026-01-20T09:00:00+00:00"))
    mid = checks(client, token)["items"][0]["message"]["id"]
    assert api(client, token, "POST", f"/messages/{mid}/check", json={"rejection": True}).status_code == 200
    res = api(client, token, "POST", f"/messages/{mid}/check", json={"rejection": False, "label": "application_confirmation"})
    assert res.status_code == 200 and res.json["message"]["label"] == "application_confirmation"
    after = application(client, token)
    assert after["status"] == "interviewing"
    assert [c["to_status"] for c in after["status_changes"]] == [c["to_status"] for c in before["status_changes"]]


def test_the_answer_is_remembered_for_the_same_senders_next_unsure_email(client, user, ingest):
    """The next unsure email from the same sender and employer takes the last answer, and says so; another sender is asked."""
    _, token = user()
    ingest(token, unsure(date="2026-01-20T09:00:00+00:00", from_address="Talent@Acme.example"))
    mid = checks(client, token)["items"][0]["message"]["id"]
    assert api(client, token, "POST", f"/messages/{mid}/check", json={"rejection": False}).status_code == 200
    ingest(token, unsure(date="2026-02-03T09:00:00+00:00", from_address="talent@acme.example", role="Analyst"),
           unsure(date="2026-02-03T10:00:00+00:00", from_address="other@acme.example", role="Analyst"),
           unsure(date="2026-02-03T11:00:00+00:00", from_address="talent@acme.example", company="Globex"))
    listed = checks(client, token)
    assert sorted(i["message"]["from_address"] for i in listed["items"]) == ["other@acme.example", "talent@acme.example"]
    assert [i["message"]["company"] for i in listed["items"] if i["message"]["from_address"] == "talent@acme.example"] == ["Globex"]
    remembered = listed["remembered"]
    assert len(remembered) == 1 and remembered[0]["message"]["label"] == "other"
    check = remembered[0]["message"]["check"]
    assert check["answered_by"] == "memory" and not check["pending"]
    assert re.fullmatch(r"Answered for you: you said an email from talent@acme\.example was not a rejection on \d+ \w+ \d{4}\.",
                        check["reason"]), check["reason"]
    assert all(a["company"] != "Acme" or a["status"] != "rejected" for a in api(client, token, "GET", "/applications").json["items"])


def test_a_remembered_yes_counts_as_a_rejection_with_its_reason(client, user, ingest):
    """After a yes, the same sender's next unsure email is a rejection at once and its advice says why."""
    _, token = user()
    ingest(token, unsure(date="2026-01-20T09:00:00+00:00", role="Analyst"))
    mid = checks(client, token)["items"][0]["message"]["id"]
    assert api(client, token, "POST", f"/messages/{mid}/check", json={"rejection": True}).status_code == 200
    ingest(token, msg("application_confirmation", date="2026-02-01T09:00:00+00:00", role="Engineer"),
           unsure(date="2026-02-10T09:00:00+00:00", role="Engineer"))
    assert checks(client, token)["total"] == 0
    assert {a["role"]: a["status"] for a in api(client, token, "GET", "/applications").json["items"]} == \
        {"Analyst": "rejected", "Engineer": "rejected"}
    latest = api(client, token, "GET", "/messages?label=rejection").json["items"][0]
    advice = api(client, token, "GET", f"/messages/{latest['id']}/advice").json
    assert advice["check"] is False and advice["reason"].startswith("Answered for you: you said an email from jobs@acme.example")


def test_one_users_answers_never_reach_another_user(client, user, ingest):
    """The same sender's unsure email is still asked of another user, who can neither list nor answer the first user's."""
    _, alice = user()
    _, bob = user()
    ingest(alice, unsure(date="2026-01-20T09:00:00+00:00"))
    ingest(bob, unsure(date="2026-01-20T09:00:00+00:00"))
    alice_mid = checks(client, alice)["items"][0]["message"]["id"]
    assert api(client, alice, "POST", f"/messages/{alice_mid}/check", json={"rejection": True}).status_code == 200
    ingest(bob, unsure(date="2026-02-20T09:00:00+00:00"))
    bob_list = checks(client, bob)
    assert bob_list["total"] == 2 and bob_list["remembered"] == []
    assert alice_mid not in [i["message"]["id"] for i in bob_list["items"]]
    assert api(client, bob, "POST", f"/messages/{alice_mid}/check", json={"rejection": False}).status_code == 404
    assert api(client, bob, "GET", f"/messages/{alice_mid}/advice").status_code == 404
    assert api(client, alice, "GET", f"/messages/{alice_mid}").json["label"] == "rejection"


def test_answers_are_validated_and_only_for_emails_to_check(client, user, ingest):
    """A body that does not match CheckAnswer is 422; a sure rejection or other mail is 409."""
    _, token = user()
    ingest(token, unsure(), msg("rejection", confidence=0.97, company="Globex"))
    mid = checks(client, token)["items"][0]["message"]["id"]
    for bad in ({}, {"rejection": "yes"}, {"rejection": False, "label": "rejection"}, {"rejection": True, "extra": 1}):
        assert api(client, token, "POST", f"/messages/{mid}/check", json=bad).status_code == 422, bad
    assert api(client, token, "POST", f"/messages/{mid}/check", json={"rejection": True, "label": "other"}).status_code == 422
    sure = next(m for m in api(client, token, "GET", "/messages").json["items"] if m["company"] == "Globex")
    assert api(client, token, "POST", f"/messages/{sure['id']}/check", json={"rejection": False}).status_code == 409
    assert api(client, token, "GET", "/checks?limit=0").status_code == 400


def test_a_resync_that_makes_a_sure_rejection_unsure_takes_it_out_of_rejected(client, user, ingest):
    """The same email synced again with a confidence below SURE no longer counts: the application goes back to Interviewing."""
    _, token = user()
    interview_process(ingest, token)
    item = msg("rejection", confidence=0.95, date="2026-01-20T09:00:00+00:00")
    ingest(token, item)
    assert application(client, token)["status"] == "rejected"
    ingest(token, {**item, "confidence": UNSURE})
    assert application(client, token)["status"] == "interviewing"
    assert checks(client, token)["total"] == 1


# --- the dashboard ---------------------------------------------------------------------------------------------

def _csrf(client, path: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)[1]


def test_the_dashboard_lists_emails_to_check_and_answers_them_with_one_click(client, user, ingest):
    """The "Please check" page shows the question with Yes/No forms; Yes moves the application to Rejected."""
    _, token = user()
    interview_process(ingest, token)
    ingest(token, unsure(date="2026-01-20T09:00:00+00:00", subject="An update <b>for you</b>"))
    client.post("/login", data={"csrf_token": _csrf(client, "/login"), "secret": token})
    page = BeautifulSoup(client.get("/").text, "html.parser")
    assert page.select_one('nav a[href="/checks"] .count')["data-count"] == "1"
    res = client.get("/checks")
    assert res.status_code == 200 and "<b>for you</b>" not in res.text
    page = BeautifulSoup(res.text, "html.parser")
    check = page.select_one("li.check")
    assert check.h3.get_text() == "Is this email from Acme a rejection?"
    assert "said no" not in res.text
    mid = int(check["id"].removeprefix("check-"))
    message_page = client.get(f"/messages/{mid}").text
    assert "Is this email from Acme a rejection?" in message_page and "said no" not in message_page
    assert client.post(f"/messages/{mid}/check", data={"answer": "yes"}).status_code == 400  # no CSRF token
    res = client.post(f"/messages/{mid}/check", data={"csrf_token": _csrf(client, "/checks"), "answer": "yes"})
    assert res.status_code == 303 and res.location == "/checks"
    assert application(client, token)["status"] == "rejected"
    assert "Nothing to check" in client.get("/checks").text


def test_the_dashboard_no_keeps_the_application_and_another_users_email_is_404(client, user, ingest):
    """No on the page keeps the application as it was; another user's email cannot be answered."""
    _, token = user()
    _, other = user()
    interview_process(ingest, token)
    ingest(token, unsure(date="2026-01-20T09:00:00+00:00"))
    ingest(other, unsure(date="2026-01-20T09:00:00+00:00"))
    theirs = checks(client, other)["items"][0]["message"]["id"]
    client.post("/login", data={"csrf_token": _csrf(client, "/login"), "secret": token})
    mid = checks(client, token)["items"][0]["message"]["id"]
    token_csrf = _csrf(client, "/checks")
    assert client.post(f"/messages/{theirs}/check", data={"csrf_token": token_csrf, "answer": "yes"}).status_code == 404
    assert client.post(f"/messages/{mid}/check", data={"csrf_token": token_csrf, "answer": "maybe"}).status_code == 400
    res = client.post(f"/messages/{mid}/check", data={"csrf_token": token_csrf, "answer": "no"})
    assert res.status_code == 303
    app = application(client, token)
    assert app["status"] == "interviewing" and len(app["messages"]) == 2
    assert checks(client, other)["total"] == 1
