"""`onward import` against a live server: job-related messages arrive once, however often the import runs."""

import mailbox

from click.testing import CliRunner
from helpers import all_messages, corpus_sample, ordinary_mail

from onward.cli import main


def _mbox(path, messages: list[bytes]) -> None:
    box = mailbox.mbox(path)
    for raw in messages:
        box.add(raw)
    box.close()


def test_import_twice_adds_nothing(tmp_path, live_server, tokens, monkeypatch):
    """An mbox and a folder of .eml go to the server with a summary; the second run finds everything known."""
    corpus = [e.path.read_bytes() for e in corpus_sample(40)]
    no_id = b"From: Acme Careers <careers@acme-corp.com>\nSubject: Your application to Acme\n\nUnfortunately we will not move forward with your application.\n"
    _mbox(tmp_path / "takeout.mbox", corpus[:20] + ordinary_mail(10) + [no_id])
    folder = tmp_path / "emls"
    folder.mkdir()
    for i, raw in enumerate(corpus[20:]):
        (folder / f"{i:03}.eml").write_bytes(raw)
    (folder / "empty.eml").write_bytes(b"")
    monkeypatch.setenv("ONWARD_SERVER_URL", live_server.url)
    monkeypatch.setenv("ONWARD_TOKEN", tokens[1])
    runner = CliRunner()
    first = runner.invoke(main, ["import", str(tmp_path / "takeout.mbox"), str(folder)])
    assert first.exit_code == 0, first.output
    stored = all_messages(live_server, tokens[0])
    assert f"read {20 + 10 + 1 + 20 + 1}," in first.output and f"{len(stored)} new" in first.output
    assert "skipped 1" in first.output and "empty.eml" in first.output
    assert any(m["message_id"].endswith("@onward.invalid>") for m in stored)  # the message without a Message-ID
    second = runner.invoke(main, ["import", str(tmp_path / "takeout.mbox"), str(folder)])
    assert second.exit_code == 0 and "0 new, 0 updated" in second.output, second.output
    assert len(all_messages(live_server, tokens[0])) == len(stored)


def test_import_with_the_server_down_says_so(tmp_path, monkeypatch):
    """An unreachable server stops the import with one line naming its URL and how to start it, and exit code 1."""
    from imap_server import free_port

    (tmp_path / "a.eml").write_bytes(corpus_sample(1)[0].path.read_bytes())
    url = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setenv("ONWARD_SERVER_URL", url)
    monkeypatch.setenv("ONWARD_TOKEN", "onw_s_x")
    result = CliRunner().invoke(main, ["import", str(tmp_path / "a.eml")])
    assert result.exit_code == 1 and f"cannot reach the Onward server at {url}" in result.output
    assert "make run" in result.output and isinstance(result.exception, SystemExit)  # a message, not a traceback
