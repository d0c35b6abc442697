"""Text on its way out of Onward into formats where a control character is syntax: a calendar file
(``server.ics``: a bare CR ends a line, so ``"Acme\\rBEGIN:VALARM"`` would add a component), a
``mailto:`` link (a line break in the subject becomes another header in the mail client) and mail
headers. Text that came from an email or a user passes through one of these two on the way."""

import re

_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
"""C0 and C1 control characters (CR, LF and tab among them) and the Unicode line and paragraph separators."""

_CONTROLS_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` on one line: each run of control characters becomes one space."""
    return _CONTROLS.sub(" ", text).strip()


def lines(text: str) -> str:
    """``text`` with its line breaks as ``\\n`` (CRLF, a lone CR and the Unicode separators alike) and every
    other control character removed (a tab becomes a space)."""
    text = re.sub("\r\n?|[\u2028\u2029\x85]", "\n", text).replace("\t", " ")
    return _CONTROLS_BUT_NEWLINE.sub("", text)
