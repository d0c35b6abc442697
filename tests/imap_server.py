"""A real Dovecot started from a temporary folder for the worker's tests: IMAP and IMAPS on
free loopback ports (a self-signed certificate made here), one passwd-file user, Maildir.

As root, Dovecot refuses to run mail processes as root, so the mail user is the ``dovecot``
account and owns the folder; the folder must be traversable by it (``chmod 755``)."""

import base64
import hashlib
import hmac
import imaplib
import json
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

USER = "robin@example.org"
PASSWORD = "correct horse"

OAUTH_KEY = b"onward-test-oauth2-signing-key-32b"
"""HMAC key Dovecot uses to check the test's OAuth2 access tokens (JWT, HS256) without an identity provider."""

SPARE_USERS = 200
"""Mail users written at start (robin1@… to robin200@…), so tests sharing one server each get an empty mailbox
(Dovecot notices a changed passwd-file only by its modification second, too coarse to add users on the fly)."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost; the certificate is its own CA file."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.now(UTC)
    import ipaddress

    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_path.chmod(0o600)
    return cert_path, key_path


CONFIG = """\
base_dir = {dir}/run
state_dir = {dir}/state
log_path = {dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2 oauthbearer
auth_failure_delay = 0
mail_location = maildir:{dir}/mail/%u
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
first_valid_uid = 1
first_valid_gid = 1
passdb {{
  driver = passwd-file
  mechanisms = plain login
  args = scheme=PLAIN {dir}/users
}}
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {dir}/oauth2.conf.ext
}}
userdb {{
  driver = static
  args = uid={user} gid={group} home={dir}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service imap-login {{
  chroot =
}}
"""


@dataclass
class Dovecot:
    """A running Dovecot: where to reach it, its CA file, and helpers to fill and inspect the mailbox."""

    folder: Path
    imap_port: int
    imaps_port: int
    ca_file: Path
    process: subprocess.Popen
    user: str = USER
    password: str = PASSWORD
    host: str = "127.0.0.1"
    log: object = None

    def admin(self) -> imaplib.IMAP4:
        """A plain stdlib connection for the test's own side (filling, flags); never the worker's."""
        conn = imaplib.IMAP4(self.host, self.imap_port)
        conn.login(self.user, self.password)
        return conn

    def deliver(self, messages, folder: str = "INBOX", when: datetime | None = None) -> None:
        """APPEND each raw message (bytes) to ``folder``, created when missing, with INTERNALDATE ``when`` (default now)."""
        conn = self.admin()
        try:
            conn.create(_quote(folder))
            stamp = imaplib.Time2Internaldate((when or datetime.now(UTC)).timestamp())
            for raw in messages:
                typ, data = conn.append(_quote(folder), None, stamp, raw)
                assert typ == "OK", data
        finally:
            conn.logout()

    def flags(self, folder: str = "INBOX") -> dict[int, bytes]:
        """UID → FLAGS of every message in ``folder`` (read with EXAMINE, changing nothing)."""
        conn = self.admin()
        try:
            conn.select(_quote(folder), readonly=True)
            typ, data = conn.uid("FETCH", "1:*", "(FLAGS)")
            out = {}
            for line in data:
                if line:
                    text = line.decode()
                    uid = int(text.split("UID ")[1].split()[0].rstrip(")"))
                    flags = text.split("FLAGS (")[1].split(")")[0].split()
                    out[uid] = " ".join(f for f in flags if f != "\\Recent")  # \Recent belongs to the session, not the message
            return out
        finally:
            conn.logout()

    def recreate(self, folder: str) -> None:
        """Delete and re-create ``folder`` with the same messages: a new UIDVALIDITY, as after a server migration."""
        conn = self.admin()
        try:
            conn.select(_quote(folder), readonly=True)
            typ, data = conn.uid("FETCH", "1:*", "(BODY.PEEK[])")
            bodies = [part[1] for part in data if isinstance(part, tuple)]
            conn.close()
            conn.delete(_quote(folder))
        finally:
            conn.logout()
        time.sleep(1.1)  # UIDVALIDITY is made from the clock
        self.deliver(bodies, folder)

    def as_user(self, n: int) -> "Dovecot":
        """The same server seen as mail user ``n`` (1 to SPARE_USERS), whose mailbox starts empty."""
        assert 1 <= n <= SPARE_USERS, "raise SPARE_USERS"
        return replace(self, user=f"robin{n}@example.org")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log is not None:
            self.log.close()


def access_token(user: str, minutes: int = 10) -> str:
    """A signed OAuth2 access token (JWT) for ``user`` that this Dovecot accepts with XOAUTH2."""
    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    now = int(time.time())
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = b64(json.dumps({"sub": user, "email": user, "iat": now, "nbf": now, "exp": now + minutes * 60}).encode())
    signature = hmac.new(OAUTH_KEY, f"{header}.{claims}".encode(), hashlib.sha256).digest()
    return f"{header}.{claims}.{b64(signature)}"


def _quote(folder: str) -> str:
    return f'"{folder}"'


def start_dovecot(folder: Path) -> Dovecot:
    """Write the configuration, start ``dovecot -F`` and wait until both listeners answer."""
    binary = shutil.which("dovecot") or ("/usr/sbin/dovecot" if os.path.exists("/usr/sbin/dovecot") else None)
    if binary is None:
        raise FileNotFoundError("dovecot is not installed (Debian: apt-get install dovecot-imapd)")
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        account = pwd.getpwnam("dovecot")
        user, group = "dovecot", "dovecot"
    else:
        account = pwd.getpwuid(os.geteuid())
        import grp

        user, group = account.pw_name, grp.getgrgid(os.getegid()).gr_name
    for sub in ("run", "state", "mail", "home"):
        (folder / sub).mkdir(exist_ok=True)
    cert, key = make_certificate(folder)
    (folder / "users").write_text("".join(f"{name}:{{PLAIN}}{PASSWORD}\n"
                                          for name in [USER, *(f"robin{n}@example.org" for n in range(1, SPARE_USERS + 1))]))
    (folder / "keys" / "default" / "HS256").mkdir(parents=True, exist_ok=True)
    (folder / "keys" / "default" / "HS256" / "default").write_text(base64.b64encode(OAUTH_KEY).decode())
    (folder / "oauth2.conf.ext").write_text(f"introspection_mode = local\nlocal_validation_key_dict = fs:posix:prefix={folder}/keys/\n"
                                             "username_attribute = email\n")
    imap_port, imaps_port = free_port(), free_port()
    (folder / "dovecot.conf").write_text(CONFIG.format(dir=folder, cert=cert, key=key, user=user, group=group,
                                                       imap_port=imap_port, imaps_port=imaps_port))
    node = folder
    while node != node.parent:  # every parent must be traversable by the mail user
        if os.geteuid() == 0 and node.stat().st_mode & 0o005 != 0o005 and str(node).startswith(("/tmp", "/var/tmp")):
            node.chmod(node.stat().st_mode | 0o755)
        node = node.parent
    folder.chmod(0o755)
    if os.geteuid() == 0:
        for sub in ("mail", "home"):
            os.chown(folder / sub, account.pw_uid, account.pw_gid)
    log = open(folder / "stderr.log", "wb")  # noqa: SIM115 - kept open for the process's life
    process = subprocess.Popen([binary, "-F", "-c", str(folder / "dovecot.conf")], stdout=log, stderr=subprocess.STDOUT)
    server = Dovecot(folder, imap_port, imaps_port, cert, process, log=log)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"dovecot exited: {(folder / 'stderr.log').read_text()} {_read(folder / 'dovecot.log')}")
        try:
            with socket.create_connection(("127.0.0.1", imap_port), 0.5), socket.create_connection(("127.0.0.1", imaps_port), 0.5):
                return server
        except OSError:
            time.sleep(0.05)
    server.stop()
    raise RuntimeError(f"dovecot did not listen within 15 s: {_read(folder / 'dovecot.log')}")


def _read(path: Path) -> str:
    return path.read_text() if path.exists() else ""


def tls_context(ca_file: Path) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(ca_file))
