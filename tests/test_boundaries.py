"""The boundaries of DESIGN.md, checked on the real import graph: every module of ``worker`` imports
without Flask, the server or a database library; every module of ``server`` imports without imapclient,
RQ or the worker's I/O (sync, jobs, IMAP, the embedded loop); only ``onward`` brings both together.
Each package is imported in a fresh interpreter, so nothing another test imported can hide a leak."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

WORKER_IO = ["imapclient", "rq", "worker.sync", "worker.jobs", "worker.imap", "worker.embedded", "worker.watch",
             "worker.cron", "worker.digests", "worker.importer", "worker.api", "worker.cli", "onward"]
"""What the server never loads: the worker's mail-server and job side, and the assembled command line.
The pure mail core (parse, text, classify, extract, contract, pipeline, senders) it may use."""

SERVER_SIDE = ["flask", "werkzeug", "server", "sqlalchemy", "alembic", "gunicorn", "onward"]
"""What the worker never loads: it talks to the server over HTTP and never opens the database."""

PROBE = """
import importlib, json, pkgutil, sys
package = importlib.import_module(sys.argv[1])
names = [sys.argv[1]] + [m.name for m in pkgutil.walk_packages(package.__path__, sys.argv[1] + ".")
                         if not m.name.endswith(".__main__")]  # running it would start the command line
for name in names:
    importlib.import_module(name)
forbidden = json.loads(sys.argv[2])
leaked = sorted(m for m in sys.modules if any(m == f or m.startswith(f + ".") for f in forbidden))
print(json.dumps({"imported": names, "leaked": leaked}))
"""


def import_all(package: str, forbidden: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, package, json.dumps(forbidden)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize(("package", "forbidden", "expected"), [
    ("worker", SERVER_SIDE, {"worker.cli", "worker.sync", "worker.jobs", "worker.embedded"}),
    ("server", WORKER_IO, {"server.cli", "server.account_cli", "server.api.accounts"}),
])
def test_every_module_of_a_side_imports_without_the_other_side(package, forbidden, expected):
    """Importing every module of one package in a fresh interpreter never loads what belongs to the other side."""
    found = import_all(package, forbidden)
    assert expected <= set(found["imported"])  # the walk really reached the command line and the I/O modules
    assert found["leaked"] == [], f"{package} loaded {found['leaked']}"


def test_the_command_line_loads_the_sync_path_only_when_a_command_needs_it():
    """`onward` is the one package that imports both sides; importing its group loads neither the database nor the sync path."""
    found = import_all("onward", ["sqlalchemy", "alembic", "imapclient", "rq", "worker.sync", "worker.jobs"])
    assert {"onward.cli", "onward.run"} <= set(found["imported"])
    assert found["leaked"] == []
