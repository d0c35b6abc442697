"""The parser: raw bytes to one normalized record, never raising on bad mail."""

import base64
from datetime import timedelta

import pytest

from worker.parse import MAX_MESSAGE_BYTES, parse_message


def test_headers_are_decoded_into_the_record(email_factory):
    """Subject, sender, date with zone, ids and references come out decoded and normalized."""
    raw = email_factory(
        "Your application",
        "Body text here.",
        headers={"In-Reply-To": "<a@x>", "References": "<z@x> <a@x>", "Reply-To": "Jobs <jobs@acme-corp.com>"},
    )
    p = parse_message(raw)
    assert p.subject == "Your application"
    assert (p.from_name, p.from_address) == ("Acme Careers", "careers@acme-corp.com")
    assert p.reply_to == "jobs@acme-corp.com"
    assert p.message_id == "<test-1@acme-corp.com>"
    assert p.in_reply_to == "<a@x>" and p.references == ("<z@x>", "<a@x>")
    assert p.date.utcoffset() == timedelta(0) and p.date.hour == 9
    assert p.body == "Body text here."
    assert p.defects == ()


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (b"=?UTF-8?B?SWhyZSBCZXdlcmJ1bmcgYmVpIE3DvGxsZXI=?=", "Ihre Bewerbung bei Müller"),
        (b"=?iso-8859-1?Q?Candidature_re=E7ue?=", "Candidature reçue"),
        (b"=?x-unknown-charset?Q?Hola_se=F1or?=", "Hola se\u00f1or"),
        (b"Raw UTF-8 \xc3\xa9t\xc3\xa9", "Raw UTF-8 été"),
        (b"Raw latin-1 \xe9t\xe9", "Raw latin-1 été"),
        (b"=?UTF-8?Q?broken_encoded_word", "=?UTF-8?Q?broken_encoded_word"),
    ],
)
def test_subject_charsets_are_tolerated(header, expected):
    """RFC 2047 words, raw 8-bit bytes and unknown charsets all give readable text."""
    raw = b"From: a@b.com\r\nSubject: " + header + b"\r\n\r\nbody\r\n"
    assert parse_message(raw).subject == expected


def test_encoded_display_name_with_comma_stays_one_name():
    """An encoded name like "Müller, Anna" is not split into two addresses."""
    raw = b"From: =?UTF-8?Q?M=C3=BCller=2C_Anna?= <anna@acme.de>\r\nSubject: x\r\n\r\nbody\r\n"
    p = parse_message(raw)
    assert (p.from_name, p.from_address) == ("Müller, Anna", "anna@acme.de")


def test_bulk_signals_are_kept(email_factory):
    """List-Id, List-Unsubscribe, Precedence and Auto-Submitted reach the record."""
    raw = email_factory(headers={"List-Id": "<jobs.example>", "List-Unsubscribe": "<https://x/u>",
                                 "Precedence": "Bulk", "Auto-Submitted": "auto-generated"})
    p = parse_message(raw)
    assert p.is_bulk and p.precedence == "bulk" and p.auto_submitted == "auto-generated"
    assert p.list_id == "<jobs.example>"


def test_plain_text_is_preferred_over_html(email_factory):
    """With both parts present the text/plain part is the body."""
    raw = email_factory("s", "Plain words are these ones here.", html="<p>HTML words</p>")
    p = parse_message(raw)
    assert p.body == "Plain words are these ones here." and not p.body_was_html


def test_html_only_body_becomes_readable_text(email_factory):
    """Scripts, styles and hidden preheaders are dropped; paragraphs and rows keep their lines."""
    html = (
        "<html><head><style>p {color: red}</style><script>alert(1)</script></head><body>"
        '<span style="display:none">secret preheader</span>'
        "<p>Dear Robin,</p><p>Thank you for <b>applying</b>.</p>"
        "<table><tr><td>Role</td><td>Data Analyst</td></tr></table>"
        '<div hidden>also hidden</div><a href="https://boards.greenhouse.io/acme">Open</a></body></html>'
    )
    p = parse_message(email_factory("s", None, html=html))
    assert p.body_was_html
    assert p.body.splitlines() == ["Dear Robin,", "", "Thank you for applying.", "", "Role Data Analyst", "", "Open"]
    assert "boards.greenhouse.io" in p.link_hosts


