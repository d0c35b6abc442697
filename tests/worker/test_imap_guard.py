"""A user-chosen IMAP host can neither hold a worker nor map the server's network: a session ends at its
deadline whatever the server trickles, hosts in non-public ranges are refused unless the deployment allows
them, and every failure to connect reads the same to the user (the reason goes to the log)."""

import socket
import threading
import time
from contextlib import contextmanager

import pytest
from helpers import add_account, call
from imap_server import free_port

from worker import config
from worker.api import Api
from worker.config import WorkerConfig
from worker.exceptions import ConnectionLost, ServerUnreachable
from worker.imap import ImapSettings, Mailbox
from worker.networks import address_allowed, allowed_networks
from worker.sync import sync_account

TRICKLE_SECONDS = 10
"""The stalling server sends one byte this often: below any per-read timeout, so only a deadline ends it."""


class StallingServer:
    """A TCP server on loopback that answers like an IMAP server up to ``stall_at`` (``greeting``, or a
    command verb such as ``EXAMINE``), then sends one byte every TRICKLE_SECONDS and never finishes."""

    def __init__(self, stall_at: str):
        self.stall_at = stall_at
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        self.listener.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            self.connections += 1
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _trickle(self, conn: socket.socket, text: bytes) -> None:
        for byte in text:
            if self.stop.wait(TRICKLE_SECONDS):
                return
            conn.sendall(bytes([byte]))

    def _session(self, conn: socket.socket) -> None:
        with conn:
            try:
                if self.stall_at == "greeting":
                    conn.sendall(b"* OK")
                    self._trickle(conn, b" [CAPABILITY IMAP4rev1] a very slow hello" * 100)
                    return
                conn.sendall(b"* OK [CAPABILITY IMAP4rev1] ready\r\n")
                for line in conn.makefile("rb"):
                    tag, verb = (line.split() + [b"", b""])[:2]
                    verb = verb.decode().upper()
                    if verb == self.stall_at:
                        self._trickle(conn, b"* 1 EXISTS\r\n" * 100)
                        return
                    if verb == "CAPABILITY":
                        conn.sendall(b"* CAPABILITY IMAP4rev1\r\n")
                    conn.sendall(tag + b" OK done\r\n")
            except OSError:
                pass

    def close(self) -> None:
        self.stop.set()
        self.listener.close()


@contextmanager
def stalling(stall_at: str):
    server = StallingServer(stall_at)
    try:
        yield server
    finally:
        server.close()


def _settings(port: int, **fields) -> ImapSettings:
    return ImapSettings(**{"host": "127.0.0.1", "port": port, "username": "robin", "secret": "pw", "tls": "plain",
                           "allow_networks": allowed_networks("loopback"), **fields})


def test_a_greeting_trickled_byte_by_byte_ends_at_the_connect_deadline(caplog):
    """The server sends part of a greeting and then a byte every 10 s: the session gives up at its 2 s
    connect deadline with "server unreachable"; the log says why."""
    with stalling("greeting") as server:
        began = time.monotonic()
        with pytest.raises(ServerUnreachable) as caught:
            Mailbox(_settings(server.port, connect_seconds=2))
        took = time.monotonic() - began
    assert 1.5 < took < 5, took
    assert str(caught.value) == "server unreachable"
    assert "past the 2 s allowed to connect and log in" in caplog.text


def test_a_sync_against_a_trickling_server_ends_at_its_deadline(live_server, tokens, caplog):
    """Logged in, the server trickles its EXAMINE answer: the sync stops at ``imap_sync_seconds`` (3 s here,
    10 minutes by default) instead of holding the worker, and the account shows "connection lost"."""
    with stalling("EXAMINE") as server:
        account = call(live_server, tokens[0], "POST", "/accounts", {"host": "127.0.0.1", "port": server.port, "tls": "plain",
                                                                    "username": "robin", "secret": "pw"})
        api = Api(WorkerConfig(server_url=live_server.url, token=tokens[1], timeout=10, imap_sync_seconds=3))
        outcome: list = []
        began = time.monotonic()
        worker = threading.Thread(target=lambda: outcome.append(_raised(sync_account, api, account["id"])), daemon=True)
        worker.start()
        worker.join(30)
        took = time.monotonic() - began
    assert not worker.is_alive(), "the sync was still blocked after 30 s"
    assert isinstance(outcome[0], ConnectionLost) and 2.5 < took < 8, (outcome, took)
    assert call(live_server, tokens[0], "GET", f"/accounts/{account['id']}")["last_error"] == "connection lost"
    assert "deadline of 3 s" in caplog.text


