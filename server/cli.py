"""The server's commands on the ``onward`` command line: serve, db upgrade, user create,
token create/list/revoke, pair (``server/account_cli.py`` adds account add/list). Each builds the app
with ``command_app`` (or uses the one a test runner hands over), so the same ``ONWARD_*`` settings apply,
and creates or upgrades the schema first, as ``serve`` does. ``onward/cli.py`` puts them on one group."""

import re
import socket

import click

EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
"""What passes for an email address on the command line (the same rule as ``onward user create``)."""


def command_app(schema: bool = True):
    """The app a Flask test runner passed in, or a new one from the environment; with ``schema``, the
    database is created or brought up to date first, so every command works on a fresh clone."""
    from flask.cli import ScriptInfo

    from server import create_app

    info = click.get_current_context().find_object(ScriptInfo)
    app = info.load_app() if info is not None and info.create_app is not None else create_app()
    if schema:
        ensure_schema(app)
    return app


def ensure_schema(app) -> None:
    """Create or upgrade the schema (Alembic); a database that cannot be opened is one line naming the setting."""
    from sqlalchemy.exc import SQLAlchemyError

    from server.db import upgrade

    url = app.config["DATABASE_URL"]
    try:
        upgrade(url)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise click.ClickException(f"cannot open the database {safe_url(url)} ({reason}): check ONWARD_DATABASE_URL") from exc


def check_email(email: str) -> str:
    """EMAIL normalised (trimmed, lower case), or a one-line error when it is not an email address."""
    email = email.strip().lower()
    if not EMAIL.fullmatch(email) or len(email) > 320:
        raise click.ClickException(f"{email or repr(email)} is not an email address (like robin@example.org)")
    return email


def find_user(session, email: str):
    """The user EMAIL, or a one-line error naming the command that creates it."""
    from sqlalchemy import select

    from server.models import User

    email = check_email(email)
    user = session.scalar(select(User).where(User.email == email))
    if user is None:
        raise click.ClickException(f"no user {email}; create one with: onward user create {email}")
    return user


def owned_rows(model, email: str) -> list:
    """Every row of ``model`` that belongs to the user EMAIL, oldest first."""
    from sqlalchemy import select

    from server.db import db_session

    with command_app().app_context():
        session = db_session()
        return session.scalars(select(model).where(model.user_id == find_user(session, email).id).order_by(model.id)).all()


