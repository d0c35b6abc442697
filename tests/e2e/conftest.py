"""Fixtures of the browser tests with the real extension: its Chromium build, a user on the live server, Chromium
with the extension loaded, and pairing through the options page as a person would."""

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from live_server import call, new_user

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def chromium_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("extension")
    subprocess.run([sys.executable, str(REPO / "extension" / "build.py"), "--out", str(out)], check=True,
                   capture_output=True)
    return out / "chromium"


@pytest.fixture
def user(live_server):
    address, (token, service) = new_user(live_server, tokens=(("user", "personal"), ("service", "worker")))
    return SimpleNamespace(email=address, token=token, service=service)


@pytest.fixture
def extension(launch_extension, chromium_build):
    context, extension_id = launch_extension(chromium_build)
    return SimpleNamespace(context=context, id=extension_id, url=lambda path: f"chrome-extension://{extension_id}/{path}")


def _pair(extension, live_server, user):
    """Pair through the options page as a person would; returns the options page."""
    from playwright.sync_api import expect

    code = call(live_server, user.token, "POST", "/pairing-codes")["code"]
    page = extension.context.new_page()
    page.goto(extension.url("options/options.html"))
    # the page has shown its stored settings (its own load would otherwise overwrite what is typed)
    expect(page.locator("#status")).to_contain_text("Not connected")
    page.fill("#server-url", live_server.url)
    page.fill("#code", code)
    page.click("#pair")
    expect(page.locator("#status")).to_have_text(f"Connected to {live_server.url} as {user.email}.")
    return page


@pytest.fixture
def pair():
    """``pair(extension, live_server, user)``: pairs through the options page and returns that page."""
    return _pair


@pytest.fixture
def paired(extension, live_server, user):
    _pair(extension, live_server, user).close()
    return extension
