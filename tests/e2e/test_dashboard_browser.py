"""The dashboard in the real Chromium: a seeded user signs in with the form, every page loads with
the right numbers, the keyboard reaches the links, and a screenshot of each page is saved under
artifacts/screenshots/ (dashboard-*.png)."""

import pytest
from browser import save_screenshot
from live_server import call, new_user

WEEK = "2026-W47"
"""Monday 16 to Sunday 22 November 2026 (the user's zone is UTC)."""


def job_mail(label: str, company: str, role: str, date: str, **fields) -> dict:
    """One message as the worker sends it, with only what these pages read."""
    return {"account": "imap:robin@example.org", "message_id": f"<{label}.{company}.{date}@mail.example>", "date": date,
            "label": label, "confidence": 0.9, "company": company,
            "role": role, "subject": f"Your application: {role}", "from_name": f"{company} Careers",
            "from_address": f"jobs@{company.lower()}.example", "language": "en",
            "stage": "application" if label == "rejection" else None, **fields}


SEED = [
    job_mail("application_confirmation", "Acme", "Data Analyst", "2026-11-02T09:00:00+00:00"),
    job_mail("application_confirmation", "Umbrella", "Analyst", "2026-11-10T09:00:00+00:00"),
    job_mail("rejection", "Umbrella", "Analyst", "2026-11-12T09:00:00+00:00"),
    job_mail("application_confirmation", "Globex", "Engineer", "2026-11-16T09:00:00+00:00"),
    job_mail("application_confirmation", "Initech", "Tester", "2026-11-17T09:00:00+00:00"),
    job_mail("application_confirmation", "Hooli", "Data Engineer", "2026-11-17T11:00:00+00:00"),
    job_mail("interview_invitation", "Globex", "Engineer", "2026-11-18T09:00:00+00:00"),
    job_mail("rejection", "Initech", "Tester", "2026-11-19T09:00:00+00:00", stage="interview", offers_feedback=True,
             subject="Your interview at Initech", snippet="Thank you for meeting the team. We chose another candidate."),
]
"""Three applications in the seeded week (Globex invites, Initech says no after the interview), two before it."""


@pytest.fixture
def seeded(live_server):
    """A user with ``SEED`` on the live server: (token, Initech's rejection as the API gives it)."""
    _, (token,) = new_user(live_server)
    assert call(live_server, token, "POST", "/messages", {"messages": SEED})["new"] == len(SEED)
    rejection = next(m for m in call(live_server, token, "GET", "/messages?label=rejection")["items"] if m["company"] == "Initech")
    return token, rejection


@pytest.fixture
def watched(page, live_server):
    """The page, with a list of requests that left the live server and of console errors, both to stay empty."""
    outside, errors = [], []
    page.on("request", lambda r: None if r.url.startswith(live_server.url) else outside.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    assert outside == [] and errors == []


def sign_in(page, live_server, token: str, path: str = "/") -> None:
    page.goto(live_server.url + path)
    assert page.url.startswith(live_server.url + "/login")
    page.get_by_label("Token or pairing code").fill(token)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + path)


def numbers(page) -> dict:
    return {d.get_attribute("data-metric"): d.locator(".value").inner_text().strip() for d in page.locator("div.number").all()}


def test_sign_in_page_then_the_pipeline_in_columns(live_server, seeded, watched):
    page = watched
    page.goto(live_server.url + "/")
    assert page.title() == "Sign in · Onward"
    save_screenshot(page, "dashboard-login")
    sign_in(page, live_server, seeded[0])

    assert page.get_by_role("heading", level=1).inner_text() == "Your pipeline"
    counts = {c.get_attribute("aria-labelledby").removeprefix("col-"): c.locator(".count").get_attribute("data-count")
              for c in page.locator("section.column").all()}
    assert counts == {"applied": "2", "assessment": "0", "interviewing": "1", "offer": "0", "rejected": "2", "ghosted": "0",
                      "withdrawn": "0"}
    assert page.locator("section.column", has=page.locator("#col-interviewing")).locator(".company").inner_text() == "Globex"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(244, 246, 249)"  # the project's CSS
    save_screenshot(page, "dashboard-pipeline")


def test_the_keyboard_reaches_the_skip_link_and_opens_an_application(live_server, seeded, watched):
    page = watched
    sign_in(page, live_server, seeded[0])

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to the content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    for _ in range(10):  # from the top of <main> to the first card of the first column
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.card') !== null"):
            break
    link = page.evaluate("document.activeElement.getAttribute('href')")
    assert link.startswith("/applications/")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"  # focus is visible
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + link)
    assert page.locator("ol.timeline > li").count() >= 1


