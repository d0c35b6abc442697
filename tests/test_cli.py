"""`onward classify`: table and JSON output over files, folders and mbox files."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from onward.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
REQUIRED = {"source", "message_id", "subject", "label", "confidence", "stage", "company", "role", "language", "reasons"}


def run(*args):
    return CliRunner().invoke(main, ["classify", *args])


def test_json_lines_have_the_documented_fields():
    """--json prints one object per message with every documented field, mbox sources as PATH#N."""
    result = run("--json", str(EXAMPLES / "sample.mbox"))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5
    assert all(REQUIRED <= set(r) for r in records)
    assert [r["source"] for r in records] == [f"{EXAMPLES / 'sample.mbox'}#{i}" for i in range(5)]
    rejection = records[2]
    assert rejection["label"] == "rejection" and rejection["stage"] == "interview"
    assert rejection["company"] == "Brightwater Health" and rejection["role"] == "Operations Analyst"
    assert records[1]["stage"] == "interview" and records[1]["label"] == "interview_invitation"  # a conversation, not a test
    assert rejection["reasons"] and all(isinstance(r, str) for r in rejection["reasons"])


def test_table_lists_each_message_and_a_summary():
    """Without --json a readable table is printed, and a count by label at the end."""
    result = run(str(EXAMPLES))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["label", "conf", "stage"]
    assert any(line.startswith("rejection") and "Brightwater Health" in line for line in lines)
    assert "5 messages: " in result.stderr


def test_unreadable_path_is_an_error_with_non_zero_exit(tmp_path):
    """A path that does not exist stops the run with a clear message and exit code 1."""
    result = run(str(tmp_path / "missing.mbox"))
    assert result.exit_code == 1
    assert "missing.mbox: no such file or directory" in result.stderr


def test_malformed_message_is_a_line_with_error_and_the_run_goes_on(tmp_path):
    """A file that is not an email gives an error line; the good file after it is still classified."""
    (tmp_path / "a-broken.eml").write_bytes(b"\x00\x01 this is not mail at all")
    (tmp_path / "b-good.eml").write_bytes((EXAMPLES / "sample.mbox").read_bytes().split(b"\n", 1)[1].split(b"\nFrom ")[0])
    result = run("--json", str(tmp_path))
    assert result.exit_code == 0
    broken, good = (json.loads(line) for line in result.stdout.splitlines())
    assert broken["source"].endswith("a-broken.eml") and "error" in broken
    assert good["label"] == "application_confirmation" and "error" not in good


def test_installed_console_script_runs():
    """The `onward` entry point installed by pip works as a user would call it."""
    exe = shutil.which("onward", path=str(Path(sys.executable).parent))
    assert exe, "the onward console script is not installed in this environment"
    done = subprocess.run([exe, "classify", "--json", str(EXAMPLES / "sample.mbox")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 5
