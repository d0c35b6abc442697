"""Hostile and malformed mail: the parser and classifier never raise and stay fast."""

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from worker.contract import LABELS
from worker.pipeline import analyze

TIME_LIMIT = 5.0
"""CPU seconds one message may take at most, even when built to be slow (a few ms is normal, the worst bomb
about 0.75 s on an idle machine, 2 s on a shared CI core): a limit that tells a hang or a quadratic blow-up from
a slow machine. CPU time of this process, not wall time, so other processes on the machine do not count."""

CHARSETS = ["utf-8", "iso-8859-1", "x-unknown", "utf-7", "", "utf-16", "bogus\"charset", "cp1252"]
ENCODINGS = ["base64", "quoted-printable", "8bit", "7bit", "x-uuencode", "bogus"]
TYPES = ["text/plain", "text/html", "multipart/alternative", "multipart/mixed", "message/rfc822", "application/pdf", "text/x-weird"]


@st.composite
def hostile_part(draw, depth=0):
    ctype = draw(st.sampled_from(TYPES if depth < 6 else TYPES[:2]))
    charset = draw(st.sampled_from(CHARSETS))
    cte = draw(st.sampled_from(ENCODINGS))
    boundary = draw(st.sampled_from(["B", "==x==", "", "a" * 200, "B" * 3]))
    head = f"Content-Type: {ctype}; charset={charset}; boundary=\"{boundary}\"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n".encode()
    if ctype.startswith("multipart"):
        children = draw(st.lists(hostile_part(depth + 1), max_size=3))
        closing = draw(st.sampled_from([f"--{boundary}--\r\n".encode(), b"", b"--WRONG--\r\n"]))
        return head + b"".join(f"--{boundary}\r\n".encode() + c + b"\r\n" for c in children) + closing
    body = draw(st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.sampled_from([b"<div>" * 3000 + b"x", b"<p style='display:none'>" * 500, b"=E9=XX=\r\n" * 50, b"!!!not-base64@@@" * 20,
                         b"<table><tr><td>" * 2000, b"<script>" + b"a" * 5000, b"\xff\xfe\xfd" * 100]),
    ))
    return head + body


@st.composite
def hostile_message(draw):
    headers = draw(st.lists(st.sampled_from([
        b"From: =?UTF-8?B?!!!?= <a@b>", b"From: " + b"x" * 5000, b"Subject: =?bogus?Q?=FF=FE?=", b"Subject: " + b"=?utf-8?q?a?=" * 300,
        b"Date: Feb 30 99999", b"Message-ID: <<<>>>", b"References: " + b"<a@b> " * 2000, b"Content-Type: multipart/mixed",
        b"From: \"unterminated <x@y>", b"Subject: \xe9\xe8\x00\x01", b"List-Unsubscribe: <mailto:x>",
    ]), max_size=8))
    part = draw(hostile_part())
    return b"\r\n".join(headers) + b"\r\n" + part


def _timed(raw: bytes):
    """The analysis of ``raw`` and the CPU seconds it took."""
    start = time.process_time()
    result = analyze(raw)
    return result, time.process_time() - start


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_message())
def test_hostile_mime_never_raises_and_is_bounded(raw):
    """Broken boundaries, bad base64, unknown charsets, nesting and junk headers: a result, in bounded time."""
    result, seconds = _timed(raw)
    assert result.classification.label in LABELS
    assert 0.0 <= result.classification.confidence <= 1.0
    assert seconds < TIME_LIMIT


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_never_raise(raw):
    """Any bytes at all are analysed without an exception, into a valid label and confidence."""
    result = analyze(raw).classification
    assert result.label in LABELS and 0.0 <= result.confidence <= 1.0


BOMBS = {
    "deeply nested html": b"Content-Type: text/html\r\n\r\n" + b"<div>" * 100_000 + b"unfortunately" + b"</div>" * 100_000,
    "a million tags": b"Content-Type: text/html\r\n\r\n" + b"<b>x</b>" * 60_000,
    "deep multipart nesting": b"".join(b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (i, i) for i in range(3000)) + b"text",
    "huge header": b"Subject: " + b"unfortunately " * 200_000 + b"\r\n\r\nbody",
    "long line body": b"Subject: x\r\n\r\n" + b"we regret " * 100_000,
    "many parts": b"Content-Type: multipart/mixed; boundary=B\r\n\r\n" + b"--B\r\nContent-Type: text/plain\r\n\r\nx\r\n" * 20_000 + b"--B--",
    "regex torture": b"Subject: x\r\n\r\n" + b"if you " * 20_000 + b"not " * 20_000,
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_bombs_are_handled_in_bounded_time(name):
    """Inputs built to blow up a parser or a regex finish well within the time limit."""
    result, seconds = _timed(BOMBS[name])
    assert seconds < TIME_LIMIT, f"{name} took {seconds:.2f}s"
    assert result.parsed is not None


def test_the_raw_body_verdict_only_settles_what_the_parsed_text_would():
    """Whenever the gate settles a message from its raw bytes, the parsed subject and body have no job word either."""
    from pathlib import Path

    from worker.classify.gate import header_bytes, raw_text_verdict, text_verdict
    from worker.parse import header_fields, parse_message
    from worker.text import fold

    settled = 0
    for path in sorted(Path(__file__).parent.parent.glob("corpus/*/*/*.eml")):
        raw = path.read_bytes()
        head = header_bytes(raw)
        fields = header_fields(head)
        if fields is not None and raw_text_verdict(raw, head, fields):
            settled += 1
            p = parse_message(raw)
            assert text_verdict(fold(f"{p.subject}\n{p.body}")), path.name
    assert settled > 0
