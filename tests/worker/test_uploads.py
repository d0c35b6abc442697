"""Files uploaded on the dashboard, read by the worker over the real API: an mbox, a zipped Maildir and a
tar.gz of .eml files reach the pipeline as `onward import` would read them, progress is reported while it
runs, the spool file is gone afterwards, a hostile archive fails with its reason, and one user's upload
is out of another's worker's reach."""

import io
import re
import tarfile
import zipfile
from pathlib import Path

import pytest
from helpers import all_messages
from live_server import call, new_user
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from worker import uploads
from worker.api import Api
from worker.config import WorkerConfig
from worker.exceptions import ApiRefused
from worker.importer import import_messages
from worker.sources import iter_messages, iter_tree

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "sample.mbox"


def dashboard(live_server, token: str):
    """A Flask test client of the live server's app, signed in to the dashboard with ``token``."""
    client = live_server.app.test_client()
    page = client.get("/login").text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
    assert client.post("/login", data={"csrf_token": csrf, "secret": token}).status_code == 303
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/mailboxes/add").text)[1]  # a sign-in starts a new session
    return client, csrf


def upload(live_server, token: str, *files: tuple[str, bytes]):
    """Upload ``files`` (name, bytes) from the Mailboxes page; the answer (a redirect) and the signed-in client."""
    client, csrf = dashboard(live_server, token)
    fields = MultiDict([("csrf_token", csrf), *(("files", FileStorage(io.BytesIO(b), n)) for n, b in files)])
    boundary, body = encode_multipart(fields)  # in memory: the test client's own encoding spools large bodies to a file it leaks
    res = client.post("/mailboxes/uploads", data=body, content_type=f"multipart/form-data; boundary={boundary}")
    return res, client


@pytest.fixture
def spool_dir(live_server, tmp_path):
    live_server.app.config["UPLOAD_DIR"] = str(tmp_path / "spool")
    return tmp_path / "spool"


def test_an_uploaded_mbox_is_read_like_onward_import_with_progress_and_then_deleted(live_server, tokens, api, spool_dir,
                                                                                    monkeypatch):
    """The sample mbox uploaded on the page gives the counts `onward import` gives, reports running counts on the way
    (the page shows them), stores the job-related mail for the uploader and leaves no file in the spool."""
    res, client = upload(live_server, tokens[0], ("sample.mbox", SAMPLE.read_bytes()))
    assert res.status_code == 303, res.text
    assert len(list(spool_dir.iterdir())) == 1
    assert 'data-status="queued"' in client.get("/mailboxes").text
    monkeypatch.setattr(uploads, "REPORT_SECONDS", 0)
    pages = []
    report = Api.report_upload

    def watched(self, upload_id, **fields):
        answer = report(self, upload_id, **fields)
        pages.append((answer, client.get("/mailboxes").text))
        return answer

    monkeypatch.setattr(Api, "report_upload", watched)
    summaries = uploads.read_waiting(api)
    expected = import_messages(Api(api.config), iter_messages([SAMPLE]))  # the same file through `onward import`: adds nothing
    assert len(summaries) == 1
    s = summaries[0]
    assert (s.read, s.job_related, len(s.skipped)) == (expected.read, expected.job_related, len(expected.skipped)) == (5, 4, 0)
    assert expected.new == 0 and s.new == 4
    running = [(a, p) for a, p in pages if a["status"] == "running"]
    assert running and any(0 < a["read"] < 5 for a, _ in running)
    middle = next(p for a, p in running if 0 < a["read"] < 5)
    assert "Reading:" in middle and 'http-equiv="refresh"' in middle and "<progress" in middle
    final = pages[-1][0]
    assert final["status"] == "done" and final["bytes_done"] == final["bytes_total"] == SAMPLE.stat().st_size
    assert list(spool_dir.iterdir()) == []
    done_page = client.get("/mailboxes").text
    assert "Done: 5 emails read, 4 about your job search (4 new to Onward), 0 skipped." in done_page
    assert 'http-equiv="refresh"' not in done_page
    assert len(all_messages(live_server, tokens[0])) == 4


def _maildir_zip() -> bytes:
    """The sample's messages as a Maildir (cur/ and new/) in a .zip."""
    messages = [m.data for m in iter_messages([SAMPLE])]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n, raw in enumerate(messages):
            z.writestr(f"Mail/{'cur' if n % 2 else 'new'}/{n}.host:2,S", raw)
        z.writestr("Mail/tmp/", b"")
        z.writestr("Mail/dovecot-uidlist", b"3 V1700000000 N6\n")  # a mail program's own files are passed over
        z.writestr("Mail/.DS_Store", b"\x00\x00\x00\x01Bud1")
    return out.getvalue()


def _eml_tar() -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as t:
        for n, m in enumerate(iter_messages([SAMPLE])):
            info = tarfile.TarInfo(f"export/{n}.eml")
            info.size = len(m.data)
            t.addfile(info, io.BytesIO(m.data))
    return out.getvalue()


@pytest.mark.parametrize(("name", "make"), [("mail.zip", _maildir_zip), ("mail.tar.gz", _eml_tar)])
def test_a_maildir_zip_or_an_eml_tarball_is_unpacked_and_read(live_server, tokens, api, spool_dir, name, make):
    """An archive of the sample (a Maildir in a zip, .eml files in a tar.gz) gives the same 5 read, 4 job-related, 0 skipped."""
    upload(live_server, tokens[0], (name, make()))
    [s] = uploads.read_waiting(api)
    assert (s.read, s.job_related, s.new, s.skipped) == (5, 4, 4, [])
    assert len(all_messages(live_server, tokens[0])) == 4


