"""The embedded mode (no ``ONWARD_REDIS_URL``, the default of ``make run``): the job functions of
``worker.jobs`` run in this process on a timer, every account one after the other."""

import logging
import threading
import time
from collections.abc import Callable

from worker import config, digests, jobs, uploads
from worker.api import Api, explain
from worker.exceptions import ApiRefused, ApiUnavailable, MailServerError

log = logging.getLogger("onward.worker")

POLL_SECONDS = 5.0
"""Between rounds, how often the loop asks whether a mailbox was connected or a file uploaded on the
dashboard (two small GETs)."""


def one_round(*, strict: bool = False) -> list:
    """Sync every account once, then send the weekly digests that are due; a failure to reach the
    server is logged and waits for the next round (``strict``: raised, for a single round)."""
    settings = config.load()
    if not settings.token:  # `onward run` finds a token once the first user exists
        log.info(jobs.NO_ACCOUNT)
        return []
    try:
        outcomes = jobs.sync_all()
    except (ApiUnavailable, ApiRefused) as exc:
        if strict:
            raise
        log.warning("could not list the accounts: %s", explain(exc, settings))
        return []
    if outcomes:
        log.info("synced %s account%s: %s", len(outcomes), "s" if len(outcomes) != 1 else "", "; ".join(map(str, outcomes)))
    poll()
    try:
        digests.send_digests()
    except (ApiUnavailable, ApiRefused) as exc:
        log.warning("weekly digests not sent this round: %s", exc)
    return outcomes


def poll() -> None:
    """Between rounds: give a mailbox just connected on the dashboard its first sync and read the files
    uploaded there, so the page's progress bar starts in seconds, not at the next round."""
    settings = config.load()
    if not settings.token:
        return
    api = Api(settings)
    try:
        for account in api.accounts():
            if account["last_sync_at"] is None and account.get("progress") is None:
                log.info("account %s: first sync: %s", account["id"], jobs.sync_account(account["id"]))
        uploads.read_waiting(api)
    except (ApiUnavailable, ApiRefused, MailServerError) as exc:
        log.warning("new mailboxes and uploads wait for the next poll: %s",
                    exc if isinstance(exc, MailServerError) else explain(exc, settings))


def run(interval_seconds: float, stop: threading.Event, *, before_round: Callable[[], None] | None = None,
        rounds: int | None = None) -> int:
    """Round after round until ``stop`` is set (or ``rounds`` are done); returns how many ran.
    ``before_round`` may prepare the environment, e.g. find a service token once a user exists."""
    done = 0
    while not stop.is_set():
        if before_round:
            before_round()
        one_round()
        done += 1
        if rounds is not None and done >= rounds:
            break
        next_round = time.monotonic() + interval_seconds
        while not stop.wait(max(0.0, min(POLL_SECONDS, next_round - time.monotonic()))):
            if time.monotonic() >= next_round:
                break
            if before_round:
                before_round()
            poll()
    return done