def _raised(function, *args):
    try:
        function(*args)
    except Exception as exc:  # noqa: BLE001 - the test inspects what the sync raised
        return exc
    return None


@pytest.mark.parametrize(("address", "allowed"), [
    ("93.184.216.34", True), ("2606:2800:220:1:248:1893:25c8:1946", True),
    ("127.0.0.1", False), ("127.8.9.10", False), ("::1", False), ("::ffff:127.0.0.1", False), ("0.0.0.0", False),
    ("10.1.2.3", False), ("172.16.5.4", False), ("192.168.1.1", False), ("fd00::1", False), ("100.64.0.1", False),
    ("169.254.169.254", False), ("fe80::1%eth0", False), ("224.0.0.1", False),
])
def test_only_public_addresses_are_allowed_by_default(address, allowed):
    assert address_allowed(address, ()) is allowed


@pytest.mark.parametrize(("spec", "address", "allowed"), [
    ("loopback", "127.0.0.1", True), ("loopback", "::1", True), ("loopback", "10.0.0.1", False),
    ("private", "192.168.1.1", True), ("private", "127.0.0.1", False), ("10.20.0.0/16, loopback", "10.20.3.4", True),
    ("10.20.0.0/16", "10.21.0.1", False), ("", "127.0.0.1", False),
])
def test_the_deployment_names_the_networks_it_allows(spec, address, allowed):
    assert address_allowed(address, allowed_networks(spec)) is allowed


def test_a_network_that_is_not_one_is_a_clear_error():
    with pytest.raises(ValueError, match="'10.0.0.300/8' is neither a CIDR block nor one of loopback, private"):
        allowed_networks("loopback,10.0.0.300/8")


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, "loopback"),  # make run, onward worker run: one person's machine
    ({"ONWARD_REDIS_URL": "redis://redis:6379/0"}, ""),  # a deployment serving many people
    ({"ONWARD_REDIS_URL": "redis://redis:6379/0", "ONWARD_IMAP_ALLOW_NETWORKS": "10.0.0.0/8"}, "10.0.0.0/8"),
    ({"ONWARD_IMAP_ALLOW_NETWORKS": ""}, ""),
])
def test_which_networks_are_allowed_by_default(environ, expected):
    assert config.load(environ).imap_allow_networks == expected


def test_every_failure_to_connect_reads_the_same(dovecot, live_server, tokens, caplog):
    """A closed port, TLS spoken to a plain port, a trickling greeting, and a loopback host the deployment
    does not allow: the user reads "server unreachable" for each (nothing tells an open port from a closed
    one); only the log says which. The refused host is never even connected to."""
    api = Api(WorkerConfig(server_url=live_server.url, token=tokens[1], timeout=10, imap_sync_seconds=2))
    strict = Api(WorkerConfig(server_url=live_server.url, token=tokens[1], timeout=10, imap_allow_networks=""))
    with stalling("greeting") as slow, stalling("never") as listening:
        cases = {"closed": (api, {"port": free_port()}), "tls on a plain port": (api, {"port": dovecot.imap_port, "tls": "ssl"}),
                 "trickle": (api, {"port": slow.port}), "not allowed": (strict, {"port": listening.port})}
        seen = {}
        for name, (client, fields) in cases.items():
            account = add_account(live_server, tokens[0], dovecot, username=f"{dovecot.user}+{name.replace(' ', '-')}", **fields)
            error = _raised(sync_account, client, account["id"])
            seen[name] = (type(error).__name__, str(error),
                          call(live_server, tokens[0], "GET", f"/accounts/{account['id']}")["last_error"])
        assert listening.connections == 0
    assert set(seen.values()) == {("ServerUnreachable", "server unreachable", "server unreachable")}, seen
    for reason in ("ConnectionRefusedError", "SSL", "past the 2 s allowed", "does not allow"):
        assert reason in caplog.text