def test_an_mbox_larger_than_the_apis_body_limit_is_taken(live_server, tokens, api, spool_dir):
    """The page takes files up to UPLOAD_MAX_BYTES, past the 4 MB the API's JSON bodies are held to: the sample with
    a 7 MB newsletter after it is stored and read whole."""
    newsletter = (b"From news@example.org Mon Dec  7 09:00:00 2026\nFrom: News <news@example.org>\nSubject: This week\n"
                  b"Message-ID: <big@example.org>\n\n" + b"All the news that fits, and then some more of it.\n" * 140_000)
    big = SAMPLE.read_bytes().rstrip(b"\n") + b"\n\n" + newsletter
    assert len(big) > 1.5 * live_server.app.config["MAX_CONTENT_LENGTH"]
    res, _ = upload(live_server, tokens[0], ("takeout.mbox", big))
    assert res.status_code == 303
    [s] = uploads.read_waiting(api)
    assert (s.read, s.job_related, s.new, s.skipped) == (6, 4, 4, [])


def test_several_eml_files_at_once_each_become_an_upload(live_server, tokens, api, spool_dir):
    """Two .eml files chosen together are two uploads, both read."""
    raws = [m.data for m in iter_messages([SAMPLE])][:2]
    upload(live_server, tokens[0], ("a.eml", raws[0]), ("b.eml", raws[1]))
    assert [s.read for s in uploads.read_waiting(api)] == [1, 1]


def test_an_archive_that_reaches_outside_its_folder_fails_with_its_reason(live_server, tokens, api, spool_dir, tmp_path):
    """A zip with a ../ path is refused before anything is unpacked; the upload says why and its file is deleted."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("../../escaped.eml", SAMPLE.read_bytes()[:500])
    _, client = upload(live_server, tokens[0], ("evil.zip", out.getvalue()))
    [s] = uploads.read_waiting(api)
    assert s.read == 0
    [item] = call(live_server, tokens[0], "GET", "/uploads")["items"]
    assert item["status"] == "failed" and "outside its folder" in item["error"]
    assert not list(tmp_path.rglob("escaped.eml")) and list(spool_dir.iterdir()) == []
    assert "Could not be read: the archive holds a path outside its folder" in client.get("/mailboxes").text


def test_a_file_that_is_not_mail_is_refused_and_nothing_is_kept(live_server, tokens, spool_dir):
    """A PDF is named as not mail on the page, and neither a file nor an upload is kept."""
    res, client = upload(live_server, tokens[0], ("cv.pdf", b"%PDF-1.7\n" + b"x" * 100))
    assert res.status_code == 303
    text = client.get("/mailboxes").text
    assert "cv.pdf: This file is not an mbox" in text
    assert not (spool_dir.exists() and list(spool_dir.iterdir())) and 'class="upload-item"' not in text


def test_another_users_worker_cannot_see_claim_or_download_an_upload(live_server, tokens, api, spool_dir):
    """A second user's service token lists nothing of the first user's, and claiming or downloading is 404."""
    upload(live_server, tokens[0], ("sample.mbox", SAMPLE.read_bytes()))
    [waiting] = api.waiting_uploads()
    _, (other_token,) = new_user(live_server, tokens=(("service", "worker"),))
    other = Api(WorkerConfig(server_url=live_server.url, token=other_token, timeout=10))
    assert other.waiting_uploads() == []
    for attempt in (lambda: other.claim_upload(waiting["id"]), lambda: other.download_upload(waiting["id"], io.BytesIO())):
        with pytest.raises(ApiRefused) as refused:
            attempt()
        assert refused.value.status == 404
    assert api.claim_upload(waiting["id"])["status"] == "running"
    with pytest.raises(ApiRefused) as again:
        api.claim_upload(waiting["id"])
    assert again.value.status == 409


REAL_ORDINARY = ROOT.parent / "shared" / "mail" / "real-ordinary.tar.gz"


@pytest.mark.skipif(not REAL_ORDINARY.exists(), reason="../shared/mail/real-ordinary.tar.gz is not on this machine")
def test_a_real_archive_of_everyday_mail_is_read_whole_and_nothing_is_kept(live_server, tokens, api, spool_dir, tmp_path):
    """The 348 real everyday emails (notmuch and mail-gem fixtures, files named 1, 2, broken-cc…) uploaded as a tar.gz:
    every message in it is read, none breaks the upload, and none is taken for job mail."""
    folder = tmp_path / "unpacked"
    folder.mkdir()
    uploads.unpack(REAL_ORDINARY, "tar", folder)
    expected = sum(1 for _ in iter_tree(folder))
    upload(live_server, tokens[0], ("real-ordinary.tar.gz", REAL_ORDINARY.read_bytes()))
    [s] = uploads.read_waiting(api)
    assert expected >= 348 and s.read == expected
    assert s.job_related == 0 and all_messages(live_server, tokens[0]) == []
    [item] = call(live_server, tokens[0], "GET", "/uploads")["items"]
    assert item["status"] == "done" and item["read"] == expected and item["skipped"] == len(s.skipped)
