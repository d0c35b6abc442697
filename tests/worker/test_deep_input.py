"""Hostile shapes of mail the worker reads: MIME parts nested hundreds of levels deep are read when within
the cap and otherwise skipped with the true reason (never stored as an empty ``other`` nor called "not an
email"), and an mbox without newlines is read in bounded memory."""

import tracemalloc

import pytest
from helpers import add_account, all_messages

from worker.importer import import_messages
from worker.parse import MAX_DEPTH, MAX_MESSAGE_BYTES, parse_message
from worker.pipeline import analyze
from worker.sources import RawMessage, read_mbox
from worker.sync import sync_account

TEXT = b"Dear Robin, thank you for applying. Unfortunately, we have decided not to move forward with your application."
REASON = f"MIME parts nested deeper than {MAX_DEPTH} levels: its text was not read"


def nested(levels: int, n: int = 0) -> bytes:
    """A rejection whose text sits inside ``levels`` nested multipart/mixed parts."""
    head = (b"From: Acme Careers <careers@acme-corp.com>\r\nTo: robin@example.org\r\nSubject: Your application to Acme\r\n"
            b"Date: Mon, 07 Dec 2026 10:00:00 +0000\r\nMessage-ID: <deep-%d-%d@acme-corp.com>\r\nMIME-Version: 1.0\r\n" % (levels, n))
    opening = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i) for i in range(levels))
    closing = b"".join(b"\r\n--b%d--\r\n" % i for i in reversed(range(levels)))
    return head + opening + b"Content-Type: text/plain\r\n\r\n" + TEXT + closing


@pytest.mark.parametrize("levels", [0, 1, MAX_DEPTH])
def test_nesting_within_the_cap_is_read(levels):
    parsed = parse_message(nested(levels))
    assert parsed.body.startswith("Dear Robin") and parsed.subject == "Your application to Acme"


def test_the_analysis_says_why_a_text_was_not_read_and_settled_mail_is_not_decoded_to_say_so():
    assert analyze(nested(MAX_DEPTH + 1)).unread == REASON
    assert analyze(nested(3)).unread is None
    settled = analyze(b"From: Sam <sam@example.net>\r\nTo: robin@example.org\r\nSubject: Saturday\r\n"
                      b"Message-ID: <s-1@example.net>\r\n\r\nAre we still on for the walk along the river?\r\n")
    assert settled.classification.label == "other" and settled.unread is None
    assert settled._parsed is None  # the sync asks every analysis; a settled one's header record stays undecoded


def test_import_skips_deep_nesting_with_the_true_reason(api):
    """25, 500 and 1,200 levels (past the standard parser's recursion): each is counted as skipped with the
    same reason; the message within the cap is stored as the rejection it is."""
    deep = [MAX_DEPTH + 1, 500, 1200]
    messages = [RawMessage(f"deep-{levels}.eml", nested(levels)) for levels in deep] + [RawMessage("ok.eml", nested(3))]
    summary = import_messages(api, messages)
    assert summary.skipped == [(f"deep-{levels}.eml", REASON) for levels in deep]
    assert summary.new == 1 and summary.read == 4


def test_sync_skips_deep_nesting_with_the_true_reason(dovecot, live_server, tokens, api):
    dovecot.deliver([nested(40, 1), nested(2, 2)])
    account = add_account(live_server, tokens[0], dovecot)
    result = sync_account(api, account["id"])
    assert result.skipped == [("INBOX", 1, REASON)]
    assert [m["message_id"] for m in all_messages(live_server, tokens[0])] == ["<deep-2-2@acme-corp.com>"]


@pytest.mark.parametrize("separator_only", [True, False])
def test_an_mbox_without_newlines_is_read_in_bounded_memory(tmp_path, separator_only):
    """20 MB in one line (the whole file, or a message's body after its headers) never sits in memory at once:
    the peak stays near the parser's per-message cap. What follows the giant line is still read."""
    path = tmp_path / "broken.mbox"
    with path.open("wb") as f:
        f.write(b"From MAILER-DAEMON Mon Dec  7 10:00:00 2026")
        if not separator_only:
            f.write(b"\nFrom: Acme <careers@acme-corp.com>\nSubject: Long\n\n")
        for _ in range(20):
            f.write(b"x" * (1024 * 1024))
        f.write(b"\n\nFrom MAILER-DAEMON Mon Dec  7 10:00:01 2026\n" + nested(1, 9).replace(b"\r\n", b"\n") + b"\n")
    tracemalloc.start()
    try:
        messages = list(read_mbox(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MAX_MESSAGE_BYTES * 4, peak
    assert len(messages) == 2 and b"<deep-1-9@acme-corp.com>" in messages[1].data
    if separator_only:
        assert messages[0].error == "empty message"
    else:
        assert messages[0].data.startswith(b"From: Acme") and len(messages[0].data) <= MAX_MESSAGE_BYTES + 64 * 1024