QUOTED_REPLIES = [
    "Thanks, could you share feedback?\n\nOn Mon, 3 Nov 2026 at 10:02, Acme <no-reply@acme.com> wrote:\n> Unfortunately we will not move forward.",
    "Thanks, could you share feedback?\n\nOn Mon, 3 Nov 2026 at 10:02, Acme Careers <no-reply@acme.com>\nwrote:\n\nUnfortunately we will not move forward.",
    "Thanks, could you share feedback?\n\n-----Original Message-----\nFrom: Acme\nSent: Monday\nUnfortunately we will not move forward.",
    "Thanks, could you share feedback?\n\nFrom: Acme Careers <no-reply@acme.com>\nSent: Monday, 3 November 2026 10:02\nTo: me\nSubject: Your application\n\nUnfortunately we will not move forward.",
    "Thanks, could you share feedback?\n\nAm Mo., 3. Nov. 2026 um 10:02 Uhr schrieb Acme <no-reply@acme.com>:\nLeider müssen wir absagen.",
    "Thanks, could you share feedback?\n\nLe lun. 3 nov. 2026 à 10:02, Acme <no-reply@acme.com> a écrit :\nMalheureusement non.",
    "Thanks, could you share feedback?\n\nEl lun, 3 nov 2026 a las 10:02, Acme (<no-reply@acme.com>) escribió:\nLamentablemente no.",
    "Thanks, could you share feedback?\n\nOp ma 3 nov 2026 om 10:02 schreef Acme <no-reply@acme.com>:\nHelaas niet.",
    "Thanks, could you share feedback?\n\n---------- Forwarded message ---------\nFrom: Acme\nUnfortunately we will not move forward.",
    "Thanks, could you share feedback?\n-- \nRobin Vale\nUnfortunately signature text",
]


@pytest.mark.parametrize("text", QUOTED_REPLIES)
def test_quoted_messages_and_signatures_are_trimmed(email_factory, text):
    """Only the new text of a reply is kept, in every supported mail client style."""
    p = parse_message(email_factory("Re: Your application", text))
    assert p.body == "Thanks, could you share feedback?"


def test_html_reply_quote_is_trimmed(email_factory):
    """Gmail's quote container and everything in it is left out of the body."""
    html = ('<div>Thanks for the update!</div><div class="gmail_quote"><div>On Mon wrote:</div>'
            "<blockquote>Unfortunately we went with another candidate.</blockquote></div>")
    p = parse_message(email_factory("Re: x", None, html=html))
    assert p.body == "Thanks for the update!" and p.quoted


def test_huge_attachment_is_truncated_not_loaded_whole():
    """A 30 MB attachment is cut at the size limit and the text part is still read."""
    attachment = base64.encodebytes(b"\0" * (30 * 1024 * 1024))
    raw = (b"From: a@b.com\r\nSubject: big\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n"
           b"--B\r\nContent-Type: text/plain\r\n\r\nThe words that matter.\r\n"
           b"--B\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n" + attachment + b"\r\n--B--\r\n")
    p = parse_message(raw)
    assert p.truncated and p.size == len(raw) > MAX_MESSAGE_BYTES
    assert p.body == "The words that matter."


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\xff\xfe\x00garbage without headers",
        b"Subject: x\r\nContent-Type: multipart/alternative; boundary=NOPE\r\n\r\nno boundary at all",
        b"Subject: x\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64@@@",
        b"Subject: x\r\nDate: Tuesday sometime\r\n\r\nbody",
        b"Subject: x\r\nContent-Type: text/plain; charset=\"no-such-charset\"\r\n\r\n\xe9t\xe9",
        b"From: <<<>>>@@@\r\nSubject: x\r\n\r\nbody",
    ],
)
def test_malformed_messages_never_raise(raw):
    """Broken structure, encodings, dates and addresses give a record, never an exception."""
    p = parse_message(raw)
    assert isinstance(p.body, str) and isinstance(p.subject, str)


def test_unknown_body_charset_falls_back_readably():
    """An unknown declared charset is read as UTF-8, then Windows-1252."""
    latin = parse_message(b"Subject: x\r\nContent-Type: text/plain; charset=bogus\r\n\r\n\xe9t\xe9").body
    assert latin == "été"
    body = parse_message(b"Subject: x\r\nContent-Type: text/plain; charset=bogus\r\n\r\ncaf\xc3\xa9").body
    assert body == "café"


def test_missing_and_naive_dates():
    """No Date header gives None; a date without zone is taken as UTC."""
    assert parse_message(b"Subject: x\r\n\r\nb").date is None
    p = parse_message(b"Subject: x\r\nDate: Mon, 2 Mar 2026 10:00:00 -0000\r\n\r\nb")
    assert p.date.utcoffset() == timedelta(0)


def test_snippet_is_short_and_single_line(email_factory):
    """The snippet the server may keep is at most 300 characters of folded text."""
    p = parse_message(email_factory("s", "word " * 400))
    assert len(p.snippet) <= 300 and "\n" not in p.snippet


