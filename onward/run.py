"""``onward run`` (what ``make run`` starts): the server (``onward serve`` in a child process) and the
embedded worker loop (``worker.embedded``) in this one; it imports both sides, so it lives here. Without ``ONWARD_TOKEN`` the loop uses a service token it issues
for the first user. On a fresh clone it creates that user (``LOCAL_USER``) and, at every start, prints a
one-time sign-in link to the dashboard, where an empty pipeline offers a demo and says how to get mail in."""

import logging
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request

import click

LOCAL_USER = "you@localhost"
"""The user a first run creates when the database has none (change it later with a user of your own)."""

SIGN_IN_MINUTES = 60
"""How long the sign-in link ``onward run`` prints stays valid (it works once)."""

EMBEDDED_TOKEN_NAME = "embedded worker"
"""The service token ``onward run`` issues; the previous one is revoked at each start."""

log = logging.getLogger("onward.run")


def embedded_service_token(app) -> str | None:
    """A new service token for the first user (revoking older embedded ones), or None without users."""
    from sqlalchemy import delete, select

    from server.auth import issue_token
    from server.db import db_session
    from server.models import Token, User

    with app.app_context():
        session = db_session()
        user = session.scalar(select(User).order_by(User.id).limit(1))
        if user is None:
            return None
        session.execute(delete(Token).where(Token.user_id == user.id, Token.kind == "service", Token.name == EMBEDDED_TOKEN_NAME))
        _, token = issue_token(session, user, "service", EMBEDDED_TOKEN_NAME)
        session.commit()
        log.info("the embedded worker syncs the accounts of %s", user.email)
        return token


def first_run_sign_in(app, base_url: str) -> tuple[str, str, bool]:
    """The first user (created as ``LOCAL_USER`` when there is none) and a one-time sign-in link for
    them: (email, link, created). What ``onward run`` prints, so a fresh clone opens the dashboard."""
    from sqlalchemy import select

    from server.auth import create_user
    from server.db import db_session
    from server.models import User
    from server.pairing import new_code

    with app.app_context():
        session = db_session()
        user = session.scalar(select(User).order_by(User.id).limit(1))
        created = user is None
        if created:
            user, _ = create_user(session, LOCAL_USER, ())
        code, _ = new_code(session, user, SIGN_IN_MINUTES)
        session.commit()
        return user.email, f"{base_url}/login?code={code}", created


def wait_until_up(url: str, seconds: float = 20.0, stop: threading.Event | None = None) -> bool:
    """Whether the server at URL answers its health check within SECONDS (False at once when ``stop`` is set: it exited)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not (stop and stop.is_set()):
        try:
            with urllib.request.urlopen(url + "/api/v1/health", timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address the server listens on.")
@click.option("--port", default=5000, show_default=True, type=int, help="Port the server listens on.")
@click.option("--workers", default=2, show_default=True, type=int, help="gunicorn worker processes.")
def run(host: str, port: int, workers: int) -> None:
    """Start the server and the in-process worker together (the embedded mode, no Redis needed)."""
    from server.cli import command_app, port_problem
    from worker import config, embedded

    problem = port_problem(host, port, f"make run PORT={port + 1} (or onward run --port {port + 1})")
    if problem:  # before the schema, the server or a token: a second `make run` changes nothing
        raise click.ClickException(problem)
    logging.getLogger("onward").setLevel(logging.INFO)
    app = command_app()
    os.environ.setdefault("ONWARD_SERVER_URL", f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}")
    email, link, created = first_run_sign_in(app, os.environ["ONWARD_SERVER_URL"])
    if created:
        click.echo(f"first run: created the local user {email}", err=True)
    server = subprocess.Popen([sys.executable, "-m", "onward.cli", "serve", "--host", host, "--port", str(port),
                               "--workers", str(workers), "--no-access-log"])  # the loop below polls every few seconds
    stop = threading.Event()
    threading.Thread(target=lambda: (server.wait(), stop.set()), daemon=True).start()

    def find_token() -> None:
        if not os.environ.get("ONWARD_TOKEN"):
            token = embedded_service_token(app)
            if token:
                os.environ["ONWARD_TOKEN"] = token

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # `kill`, a service manager: stop the server too, as Ctrl-C does
    interrupted = False
    try:
        if not wait_until_up(os.environ["ONWARD_SERVER_URL"], stop=stop):
            raise click.ClickException("the server did not start; see its messages above")
        click.echo(f"\nOpen the dashboard (this link signs in {email} once, within {SIGN_IN_MINUTES} minutes):\n  {link}\n",
                   err=True)
        interval = config.load().sync_interval_minutes * 60
        click.echo(f"worker: syncing every account every {interval / 60:g} minutes (in-process; Ctrl-C stops)", err=True)
        embedded.run(interval, stop, before_round=find_token)
    except KeyboardInterrupt:
        interrupted = True
        click.echo("\nstopping", err=True)
    finally:
        if server.poll() is None:
            server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
    if stop.is_set() and not interrupted and server.returncode:
        raise click.ClickException(f"the server stopped (exit code {server.returncode})")
