"""A real Roundcube webmail (Debian's roundcube packages) over the tests' Dovecot, served by PHP's built-in
server on a free loopback port with a configuration folder of the test's own (its own SQLite database, logs
and temp files), so the extension's Roundcube adapter is tested against the real elastic skin."""

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from imap_server import free_port

PUBLIC_HTML = Path("/var/lib/roundcube/public_html")
ETC = Path("/etc/roundcube")
INITIAL_SQL = Path("/usr/share/roundcube/SQL/sqlite.initial.sql")
PHP = "/usr/bin/php"

PACKAGES = "roundcube roundcube-core roundcube-sqlite3 php8.2-cli php8.2-cgi php8.2-sqlite3"
"""What ``.ci/run`` installs (with debconf preseeded: no database setup, no web server)."""

CONFIG = """<?php
$config = [];
$config['db_dsnw'] = 'sqlite:///{folder}/roundcube.db?mode=0600';
$config['imap_host'] = '127.0.0.1:{imap_port}';
$config['smtp_host'] = '';
$config['des_key'] = '{des_key}';
$config['plugins'] = [];
$config['skin'] = 'elastic';
$config['log_dir'] = '{folder}/logs/';
$config['temp_dir'] = '{folder}/temp/';
$config['enable_spellcheck'] = false;
$config['login_rate_limit'] = 0;
$config['product_name'] = 'Roundcube Webmail';
$config['support_url'] = '';
$config['enable_installer'] = false;
$config['refresh_interval'] = 0;
"""


def missing() -> str | None:
    """Why Roundcube cannot run here, or None when it can."""
    if not os.path.exists(PHP):
        return "php is not installed (apt-get install php8.2-cli)"
    if not (PUBLIC_HTML / "index.php").exists() or not INITIAL_SQL.exists():
        return f"Roundcube is not installed (apt-get install {PACKAGES})"
    return None


@dataclass
class Roundcube:
    """A running Roundcube: its address and the process serving it."""

    folder: Path
    port: int
    process: subprocess.Popen

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # the built-in server's workers are its children
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def log(self) -> str:
        """Roundcube's own error log and the last lines of the PHP server's output, for a failing test's message."""
        errors, php = self.folder / "logs" / "errors.log", self.folder / "php.log"
        tail = php.read_text(errors="replace").splitlines()[-20:] if php.exists() else []
        return "\n".join([errors.read_text(errors="replace") if errors.exists() else "", *tail])


def start_roundcube(folder: Path, imap_port: int) -> Roundcube:
    """Write a configuration folder pointing at Dovecot's plain IMAP port, create the database, start
    ``php -S`` and wait until the login page answers."""
    reason = missing()
    if reason:
        raise FileNotFoundError(reason)
    folder.mkdir(parents=True, exist_ok=True)
    for sub in ("logs", "temp"):
        (folder / sub).mkdir(exist_ok=True)
    for name in ("defaults.inc.php", "mimetypes.php"):
        shutil.copy(ETC / name, folder / name)
    (folder / "config.inc.php").write_text(CONFIG.format(folder=folder, imap_port=imap_port,
                                                         des_key=os.urandom(12).hex()))
    with sqlite3.connect(folder / "roundcube.db") as db:
        db.executescript(INITIAL_SQL.read_text())
    db.close()
    port = free_port()
    env = {**os.environ, "ROUNDCUBE_CONFIG_DIR": str(folder), "PHP_CLI_SERVER_WORKERS": "4"}
    log = open(folder / "php.log", "wb")  # noqa: SIM115 - kept open for the process's life
    process = subprocess.Popen([PHP, "-S", f"127.0.0.1:{port}", "-t", str(PUBLIC_HTML)], env=env, stdout=log,
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    log.close()
    server = Roundcube(folder, port, process)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"php -S exited: {server.log()}")
        try:
            with socket.create_connection(("127.0.0.1", port), 0.2):
                pass
            with urllib.request.urlopen(server.url, timeout=5) as res:
                if b"rcmloginuser" in res.read():
                    return server
        except OSError:
            time.sleep(0.05)
    server.stop()
    raise RuntimeError(f"Roundcube did not show its login page within 10 s: {server.log()}")


def login(page, roundcube: Roundcube, user: str, password: str) -> None:
    """Log ``page`` in to Roundcube as a Dovecot user and wait for the message list of the inbox."""
    page.goto(roundcube.url)
    page.fill("#rcmloginuser", user)
    page.fill("#rcmloginpwd", password)
    page.click("#rcmloginsubmit")
    page.wait_for_selector("#messagelist")


def open_message(page, roundcube: Roundcube, subject: str, folder: str = "INBOX"):
    """Open the message with ``subject`` from the (freshly loaded) list of ``folder``; returns the frame
    that shows it (``iframe#messagecontframe``) once its subject is displayed."""
    page.goto(f"{roundcube.url}?_task=mail&_mbox={folder}")
    row = page.locator("#messagelist tbody tr", has_text=subject).first
    row.click()
    frame = page.frame_locator("iframe#messagecontframe")
    frame.locator("#message-header h2.subject", has_text=subject).wait_for()
    return frame
