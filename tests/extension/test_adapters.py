"""Each site adapter of the extension reads the right fields from a page that follows that site's DOM,
in real Chromium: the page is served at the site's own address (Playwright routes the request to a fixture in
``pages/``), the adapter's script is injected as the extension would, and its ``extract`` is evaluated."""

from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "extension" / "src"
PAGES = Path(__file__).resolve().parent / "pages"

CASES = [
    ("gmail", "https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWbq",
     {"subject": "Your application to Acme", "from_name": "Acme Talent Team", "from_address": "talent@acme-corp.com",
      "text_has": "decided not to move forward"}),
    ("outlook", "https://outlook.office.com/mail/inbox/id/AAQkAGI2",
     {"subject": "Update on your application: Backend Engineer", "from_name": "Globex Recruiting",
      "from_address": "jobs@globex.example", "text_has": "Unfortunately we will not be moving forward"}),
    ("roundcube", "https://webmail.example.org/?_task=mail&_action=preview&_uid=3&_mbox=INBOX&_framed=1",
     {"subject": "Your application for UX Designer at Initech", "from_name": "Initech Careers",
      "from_address": "careers@initech.example", "text_has": "we regret to inform you"}),
    ("linkedin", "https://www.linkedin.com/jobs/view/4012345678/", {"company": "Acme", "role": "Data Analyst (f/m/x)"}),
    ("indeed", "https://de.indeed.com/viewjob?jk=0a1b2c3d", {"company": "Hooli", "role": "Datenanalyst (m/w/d)"}),
    ("greenhouse", "https://boards.greenhouse.io/acme/jobs/4567890", {"company": "Acme", "role": "Data Analyst"}),
    ("lever", "https://jobs.lever.co/vandelay/5d6e7f80-1a2b-4c3d-9e8f-001122334455",
     {"company": "Vandelay Industries", "role": "Logistics Coordinator"}),
    ("workday", "https://umbrella.wd5.myworkdayjobs.com/en-US/careers/job/Remote/Senior-Product-Manager_R123",
     {"company": "Umbrella", "role": "Senior Product Manager"}),
    ("ashby", "https://jobs.ashbyhq.com/stark-labs/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
     {"company": "Stark Labs", "role": "Machine Learning Engineer"}),
]


def open_with_adapter(browser, site: str, url: str, html: str):
    """A page at ``url`` showing ``html``, with the adapter for ``site`` injected; returns (context, page)."""
    context = browser.new_context()
    context.route("**/*", lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html))
    page = context.new_page()
    page.goto(url)
    for script in ("adapters/common.js", f"adapters/{site}.js"):
        page.add_script_tag(content=(SRC / script).read_text())
    return context, page


@pytest.mark.parametrize(("site", "url", "expected"), CASES, ids=[c[0] for c in CASES])
def test_adapter_extracts_the_open_item_from_its_sites_page(browser, site, url, expected):
    context, page = open_with_adapter(browser, site, url, (PAGES / f"{site}.html").read_text())
    try:
        matches = page.evaluate(f"Onward.adapters[{site!r}].matches(document, location)")
        data = page.evaluate(f"Onward.adapters[{site!r}].extract(document, location)")
    finally:
        context.close()
    assert matches is True
    assert data is not None
    text_has = expected.pop("text_has", None)
    for field, value in expected.items():
        assert data[field] == value, field
    if text_has:
        assert text_has in data["text"]
        assert "<div" not in data["text"] and "<br" not in data["text"]
        assert data["link"] == url


@pytest.mark.parametrize(("site", "url", "expected"), CASES, ids=[c[0] for c in CASES])
def test_adapter_finds_nothing_on_a_page_without_an_open_item(browser, site, url, expected):
    context, page = open_with_adapter(browser, site, url, "<!doctype html><html><head><title>Inbox</title></head>"
                                      "<body><main><ul><li>Nothing open here</li></ul></main></body></html>")
    try:
        data = page.evaluate(f"Onward.adapters[{site!r}].extract(document, location)")
    finally:
        context.close()
    assert data is None


JOB_BOARDS = [c for c in CASES if "company" in c[2]]

ANCHORS = {
    "linkedin": ".job-details-jobs-unified-top-card__primary-description-container",
    "indeed": ".jobsearch-InfoHeaderContainer",
    "greenhouse": "#header .location",
    "lever": ".posting-headline .posting-categories",
    "workday": '[data-automation-id="jobPostingHeader"]',
    "ashby": ".ashby-job-posting-heading",
}
"""Where each board's badge goes: the last line of the posting's header, before the board's own buttons."""


@pytest.mark.parametrize(("site", "url", "expected"), JOB_BOARDS, ids=[c[0] for c in JOB_BOARDS])
def test_job_board_anchor_is_the_postings_header_before_the_boards_buttons(browser, site, url, expected):
    """The badge goes after the anchor: the header line that holds or follows the title and holds none of the
    board's controls (where the badge lands among them on screen is measured in tests/e2e/test_badge_browser.py)."""
    context, page = open_with_adapter(browser, site, url, (PAGES / f"{site}.html").read_text())
    try:
        found = page.evaluate("""([site, selector, role]) => {
            const anchor = Onward.adapters[site].anchor(document);
            const title = [...document.querySelectorAll("h1, h2")].find((h) => h.textContent.trim().startsWith(role));
            const follows = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
            return {
                anchor: anchor === document.querySelector(selector),
                afterTitle: Boolean(title) && (anchor.contains(title) || follows(title, anchor)),
                noControls: anchor.querySelectorAll("button, input, select, textarea, [role=button]").length === 0,
            };
        }""", [site, ANCHORS[site], expected["role"]])
    finally:
        context.close()
    assert found == {"anchor": True, "afterTitle": True, "noControls": True}


ROLES = [
    ("Datenanalyst (m/w/d)", "Datenanalyst", "datenanalyst"),
    ("Datenanalyst (w/m/d)", "Datenanalyst", "datenanalyst"),
    ("Data Analyst (f/m/x)", "Data Analyst", "data analyst"),
    ("Chargé de recrutement (H/F)", "Chargé de recrutement", "chargé de recrutement"),
    ("Data-Analyst (m/f/d)", "Data-Analyst", "data analyst"),
    ("Werkstudent Controlling (all genders)", "Werkstudent Controlling", "werkstudent controlling"),
    ("Buchhalter m/w/d", "Buchhalter", "buchhalter"),
    ("UX/UI Designer", "UX/UI Designer", "ux ui designer"),
    ("", "", ""),
]


def test_roles_are_compared_without_gender_markers(browser):
    """The job board's title and the tracked role meet whatever gender marker either carries, as the server's
    role key does; a slash that is no marker ("UX/UI") stays."""
    context, page = open_with_adapter(browser, "ashby", "https://jobs.ashbyhq.com/a/b", "<!doctype html><title>x</title>")
    try:
        got = page.evaluate("roles => roles.map((r) => [r, Onward.cleanRole(r), Onward.roleKey(r)])", [r[0] for r in ROLES])
    finally:
        context.close()
    assert [tuple(g) for g in got] == ROLES
