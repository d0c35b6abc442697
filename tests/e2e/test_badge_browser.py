"""The job-board badge in Debian's Chromium with the real extension and the real Onward server. Each board's page
(``tests/extension/pages``: the board's own structure around the posting, sticky Apply bars and LinkedIn's
messaging bar included) is served at the board's address. At 1280 and at 390 px the badge sits in the page's flow
under the posting's header, covers none of the board's buttons and links (and, scrolled under the board's sticky
bars, stays beneath them) and fits the window. *Track* asks whether the user applied or saved the posting; dates
are exact; roles meet without gender markers; hostile names stay text. Screenshots go to /tmp/shots-badge/."""

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from live_server import call
from test_card_browser import german_browser, luminance  # noqa: F401  (german_browser: a fixture, Chromium in German)
from test_extension_browser import PAGES, expect, expect_decision, stored

SHOTS = Path(os.environ.get("BADGE_SHOTS", "/tmp/shots-badge"))
"""Where the screenshots of every board at every size go, to be looked at."""

BOARDS = [
    ("linkedin", "https://www.linkedin.com/jobs/view/4012345678/", "Acme", "Data Analyst"),
    ("indeed", "https://de.indeed.com/viewjob?jk=0a1b2c3d", "Hooli", "Datenanalyst"),
    ("greenhouse", "https://boards.greenhouse.io/acme/jobs/4567890", "Acme", "Data Analyst"),
    ("lever", "https://jobs.lever.co/vandelay/5d6e7f80-1a2b-4c3d-9e8f-001122334455", "Vandelay Industries",
     "Logistics Coordinator"),
    ("workday", "https://umbrella.wd5.myworkdayjobs.com/en-US/careers/job/Remote/Senior-Product-Manager_R123", "Umbrella",
     "Senior Product Manager"),
    ("ashby", "https://jobs.ashbyhq.com/stark-labs/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", "Stark Labs",
     "Machine Learning Engineer"),
]
"""Each board: its page's address, the employer and the role (without gender marker) the page shows."""

SIZES = [(1280, 800), (390, 844)]
"""A laptop window and a phone-sized one."""

MEASURE = """() => {
    const host = document.querySelector('[data-onward="badge"]');
    const rect = (r) => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height});
    const box = host.shadowRoot.querySelector("aside").getBoundingClientRect();
    const controls = [...document.querySelectorAll("a[href], button, input, select, textarea, [role=button], [role=tab]")]
        .filter((c) => !host.contains(c))
        .map((c) => ({name: (c.getAttribute("aria-label") || c.textContent || c.tagName).trim(), r: c.getBoundingClientRect(), c}))
        .filter(({r}) => r.width > 0 && r.height > 0);
    const hits = controls.filter(({r}) => r.left < box.right && box.left < r.right && r.top < box.bottom && box.top < r.bottom);
    const onTop = controls.filter(({r}) => r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth)
        .filter(({r}) => document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === host);
    const texts = [...host.shadowRoot.querySelectorAll("aside > *, .jb-line, aside li")]
        .filter((n) => n.getClientRects().length > 0).map((n) => n.textContent.trim());
    return {box: rect(box), hits: hits.map((h) => h.name), covered: onTop.map((h) => h.name), texts,
            width: innerWidth, height: innerHeight, scrollWidth: document.documentElement.scrollWidth};
}"""
"""Where the badge is, which of the board's visible controls its box intersects, which of them it is drawn over
(the badge is what the browser finds at the control's centre), the texts of its visible parts, and the window."""


def day_words(moment: datetime, locale: str) -> str:
    """A date as the badge says it in ``locale``: day and month, with the year when it is not this one ("2 December"
    in en-GB, "December 2, 2025" in en-US, "2. Dezember" in German), from CLDR through Babel, which the browser's own
    Intl does not share."""
    from babel.dates import format_skeleton

    skeleton = "MMMMd" if moment.year == datetime.now(UTC).year else "yMMMMd"
    return format_skeleton(skeleton, moment.date(), locale=locale.replace("-", "_"))


