"""The Onward extension end to end: Debian's Chromium with the unpacked Chromium build of ``extension/build.py``
loaded, the real Onward server (``live_server``) and a real Roundcube over a real Dovecot. Pairing through the
options page, the rejection card beside an opened rejection, the history badge on a job board, the weekly summary
in the popup, and hostile email content shown as text. Each state is saved as artifacts/screenshots/extension-*.png."""

import re
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from browser import save_screenshot
from live_server import call
from roundcube import login, open_message

REPO = Path(__file__).resolve().parents[2]
PAGES = REPO / "tests" / "extension" / "pages"

REJECTION = ("Your application for Data Analyst at Acme", "Acme Careers <careers@acme-corp.com>",
             "Dear Robin,\n\nThank you for taking the time to interview with us for the Data Analyst position at Acme.\n\n"
             "After careful consideration, we have decided not to move forward with your application. We chose a "
             "candidate whose experience more closely matches our needs.\n\nKind regards,\nThe Acme Talent Team")
INTERVIEW = ("Interview invitation: Backend Engineer at Globex", "Globex Recruiting <jobs@globex.example>",
             "Hi Robin,\n\nThank you for applying for the Backend Engineer role at Globex. We would like to invite you "
             "to an interview. Are you available next Tuesday at 10:00 for a video call?\n\nBest,\nGlobex Recruiting")
ORDINARY = ("Lunch on Friday?", "Sam Park <sam@example.net>",
            "Hey Robin, do you want to grab lunch on Friday? The new place on Main Street looks good.\n\nSam")
HOSTILE_SUBJECT = '<img src=x onerror="document.documentElement.dataset.pwned=1"> Your application at Acme'
HOSTILE = (HOSTILE_SUBJECT, "Acme Careers <careers@acme-corp.com>",
           "Dear Robin,\n\nThank you for interviewing for the Data Analyst position. "
           "<script>document.documentElement.dataset.pwned=2</script>\n<img src=x onerror=\"alert('pwned')\">\n\n"
           "Unfortunately we have decided not to move forward with your application.\n\nKind regards,\nAcme")


