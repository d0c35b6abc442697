"""``make extension`` (extension/build.py) builds loadable packages for Chromium and Firefox with the fewest
permissions, and Firefox's own linter (web-ext, pinned in extension/package.json) finds nothing wrong."""

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

EXTENSION = Path(__file__).resolve().parents[2] / "extension"
SRC = EXTENSION / "src"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("extension-build")
    subprocess.run([sys.executable, str(EXTENSION / "build.py"), "--out", str(out)], check=True, capture_output=True)
    return out


def manifest(built: Path, browser: str) -> dict:
    return json.loads((built / browser / "manifest.json").read_text())


def test_chromium_build_runs_a_service_worker_and_firefox_build_runs_background_scripts(built):
    chromium, firefox = manifest(built, "chromium"), manifest(built, "firefox")
    assert chromium["background"] == {"service_worker": "background/background.js"}
    assert "browser_specific_settings" not in chromium
    assert firefox["background"]["scripts"][-1] == "background/background.js"
    assert firefox["browser_specific_settings"]["gecko"]["id"]
    worker = (built / "chromium" / "background" / "background.js").read_text()
    imported = [s.strip().strip('"') for s in re.search(r"importScripts\(([^)]*)\)", worker).group(1).split(",")]
    assert imported == [os.path.relpath(s, "background") for s in firefox["background"]["scripts"][:-1]]


def test_both_builds_ask_only_for_storage_scripting_and_the_supported_hosts(built):
    for browser in ("chromium", "firefox"):
        m = manifest(built, browser)
        assert m["manifest_version"] == 3
        assert m["permissions"] == ["storage", "scripting"]
        assert "<all_urls>" not in m["host_permissions"] and not any(h.startswith("*://*") for h in m["host_permissions"])
        assert {"http://127.0.0.1/*", "http://localhost/*", "https://mail.google.com/*"} <= set(m["host_permissions"])
        assert m["optional_host_permissions"]
        csp = m["content_security_policy"]["extension_pages"]
        assert "script-src 'self'" in csp and "object-src 'none'" in csp and "unsafe" not in csp


def test_every_file_a_manifest_names_is_in_the_build_and_in_its_zip(built):
    for browser in ("chromium", "firefox"):
        m = manifest(built, browser)
        named = {f for cs in m["content_scripts"] for f in cs["js"]} | set(m["icons"].values())
        named |= {m["action"]["default_popup"], m["options_ui"]["page"]}
        named |= set(m["background"].get("scripts", [])) | {m["background"].get("service_worker")} - {None}
        for name in named:
            assert (built / browser / name).is_file(), name
        (archive,) = built.glob(f"onward-{browser}-*.zip")
        with zipfile.ZipFile(archive) as zf:
            assert named | {"manifest.json"} <= set(zf.namelist())


def test_extension_code_never_inserts_html():
    """A source check beside the hostile-email browser test: no HTML-parsing sinks anywhere in the extension."""
    sinks = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\(\s*[\"']on")
    for path in SRC.rglob("*"):
        if path.suffix in (".js", ".html"):
            assert not sinks.search(path.read_text()), path


@pytest.mark.slow
def test_firefox_web_ext_lint_passes(built, tmp_path):
    npm = shutil.which("npm")
    if npm is None:
        if os.environ.get("CI") == "true":
            pytest.fail("npm is required under CI=true for web-ext lint")
        pytest.skip("npm is missing: web-ext lint cannot run")
    tools = tmp_path / "tools"
    tools.mkdir()
    for name in ("package.json", "package-lock.json"):
        shutil.copy(EXTENSION / name, tools / name)
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=tools, check=True, capture_output=True,
                   timeout=300)
    result = subprocess.run([str(tools / "node_modules" / ".bin" / "web-ext"), "lint", "--source-dir", str(built / "firefox"),
                             "--self-hosted", "--warnings-as-errors", "--output", "json", "--no-config-discovery"],
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout[result.stdout.index("{"):])
    assert report["summary"] == {"errors": 0, "notices": 0, "warnings": 0}, report
    assert result.returncode == 0