def test_an_application_page_shows_the_timeline_and_keeps_a_reflection(live_server, seeded, watched):
    page = watched
    token, rejection = seeded
    sign_in(page, live_server, token, f"/applications/{rejection['application_id']}")

    assert page.get_by_role("heading", level=1).inner_text() == "Initech Tester"
    events = page.locator("ol.timeline > li")
    assert events.count() == 2
    assert "Application received" in events.nth(0).inner_text() and "Rejection" in events.nth(1).inner_text()
    page.get_by_label("What went well").fill("I had good examples ready.")
    page.get_by_label("What to change next time").fill("Ask about the team's tools earlier.")
    page.get_by_role("button", name="Save reflection").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").inner_text().startswith("Your reflection is saved")
    assert "Ask about the team's tools earlier." in page.locator(".reflection-list").inner_text()
    save_screenshot(page, "dashboard-application")


def test_a_rejection_page_shows_strategies_and_next_steps(live_server, seeded, watched):
    page = watched
    token, rejection = seeded
    advice = call(live_server, token, "GET", f"/messages/{rejection['id']}/advice")
    sign_in(page, live_server, token, f"/messages/{rejection['id']}")

    assert page.locator("p.lead").inner_text() == advice["summary"]
    assert page.locator("li.strategy h3").all_inner_texts() == [s["title"] for s in advice["strategies"]]
    steps = page.locator("ol.steps > li").all_inner_texts()
    assert len(steps) == len(advice["next_steps"])
    assert all(step["title"] in shown for step, shown in zip(advice["next_steps"], steps, strict=True))
    draft = next(s for s in advice["next_steps"] if s["kind"] == "feedback_email")
    assert page.locator("pre.draft").inner_text() == draft["body"]
    assert page.get_by_role("link", name="Open the draft in your mail app").get_attribute("href") == draft["mailto"]
    assert page.get_by_role("button", name="Not a rejection").is_visible()
    save_screenshot(page, "dashboard-rejection")


def test_the_weekly_summary_shows_the_numbers_and_both_charts(live_server, seeded, watched):
    page = watched
    token, _ = seeded
    expected = call(live_server, token, "GET", f"/summary/weekly?week={WEEK}")
    assert (expected["applications_sent"], expected["responses"], expected["interviews"], expected["rejections"]) == (3, 2, 1, 1)
    sign_in(page, live_server, token, f"/summary?week={WEEK}")

    shown = numbers(page)
    for key in ("applications_sent", "responses", "interviews", "offers", "rejections"):
        assert shown[key] == str(expected[key]), key
    assert page.locator(".headline").inner_text() == expected["headline"]
    funnel = page.get_by_role("img", name=f"Funnel for {WEEK}")
    assert funnel.is_visible() and funnel.bounding_box()["width"] > 300
    bars = funnel.locator("rect.bar")
    assert [int(b.get_attribute("data-count")) for b in bars.all()] == [s["count"] for s in expected["funnel"]]
    history = page.get_by_role("img", name="Activity and outcomes over the last 12 weeks")
    assert history.locator("g.week").count() == 12
    last = {r.get_attribute("data-series"): r.get_attribute("data-value") for r in history.locator("g.week").last.locator("rect").all()}
    assert last == {"applications_sent": "3", "responses": "2", "rejections": "1"}
    assert history.locator("g.week").last.locator("rect").first.bounding_box()["height"] > 10
    save_screenshot(page, "dashboard-summary")

    page.get_by_role("link", name="Week before").click()
    page.wait_for_url(f"{live_server.url}/summary?week=2026-W46")
    assert numbers(page)["applications_sent"] == str(expected["history"][-2]["applications_sent"])


def test_the_weekly_summary_fits_a_phone_screen(live_server, seeded, watched):
    """At 390 px the summary page does not scroll sideways: its screen-reader tables stay out of the layout."""
    token, _ = seeded
    watched.set_viewport_size({"width": 390, "height": 844})
    sign_in(watched, live_server, token, f"/summary?week={WEEK}")
    assert watched.evaluate("document.documentElement.scrollWidth") <= 390
    assert watched.locator("table.vh").count() == 2  # the tables are still there for screen readers
    save_screenshot(watched, "dashboard-summary-390")
