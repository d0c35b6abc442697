"""The `onward` command line as a new user meets it: every command works on a fresh database in the
README's order, and every mistake (no token, a wrong one, the server down, a bad email, a port taken, a
failed sync) ends with one line that says what to do, exit code 1 and no traceback."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography.fernet import Fernet
from imap_server import free_port
from live_server import call

from onward.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fresh_env(tmp_path, monkeypatch):
    """A fresh clone's settings: a database file that does not exist yet, no token, no server address."""
    for name in ("ONWARD_TOKEN", "ONWARD_SERVER_URL", "ONWARD_REDIS_URL", "ONWARD_IMAP_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ONWARD_DATABASE_URL", f"sqlite:///{tmp_path / 'onward.db'}")
    monkeypatch.setenv("ONWARD_SECRET_KEY", "test-secret")  # else the app keeps one in the repository's instance folder
    monkeypatch.setenv("ONWARD_SECRET_KEY_FERNET", Fernet.generate_key().decode())
    return tmp_path


def onward(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def one_line_error(result) -> str:
    """The error line of a failed command, after checking it is the only thing on stderr and no traceback escaped."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception  # a message, not a crash
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return lines[0]


def test_the_readme_commands_work_in_order_on_a_new_database(fresh_env, monkeypatch):
    """user create (which creates the schema, as serve does), pair, token create/list, account add and list all work on a fresh clone."""
    assert not (fresh_env / "onward.db").exists()
    created = onward("user", "create", "robin@example.org")
    assert created.exit_code == 0, created.output
    assert created.stdout.strip().startswith("onw_u_")
    assert onward("pair", "robin@example.org").exit_code == 0
    service = onward("token", "create", "robin@example.org", "--service", "--name", "laptop-worker")
    assert service.exit_code == 0 and service.stdout.strip().startswith("onw_s_"), service.output
    listed = onward("token", "list", "robin@example.org")
    assert listed.exit_code == 0 and "laptop-worker" in listed.stdout
    monkeypatch.setenv("ONWARD_IMAP_SECRET", "hunter2")
    added = onward("account", "add", "robin@example.org", "--host", "imap.example.org", "--username", "robin@example.org")
    assert added.exit_code == 0 and "added account 1" in added.stdout, added.output
    accounts = onward("account", "list", "robin@example.org")
    assert accounts.exit_code == 0 and "robin@example.org on imap.example.org:993" in accounts.stdout


def test_a_database_that_cannot_be_opened_names_the_setting(fresh_env, monkeypatch):
    """A database URL that cannot be opened is one line naming ONWARD_DATABASE_URL."""
    monkeypatch.setenv("ONWARD_DATABASE_URL", f"sqlite:///{fresh_env / 'no-such-folder' / 'onward.db'}")
    line = one_line_error(onward("user", "create", "robin@example.org"))
    assert "cannot open the database" in line and "ONWARD_DATABASE_URL" in line


@pytest.mark.parametrize("args", [
    ["account", "add", "not-an-email", "--host", "imap.example.org", "--username", "x"],
    ["account", "list", "not-an-email"],
    ["user", "create", "not-an-email"],
    ["token", "create", "not-an-email", "--service"],
    ["pair", "not-an-email"],
])
def test_a_wrong_email_is_refused_as_such_before_anything_is_asked(fresh_env, args):
    """Something that is not an email address is named as such, never with a suggestion to create that user, and no password is asked."""
    line = one_line_error(onward(*args))
    assert line == "Error: not-an-email is not an email address (like robin@example.org)"


def test_an_unknown_user_is_named_with_the_command_that_creates_it_before_the_password_prompt(fresh_env):
    """`account add` for an email with no user says how to create it, without asking for a password first."""
    result = onward("account", "add", "nobody@example.org", "--host", "imap.example.org", "--username", "x")
    assert one_line_error(result) == "Error: no user nobody@example.org; create one with: onward user create nobody@example.org"
    assert "Password" not in result.output


@pytest.mark.parametrize("args", [["import", "EXAMPLES"], ["worker", "run", "--once"], ["worker", "watch"]])
def test_a_missing_token_is_named_with_the_command_that_makes_one(fresh_env, args):
    """Without ONWARD_TOKEN, import and the worker say so (not "no mailbox is connected yet") and name `onward token create`."""
    args = [str(ROOT / "examples") if a == "EXAMPLES" else a for a in args]
    line = one_line_error(onward(*args))
    assert line.startswith("Error: ONWARD_TOKEN is not set") and "onward token create EMAIL --service" in line
    assert "no mailbox is connected yet" not in line


@pytest.mark.parametrize("args", [["import", "EXAMPLES"], ["worker", "run", "--once"]])
def test_a_server_that_is_down_is_named_by_its_url_with_make_run(fresh_env, monkeypatch, args):
    """An unreachable server: one line with its URL and `make run`."""
    url = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setenv("ONWARD_SERVER_URL", url)
    monkeypatch.setenv("ONWARD_TOKEN", "onw_s_whatever")
    args = [str(ROOT / "examples") if a == "EXAMPLES" else a for a in args]
    line = one_line_error(onward(*args))
    assert f"cannot reach the Onward server at {url} (Connection refused)" in line and "make run" in line


@pytest.mark.parametrize("args", [["import", "EXAMPLES"], ["worker", "run", "--once"]])
def test_a_refused_token_names_the_variable_and_the_command_that_makes_a_new_one(live_server, monkeypatch, args):
    """A 401 from the server names ONWARD_TOKEN and `onward token create`, and does not suggest running again."""
    monkeypatch.setenv("ONWARD_SERVER_URL", live_server.url)
    monkeypatch.setenv("ONWARD_TOKEN", "onw_s_revoked-or-mistyped")
    args = [str(ROOT / "examples") if a == "EXAMPLES" else a for a in args]
    line = one_line_error(onward(*args))
    assert f"the Onward server at {live_server.url} refused ONWARD_TOKEN" in line
    assert "onward token create EMAIL --service" in line and "again" not in line


def _account_list(live_server, email: str, monkeypatch) -> str:
    monkeypatch.setenv("ONWARD_DATABASE_URL", live_server.app.config["DATABASE_URL"])
    monkeypatch.setenv("ONWARD_SECRET_KEY", "test-secret")
    result = onward("account", "list", email)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_failed_sync_exits_non_zero_and_shows_its_reason_in_account_list(live_server, monkeypatch):
    """`worker run --once` with an unreachable mail server exits 1 naming the failure, and `account list` shows it."""
    from live_server import new_user

    email, (user_token, service_token) = new_user(live_server, tokens=(("user", "personal"), ("service", "worker")))
    call(live_server, user_token, "POST", "/accounts",
         {"host": "127.0.0.1", "port": free_port(), "tls": "plain", "username": "robin", "secret": "pw"})
    monkeypatch.setenv("ONWARD_SERVER_URL", live_server.url)
    monkeypatch.setenv("ONWARD_TOKEN", service_token)
    line = one_line_error(onward("worker", "run", "--once"))
    assert "1 of 1 account did not sync (failed: server unreachable" in line and "onward account list" in line
    assert "server unreachable" in _account_list(live_server, email, monkeypatch)


def test_a_sync_the_onward_server_cannot_serve_shows_the_servers_reason_in_account_list(live_server, monkeypatch):
    """When the server cannot decrypt the account's password (another ONWARD_SECRET_KEY_FERNET), the sync exits 1 and
    `account list` shows the server's reason, which names the fix."""
    from live_server import new_user

    email, (user_token, service_token) = new_user(live_server, tokens=(("user", "personal"), ("service", "worker")))
    call(live_server, user_token, "POST", "/accounts",
         {"host": "127.0.0.1", "port": free_port(), "tls": "plain", "username": "robin", "secret": "pw"})
    live_server.app.config["SECRET_KEY_FERNET"] = Fernet.generate_key().decode()  # the key changed since the account was added
    monkeypatch.setenv("ONWARD_SERVER_URL", live_server.url)
    monkeypatch.setenv("ONWARD_TOKEN", service_token)
    line = one_line_error(onward("worker", "run", "--once"))
    assert "did not sync" in line
    listed = _account_list(live_server, email, monkeypatch)
    assert "Onward server: This account's secret was encrypted with another ONWARD_SECRET_KEY_FERNET" in listed


@pytest.mark.parametrize(("command", "fix"), [("run", "make run PORT={next} (or onward run --port {next})"),
                                              ("serve", "onward serve --port {next}")])
def test_a_taken_port_stops_before_anything_starts(fresh_env, command, fix):
    """With the port held by another process, `onward run` and `onward serve` stop at once with one line naming another
    port; gunicorn never starts and the existing embedded worker's token is not revoked."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    assert onward("user", "create", "robin@example.org").exit_code == 0
    assert onward("token", "create", "robin@example.org", "--service", "--name", "embedded worker").exit_code == 0
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        began = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "onward.cli", command, "--port", str(port), "--workers", "1"], env=env,
                              capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and time.monotonic() - began < 15, done.stderr
    assert done.stderr.splitlines() == [f"Error: port {port} on 127.0.0.1 is taken (Address already in use), perhaps by another "
                                        f"Onward server: stop that one, or choose another port: {fix.format(next=port + 1)}"]
    assert "embedded worker" in onward("token", "list", "robin@example.org").stdout  # the other server's worker keeps its token


def test_make_run_passes_the_port_through():
    """`make run PORT=5001` starts `onward run --port 5001`."""
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    done = subprocess.run(["make", "-n", "run", "PORT=5001"], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert "onward run --port 5001" in done.stdout