def english(page) -> str:
    """The English browser's own locale (en-US, en-GB...), whose way of writing dates the badge follows."""
    return page.evaluate("navigator.language")


def open_board(context, site: str, url: str, size: tuple[int, int], html: str | None = None):
    """A page of ``context`` at ``size`` showing the board's test page at the board's address, once the badge
    is in it."""
    page = context.new_page()
    page.set_viewport_size({"width": size[0], "height": size[1]})
    body = html if html is not None else (PAGES / f"{site}.html").read_text()
    page.route(f"{url.split('/')[0]}//{url.split('/')[2]}/**", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=body))
    page.goto(url)
    expect_decision(page, "badge")
    return page


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


@pytest.mark.parametrize(("site", "url", "company", "role"), BOARDS, ids=[b[0] for b in BOARDS])
def test_the_badge_sits_under_the_postings_header_and_covers_none_of_the_boards_controls(paired, live_server, user,
                                                                                      site, url, company, role):
    now = datetime.now(UTC)
    call(live_server, user.service, "POST", "/messages", {"messages": [
        stored("application_confirmation", company, role, now - timedelta(days=40)),
        stored("rejection", company, role, now - timedelta(days=5), stage="interview"),
        stored("application_confirmation", company, "Office Manager", now - timedelta(days=9))]})
    for width, height in SIZES:
        page = open_board(paired.context, site, url, (width, height))
        badge = page.locator('[data-onward="badge"] aside')
        expect(badge.locator(".jb-line")).to_have_text(
            f"Rejected for {role} after an interview on {day_words(now - timedelta(days=5), english(page))}: "
            "ask for feedback before applying again.")
        title = page.locator("h1, h2").filter(has_text=role).first.bounding_box()
        seen = page.evaluate(MEASURE)
        shot(page, f"{site}-{width}")
        box = seen["box"]
        assert seen["hits"] == [] and seen["covered"] == [], (width, seen["hits"], seen["covered"])
        assert 0 <= box["left"] and box["right"] <= width and seen["scrollWidth"] <= width, (width, box)
        assert title["y"] + title["height"] <= box["top"] <= title["y"] + title["height"] + 160, (width, title, box)
        assert box["height"] <= 120, (width, box)  # a line or two, three in Ashby's narrow left pane
        assert all(seen["texts"]), seen["texts"]  # no empty status line or list

        badge.get_by_role("button", name="1 more").click()
        expect(badge.locator("li")).to_have_text(f"Applied for Office Manager on {day_words(now - timedelta(days=9), english(page))}, "
                                                 "no answer yet")
        seen = page.evaluate(MEASURE)
        assert seen["hits"] == [] and seen["covered"] == [], (width, seen["hits"], seen["covered"])

        # scrolled until the badge passes under the board's fixed header: the board's bars stay on top of it
        page.evaluate("y => scrollBy(0, y)", seen["box"]["top"] - 20)
        seen = page.evaluate(MEASURE)
        shot(page, f"{site}-{width}-scrolled")
        assert seen["covered"] == [], (width, seen["covered"])
        page.close()


