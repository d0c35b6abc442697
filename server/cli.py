"""The server's commands on the ``onward`` command line: serve, db upgrade, user create,
token create/list/revoke, pair. Each builds the app with ``create_app`` (or uses the one a
test runner hands over), so the same ``ONWARD_*`` settings apply."""

import click


def _app():
    """The app a Flask test runner passed in, or a new one from the environment."""
    from flask.cli import ScriptInfo

    from server import create_app

    info = click.get_current_context().find_object(ScriptInfo)
    if info is not None and info.create_app is not None:
        return info.load_app()
    return create_app()


def _user(session, email: str):
    from sqlalchemy import select

    from server.models import User

    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        raise click.ClickException(f"no user {email}; create one with: onward user create {email}")
    return user


def _owned_rows(model, email: str) -> list:
    """Every row of ``model`` that belongs to the user EMAIL, oldest first."""
    from sqlalchemy import select

    from server.db import db_session

    with _app().app_context():
        session = db_session()
        return session.scalars(select(model).where(model.user_id == _user(session, email).id).order_by(model.id)).all()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=int, help="Port to listen on.")
@click.option("--workers", default=2, show_default=True, type=int, help="gunicorn worker processes.")
def serve(host: str, port: int, workers: int) -> None:
    """Run the server (gunicorn when installed, Flask's own server otherwise), after creating or upgrading the schema."""
    from server.db import upgrade

    app = _app()
    upgrade(app.config["DATABASE_URL"])
    click.echo(f"Onward on http://{host}:{port} (database {_safe_url(app.config['DATABASE_URL'])})", err=True)
    try:
        from gunicorn.app.base import BaseApplication
    except ImportError:
        app.run(host=host, port=port)
        return

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("accesslog", "-")

        def load(self):
            from server import create_app

            return create_app()

    app.extensions["onward.engine"].dispose()
    Server().run()


def _safe_url(url: str) -> str:
    """The URL without its password."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@click.group()
def db() -> None:
    """The database schema."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Create the schema or bring it up to date (Alembic migrations)."""
    from server.db import upgrade

    app = _app()
    upgrade(app.config["DATABASE_URL"])
    click.echo(f"database up to date: {_safe_url(app.config['DATABASE_URL'])}")


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

    email = email.strip().lower()
    if "@" not in email or len(email) > 320:
        raise click.BadParameter("not an email address", param_hint="EMAIL")
    app = _app()
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
    app = _app()
    with app.app_context():
        from server.db import db_session

        session = db_session()
        tok, secret = issue_token(session, _user(session, email), kind, (name or ("personal" if kind == "user" else "worker"))[:100])
        session.commit()
    click.echo(f"{kind} token {tok.id} for {email} (shown once):", err=True)
    click.echo(secret)


@token.command("list")
@click.argument("email")
def token_list(email: str) -> None:
    """List the tokens of EMAIL: id, kind, name, created, last use."""
    from server.models import Token

    rows = _owned_rows(Token, email)
    click.echo(f"{'id':>5}  {'kind':<8} {'name':<30} {'created':<20} last used")
    for t in rows:
        last = t.last_used_at.strftime("%Y-%m-%d %H:%M") if t.last_used_at else "never"
        click.echo(f"{t.id:>5}  {t.kind:<8} {t.name[:30]:<30} {t.created_at.strftime('%Y-%m-%d %H:%M'):<20} {last}")


@token.command("revoke")
@click.argument("token_id", type=int)
def token_revoke(token_id: int) -> None:
    """Revoke the token with this id (see `onward token list`)."""
    from server.models import Token

    app = _app()
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

    app = _app()
    with app.app_context():
        from server.db import db_session

        session = db_session()
        code, row = new_code(session, _user(session, email), app.config["PAIRING_CODE_MINUTES"])
        session.commit()
    click.echo(f"pairing code for {email}, valid until {row.expires_at:%H:%M} UTC, works once:", err=True)
    click.echo(code)


