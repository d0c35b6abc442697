"""The ``onward`` console script: one click group with the worker's commands (``worker/cli.py``: classify,
import, worker watch/run), the server's (``server/cli.py`` and ``server/account_cli.py``: serve, db, user,
token, pair, account) and ``onward run`` (``onward/run.py``). Importing it loads neither Flask nor the
sync path: each command imports what it needs when it runs."""

import logging
import sys

import click

from onward.run import run
from server.account_cli import account
from server.cli import COMMANDS as SERVER_COMMANDS
from worker.cli import COMMANDS as WORKER_COMMANDS


@click.group()
@click.version_option(package_name="onward")
def main() -> None:
    """Onward: track your job applications from your mailbox and get through rejections."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


for command in (*WORKER_COMMANDS, *SERVER_COMMANDS, account, run):
    main.add_command(command)


if __name__ == "__main__":
    sys.exit(main())