def test_track_asks_applied_or_saved_and_a_saved_posting_counts_once_applied(paired, live_server, user):
    site, url, company, role = BOARDS[0]
    page = open_board(paired.context, site, url, SIZES[1])
    badge = page.locator('[data-onward="badge"] aside')
    expect(badge.locator(".jb-line")).to_have_text(f"Nothing with {company} yet.")
    expect(badge.get_by_role("button", name="Save for later")).to_be_hidden()
    badge.get_by_role("button", name="Track").click()
    expect(badge.locator(".jb-ask")).to_contain_text("Did you apply, or save it for later?")
    expect(badge.get_by_role("button", name="I applied")).to_be_focused()
    shot(page, "track-asks")
    badge.get_by_role("button", name="Save for later").click()

    today = day_words(datetime.now(UTC), english(page))
    expect(badge.locator(".jb-line")).to_have_text(f"Saved {role} on {today}, not applied yet.")
    expect(badge).not_to_contain_text("Nothing with")
    expect(badge.get_by_role("button", name="Track")).to_have_count(0)
    assert all(page.evaluate(MEASURE)["texts"])
    shot(page, "track-saved")
    (app,) = call(live_server, user.token, "GET", "/applications")["items"]
    assert (app["company"], app["role"], app["status"]) == (company, role, "saved")  # the page says "(f/m/x)"
    assert call(live_server, user.token, "GET", "/summary/weekly")["applications_sent"] == 0

    page.reload()  # the page's "Data Analyst (f/m/x)" is the saved "Data Analyst": nothing to track again
    expect_decision(page, "badge")
    expect(badge.locator(".jb-line")).to_have_text(f"Saved {role} on {today}, not applied yet.")
    expect(badge.get_by_role("button", name="Track")).to_have_count(0)
    badge.get_by_role("button", name="I applied now").click()  # back on the posting after applying
    expect(badge.locator(".jb-line")).to_have_text(f"Applied for {role} on {today}, no answer yet.")
    expect(badge.get_by_role("button", name="I applied now")).to_have_count(0)
    assert [a["status"] for a in call(live_server, user.token, "GET", "/applications")["items"]] == ["applied"]
    assert call(live_server, user.token, "GET", "/summary/weekly")["applications_sent"] == 1
    page.close()

    site, url, company, role = BOARDS[1]
    page = open_board(paired.context, site, url, SIZES[0])
    badge = page.locator('[data-onward="badge"] aside')
    badge.get_by_role("button", name="Track").click()
    badge.get_by_role("button", name="I applied").click()
    expect(badge.locator(".jb-line")).to_have_text(f"Applied for {role} on {today}, no answer yet.")
    expect(badge).not_to_contain_text("Nothing with")
    shot(page, "track-applied")
    statuses = {a["company"]: (a["role"], a["status"]) for a in call(live_server, user.token, "GET", "/applications")["items"]}
    assert statuses == {"Acme": ("Data Analyst", "applied"), "Hooli": ("Datenanalyst", "applied")}


def test_a_past_rejection_says_its_date_and_cancel_or_escape_closes_the_question(paired, live_server, user):
    site, url, company, role = BOARDS[1]
    last_year = datetime(datetime.now(UTC).year - 1, 3, 14, 10, tzinfo=UTC)
    call(live_server, user.service, "POST", "/messages", {"messages": [
        stored("application_confirmation", company, f"{role} (m/w/d)", last_year - timedelta(days=20)),
        stored("rejection", company, f"{role} (m/w/d)", last_year, stage="application")]})
    page = open_board(paired.context, site, url, SIZES[1])
    badge = page.locator('[data-onward="badge"] aside')
    expect(badge.locator(".jb-line")).to_have_text(
        f"Rejected for {role} (m/w/d) at the application stage on {day_words(last_year, english(page))}: a new application can still work.")
    track = badge.get_by_role("button", name="Track")  # rejected: a new application is the user's to track
    track.click()
    badge.get_by_role("button", name="Cancel").click()
    expect(badge.locator(".jb-ask")).to_be_hidden()
    expect(track).to_be_focused()
    track.press("Enter")
    expect(badge.get_by_role("button", name="I applied")).to_be_focused()
    page.keyboard.press("Escape")  # closes the question, not the badge
    expect(badge.locator(".jb-ask")).to_be_hidden()
    expect(track).to_be_focused()
    assert all(page.evaluate(MEASURE)["texts"])


