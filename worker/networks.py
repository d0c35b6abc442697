"""Which networks a user-chosen mail host may be in, and the one way to connect to such a host. The
worker's sync and the server's connection test both reach hosts that users type in; if either reached a
private, loopback or link-local address, a user could probe what the server's own network holds. So both
apply this one policy, read from one setting (``ONWARD_IMAP_ALLOW_NETWORKS``) with one default rule, and
connect only to the address they checked. Standard library only: the server imports it too (DESIGN.md)."""

import ipaddress
import socket
import ssl
import threading
from collections.abc import Callable, Iterable

NAMED_NETWORKS = {
    "loopback": ("127.0.0.0/8", "::1/128"),
    "private": ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"),
}
"""Names accepted in ``ONWARD_IMAP_ALLOW_NETWORKS`` beside CIDR blocks."""

EMBEDDED_ALLOW_NETWORKS = "loopback"
"""Non-public networks an IMAP host may be in when ``ONWARD_IMAP_ALLOW_NETWORKS`` is not set and there
is no Redis (``make run``, ``onward worker run``: one person's own machine, where a local Dovecot or a
bridge such as Proton's on 127.0.0.1 is normal). With Redis (a deployment serving many people) the
default is none: a user's host in a private, loopback or link-local range is refused."""


class AddressNotAllowed(ConnectionRefusedError):
    """The host resolves only to addresses the deployment does not allow; nothing was connected to."""


def allow_setting(value: str | None, redis_url: str | None) -> str:
    """The ``ONWARD_IMAP_ALLOW_NETWORKS`` in force: ``value`` when set (even empty), else the default rule."""
    if value is not None:
        return value
    return "" if redis_url else EMBEDDED_ALLOW_NETWORKS


def allowed_networks(spec: str | Iterable[str]) -> tuple:
    """The networks of ``ONWARD_IMAP_ALLOW_NETWORKS`` (comma-separated CIDR blocks and the names of
    ``NAMED_NETWORKS``); a ValueError names a block that is not one."""
    parts = spec.split(",") if isinstance(spec, str) else spec
    networks = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        try:
            networks += [ipaddress.ip_network(n) for n in NAMED_NETWORKS.get(part.lower(), (part,))]
        except ValueError:
            raise ValueError(f"ONWARD_IMAP_ALLOW_NETWORKS: {part!r} is neither a CIDR block nor one of "
                             f"{', '.join(NAMED_NETWORKS)}") from None
    return tuple(networks)


def address_allowed(address: str, allow: tuple) -> bool:
    """A public address always; a private, loopback, link-local or reserved one only inside ``allow``."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (ip.is_global and not ip.is_multicast) or any(ip.version == n.version and ip in n for n in allow)


def connect(host: str, port: int, allow: tuple, timeout: float | None, context: ssl.SSLContext | None = None,
            watch: Callable[[socket.socket], None] | None = None) -> socket.socket:
    """A TCP connection to ``host``, opened only to an address ``allow`` admits: the name is resolved once
    and the checked address is the one connected to, so DNS cannot switch it afterwards. With ``context``
    it is TLS at once, checked against the host name (SNI and certificate), not the address. ``watch`` sees
    each socket before it connects (the worker's deadline). Raises AddressNotAllowed, or the last OSError."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    allowed = [i for i in infos if address_allowed(i[4][0], allow)]
    if not allowed:
        raise AddressNotAllowed(f"{host} resolves only to addresses this deployment does not allow "
                                f"({', '.join(sorted({i[4][0] for i in infos}))}; see ONWARD_IMAP_ALLOW_NETWORKS)")
    error: OSError | None = None
    for family, kind, proto, _, address in allowed:
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(timeout)
            if watch is not None:
                watch(sock)
            sock.connect(address)
            return context.wrap_socket(sock, server_hostname=host) if context else sock
        except OSError as exc:
            sock.close()
            error = exc
    raise error


class Watchdog:
    """Ends a session (a sync's, or the dashboard's connection test) at its deadline by shutting its socket down from a timer thread: whatever call is
    blocked on it (a greeting, a TLS handshake, a FETCH trickling in) returns at once with end-of-file. It
    holds a duplicate of the socket's descriptor, so it still reaches the connection after TLS wraps it."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._timer: threading.Timer | None = None
        self.expired = False
        self.rearm(seconds)

    def watch(self, sock: socket.socket) -> None:
        """Watch ``sock`` (the connection being opened) instead of an earlier attempt's."""
        with self._lock:
            if self._sock is not None:
                self._sock.close()
            self._sock = sock.dup()
            expired = self.expired
        if expired:
            self._fire()

    def rearm(self, seconds: float | None) -> None:
        with self._lock:
            self.seconds = seconds
            if self._timer is not None:
                self._timer.cancel()
            self._timer = None
            if seconds is not None:
                self._timer = threading.Timer(seconds, self._fire)
                self._timer.daemon = True
                self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            self.expired = True
            if self._sock is not None:
                try:
                    self._sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cancel(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            if self._sock is not None:
                self._sock.close()
                self._sock = None