def test_snippet_ends_on_a_whole_word(email_factory):
    """A long body is cut after a whole word, never inside one ("ple…")."""
    body = "Thank you for applying to Fernhollow. " + "We appreciated reading about your experience in people analytics. " * 8
    snippet = parse_message(email_factory("s", body)).snippet
    assert snippet.endswith("…") and len(snippet) <= 300
    last = snippet[:-1].split()[-1].strip(".,")
    assert last in body.split() or last + "." in body.split(), last


def test_snippet_leaves_out_the_signature(email_factory):
    """What follows a closing line (a name, a title, a phone number) is not part of the snippet, in any of the five languages."""
    for closing in ("Kind regards,", "Mit freundlichen Grüßen", "Cordialement,", "Un saludo,", "Met vriendelijke groet,"):
        body = f"We will not take your application further.\n\n{closing}\nMara Quill\nTalent Partner | +44 20 0000 0000"
        snippet = parse_message(email_factory("s", body)).snippet
        assert snippet == "We will not take your application further.", (closing, snippet)


def test_header_fields_are_the_stdlib_parsers_first_values():
    """The hand split header section gives each field's first raw value exactly as the compat32 parser keeps it."""
    import email
    import email.policy
    from pathlib import Path

    from worker.classify.gate import header_bytes
    from worker.parse import header_fields

    for path in sorted(Path(__file__).parent.parent.glob("corpus/*/*/*.eml")):
        for raw in (path.read_bytes(), path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")):
            fields = header_fields(header_bytes(raw))
            if fields is None:
                continue
            expected: dict[str, str] = {}
            for name, value in email.message_from_bytes(raw, policy=email.policy.compat32).raw_items():
                expected.setdefault(name.lower(), value)
            assert fields == expected, path.name


@pytest.mark.parametrize("head", [b"From someone@example.com Mon Sep  1\nSubject: x\n\n", b" folded first\nSubject: x\n\n",
                                  b"Subject: x\nnot a header line\n\n", b"Subject: x\r\rbody\n\n", b": no name\n\n"])
def test_header_fields_leave_unusual_sections_to_the_full_parser(head):
    """An mbox From line, a stray or leading continuation line, a bare CR blank line or a nameless field: None."""
    from worker.parse import header_fields

    assert header_fields(head) is None


EDGE_HTML = ["", " ", "hello", "<p>a</p>\n\n<p>b</p>", '<?xml version="1.0"?>\n<html><body>x</body></html>\n tail',
             "<ruby>kan<rt>kan</rt><rp>(</rp>ji</ruby> x", "<pre>  a  \n\n  b </pre><p> \n </p>z", "a<b>b</i>c</b>d</p>e",
             "<div>x<p>y</div>z</p>w", "<table><tr><td>a</td><td>b</td></tr></table>", "<span style='display:none'>hid</span>vis",
             "<blockquote type=cite>q</blockquote>after", "<div class=' gmail_quote  x'>q</div>y", "\ufeff<p>bom</p>",
             "<textarea> \n </textarea>", "<p>a<?pi x?>b</p>", "<!DOCTYPE html><p>d</p>", "</p>stray</div>end",
             "<rt>x<b>y</b>z</rt>w", "<p>&eacute;&nbsp;&amp;</p>", "<p>x</p></body></html>\n\nafter html"]


def test_html_text_is_beautiful_soups_without_it():
    """The direct lxml reading of an HTML body gives exactly the text (and link hosts) that the
    Beautiful Soup tree gave, on every HTML body of the corpus and the real mail and on odd markup."""
    import email
    import email.policy
    from pathlib import Path

    from worker import text
    from worker.evaluate import everyday_messages, load_realmail, shared_folder

    raws = [path.read_bytes() for path in sorted(Path(__file__).parent.parent.glob("corpus/*/*/*.eml"))]
    shared = shared_folder(Path(__file__))
    raws += [e.path.read_bytes() for e in load_realmail(shared / "realmail")]
    if (shared / "mail" / "real-ordinary.tar.gz").is_file():
        raws += [raw for _, raw in everyday_messages(shared / "mail" / "real-ordinary.tar.gz")]
    bodies = list(EDGE_HTML)
    for raw in raws:
        for part in email.message_from_bytes(raw, policy=email.policy.compat32).walk():
            if part.get_content_type() == "text/html":
                bodies.append((part.get_payload(decode=True) or b"").decode(part.get_content_charset() or "utf-8", "replace"))
    assert len(bodies) > 100
    for body in bodies:
        markup = text._PRE_STRIP.sub(" ", body[: text.MAX_HTML_CHARS])
        assert text.html_to_text(body) == text._soup_text(markup), body[:200]
