"""The Mailboxes page in the real Chromium: a preset fills the form, an uploaded mbox shows its progress
and then its counts without the user reloading (the page polls while the worker reads) and after a
reload, the page fits a phone, and "Sign in with Google" goes to the provider and back (PKCE) in the
browser, with the CSP letting only that one redirect leave the site. Screenshots: mailboxes-*.png."""

import threading
from pathlib import Path

import pytest
from browser import save_screenshot
from live_server import new_user
from oauth_server import CLIENT_ID, CLIENT_SECRET, start_auth_server

from worker import uploads
from worker.api import Api
from worker.config import WorkerConfig

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample.mbox"


def sign_in(page, live_server, token: str, path: str) -> None:
    page.goto(live_server.url + path)
    page.get_by_label("Token or pairing code").fill(token)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + path)


@pytest.fixture
def person(live_server, tmp_path):
    """A user's token and a worker API client for them; uploads spool in the test's folder."""
    live_server.app.config["UPLOAD_DIR"] = str(tmp_path / "spool")
    _, (token, service) = new_user(live_server, tokens=(("user", "personal"), ("service", "worker")))
    return token, Api(WorkerConfig(server_url=live_server.url, token=service, timeout=10))


def test_an_upload_shows_its_progress_then_its_counts_without_a_reload(live_server, person, page):
    """Gmail's preset fills imap.gmail.com; the sample mbox uploaded from the page waits, the worker reads it, and the
    page (reloading itself while something runs) ends on "Done: 5 emails read, 4 about your job search", kept after a reload."""
    token, api = person
    sign_in(page, live_server, token, "/mailboxes")
    page.get_by_role("link", name="Connect a mailbox or upload your mail").click()
    page.get_by_role("link", name="Gmail").click()
    assert page.get_by_label("Server").input_value() == "imap.gmail.com"
    assert "app password" in page.locator(".guidance").inner_text()
    page.get_by_label("Files").set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Upload and read").click()
    page.wait_for_url(f"{live_server.url}/mailboxes#uploads")
    page.wait_for_selector('li.upload-item[data-status="queued"]')
    assert page.locator("li.upload-item progress").count() == 1
    save_screenshot(page, "mailboxes-upload-waiting")
    worker = threading.Thread(target=uploads.read_waiting, args=(api,))
    worker.start()
    page.wait_for_selector('li.upload-item[data-status="done"]', timeout=20_000)  # no reload by the test: the page polled
    worker.join(10)
    item = page.locator("li.upload-item")
    assert "Done: 5 emails read, 4 about your job search (4 new to Onward), 0 skipped." in item.inner_text()
    page.reload()
    assert page.locator("li.upload-item progress").get_attribute("value") == "100"
    page.set_viewport_size({"width": 360, "height": 780})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    save_screenshot(page, "mailboxes-360")
    page.goto(live_server.url + "/mailboxes/add?provider=outlook")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    save_screenshot(page, "mailboxes-add-360")


def test_sign_in_with_google_goes_to_the_provider_and_back_in_the_browser(live_server, person, page, dovecot):
    """The button posts the form, the browser follows the redirect to the provider (allowed by this answer's CSP
    only), and the provider's redirect back lands on the page with the mailbox connected."""
    auth = start_auth_server()
    try:
        live_server.app.config.update(OAUTH_GOOGLE_CLIENT_ID=CLIENT_ID, OAUTH_GOOGLE_CLIENT_SECRET=CLIENT_SECRET,
                                      PUBLIC_URL=live_server.url,
                                      OAUTH_ENDPOINTS={"google": {"authorize_url": auth.url + "/authorize",
                                                                  "token_url": auth.url + "/token"}})
        token, _ = person
        sign_in(page, live_server, token, "/mailboxes/add?provider=gmail")
        page.get_by_label("Email address or user name").fill(dovecot.user)
        page.get_by_label("Server").fill("127.0.0.1")
        page.get_by_label("Port", exact=True).fill(str(dovecot.imaps_port))
        page.get_by_label("Folders to read").fill("INBOX")
        page.get_by_role("button", name="Sign in with Google instead").click()
        page.wait_for_url(f"{live_server.url}/mailboxes#account-*")
        assert f"Signed in: Onward now reads {dovecot.user}" in page.locator(".notes").inner_text()
        assert "signed in with Google" in page.locator("li.mailbox").inner_text()
        assert len(auth.authorizations) == 1 and auth.authorizations[0]["code_challenge_method"] == "S256"
        save_screenshot(page, "mailboxes-oauth")
    finally:
        auth.stop()