def expect(locator):
    """Playwright's retrying assertions (imported late: without playwright the fixtures skip, not the import)."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def email(subject: str, sender: str, text: str) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, "Robin Vale <robin@example.org>", subject
    msg["Date"] = format_datetime(datetime.now(UTC) - timedelta(hours=1))
    msg["Message-ID"] = make_msgid(domain="mail.test")
    msg.set_content(text)
    return msg.as_bytes()


_uids = iter(range(1, 10_000))


def stored(label: str, company: str, role: str, when: datetime, stage: str | None = None, **fields) -> dict:
    """A message as the worker would deliver it (POST /api/v1/messages with the service token)."""
    uid = next(_uids)
    return {"account": "imap:robin@example.org", "folder": "INBOX", "uidvalidity": 1, "uid": uid,
            "message_id": f"<seed{uid}@mail.test>", "from_name": f"{company} Careers",
            "from_address": f"jobs@{company.lower()}.example", "subject": f"About your application for {role}",
            "date": when.isoformat(), "label": label, "confidence": 0.95, "stage": stage,
            "keeps_on_file": False if label == "rejection" else None,
            "offers_feedback": False if label == "rejection" else None, "company": company, "role": role, "ats": None,
            "job_id": None, "language": "en", "snippet": "About your application.", "link": None} | fields


def expect_decision(page_or_frame, decision: str) -> None:
    """Wait until the content script has decided about what is on screen (``data-onward-decision`` on the root
    element, written once the card, note or badge is in the page or once it chose to show nothing) and check
    that it decided ``decision``. A check that nothing shows comes after this, so it cannot pass early."""
    expect(page_or_frame.locator(":root")).to_have_attribute("data-onward-decision", decision, timeout=15_000)


def test_pairing_through_the_options_page_connects_and_unpairing_revokes_the_token(extension, live_server, user, pair):
    page = extension.context.new_page()
    page.goto(extension.url("options/options.html"))
    expect(page.locator("#status")).to_contain_text("Not connected")
    assert page.input_value("#server-url") == "http://127.0.0.1:5000"
    save_screenshot(page, "extension-options-not-paired")

    page.fill("#server-url", live_server.url)
    page.fill("#code", "WRONG234")
    page.click("#pair")
    expect(page.locator("#status")).to_contain_text("unknown, already used or expired")

    page.close()
    page = pair(extension, live_server, user)
    tokens = call(live_server, user.token, "GET", "/tokens")["items"]
    assert [t["name"] for t in tokens if t["name"] == "Browser extension"] == ["Browser extension"]
    expect(page.locator("#unpair")).to_be_visible()
    expect(page.locator("#open-dashboard")).to_be_visible()
    expect(page.locator("#pair-form")).to_be_hidden()  # connected: no code field, no Pair button
    expect(page.locator("#code")).to_be_hidden()
    save_screenshot(page, "extension-options-paired")

    page.click("#unpair")
    expect(page.locator("#status")).to_contain_text("Not connected")
    expect(page.locator("#pair-form")).to_be_visible()
    expect(page.locator("#unpair")).to_be_hidden()
    expect(page.locator("#code-help")).to_contain_text("Browsers page of your Onward dashboard")
    assert "Browser extension" not in [t["name"] for t in call(live_server, user.token, "GET", "/tokens")["items"]]


def test_roundcube_shows_the_rejection_card_only_for_the_rejection(paired, live_server, user, roundcube, dovecot):
    dovecot.deliver([email(*REJECTION), email(*INTERVIEW), email(*ORDINARY)])
    page = paired.context.new_page()
    login(page, roundcube, dovecot.user, dovecot.password)

    frame = open_message(page, roundcube, REJECTION[0])
    card = frame.locator('[data-onward="card"] section.card')
    expect(card).to_be_visible(timeout=15_000)
    expect_decision(frame, "card")
    expected = call(live_server, user.token, "POST", "/advice", {
        "subject": REJECTION[0], "from_name": "Acme Careers", "from_address": "careers@acme-corp.com", "text": REJECTION[2]})
    assert expected["advice"]["company"] == "Acme" and expected["advice"]["role"] == "Data Analyst"
    expect(card.locator("h2.summary")).to_have_text(expected["advice"]["summary"])
    expect(card.locator("h2.summary")).to_contain_text("Acme said no to your application for Data Analyst after the interview")
    strategies = card.locator(".strategy")
    expect(strategies).to_have_count(len(expected["advice"]["strategies"]))
    first = expected["advice"]["strategies"][0]
    assert strategies.first.get_attribute("data-id") == first["id"] == "seek_feedback"
    expect(strategies.first).to_contain_text(first["reason"])
    assert frame.locator("#messagebody").evaluate("b => b.previousElementSibling.dataset.onward") == "card"
    card.get_by_role("button", name=expected["advice"]["next_steps"][0]["title"]).click()  # "Ask Acme for feedback"
    draft = card.locator("#onward-feedback")
    expect(draft).to_contain_text(f"Re: {REJECTION[0]}")
    save_screenshot(page, "extension-roundcube-rejection-card")

    # No name yet: asked once under the draft; once saved the draft is signed and the server keeps it.
    assert expected["advice"]["needs_name"] is True
    draft.get_by_label("Your name, to sign the draft").fill("Robin Park")
    draft.get_by_role("button", name="Save and sign").click()
    expect(card.locator(".status")).to_have_text("Saved: your drafts are now signed with your name.")
    expect(draft.locator("pre")).to_have_text(re.compile(r"best regards,\nRobin Park\s*$"))
    assert "Robin%20Park" in draft.get_by_role("link", name="Open in my mail app").get_attribute("href")
    expect(draft.get_by_label("Your name, to sign the draft")).to_have_count(0)
    assert call(live_server, user.token, "GET", "/me")["display_name"] == "Robin Park"

    card.get_by_role("button", name="More").click()
    card.get_by_role("button", name=expected["advice"]["next_steps"][1]["title"]).click()
    card.locator("#onward-went-well").fill("I explained my SQL project clearly.")
    card.locator("#onward-to-change").fill("Prepare questions about the team.")
    card.get_by_role("button", name="Save reflection").click()
    expect(card.locator(".status")).to_have_text("Reflection saved.")
    (application,) = call(live_server, user.token, "GET", "/applications")["items"]
    reflections = call(live_server, user.token, "GET", f"/applications/{application['id']}/reflections")["items"]
    assert [r["went_well"] for r in reflections] == ["I explained my SQL project clearly."]

    card.get_by_role("button", name="Dismiss Onward's advice").click()
    expect(frame.locator('[data-onward="card"]')).to_have_count(0)

    frame = open_message(page, roundcube, INTERVIEW[0])
    expect_decision(frame, "note")
    note = frame.locator('[data-onward="note"] aside')
    expect(note).to_contain_text("Interview invitation: Globex \u2014 Backend Engineer")
    expect(frame.locator('[data-onward="card"]')).to_have_count(0)
    save_screenshot(page, "extension-roundcube-interview-note")

    frame = open_message(page, roundcube, ORDINARY[0])
    expect_decision(frame, "none")
    expect(frame.locator("[data-onward]")).to_have_count(0)
    save_screenshot(page, "extension-roundcube-ordinary-email")


def test_a_synced_rejection_offers_a_reminder_the_dashboard_and_not_a_rejection(paired, live_server, user, roundcube,
                                                                               dovecot):
    when = datetime.now(UTC) - timedelta(hours=1)
    call(live_server, user.service, "POST", "/messages", {"messages": [
        stored("application_confirmation", "Globex", "Backend Engineer", when - timedelta(days=20)),
        stored("application_confirmation", "Acme", "Data Analyst", when - timedelta(days=20)),
        stored("rejection", "Acme", "Data Analyst", when, stage="application", subject=REJECTION[0],
               from_address="careers@acme-corp.com")]})
    dovecot.deliver([email(*REJECTION)])
    page = paired.context.new_page()
    login(page, roundcube, dovecot.user, dovecot.password)
    frame = open_message(page, roundcube, REJECTION[0])
    card = frame.locator('[data-onward="card"] section.card')
    expect(card).to_be_visible(timeout=15_000)
    (application,) = [a for a in call(live_server, user.token, "GET", "/applications")["items"] if a["company"] == "Acme"]
    expect(card.locator("h2.summary")).to_contain_text("before any interview")
    card.get_by_role("button", name="More").click()

    link = card.locator(f'a[href="{live_server.url}/applications/{application["id"]}"]')
    expect(link).to_have_attribute("target", "_blank")
    reminder = next(s for s in call(live_server, user.token, "POST", "/advice", {
        "subject": REJECTION[0], "from_name": "Acme Careers", "from_address": "careers@acme-corp.com",
        "text": REJECTION[2]})["advice"]["next_steps"] if s["kind"] == "follow_up")
    with page.expect_download() as download:
        card.get_by_role("button", name=reminder["title"]).click()
    ics = Path(download.value.path()).read_text()
    # the reminder is about this application's feedback request; Globex, waiting for 20 days, is not this card's business
    assert ics.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in ics and "Acme" in ics and "feedback" in ics
    assert "Globex" not in ics
    expect(card).not_to_contain_text("Globex")
    save_screenshot(page, "extension-roundcube-synced-rejection")

    card.get_by_role("button", name="Not a rejection?").click()
    card.get_by_role("button", name="Other job mail").click()
    expect(card.locator("h2")).to_have_text("Thanks. Onward now counts this email as other job mail, not as a rejection.")
    (message,) = call(live_server, user.token, "GET", "/messages?label=other")["items"]
    assert message["subject"] == REJECTION[0] and message["label_corrected"] is True

    card.get_by_role("button", name="Dismiss Onward's advice").focus()
    page.keyboard.press("Escape")
    expect(frame.locator('[data-onward="card"]')).to_have_count(0)


def test_in_gmail_the_card_follows_the_pages_own_navigation(paired):
    """Gmail never reloads: the card must appear when a rejection is opened and go when another email is."""
    gmail = (PAGES / "gmail.html").read_text()
    conversation = gmail[gmail.index("<body>") + len("<body>"):gmail.index("</body>")]
    page = paired.context.new_page()
    page.route("https://mail.google.com/**", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8",
        body="<!doctype html><html><head><title>Inbox - Gmail</title></head><body><div role=main>Inbox</div></body></html>"))
    page.goto("https://mail.google.com/mail/u/0/#inbox")

    page.evaluate("html => { document.body.innerHTML = html; history.pushState({}, '', '#inbox/FMfcg1'); }", conversation)
    card = page.locator('[data-onward="card"] section.card')
    expect(card.locator("h2.summary")).to_contain_text("Acme said no", timeout=15_000)
    expect_decision(page, "card")
    assert page.locator("div.a3s").evaluate("b => b.previousElementSibling.dataset.onward") == "card"
    save_screenshot(page, "extension-gmail-card")

    page.evaluate("""() => {
        document.querySelector('h2.hP').textContent = 'Lunch on Friday?';
        document.querySelectorAll('div.adn')[1].querySelector('div.a3s').textContent = 'Do you want to grab lunch?';
        history.pushState({}, '', '#inbox/FMfcg2');
    }""")
    expect_decision(page, "none")  # it said "card" for the rejection: "none" is the lunch email's answer
    expect(page.locator("[data-onward]")).to_have_count(0)


def test_hostile_subject_and_body_are_shown_as_text_and_nothing_runs(paired, live_server, roundcube, dovecot):
    dovecot.deliver([email(*HOSTILE)])
    page = paired.context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    login(page, roundcube, dovecot.user, dovecot.password)

    frame = open_message(page, roundcube, "Your application at Acme")
    card = frame.locator('[data-onward="card"] section.card')
    expect(card.locator("h2.summary")).to_contain_text("Acme said no", timeout=15_000)
    assert card.locator("img, script").count() == 0
    card.get_by_role("button", name=re.compile(r"^Ask .*for feedback$")).click()
    draft = card.locator("#onward-feedback pre")
    expect(draft).to_be_visible()  # the panel holding the hostile text is open: whatever it would run is in the page
    assert card.locator("img, script").count() == 0
    save_screenshot(page, "extension-hostile-email")
    assert page.locator("html").get_attribute("data-pwned") is None
    assert frame.locator("html").get_attribute("data-pwned") is None
    assert dialogs == []


def test_a_site_switched_off_in_the_options_shows_nothing(paired, live_server, user):
    call(live_server, user.token, "POST", "/applications", {"company": "Acme", "role": "Data Analyst"})
    options = paired.context.new_page()
    options.goto(paired.url("options/options.html"))
    options.uncheck("#site-greenhouse")
    job = {"site": "greenhouse", "company": "Acme", "role": "Data Analyst", "domain": ""}
    answer = options.evaluate("job => Onward.send('history', job)", job)
    assert answer["ok"] is False and answer["error"] == "disabled"
    assert options.evaluate("job => Onward.send('history', {...job, site: 'lever'})", job)["ok"] is True

    page = paired.context.new_page()
    page.route("https://boards.greenhouse.io/**", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=(PAGES / "greenhouse.html").read_text()))
    page.goto("https://boards.greenhouse.io/acme/jobs/4567890")
    expect_decision(page, "off")
    expect(page.locator("[data-onward]")).to_have_count(0)


def test_the_confidence_threshold_from_the_options_decides_whether_the_card_shows(paired):
    options = paired.context.new_page()
    options.goto(paired.url("options/options.html"))
    mail = {"subject": REJECTION[0], "from_name": "Acme Careers", "from_address": "careers@acme-corp.com",
            "text": REJECTION[2]}
    ask = "mail => Onward.send('advice', {site: 'roundcube', email: mail})"
    assert options.evaluate(ask, mail)["data"]["show"] == "card"

    options.fill("#threshold", "0.99")
    options.dispatch_event("#threshold", "change")
    expect(options.locator("#threshold")).to_have_value("0.99")
    options.wait_for_function("() => Onward.send('settings/get').then(a => a.data.threshold === 0.99)")
    answer = options.evaluate(ask, mail)["data"]
    assert answer["classification"]["label"] == "rejection" and answer["classification"]["confidence"] < 0.99
    assert answer["show"] == "none"


def test_allowing_a_self_hosted_webmail_registers_the_roundcube_script_there(paired, roundcube):
    origin = f"http://localhost:{roundcube.port}"
    options = paired.context.new_page()
    options.goto(paired.url("options/options.html"))
    options.fill("#webmail-origin", origin)
    options.click("#webmail-add")
    expect(options.locator("#webmail-status")).to_have_text(f"Onward now reads opened messages on {origin}.")
    expect(options.locator("#webmail-hosts li")).to_contain_text(origin)
    save_screenshot(options, "extension-options-webmail-host")
    worker = paired.context.service_workers[0]
    (script,) = worker.evaluate("chrome.scripting.getRegisteredContentScripts()")
    assert script["matches"] == ["http://localhost/*"] and script["allFrames"] is True
    assert script["js"][-1] == "content/webmail.js" and "adapters/roundcube.js" in script["js"]

    options.get_by_role("button", name=f"Stop using {origin}").click()
    expect(options.locator("#webmail-hosts li")).to_have_count(0)
    assert worker.evaluate("chrome.scripting.getRegisteredContentScripts()") == []


def test_the_popup_shows_the_weeks_numbers_and_its_states(extension, live_server, user, pair):
    popup = extension.context.new_page()
    popup.set_viewport_size({"width": 360, "height": 600})
    popup.goto(extension.url("popup/popup.html"))
    expect(popup.locator("main h2")).to_have_text("Not paired yet")
    save_screenshot(popup, "extension-popup-not-paired")

    pair(extension, live_server, user).close()
    popup.reload()
    expect(popup.locator("main .empty")).to_contain_text("Nothing happened this week yet")
    expect(popup.locator('.numbers [data-key="applications_sent"] dd')).to_have_text("0")
    save_screenshot(popup, "extension-popup-empty-week")

    now = datetime.now(UTC)
    monday = (now - timedelta(days=now.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    at = monday + (now - monday) / 2  # inside this week (UTC, the user's zone) whenever the test runs
    call(live_server, user.service, "POST", "/messages", {"messages": [
        stored("application_confirmation", "Acme", "Data Analyst", at - timedelta(seconds=2)),
        stored("application_confirmation", "Globex", "Backend Engineer", at - timedelta(seconds=2)),
        stored("application_confirmation", "Initech", "UX Designer", at - timedelta(seconds=2)),
        stored("interview_invitation", "Globex", "Backend Engineer", at - timedelta(seconds=1)),
        stored("rejection", "Acme", "Data Analyst", at, stage="interview")]})
    summary = call(live_server, user.token, "GET", "/summary/weekly")
    assert (summary["applications_sent"], summary["rejections"], summary["interviews"]) == (3, 1, 1)

    popup.reload()
    for key in ("applications_sent", "responses", "interviews", "offers", "rejections"):
        expect(popup.locator(f'.numbers [data-key="{key}"] dd')).to_have_text(str(summary[key]))
    expect(popup.locator("svg.chart rect")).to_have_count(2 * len(summary["history"]))
    expect(popup.locator("ul.rejections li")).to_contain_text("Acme \u2014 Data Analyst")
    save_screenshot(popup, "extension-popup-week")

    live_server.stop()
    try:
        popup.reload()
        expect(popup.locator("main h2")).to_have_text("Onward is not reachable")
        save_screenshot(popup, "extension-popup-unreachable")
    finally:
        live_server.start()
    popup.click("#retry")
    expect(popup.locator('.numbers [data-key="applications_sent"] dd')).to_have_text("3")

    with extension.context.expect_page() as opened:  # the dashboard opens signed in, through a one-time link
        popup.click("#open-dashboard")
    dashboard = opened.value
    dashboard.wait_for_url(f"{live_server.url}/")
    expect(dashboard.locator(".who")).to_have_text(f"Signed in as {user.email}")

    # one word per figure and one accent colour, in the popup as on the dashboard's summary
    dashboard.goto(f"{live_server.url}/summary")
    for key in ("responses", "interviews", "offers", "rejections"):
        expect(popup.locator(f'.numbers [data-key="{key}"] dt')).to_have_text(
            dashboard.locator(f'.numbers [data-metric="{key}"] dt').inner_text())
    assert "sent" in dashboard.locator('.numbers [data-metric="applications_sent"] dt').inner_text()
    expect(popup.locator('.numbers [data-key="applications_sent"] dt')).to_have_text("Sent")
    accent = "getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()"
    assert popup.evaluate(accent) == dashboard.evaluate(accent) != ""
    as_rgb = "() => { const d = document.body.appendChild(document.createElement('i')); d.style.color = 'var(--accent)'; " \
             "const c = getComputedStyle(d).color; d.remove(); return c; }"
    assert popup.evaluate("getComputedStyle(document.querySelector('header.bar')).backgroundColor") == dashboard.evaluate(as_rgb)


def test_an_unsure_rejection_asks_please_check_in_the_card_and_the_popup(paired, live_server, user, roundcube, dovecot):
    """Below SURE the card asks "is this a rejection?" instead of saying no; Yes turns it into the rejection card and
    moves the application to Rejected. The popup lists the other unsure email with Yes/No; No keeps its application."""
    when = datetime.now(UTC) - timedelta(hours=1)
    call(live_server, user.service, "POST", "/messages", {"messages": [
        stored("application_confirmation", "Acme", "Data Analyst", when - timedelta(days=20)),
        stored("interview_invitation", "Acme", "Data Analyst", when - timedelta(days=10)),
        stored("rejection", "Acme", "Data Analyst", when, stage="interview", subject=REJECTION[0],
               from_address="careers@acme-corp.com", confidence=0.7),
        stored("application_confirmation", "Globex", "Backend Engineer", when - timedelta(days=5)),
        stored("rejection", "Globex", "Backend Engineer", when - timedelta(minutes=5), confidence=0.7)]})
    assert {a["company"]: a["status"] for a in call(live_server, user.token, "GET", "/applications")["items"]} == \
        {"Acme": "interviewing", "Globex": "applied"}

    dovecot.deliver([email(*REJECTION)])
    page = paired.context.new_page()
    login(page, roundcube, dovecot.user, dovecot.password)
    frame = open_message(page, roundcube, REJECTION[0])
    card = frame.locator('[data-onward="card"] section.card')
    expect(card).to_be_visible(timeout=15_000)
    expect_decision(frame, "card")
    expect(card.locator("h2")).to_have_text("Please check: is this a rejection?")
    expect(card.locator(".strategy")).to_have_count(0)
    assert card.bounding_box()["height"] <= 140  # as short as the rejection card: the email stays in view
    assert "said no" not in card.inner_text()
    save_screenshot(page, "extension-roundcube-please-check-card")

    card.get_by_role("button", name="Yes, it is a rejection").click()
    expect(card.locator(".strategy").first).to_be_visible()
    expect(card.locator("h2.summary")).to_contain_text("Acme said no")
    expect(card.locator(".why")).to_contain_text("You said this email was a rejection")
    apps = {a["company"]: a["status"] for a in call(live_server, user.token, "GET", "/applications")["items"]}
    assert apps == {"Acme": "rejected", "Globex": "applied"}
    save_screenshot(page, "extension-roundcube-please-check-answered")

    popup = paired.context.new_page()
    popup.set_viewport_size({"width": 360, "height": 600})
    popup.goto(paired.url("popup/popup.html"))
    checks = popup.locator("ul.checks li")
    expect(checks).to_have_count(1)
    expect(checks.first).to_contain_text("Is this email from Globex a rejection?")
    expect(popup.locator('.numbers [data-key="rejections"] dd')).to_have_text("1")
    save_screenshot(popup, "extension-popup-please-check")
    checks.first.get_by_role("button", name="No, not a rejection: Is this email from Globex a rejection?").click()
    expect(popup.locator("ul.checks")).to_have_count(0)
    expect(popup.locator('.numbers [data-key="rejections"] dd')).to_have_text("1")
    apps = {a["company"]: a["status"] for a in call(live_server, user.token, "GET", "/applications")["items"]}
    assert apps == {"Acme": "rejected", "Globex": "applied"}
    assert call(live_server, user.token, "GET", "/checks")["total"] == 0