def test_in_a_german_browser_the_badge_speaks_german_with_german_dates(german_browser, live_server, user):  # noqa: F811
    """The badge's own texts follow the browser's language: a whole German sentence per status and stage, the date
    as a German reader writes it, and *Track*'s question and answers in German."""
    context, url = german_browser
    options = context.new_page()
    options.goto(url("options/options.html"))
    expect(options.locator("#status")).to_contain_text("Nicht verbunden")
    options.fill("#server-url", live_server.url)
    options.fill("#code", call(live_server, user.token, "POST", "/pairing-codes")["code"])
    options.get_by_role("button", name="Koppeln").click()
    expect(options.locator("#status")).to_have_text(f"Verbunden mit {live_server.url} als {user.email}.")
    options.close()

    site, url, company, role = BOARDS[1]
    last_year = datetime(datetime.now(UTC).year - 1, 3, 14, 10, tzinfo=UTC)
    call(live_server, user.service, "POST", "/messages", {"messages": [
        stored("application_confirmation", company, "Office Manager", last_year - timedelta(days=60)),
        stored("application_confirmation", company, f"{role} (m/w/d)", last_year - timedelta(days=20)),
        stored("rejection", company, f"{role} (m/w/d)", last_year, stage="interview")]})
    page = open_board(context, site, url, SIZES[0])
    badge = page.locator('[data-onward="badge"] aside')
    expect(badge).to_have_attribute("aria-label", f"Onward: dein Verlauf mit {company}")
    expect(badge.locator(".jb-line")).to_have_text(f"Absage für {role} (m/w/d) nach einem Gespräch am 14. März {last_year.year}: "
                                                   "Bitte um Rückmeldung, bevor du dich erneut bewirbst.")
    badge.get_by_role("button", name="1 weitere").click()
    expect(badge.locator("li")).to_have_text(f"Am {day_words(last_year - timedelta(days=60), 'de')} als Office Manager "
                                             "beworben, noch keine Antwort")
    expect(badge.get_by_role("button", name="Weniger")).to_be_visible()
    badge.get_by_role("button", name="Verfolgen").click()
    expect(badge.locator(".jb-ask")).to_contain_text("Hast du dich beworben oder merkst du dir die Stelle für später?")
    badge.get_by_role("button", name="Für später merken").click()
    expect(badge.locator(".jb-line")).to_have_text(f"{role} am {day_words(datetime.now(UTC), 'de')} gemerkt, noch nicht beworben.")
    expect(badge.get_by_role("button", name="Ich habe mich inzwischen beworben")).to_be_visible()
    expect(badge.get_by_role("button", name="Onwards Hinweis schließen")).to_be_visible()
    assert all(page.evaluate(MEASURE)["texts"])
    shot(page, "german")


LINKEDIN_DARK = """() => {  // LinkedIn's dark theme, switched on while the posting is open
    document.documentElement.classList.add("theme--dark");
    const style = document.createElement("style");
    style.textContent = "body { background: #000; color: #e9e9e9 } .global-nav, .scaffold-layout__main, " +
        ".scaffold-layout__aside section, .msg-overlay-bubble-header { background: #1b1f23; color: #e9e9e9 }";
    document.head.append(style);
}"""


def test_the_badge_follows_the_boards_light_or_dark_scheme(paired, live_server, user):
    """On LinkedIn's light page the badge is light; when the board switches to its dark theme the badge turns dark
    too, as the card does in webmail, instead of glaring in a dark page."""
    site, url, company, role = BOARDS[0]
    call(live_server, user.token, "POST", "/applications", {"company": company, "role": role})
    page = open_board(paired.context, site, url, SIZES[0])
    host = page.locator('[data-onward="badge"]')
    badge = host.locator("aside")
    expect(host).to_have_attribute("data-scheme", "light")
    light = badge.evaluate("b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]")
    assert luminance(light[0]) > 0.8 > 0.3 > luminance(light[1]), light
    shot(page, "linkedin-light")

    page.evaluate(LINKEDIN_DARK)
    expect(host).to_have_attribute("data-scheme", "dark")
    dark = badge.evaluate("b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]")
    assert luminance(dark[0]) < 0.2 < 0.7 < luminance(dark[1]), dark
    button = badge.get_by_role("link", name="Open in Onward").evaluate("b => getComputedStyle(b).backgroundColor")
    assert luminance(button) < 0.3, button
    shot(page, "linkedin-dark")


