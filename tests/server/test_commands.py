"""The server's commands as a user runs them: `onward db upgrade` and `onward serve`."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from onward.cli import main


def test_db_upgrade_command(runner):
    """`onward db upgrade` brings the configured database to the head revision."""
    result = runner.invoke(main, ["db", "upgrade"])
    assert result.exit_code == 0 and "up to date" in result.output


def test_user_commands_on_an_unknown_email_fail(runner):
    """Token and pairing commands for an unknown user say how to create one."""
    for args in (["token", "list", "nobody@example.org"], ["pair", "nobody@example.org"], ["token", "revoke", "999"]):
        result = runner.invoke(main, args)
        assert result.exit_code == 1 and "no " in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_creates_the_schema_and_answers(tmp_path):
    """`onward serve` on a new SQLite file creates the schema, starts gunicorn and answers on its port."""
    port = _free_port()
    env = {**os.environ, "ONWARD_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}"}
    proc = subprocess.Popen([sys.executable, "-m", "onward.cli", "serve", "--port", str(port), "--workers", "1"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=1) as res:
                    assert json.load(res) == {"ok": True}
                    break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read().decode() if proc.poll() is not None else "timeout"
                time.sleep(0.2)
        assert (tmp_path / "serve.db").exists()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stderr.close()
