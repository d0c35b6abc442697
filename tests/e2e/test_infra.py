"""The shared browser-test fixtures work: Chromium on the live server, an extension loaded, Roundcube over
Dovecot, the SMTP sink. When one of these fails, every browser test fails for the same reason: look here first."""

import json
import re
import smtplib
import urllib.error
from email.message import EmailMessage

import pytest
from browser import save_screenshot
from live_server import call, new_user
from roundcube import login, open_message


def test_chromium_opens_a_page_of_the_live_server_and_saves_a_screenshot(live_server, page):
    page.goto(f"{live_server.url}/api/v1/health")
    assert json.loads(page.locator("body").inner_text()) == {"ok": True}
    path = save_screenshot(page, "infra-live-server")
    assert path.name == "infra-live-server.png" and path.parent.name == "screenshots"
    assert path.read_bytes().startswith(b"\x89PNG")


def test_a_new_users_token_is_accepted_by_the_live_server_and_a_wrong_one_is_not(live_server):
    email, (token,) = new_user(live_server)
    assert token.startswith("onw_u_") and email.endswith("@example.org")
    assert call(live_server, token, "GET", "/applications")["items"] == []
    with pytest.raises(urllib.error.HTTPError) as refused:
        call(live_server, token + "x", "GET", "/applications")
    assert refused.value.code == 401 and "error" in refused.value.body


def test_an_unpacked_extension_loads_and_its_page_opens_as_a_tab(launch_extension, tmp_path):
    folder = tmp_path / "ext"
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps({
        "manifest_version": 3, "name": "Fixture check", "version": "1.0",
        "background": {"service_worker": "background.js"}, "action": {"default_popup": "popup.html"}}))
    (folder / "background.js").write_text("chrome.runtime.onInstalled.addListener(() => {});\n")
    (folder / "popup.html").write_text("<!doctype html><title>Popup</title><p id=hello>Hello from the extension</p>\n")

    context, extension_id = launch_extension(folder)

    assert re.fullmatch(r"[a-p]{32}", extension_id)
    page = context.new_page()
    page.goto(f"chrome-extension://{extension_id}/popup.html")
    assert page.locator("#hello").inner_text() == "Hello from the extension"
    save_screenshot(page, "infra-extension-page")


def test_roundcube_shows_a_message_delivered_into_dovecot(roundcube, dovecot, page, email_factory):
    dovecot.deliver([email_factory("Your application for Data Analyst", "Thank you for applying to Acme.")])

    login(page, roundcube, dovecot.user, dovecot.password)
    assert page.locator("#messagelist tbody tr", has_text="Your application for Data Analyst").count() == 1
    frame = open_message(page, roundcube, "Your application for Data Analyst")

    assert frame.locator("#message-header h2.subject").inner_text().strip() == "Your application for Data Analyst"
    sender = frame.locator("#message-header .header.from a.rcmContactAddress").first
    assert sender.get_attribute("title") == "careers@acme-corp.com"
    assert "Thank you for applying to Acme." in frame.locator("#messagebody").inner_text()
    save_screenshot(page, "infra-roundcube-message")


def test_the_smtp_sink_keeps_a_message_sent_with_smtplib(smtp_sink):
    msg = EmailMessage()
    msg["From"] = "Onward <digest@onward.test>"
    msg["To"] = "robin@example.org"
    msg["Subject"] = "Your week: 3 applications, 1 interview"
    msg.set_content("Well done this week.")
    with smtplib.SMTP(smtp_sink.host, smtp_sink.port, timeout=10) as smtp:
        smtp.send_message(msg)

    (received,) = smtp_sink.wait_for(1)
    assert received["Subject"] == "Your week: 3 applications, 1 interview"
    assert received.get_content().strip() == "Well done this week."
    assert smtp_sink.received[0].rcpt_tos == ["robin@example.org"]
    with pytest.raises(AssertionError, match="got 1 message"):
        smtp_sink.wait_for(2, timeout=0.2)
