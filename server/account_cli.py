"""``onward account add`` and ``onward account list``: IMAP accounts from the command line.
The secret is asked with a hidden prompt (or read from ``ONWARD_IMAP_SECRET``), never taken as
an argument, so it stays out of the shell history and the process list."""

import os

import click

from server.cli import check_email, command_app, find_user, owned_rows

SECRET_ENV = "ONWARD_IMAP_SECRET"
"""Environment variable read instead of prompting, for scripts."""


@click.group()
def account() -> None:
    """IMAP accounts the worker reads."""


@account.command("add")
@click.argument("email")
@click.option("--host", required=True, help="IMAP server, e.g. imap.gmail.com.")
@click.option("--port", type=click.IntRange(1, 65535), default=None, help="Default 993 (ssl) or 143.")
@click.option("--tls", type=click.Choice(["ssl", "starttls", "plain"]), default="ssl", show_default=True,
              help="Implicit TLS, STARTTLS, or plaintext (loopback only unless --insecure).")
@click.option("--username", required=True, help="The IMAP login, often the email address.")
@click.option("--xoauth2", is_flag=True, help="The secret is an OAuth2 access token (Gmail, Outlook).")
@click.option("--folder", "folders", multiple=True, help="A folder to read (repeatable); default INBOX.")
@click.option("--insecure", is_flag=True, help="Allow --tls plain to a host that is not loopback.")
def account_add(email, host, port, tls, username, xoauth2, folders, insecure) -> None:
    """Add an IMAP account to EMAIL's Onward user. The password (or, with --xoauth2, the access token)
    is read from ONWARD_IMAP_SECRET or asked with a hidden prompt, and stored encrypted."""
    from sqlalchemy.exc import IntegrityError

    from server import schemas
    from server.accounts import new_account
    from server.errors import ApiError

    email = check_email(email)
    app = command_app()
    with app.app_context():  # the user exists before the password is asked
        from server.db import db_session

        user_id = find_user(db_session(), email).id
    secret = os.environ.get(SECRET_ENV) or click.prompt("Access token" if xoauth2 else "Password", hide_input=True)
    data = {"host": host, "tls": tls, "username": username, "auth": "xoauth2" if xoauth2 else "password", "secret": secret,
            "insecure": insecure, **({"port": port} if port else {}), **({"folders": list(folders)} if folders else {})}
    problems = schemas.problems("ACCOUNT_CREATE", data)
    if problems:
        raise click.ClickException("; ".join(p.replace("secret", "password") if "secret" in p else p for p in problems))
    with app.app_context():
        session = db_session()
        try:
            row = new_account(user_id, data)
            session.add(row)
            session.commit()
        except ApiError as exc:
            raise click.ClickException(exc.message) from exc
        except IntegrityError as exc:
            raise click.ClickException(f"{email} already has an account for {username} on {host}") from exc
        click.echo(f"added account {row.id}: {row.username} on {row.host}:{row.port} ({row.tls}), folders {', '.join(row.folders)}")


@account.command("list")
@click.argument("email")
def account_list(email: str) -> None:
    """List EMAIL's IMAP accounts and how their last sync went."""
    from server.models import Account

    rows = owned_rows(Account, email)
    click.echo(f"{'id':>5}  {'account':<48} {'tls':<8} {'last sync':<17} {'seen':>6}  last error")
    for a in rows:
        last = a.last_sync_at.strftime("%Y-%m-%d %H:%M") if a.last_sync_at else "never"
        click.echo(f"{a.id:>5}  {f'{a.username} on {a.host}:{a.port}'[:48]:<48} {a.tls:<8} {last:<17} {a.messages_seen:>6}  {a.last_error or '-'}")
