"""Reading mail from .eml files, folders, mbox files and Maildirs."""

import os

import pytest

from worker.exceptions import SourceError
from worker.sources import iter_messages


def _mbox(path, *bodies: bytes) -> None:
    parts = []
    for body in bodies:
        parts.append(b"From sender@example.com Mon Nov 16 09:12:00 2026\n" + body + b"\n")
    path.write_bytes(b"\n".join(parts))


def test_mbox_messages_are_split_and_numbered_from_zero(tmp_path):
    """Each message of an mbox gets the source PATH#INDEX, and >From escapes are undone."""
    box = tmp_path / "Takeout.mbox"
    _mbox(box, b"Subject: one\n\nfirst\n>From the archive\n", b"Subject: two\n\nsecond\n")
    messages = list(iter_messages([box]))
    assert [m.source for m in messages] == [f"{box}#0", f"{box}#1"]
    assert b"\nFrom the archive\n" in messages[0].data
    assert messages[1].data.startswith(b"Subject: two")


def test_mbox_without_suffix_is_recognised_by_its_first_line(tmp_path):
    """A file starting with "From " is read as an mbox whatever its name."""
    box = tmp_path / "All mail Including Spam and Trash"
    _mbox(box, b"Subject: a\n\nbody\n")
    assert [m.source for m in iter_messages([box])] == [f"{box}#0"]


def test_maildir_reads_cur_and_new(tmp_path):
    """A Maildir's cur/ and new/ messages are read; tmp/ is not."""
    for sub in ("cur", "new", "tmp"):
        (tmp_path / sub).mkdir()
    (tmp_path / "cur" / "1.host:2,S").write_bytes(b"Subject: seen\n\nx")
    (tmp_path / "new" / "2.host").write_bytes(b"Subject: unseen\n\nx")
    (tmp_path / "tmp" / "3.host").write_bytes(b"Subject: partial\n\nx")
    subjects = sorted(m.data.split(b"\n")[0] for m in iter_messages([tmp_path]))
    assert subjects == [b"Subject: seen", b"Subject: unseen"]


def test_folders_are_walked_recursively(tmp_path):
    """.eml files in nested folders and mbox files beside them are all found, in a stable order."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.eml").write_bytes(b"Subject: deep\n\nx")
    (tmp_path / "top.eml").write_bytes(b"Subject: top\n\nx")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    _mbox(tmp_path / "box.mbox", b"Subject: boxed\n\nx")
    sources = [m.source for m in iter_messages([tmp_path])]
    assert sources == [str(tmp_path / "a" / "b" / "deep.eml"), f"{tmp_path / 'box.mbox'}#0", str(tmp_path / "top.eml")]


def test_missing_path_is_a_clear_error(tmp_path):
    """A path that does not exist raises SourceError naming it."""
    with pytest.raises(SourceError, match="no-such.eml: no such file"):
        list(iter_messages([tmp_path / "no-such.eml"]))


def test_empty_file_is_reported_not_raised(tmp_path):
    """An empty .eml inside a folder yields an error record and the walk goes on."""
    (tmp_path / "empty.eml").write_bytes(b"")
    (tmp_path / "ok.eml").write_bytes(b"Subject: ok\n\nx")
    results = {os.path.basename(m.source): m.error for m in iter_messages([tmp_path])}
    assert results == {"empty.eml": "empty file", "ok.eml": None}
