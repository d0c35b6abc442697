"""The dashboard in the real Chromium: a seeded user signs in with the form, every page loads with
the right numbers, the keyboard reaches the links, and a screenshot of each page is saved under
artifacts/screenshots/ (dashboard-*.png)."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from browser import save_screenshot
from live_server import call, new_user, start_live_server

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


SHOTS = Path("/tmp/shots-dashboard")
"""Where the width test leaves its screenshots, to be looked at."""

WIDTHS = (360, 768, 1280)


def test_every_page_fits_from_a_phone_to_a_wide_screen(live_server, seeded, watched):
    """At 360, 768 and 1280 px no dashboard page scrolls sideways (scrollWidth <= innerWidth), signed out or in."""
    page = watched
    token, rejection = seeded
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + "/login")
    paths = {"login": "/login"}
    sign_in(page, live_server, token)
    paths.update({"pipeline": "/", "application": f"/applications/{rejection['application_id']}",
                  "rejection": f"/messages/{rejection['id']}", "summary": f"/summary?week={WEEK}", "checks": "/checks",
                  "corrections": "/corrections"})
    call(live_server, token, "PATCH", f"/applications/{rejection['application_id']}", {"role": "Test Engineer (automation)"})
    call(live_server, token, "POST", "/messages", {"messages": [job_mail(
        "rejection", "Supercalifragilistic Interplanetary Logistics Incorporated", "Principal Data Platform Engineer",
        "2026-11-20T09:00:00+00:00", confidence=0.5, subject="An update on your application to the logistics team")]})
    confirmation = next(m for m in call(live_server, token, "GET", "/messages?label=application_confirmation")["items"])
    paths["email"] = f"/messages/{confirmation['id']}"
    SHOTS.mkdir(parents=True, exist_ok=True)
    too_wide = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in paths.items():
            if name == "login":
                continue
            page.goto(live_server.url + path)
            scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if scroll > inner:
                too_wide.append((name, width, scroll))
            page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    assert too_wide == [], too_wide


def test_the_sign_in_page_fits_from_a_phone_to_a_wide_screen(live_server, watched):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        watched.set_viewport_size({"width": width, "height": 900})
        watched.goto(live_server.url + "/login")
        assert watched.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), width
        watched.screenshot(path=str(SHOTS / f"login-{width}.png"), full_page=True)


def test_the_digest_reads_well_on_a_phone_and_a_wide_mail_window(tmp_path, smtp_sink, page):
    """The digest received by the real SMTP sink, shown in Chromium at 375 and 700 px: no sideways scrolling, the
    content column at most 600 px; then its unsubscribe link asks before it acts. Screenshots in /tmp/shots-dashboard/."""
    server = start_live_server(tmp_path, SMTP_HOST=smtp_sink.host, SMTP_PORT=smtp_sink.port, SMTP_SECURITY="none",
                               PUBLIC_URL="http://onward.test")
    try:
        _, (token, service) = new_user(server, tokens=(("user", "personal"), ("service", "worker")))
        now = datetime.now(UTC)
        monday = (now - timedelta(days=now.isoweekday() - 1 + 7)).replace(hour=10, minute=0, second=0, microsecond=0)
        tue, wed, thu = (monday + timedelta(days=i) for i in (1, 2, 3))
        call(server, service, "POST", "/messages", {"messages": [
            job_mail("application_confirmation", "Acme", "Data Analyst", tue.isoformat()),
            job_mail("application_confirmation", "Globex", "Engineer", tue.isoformat()),
            job_mail("application_confirmation", "Hooli", "Senior Data Platform Engineer", tue.isoformat()),
            job_mail("rejection", "Acme", "Data Analyst", wed.isoformat(), stage="interview", offers_feedback=True),
            job_mail("interview_invitation", "Globex", "Engineer", thu.isoformat()),
            job_mail("offer", "Hooli", "Senior Data Platform Engineer", thu.isoformat())]})
        call(server, token, "PATCH", "/me", {"digest": {"weekday": 1, "hour": 0}})
        assert call(server, service, "POST", "/digests/send-due")["sent"] == 1
        (mail,) = smtp_sink.wait_for(1)
        html = mail.get_body(("html",)).get_content()
        SHOTS.mkdir(parents=True, exist_ok=True)
        for width in (375, 700):
            page.set_viewport_size({"width": width, "height": 900})
            page.set_content(html)
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), width
            assert page.locator("body > div").bounding_box()["width"] <= 600
            assert page.get_by_text("Offer from Hooli (Senior Data Platform Engineer)").is_visible()
            page.screenshot(path=str(SHOTS / f"digest-{width}.png"), full_page=True)
        link = mail["List-Unsubscribe"].strip().strip("<>").replace("http://onward.test", server.url)
        page.set_viewport_size({"width": 375, "height": 700})
        page.goto(link)
        assert page.get_by_role("heading", level=1).inner_text() == "Stop the weekly digest?"
        assert call(server, token, "GET", "/me")["digest"]["enabled"] is True
        page.screenshot(path=str(SHOTS / "digest-unsubscribe-375.png"), full_page=True)
        page.get_by_role("button", name="Stop the weekly digest").click()
        page.get_by_role("button", name="Turn the weekly digest back on").wait_for()
        assert call(server, token, "GET", "/me")["digest"]["enabled"] is False
        page.screenshot(path=str(SHOTS / "digest-unsubscribed-375.png"), full_page=True)
    finally:
        server.close()


def test_a_first_run_gets_from_the_sign_in_link_to_a_rejections_advice(live_server, watched):
    """The link `onward run` prints signs in; the empty dashboard says how to get mail in and its demo shows a pipeline,
    a rejection's advice and the week's summary, marked as a demo until one click removes it."""
    from onward.run import first_run_sign_in

    page = watched
    _, link, _ = first_run_sign_in(live_server.app, live_server.url)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/")
    assert page.get_by_role("heading", name="Get your mail in").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(SHOTS / "first-run-empty-360.png"), full_page=True)
    page.get_by_role("button", name="Show a demo pipeline").click()
    page.wait_for_load_state()
    assert page.locator(".demo-banner").is_visible() and page.locator("li.card").count() >= 2
    page.screenshot(path=str(SHOTS / "first-run-demo-360.png"), full_page=True)
    page.locator("section.column", has=page.locator("#col-rejected")).locator("li.card a").first.click()
    page.locator("ol.timeline a").first.click()
    assert page.locator("li.strategy").count() >= 1 and page.locator(".demo-banner").is_visible()
    page.get_by_role("link", name="Weekly summary").click()
    assert page.locator(".number[data-metric=applications_sent] .value").inner_text() != "0"
    page.get_by_role("button", name="Remove the demo").click()
    page.wait_for_load_state()
    assert page.locator(".demo-banner").count() == 0 and page.locator("li.card").count() == 0


def test_a_correction_on_the_application_page_is_undone_in_one_click(live_server, seeded, watched):
    """In Chromium: set a status from an earlier date with the form, see it in the timeline, undo it from the page."""
    page = watched
    token, rejection = seeded
    app_id = rejection["application_id"]
    before = call(live_server, token, "GET", f"/applications/{app_id}")
    sign_in(page, live_server, token, f"/applications/{app_id}")
    page.get_by_label("Status", exact=True).select_option("offer")
    page.get_by_label("Since").fill("2026-11-20")
    page.get_by_role("button", name="Set the status").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").inner_text().startswith("The status is now Offer from Fri 20 Nov 2026.")
    assert page.locator(".facts .status").inner_text() == "Offer"
    page.get_by_role("button", name="Undo it").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").inner_text().startswith("Undone")
    assert call(live_server, token, "GET", f"/applications/{app_id}") == before
    page.get_by_role("link", name="Corrections").first.click()
    assert "Undone on" in page.locator("li.correction").first.inner_text()
