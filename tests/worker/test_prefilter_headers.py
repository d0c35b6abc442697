"""The header-only prefilter, measured on the tuned corpus: it misses far more than 0.5 % of
job-related messages, which is why the sync fetches a body prefix of every new message."""

import re
from pathlib import Path

from worker import prefilter_headers
from worker.evaluate import load_corpus
from worker.prefilter_headers import MAX_MISS_RATE, header_block, may_be_job_related

CORPUS = Path(__file__).parent.parent / "corpus"
ROOT = Path(__file__).parent.parent.parent


def header_miss_rate() -> tuple[int, int]:
    """(missed, job-related) on tests/corpus/tuned, with the labels the team wrote."""
    job = [e for e in load_corpus(CORPUS, "tuned") if e.label != "other"]
    missed = [e for e in job if not may_be_job_related(header_block(e.path.read_bytes()))]
    return len(missed), len(job)


def test_measured_miss_rate_decides_the_body_prefix_fetch():
    """The sync fetches body prefixes for every message exactly when headers alone miss more than 0.5 %."""
    missed, total = header_miss_rate()
    assert total > 300
    assert prefilter_headers.BODY_PREFIX_FOR_ALL == (missed / total > MAX_MISS_RATE), f"{missed}/{total}"


def test_headers_that_name_a_job_pass():
    """An ATS sender or an application subject passes the prefilter; a friend's dinner invitation does not."""
    assert may_be_job_related(b"From: Acme <no-reply@greenhouse.io>\r\nSubject: Hello\r\n\r\n")
    assert may_be_job_related(b"From: a@b.example\r\nSubject: Ihre Bewerbung bei Kessler\r\n\r\n")
    assert not may_be_job_related(b"From: Sam <sam@example.net>\r\nSubject: Dinner on Friday?\r\n\r\n")


def test_only_the_imap_edge_imports_imapclient_and_it_only_peeks():
    """worker/imap.py is the one module importing imapclient; no module fetches BODY[] without PEEK or sends a write."""
    importers = [p.name for p in (ROOT / "worker").glob("*.py") if "imapclient" in p.read_text() and "import" in p.read_text()
                 and any(line.startswith(("import imapclient", "from imapclient")) for line in p.read_text().splitlines())]
    assert importers == ["imap.py"]
    source = (ROOT / "worker" / "imap.py").read_text()
    assert not re.search(r"(?<![b\w])f?[\"']BODY\[", source)  # requests say BODY.PEEK[; only parsed answers (b"BODY[…") remain
    for write in ("add_flags", "set_flags", "remove_flags", "copy", "move", "expunge", "append", "delete_messages", "uid_expunge"):
        assert f"client.{write}" not in source, write


def test_analyze_with_its_header_section_already_judged_gives_the_same_result():
    """What the sync passes to ``analyze`` for a message its headers did not settle (the header
    section and its fields, judged once) changes nothing in the result, on every corpus and real
    email, also with CRLF line ends; a different header section is judged again."""
    from helpers import every_email

    from worker.classify.gate import header_bytes
    from worker.parse import header_fields
    from worker.pipeline import analyze, settled_by_headers

    raws = every_email()
    judged = 0
    for raw in raws + [r.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n") for r in raws[:200]]:
        head = header_bytes(raw)
        fields = header_fields(head)
        if fields is None or settled_by_headers(head, fields):
            continue
        assert analyze(raw, (head, fields)).to_dict() == analyze(raw).to_dict()
        judged += 1
    assert judged > 500
    list_mail = b"From: a@example.org\nList-Id: <x.example.org>\nSubject: hello\n\nhi\n"
    other = b"From: a@example.org\nSubject: hello\n\n"
    assert analyze(list_mail, (other, header_fields(other))).classification == analyze(list_mail).classification
