"""The whole journey as a job seeker lives it, on the deployed shape (tests/stack.py): `onward serve` on a fresh
PostgreSQL database, two `rq worker`s and `rq cron` on a Redis of the test's own, the session's Dovecot and
Roundcube, real Chromium with the extension and a real SMTP server for the digest. Nothing is synced by hand: only
the cron's rounds move the application. Screenshots: artifacts/screenshots/journey-*.png."""

import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import pytest
from browser import save_screenshot
from cryptography.fernet import Fernet
from roundcube import login, open_message
from rq import Queue, Worker
from rq.job import Job
from rq.registry import FailedJobRegistry, FinishedJobRegistry
from stack import BIN, ROOT, call, close, start_core, wait_for

from server.digest import plain_period
from worker import jobs

pytestmark = pytest.mark.slow

COMPANY, ROLE = "Fernhill Analytics", "Junior Data Engineer"
SENDER = "Fernhill Analytics Recruiting <careers@fernhill-analytics.com>"
JOURNEY = [  # (weekday of last ISO week, subject, body, the application's status once the worker has read it)
    (2, "We received your application: Junior Data Engineer",
     "Hello Robin,\n\nThanks for applying for the Junior Data Engineer position at Fernhill Analytics. This note "
     "confirms that your application has reached us. Our recruiting team reads every application and will get back "
     "to you within two weeks.\n\nBest wishes,\nFernhill Analytics Recruiting", "applied"),
    (3, "Invitation to interview: Junior Data Engineer",
     "Hello Robin,\n\nWe enjoyed reading your application for the Junior Data Engineer position at Fernhill "
     "Analytics and would like to invite you to an interview with two engineers from the data platform team. Could "
     "you let us know whether Monday at 14:00 or Tuesday at 11:00 works for a one-hour video call?\n\nBest wishes,\n"
     "Fernhill Analytics Recruiting", "interviewing"),
    (4, "Your interview for Junior Data Engineer",
     "Hello Robin,\n\nThank you for meeting the data platform team last week and for the time you put into the "
     "interview for the Junior Data Engineer position at Fernhill Analytics.\n\nWe have now spoken with every "
     "candidate, and we are sorry to tell you that we will not be moving forward with your application. The "
     "decision was close, and we chose someone with more production experience.\n\nBest wishes,\n"
     "Fernhill Analytics Recruiting", "rejected"),
]


