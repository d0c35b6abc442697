"""`onward run` (what `make run` starts) on a fresh database: it serves, the worker waits and says
why, and Ctrl-C or SIGTERM stops both cleanly."""

import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest
from imap_server import free_port


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_onward_run_serves_and_waits_for_an_account_on_a_fresh_clone(tmp_path, stop):
    """With no user the server answers, the worker logs that no mailbox is connected yet, and Ctrl-C or a SIGTERM
    to `onward run` alone (a service manager, `kill`) ends both with code 0: no server is left behind."""
    port = free_port()
    env = {**os.environ, "ONWARD_DATABASE_URL": f"sqlite:///{tmp_path / 'onward.db'}", "ONWARD_SYNC_INTERVAL_MINUTES": "0.01"}
    for name in ("ONWARD_TOKEN", "ONWARD_SERVER_URL", "ONWARD_REDIS_URL"):
        env.pop(name, None)
    log = tmp_path / "run.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "onward.cli", "run", "--port", str(port), "--workers", "1"],
                                stdout=out, stderr=subprocess.STDOUT, env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and log.read_text().count("no mailbox is connected yet") < 2:
            assert proc.poll() is None, log.read_text()
            time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=5) as res:
            assert res.status == 200
        assert log.read_text().count("no mailbox is connected yet") >= 2, log.read_text()  # it keeps waiting, round after round
    finally:
        proc.send_signal(stop)
        code = proc.wait(30)
    assert code == 0, log.read_text()
    time.sleep(0.5)
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=2)
        raise AssertionError(f"the server still answers after {stop.name}")
    except OSError:
        pass