def port_problem(host: str, port: int, other_port: str) -> str | None:
    """Why HOST:PORT cannot be listened on and what to do (``other_port``: how to choose another), or None
    when it is free. Checked before anything starts, so a second server stops at once and changes nothing."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    except socket.gaierror as exc:
        return f"cannot listen on {host} ({exc.strerror}): give --host an address of this machine"
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn does: a port in TIME_WAIT is free
        try:
            probe.bind(address)
        except OSError as exc:
            return (f"port {port} on {host} is taken ({exc.strerror}), perhaps by another Onward server: "
                    f"stop that one, or choose another port: {other_port}")
    return None


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=int, help="Port to listen on.")
@click.option("--workers", default=2, show_default=True, type=int, help="gunicorn worker processes.")
@click.option("--access-log/--no-access-log", default=True, show_default=True,
              help="A line per request on stderr (`onward run` turns it off: its worker polls every few seconds).")
def serve(host: str, port: int, workers: int, access_log: bool) -> None:
    """Run the server (gunicorn when installed, Flask's own server otherwise), after creating or upgrading the schema."""
    problem = port_problem(host, port, f"onward serve --port {port + 1}")
    if problem:
        raise click.ClickException(problem)
    app = command_app()
    click.echo(f"Onward on http://{host}:{port} (database {safe_url(app.config['DATABASE_URL'])})", err=True)
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        app.run(host=host, port=port)
        return
    from server import serving

    app.extensions["onward.engine"].dispose()
    serving.run(host, port, workers, app.config.get("REDIS_URL"), access_log)


def safe_url(url: str) -> str:
    """The URL without its password."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@click.group()
def db() -> None:
    """The database schema."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Create the schema or bring it up to date (Alembic migrations)."""
    app = command_app()
    click.echo(f"database up to date: {safe_url(app.config['DATABASE_URL'])}")


@click.group()
def user() -> None:
    """People who use this server."""


@user.command("create")
@click.argument("email")
def user_create(email: str) -> None:
    """Create a user and print a personal API token (shown once)."""
    from sqlalchemy import select

    from server.auth import create_user
    from server.models import User

    email = check_email(email)
    app = command_app()
    with app.app_context():
        from server.db import db_session

        session = db_session()
        if session.scalar(select(User).where(User.email == email)):
            raise click.ClickException(f"{email} already exists; make a token with: onward token create {email}")
        _, (secret,) = create_user(session, email)
        session.commit()
    click.echo(f"created {email}; personal API token (shown once, keep it safe):", err=True)
    click.echo(secret)


@click.group()
def token() -> None:
    """API tokens: user tokens (extension, dashboard), service tokens (one user's worker) and fleet tokens (a deployment's workers)."""


@token.command("create")
@click.argument("email")
@click.option("--service", is_flag=True, help="A worker's token for EMAIL's accounts: it may only send messages and read the sync state.")
@click.option("--fleet", is_flag=True, help="The workers' token of a deployment: it reaches every user's accounts, acting for "
                                             "each account's owner, and nothing else. EMAIL is the operator who answers for it.")
@click.option("--name", default=None, help="What the token is for.")
def token_create(email: str, service: bool, fleet: bool, name: str | None) -> None:
    """Create a token for EMAIL and print it (shown once). Fleet tokens are made only here, never through the API."""
    from server.auth import issue_token

    if service and fleet:
        raise click.UsageError("choose one of --service and --fleet")
    kind = "fleet" if fleet else "service" if service else "user"
    app = command_app()
    with app.app_context():
        from server.db import db_session

        session = db_session()
        tok, secret = issue_token(session, find_user(session, email), kind, (name or ("personal" if kind == "user" else "worker"))[:100])
        session.commit()
    click.echo(f"{kind} token {tok.id} for {email} (shown once):", err=True)
    click.echo(secret)


@token.command("list")
@click.argument("email")
def token_list(email: str) -> None:
    """List the tokens of EMAIL: id, kind, name, created, last use."""
    from server.models import Token

    rows = owned_rows(Token, email)
    click.echo(f"{'id':>5}  {'kind':<8} {'name':<30} {'created':<20} last used")
    for t in rows:
        last = t.last_used_at.strftime("%Y-%m-%d %H:%M") if t.last_used_at else "never"
        click.echo(f"{t.id:>5}  {t.kind:<8} {t.name[:30]:<30} {t.created_at.strftime('%Y-%m-%d %H:%M'):<20} {last}")


@token.command("revoke")
@click.argument("token_id", type=int)
def token_revoke(token_id: int) -> None:
    """Revoke the token with this id (see `onward token list`)."""
    from server.models import Token

    app = command_app()
    with app.app_context():
        from server.db import db_session

        session = db_session()
        row = session.get(Token, token_id)
        if row is None:
            raise click.ClickException(f"no token {token_id}")
        session.delete(row)
        session.commit()
    click.echo(f"revoked token {token_id}")


@click.command()
@click.argument("email")
def pair(email: str) -> None:
    """Print a one-time code that pairs the browser extension with EMAIL's account."""
    from server.pairing import new_code

    app = command_app()
    with app.app_context():
        from server.db import db_session

        session = db_session()
        code, row = new_code(session, find_user(session, email), app.config["PAIRING_CODE_MINUTES"])
        session.commit()
    click.echo(f"pairing code for {email}, valid until {row.expires_at:%H:%M} UTC, works once:", err=True)
    click.echo(code)


COMMANDS = (serve, db, user, token, pair)
"""What ``onward/cli.py`` puts on the ``onward`` group, with ``server.account_cli.account``."""