def expect(locator):
    """Playwright's retrying assertions (imported late: without playwright the fixtures skip, not the import)."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def last_week(weekday: int) -> datetime:
    """10:00 UTC on ``weekday`` (Monday 1) of the last complete ISO week: the week the digest sums up."""
    today = datetime.now(UTC).replace(hour=10, minute=0, second=0, microsecond=0)
    return today - timedelta(days=today.isoweekday() - 1 + 7) + timedelta(days=weekday - 1)


def email(to: str, subject: str, text: str, when: datetime) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = SENDER, f"Robin Vale <{to}>", subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = make_msgid(domain="fernhill-analytics.com")
    msg.set_content(text)
    return msg.as_bytes()


def onward(env: dict, *argv: str) -> str:
    """The last line `onward ARGV` prints (the secret of `user create` and `token create`)."""
    done = subprocess.run([str(BIN / "onward"), *argv], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def finished(queue: Queue, func_name: str) -> list[Job]:
    jobs_ = Job.fetch_many(FinishedJobRegistry(queue=queue).get_job_ids(), connection=queue.connection)
    return [job for job in jobs_ if job and job.func_name == func_name]


def test_applied_interviewing_rejected_then_the_card_in_roundcube_and_the_weekly_digest_by_smtp(
        stack_database_url, dovecot, roundcube, smtp_sink, launch_extension, tmp_path):
    """A person pairs the extension and adds their mailbox; a confirmation, an interview invitation and a rejection
    after the interview arrive one after the other, and the workers move the application applied, interviewing,
    rejected; the rejection opened in Roundcube shows the card with "Ask <company> for feedback" and its draft; the weekly
    digest arrives by SMTP with the numbers of the weekly summary."""
    began = time.monotonic()
    build = tmp_path / "extension"
    subprocess.run([sys.executable, str(ROOT / "extension" / "build.py"), "--out", str(build)], check=True,
                   capture_output=True)
    stack, redis, url = start_core(tmp_path, stack_database_url, ONWARD_SECRET_KEY=Fernet.generate_key().decode(),
                                   ONWARD_PUBLIC_URL="http://onward.test", ONWARD_SMTP_HOST=smtp_sink.host,
                                   ONWARD_SMTP_PORT=str(smtp_sink.port), ONWARD_SMTP_SECURITY="none")
    env = stack.env
    try:
        operator = onward(env, "user", "create", "ops@example.org")
        call(url, operator, "PATCH", "/me", {"digest": {"enabled": False}})  # the operator wants no digest of their own
        env["ONWARD_TOKEN"] = onward(env, "token", "create", "ops@example.org", "--fleet", "--name", "workers")
        for n in (1, 2):
            stack.start(f"worker{n}", str(BIN / "rq"), "worker", "-c", "worker.jobs", "--with-scheduler", "--name",
                        f"journey-{n}", jobs.QUEUE)
        wait_for("two registered workers", lambda: len(Worker.all(connection=redis)) == 2, 20, stack)
        queue = Queue(jobs.QUEUE, connection=redis)
        stack.start("cron", str(BIN / "rq"), "cron", "worker.cron")
        # rq cron enqueues every registered job once at its start: that digest run must be over before the person
        # exists, or it would send them an empty digest for last week (their slot has passed) and claim the week.
        (startup,) = wait_for("the cron's start-up digest run", lambda: finished(queue, "worker.digests.send_digests"),
                              20, stack)
        assert startup.return_value()["sent"] == 0

        person = dovecot.user
        token = onward(env, "user", "create", person)
        context, extension_id = launch_extension(build / "chromium")
        options = context.new_page()
        options.goto(f"chrome-extension://{extension_id}/options/options.html")
        expect(options.locator("#status")).to_contain_text("Not connected")  # its stored settings are shown
        options.fill("#server-url", url)
        options.fill("#code", call(url, token, "POST", "/pairing-codes")["code"])
        options.click("#pair")
        expect(options.locator("#status")).to_have_text(f"Connected to {url} as {person}.")
        save_screenshot(options, "journey-paired")
        options.close()

        call(url, token, "POST", "/accounts", {"host": dovecot.host, "port": dovecot.imap_port, "tls": "plain",
                                                "username": dovecot.user, "secret": dovecot.password})
        me = call(url, token, "PATCH", "/me", {"digest": {"weekday": 1, "hour": 0}})
        assert me["digest"] == {"enabled": True, "weekday": 1, "hour": 0}

        def status():
            items = call(url, token, "GET", "/applications")["items"]
            return [(a["company"], a["role"], a["status"]) for a in items]

        for weekday, subject, text, expected in JOURNEY:
            dovecot.deliver([email(person, subject, text, last_week(weekday))])
            # one look every half second keeps the polling far under the API's rate limit
            wait_for(f"the application {expected} (after {subject!r})",
                     lambda expected=expected: status() == [(COMPANY, ROLE, expected)], 30, stack, every=0.5)
        synced = time.monotonic() - began

        page = context.new_page()
        login(page, roundcube, dovecot.user, dovecot.password)
        frame = open_message(page, roundcube, JOURNEY[-1][1])
        card = frame.locator('[data-onward="card"] section.card')
        expect(card).to_be_visible(timeout=15_000)
        expect(card.locator("h2.summary")).to_contain_text(COMPANY)
        expect(card.locator("h2.summary")).to_contain_text(ROLE)
        expect(card.locator(".strategy").first).to_have_attribute("data-id", "seek_feedback")
        card.get_by_role("button", name=f"Ask {COMPANY} for feedback").click()
        draft = card.locator("#onward-feedback")
        expect(draft).to_contain_text(f"Re: {JOURNEY[-1][1]}")
        expect(draft).to_contain_text("careers@fernhill-analytics.com")
        draft.scroll_into_view_if_needed()
        save_screenshot(page, "journey-roundcube-rejection-card")
        page.close()

        # The cron asks for digests every 15 minutes and its start-up run came before the mail: enqueue the next run
        # now, exactly as the scheduler would (dotted path, on the stack's queue), instead of waiting a quarter hour.
        run = queue.enqueue("worker.digests.send_digests")
        (digest,) = smtp_sink.wait_for(1, timeout=30)
        wait_for("the digest job to finish", lambda: run.get_status(refresh=True) == "finished", 10, stack)
        assert run.return_value()["sent"] == 1
        assert digest["To"].addresses[0].addr_spec == person
        week = digest["X-Onward-Week"]
        assert week == "{}-W{:02d}".format(*last_week(1).isocalendar()[:2])
        summary = call(url, token, "GET", f"/summary/weekly?week={week}")
        numbers = dict(line.split(": ", 1) for line in digest.get_body(("plain",)).get_content().splitlines()
                       if ": " in line)
        assert (summary["applications_sent"], summary["responses"], summary["interviews"], summary["rejections"]) == (1, 1, 1, 1)
        assert summary["rejections_by_stage"] == {"application": 0, "assessment": 0, "interview": 1, "unknown": 0}
        assert numbers["Applications sent"] == str(summary["applications_sent"])
        assert numbers["Responses"] == str(summary["responses"])
        assert numbers["Interview invitations"] == str(summary["interviews"])
        assert numbers["Rejections"] == f"{summary['rejections']} (1 after an interview)"
        assert digest["Subject"] == f"Your week, {plain_period(summary['start'], summary['end'])}: 1 sent, 1 response"

        for name in ("cron", "worker1", "worker2", "server"):
            assert stack.stop(name) == 0, f"{name} did not stop cleanly\n{stack.logs()}"
        assert not FailedJobRegistry(queue=queue).get_job_ids()
        print(f"journey: synced in {synced:.1f} s, done in {time.monotonic() - began:.1f} s")
        assert time.monotonic() - began < 120
    finally:
        close(stack, redis)
