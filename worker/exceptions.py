"""The worker's errors, under one base class so callers can catch the family."""


class OnwardError(Exception):
    """Base of every error the worker raises on purpose."""


class SourceError(OnwardError):
    """A path given to the worker cannot be read as mail (missing, unreadable, unknown kind)."""


class MailServerError(OnwardError):
    """The IMAP side failed for the whole account. ``plain`` is what the user reads on the account
    (``last_error``); ``retry`` says whether trying again later can help."""

    plain = "mail server error"
    retry = True

    def __init__(self, detail: str = ""):
        super().__init__(f"{self.plain}: {detail}" if detail else self.plain)
        self.detail = detail


class WrongCredentials(MailServerError):
    """The server refused the login: retrying with the same secret cannot help."""

    plain = "wrong password"
    retry = False


class TokenRefused(WrongCredentials):
    """The server refused the OAuth2 access token (XOAUTH2): expired or revoked, a new one is needed."""

    plain = "access token refused or expired"


class ServerUnreachable(MailServerError):
    """No session: the host is unknown, resolves to an address the deployment does not allow, refuses,
    does not answer in time, or its TLS or certificate fails. One wording for all of them, so what a user
    reads cannot tell an open port from a closed one on the server's network; the reason is logged."""

    plain = "server unreachable"


class ConnectionLost(MailServerError):
    """The connection dropped in the middle of a sync."""

    plain = "connection lost"


class FolderMissing(MailServerError):
    """A watched folder does not exist on the server."""

    plain = "folder not found"
    retry = False


class ApiUnavailable(OnwardError):
    """The Onward server could not be reached (``status`` None) or answered 5xx or 429; the position is
    not advanced. ``message`` is the server's message or the network's reason."""

    def __init__(self, text: str, status: int | None = None, message: str = ""):
        super().__init__(text)
        self.status = status
        self.message = message or text


class ApiRefused(OnwardError):
    """The Onward server answered 4xx (bad token, unknown account, invalid data)."""

    def __init__(self, status: int, message: str, reason: str = ""):
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = reason or message
