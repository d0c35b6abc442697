"""A first sync's progress, as the dashboard shows it: the worker reports total, read, job-related and
skipped before each batch of a first sync over real Dovecot, the Mailboxes page shows the bar while it
runs, and the progress is cleared at the end. The embedded loop gives a mailbox connected on the page
its first sync at the next poll, without waiting for the next round."""

import re

from helpers import add_account, mixed_mail

from worker import embedded
from worker.api import Api
from worker.sync import sync_account


def dashboard(live_server, token: str):
    client = live_server.app.test_client()
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)[1]
    assert client.post("/login", data={"csrf_token": csrf, "secret": token}).status_code == 303
    return client


def test_a_first_sync_reports_its_progress_and_the_page_shows_it(dovecot, live_server, tokens, api, monkeypatch):
    """With batches of 10, a first sync of N emails reports 0, 10, 20… of N read before each batch; the page shows
    "First sync: 20 of N" and a progress bar mid-way, and neither once the sync is over."""
    raws = mixed_mail(15, "progress")
    n = len(raws)
    dovecot.deliver(raws)
    account = add_account(live_server, tokens[0], dovecot)
    client = dashboard(live_server, tokens[0])
    seen = []
    report = Api.report

    def watched(self, account_id, **fields):
        answer = report(self, account_id, **fields)
        seen.append((fields.get("progress", "absent"), client.get("/mailboxes").text))
        return answer

    monkeypatch.setattr(Api, "report", watched)
    result = sync_account(api, account["id"], batch=10)
    progress = [p for p, _ in seen if p not in (None, "absent")]
    assert n > 20 and [(p["total"], p["read"]) for p in progress] == [(n, r) for r in range(0, n, 10)]
    assert 0 < progress[-1]["job_related"] < progress[-1]["read"] and progress[-1]["skipped"] == 0
    page = next(text for p, text in seen if p not in (None, "absent") and p["read"] == 20)
    assert f"First sync: 20 of {n} emails read" in page and f'max="{n}" value="20"' in page and 'http-equiv="refresh"' in page
    assert seen[-1][0] is None and result.read == n
    after = client.get("/mailboxes").text
    assert "First sync" not in after and f"{n} emails read so far" in after and 'http-equiv="refresh"' not in after


def test_the_embedded_loop_gives_a_new_mailbox_its_first_sync_at_the_next_poll(dovecot, live_server, tokens, monkeypatch,
                                                                              email_factory):
    """``embedded.poll`` (every few seconds between rounds) syncs an account that was never synced, and only that one."""
    monkeypatch.setenv("ONWARD_SERVER_URL", live_server.url)
    monkeypatch.setenv("ONWARD_TOKEN", tokens[1])
    dovecot.deliver([email_factory("Your application to Acme", "Thank you for applying to the Data Analyst role at Acme.")])
    account = add_account(live_server, tokens[0], dovecot)
    calls = []
    monkeypatch.setattr(embedded.jobs, "sync_account", lambda account_id, real=embedded.jobs.sync_account: calls.append(account_id) or real(account_id))
    embedded.poll()
    embedded.poll()
    assert calls == [account["id"]]
    client = dashboard(live_server, tokens[0])
    assert "1 email read so far" in client.get("/mailboxes").text