def test_a_hostile_employer_name_on_a_job_board_is_shown_as_text(paired, live_server, user):
    hostile = '<img src=x onerror="document.documentElement.dataset.pwned=1">'
    call(live_server, user.token, "POST", "/applications", {"company": hostile, "role": "<script>alert(1)</script>"})
    html = (PAGES / "greenhouse.html").read_text().replace("at Acme", "at " + hostile.replace("<", "&lt;").replace(">", "&gt;"))
    site, url, _, _ = BOARDS[2]
    context = paired.context
    dialogs = []
    context.on("page", lambda p: p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss())))
    page = open_board(context, site, url.replace("/acme/", "/evil/"), SIZES[0], html=html)
    badge = page.locator('[data-onward="badge"] aside')
    expect(badge).to_have_attribute("aria-label", f"Onward: your history with {hostile}")
    expect(badge.locator(".jb-line")).to_contain_text("<script>alert(1)</script>")
    assert badge.locator("img, script").count() == 0
    shot(page, "hostile")
    assert page.locator("html").get_attribute("data-pwned") is None
    assert dialogs == []


def test_a_job_board_badge_can_be_dismissed_and_stays_away(paired, live_server, user):
    site, url, company, role = BOARDS[4]
    call(live_server, user.token, "POST", "/applications", {"company": company, "role": role})
    page = open_board(paired.context, site, url, SIZES[0])
    badge = page.locator('[data-onward="badge"] aside')
    badge.get_by_role("button", name="Dismiss Onward's badge").click()
    expect(page.locator("[data-onward]")).to_have_count(0)
    page.evaluate("() => document.body.append(document.createElement('div'))")  # the page changes: still dismissed
    expect_decision(page, "dismissed")
    expect(page.locator("[data-onward]")).to_have_count(0)


def test_the_badge_follows_linkedins_own_navigation_and_re_rendering(paired, live_server, user):
    """LinkedIn never reloads: when it redraws the top card the badge comes back under it, and when another job
    opens in the same page the badge is that employer's."""
    site, url, company, role = BOARDS[0]
    call(live_server, user.token, "POST", "/applications", {"company": "Globex", "role": "Backend Engineer"})
    page = open_board(paired.context, site, url, SIZES[0])
    badge = page.locator('[data-onward="badge"] aside')
    expect(badge.locator(".jb-line")).to_have_text(f"Nothing with {company} yet.")

    page.evaluate("""() => {  // the same job's top card drawn again, as React does
        const card = document.querySelector(".job-details-jobs-unified-top-card__container--two-pane");
        const copy = card.cloneNode(true);
        copy.querySelector("[data-onward]").remove();  // React draws its own nodes only
        card.replaceWith(copy);
    }""")
    anchor = ".job-details-jobs-unified-top-card__primary-description-container"
    expect(page.locator(f"{anchor} + [data-onward=badge]")).to_have_count(1)
    expect(page.locator("[data-onward]")).to_have_count(1)

    page.evaluate("""() => {  // another job opened from the list beside it
        document.querySelector(".job-details-jobs-unified-top-card__company-name a").textContent = "Globex";
        document.querySelector(".job-details-jobs-unified-top-card__job-title a").textContent = "Backend Engineer (m/w/d)";
        history.pushState({}, "", "/jobs/view/4099999999/");
    }""")
    expect(badge.locator(".jb-line")).to_contain_text("Applied for Backend Engineer on")
    expect(page.locator(f"{anchor} + [data-onward=badge]")).to_have_count(1)
    expect(page.locator("[data-onward]")).to_have_count(1)
    expect(badge.get_by_role("button", name="Track")).to_have_count(0)
