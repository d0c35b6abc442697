"""Real Chromium (Debian's ``/usr/bin/chromium``) driven by Python Playwright, with or without an unpacked
extension loaded. Playwright only drives the browser at ``executable_path``: ``playwright install`` (a browser
download) is never needed. Screenshots go to ``artifacts/screenshots/`` at the repository root."""

import importlib.util
import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"

SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"

QUIET_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--no-first-run"]
"""Flags for a test browser: runs as root in a container, no GPU, no calls home, no first-run pages."""


def chromium_path() -> str:
    """The Chromium to drive; skips the test when it or the playwright package is missing (fails under CI=true)."""
    reasons = []
    if not os.access(CHROMIUM, os.X_OK):
        reasons.append(f"{CHROMIUM} is missing (apt-get install chromium)")
    if importlib.util.find_spec("playwright") is None:
        reasons.append("the playwright package is missing (pip install -e '.[dev]')")
    if reasons:
        missing_service("; ".join(reasons))
    return CHROMIUM


def missing_service(reason: str):
    """Skip the test for a missing tool or service, except under CI=true where it must be there: fail."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"required under CI=true: {reason}")
    pytest.skip(reason)


def launch_browser(playwright):
    """A plain headless Chromium without extensions, for pages that need none (dashboard, Roundcube alone)."""
    return playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=QUIET_ARGS)


def extension_context(playwright, profile_dir: Path, extension_dir: Path, timeout: float = 10):
    """Chromium with the unpacked extension in ``extension_dir`` loaded, on a profile in ``profile_dir``.
    Returns ``(context, extension_id)`` once the extension's service worker runs; the id is the host of its URL,
    so ``chrome-extension://ID/popup.html`` opens the popup as a tab. The caller closes the context."""
    extension = str(Path(extension_dir).resolve())
    context = playwright.chromium.launch_persistent_context(
        str(profile_dir), executable_path=chromium_path(), headless=True,
        args=["--headless=new", f"--disable-extensions-except={extension}", f"--load-extension={extension}",
              *QUIET_ARGS])
    try:
        workers = context.service_workers
        worker = workers[0] if workers else context.wait_for_event("serviceworker", timeout=timeout * 1000)
    except Exception:
        context.close()
        raise
    return context, worker.url.split("/")[2]


def save_screenshot(page, name: str) -> Path:
    """Write ``artifacts/screenshots/NAME.png`` (the whole page) and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
