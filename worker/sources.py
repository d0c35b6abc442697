"""Reading mail from files: single .eml files, folders of them, mbox files and Maildirs.

The only file I/O of the mail core. An mbox (a Google Takeout export can be gigabytes) is
streamed message by message, never loaded whole, and each message is capped in memory.
"""

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from worker.exceptions import SourceError
from worker.parse import MAX_MESSAGE_BYTES

MBOX_SUFFIXES = (".mbox", ".mbx", ".mbs")
"""File endings that mark an mbox; any other file whose first line starts "From " is one too."""

EML_SUFFIXES = (".eml", ".msg", ".txt")
"""File endings taken as one message each when found inside a folder."""

MBOX_LINE_BYTES = 64 * 1024
"""An mbox is read in pieces of at most this many bytes, so a file without newlines (a corrupt or
hostile export) costs this much memory per piece instead of its whole size in one line."""


@dataclass(frozen=True, slots=True)
class RawMessage:
    """One message's bytes and where it came from; ``error`` says why there are no bytes."""

    source: str
    data: bytes = b""
    error: str | None = None


def iter_messages(paths: Iterable[str | os.PathLike]) -> Iterator[RawMessage]:
    """Every message under the given paths, in a stable order.

    Raises SourceError for a path that does not exist or cannot be read at all; a single
    unreadable message inside a folder is yielded with its ``error`` instead.
    """
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise SourceError(f"{given}: no such file or directory")
        if not os.access(path, os.R_OK):
            raise SourceError(f"{given}: permission denied")
        if path.is_dir():
            yield from _folder(path)
        elif _is_mbox(path):
            yield from read_mbox(path)
        else:
            yield _single(path)


def _folder(root: Path) -> Iterator[RawMessage]:
    """A Maildir (cur/ and new/), or a folder tree of .eml files, mbox files and Maildirs."""
    if _is_maildir(root):
        for sub in ("cur", "new"):
            for entry in sorted((root / sub).iterdir()):
                if entry.is_file() and not entry.name.startswith("."):
                    yield _single(entry)
    try:
        children = sorted(root.iterdir())
    except OSError as exc:
        yield RawMessage(str(root), error=f"cannot list folder: {exc.strerror or exc}")
        return
    for child in children:
        if child.name.startswith(".") and not _is_maildir(child):
            continue
        if child.is_dir():
            if child.name not in ("cur", "new", "tmp") or not _is_maildir(root):
                yield from _folder(child)
        elif child.suffix.lower() in MBOX_SUFFIXES or (child.suffix == "" and _is_mbox(child)):
            yield from read_mbox(child)
        elif child.suffix.lower() in EML_SUFFIXES:
            yield _single(child)


def _is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() and (path / "new").is_dir()


def _is_mbox(path: Path) -> bool:
    if path.suffix.lower() in MBOX_SUFFIXES:
        return True
    try:
        with path.open("rb") as f:
            return f.read(5) == b"From "
    except OSError:
        return False


def _single(path: Path) -> RawMessage:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_MESSAGE_BYTES + 1)
    except OSError as exc:
        return RawMessage(str(path), error=f"cannot read: {exc.strerror or exc}")
    if not data.strip():
        return RawMessage(str(path), error="empty file")
    return RawMessage(str(path), data)


def read_mbox(path: Path) -> Iterator[RawMessage]:
    """Messages of an mbox file, streamed; sources are ``PATH#INDEX`` counting from 0.

    Lines are split at "From " separators; ">From " escapes (mboxrd) are undone. A
    message larger than the parser's cap keeps only its first part in memory, and a line is read
    in pieces of ``MBOX_LINE_BYTES`` (only the start of a real line can be a separator).
    """
    index = -1
    chunks: list[bytes] = []
    size = 0
    try:
        f = path.open("rb")
    except OSError as exc:
        raise SourceError(f"{path}: {exc.strerror or exc}") from exc
    with f:
        previous_blank = True
        at_line_start, in_separator = True, False
        while line := f.readline(MBOX_LINE_BYTES):
            starts_line, at_line_start = at_line_start, line.endswith(b"\n")
            if in_separator and not starts_line:  # the rest of a long "From " line
                continue
            in_separator = False
            if starts_line and line.startswith(b"From ") and previous_blank:
                if index >= 0:
                    yield _mbox_message(path, index, chunks)
                index += 1
                chunks, size = [], 0
                previous_blank = False
                in_separator = True
                continue
            previous_blank = starts_line and line in (b"\n", b"\r\n")
            if index < 0:
                continue
            if starts_line and line.startswith(b">") and line.lstrip(b">").startswith(b"From "):
                line = line[1:]
            if size <= MAX_MESSAGE_BYTES:
                chunks.append(line)
                size += len(line)
        if index >= 0:
            yield _mbox_message(path, index, chunks)


def _mbox_message(path: Path, index: int, chunks: list[bytes]) -> RawMessage:
    data = b"".join(chunks)
    source = f"{path}#{index}"
    if not data.strip():
        return RawMessage(source, error="empty message")
    return RawMessage(source, data)


def looks_like_mail(head: bytes) -> bool:
    """Whether a file's first bytes start like an email: a header line (``Name: value``) or an mbox ``From `` line."""
    first = head.lstrip(b"\r\n").split(b"\n", 1)[0]
    if first.startswith(b"From "):
        return True
    name, colon, _ = first.partition(b":")
    return bool(colon) and 0 < len(name) <= 76 and name.replace(b"-", b"").isalnum()


def iter_tree(root: Path) -> Iterator[RawMessage]:
    """Every message in a folder someone uploaded, where every file was meant as mail: mbox files, and any
    other file that starts like an email whatever its name (notmuch and MH folders name files 1, 2, …;
    Maildir names end in ``:2,S``). Index and list files of mail programs (``dovecot-uidlist``) and hidden
    files are passed over, not counted as skipped."""
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if path.suffix.lower() in MBOX_SUFFIXES or _is_mbox(path):
            yield from read_mbox(path)
            continue
        try:
            with path.open("rb") as f:
                head = f.read(1024)
        except OSError as exc:
            yield RawMessage(str(path), error=f"cannot read: {exc.strerror or exc}")
            continue
        if path.suffix.lower() in EML_SUFFIXES or looks_like_mail(head):
            yield _single(path)
