"""RQ job functions, thin on purpose: they read the configuration, take the account's lock and
call ``worker.sync``. Enqueue them by dotted path with ids as arguments and the connection
passed explicitly (``enqueue_sync``). Without Redis (the embedded mode) the same functions run
in-process: ``sync_all()`` then syncs each account in turn instead of enqueuing.

Start workers with ``rq worker -c worker.jobs --with-scheduler onward``: ``-c`` makes RQ import this module
(and with it the whole sync path) once in the worker, so each job's forked process starts ready instead of
importing it again (a third of a second per job, most of a sync with nothing new). RQ only reads names it
knows from it (none are defined here) and takes Redis from ``--url`` or ``RQ_REDIS_URL``.

Failures: a network error (Onward server or mail server unreachable, connection lost) is raised
so RQ retries it with backoff; wrong credentials, a bad certificate or a missing folder are
marked on the account by ``worker.sync`` and the job ends without raising, since retrying the
same secret cannot help."""

import contextlib
import logging
import time
import uuid

from redis import Redis
from redis.exceptions import RedisError
from rq import Queue, Retry, get_current_job

from worker import config, uploads
from worker.api import Api
from worker.exceptions import ApiRefused, ApiUnavailable, MailServerError
from worker.sync import sync_account as sync_one

log = logging.getLogger("onward.jobs")

QUEUE = "onward"
"""The queue the worker listens on (``rq worker onward``) and the cron schedules into."""

JOB_TIMEOUT = 15 * 60
"""Seconds one account's sync may take before RQ stops it (a first sync of a large mailbox)."""

LOCK_TTL = JOB_TIMEOUT + 60
"""The account lock outlives the job timeout, so a killed worker's lock frees itself but never early."""

NO_ACCOUNT = ("no mailbox is connected yet: connect one on the dashboard's Mailboxes page (or onward account add EMAIL "
              "--host HOST --username NAME); the worker checks again every round")
"""What the worker says while there is nothing to sync, in the embedded loop and under RQ."""

RETRY_INTERVALS = [10, 30, 60]
"""Backoff in seconds between the retries of a failed sync."""

_RELEASE = """if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"""
"""Compare-and-delete: only the owner of the lock releases it, never a later holder's."""


def retry() -> Retry:
    return Retry(max=len(RETRY_INTERVALS), interval=RETRY_INTERVALS)


def enqueue_sync(queue: Queue, account_id: int, **options):
    """Put one account's sync on ``queue`` (whose connection is explicit), with retries and a timeout;
    ``options`` go to ``Queue.enqueue`` (``result_ttl`` for a benchmark that reads every result at the end)."""
    return queue.enqueue("worker.jobs.sync_account", account_id, retry=retry(), job_timeout=JOB_TIMEOUT,
                         description=f"sync account {account_id}", **options)


def lock_key(server_url: str, account_id: int) -> str:
    """Account ids are unique per Onward server, so the server's URL is part of the key."""
    return f"onward:lock:sync:{server_url}:{account_id}"


def acquire(connection: Redis, key: str) -> str | None:
    """The lock's token when this caller now owns the key, else None."""
    token = uuid.uuid4().hex
    return token if connection.set(key, token, nx=True, ex=LOCK_TTL) else None


def release(connection: Redis, key: str, token: str) -> bool:
    return bool(connection.eval(_RELEASE, 1, key, token))


def sync_account(account_id: int) -> str:
    """Sync one account, at most one at a time per account across all workers sharing Redis."""
    settings = config.load()
    api = Api(settings, account_id)
    job = get_current_job()
    if job is None:  # in-process: one loop, nothing to race with
        return _run(api, account_id)
    key = lock_key(settings.server_url, account_id)
    token = acquire(job.connection, key)
    if token is None:
        log.info("account %s: skipped, a sync is already running", account_id)
        return "skipped: already running"
    began = time.time()
    try:
        return _run(api, account_id)
    finally:
        job.meta["synced"] = [began, time.time()]  # while the lock was held: what proves no account ran twice at once
        with contextlib.suppress(RedisError):  # a record only; never in the way of the sync's outcome or the release
            job.save_meta()
        release(job.connection, key, token)


def _run(api: Api, account_id: int) -> str:
    try:
        result = sync_one(api, account_id)
    except MailServerError as exc:
        if exc.retry:
            raise  # RQ retries it later; the account already shows the error in plain words
        return f"stopped: {exc.plain}"
    except ApiRefused as exc:
        if exc.status == 404:  # the account was removed after the sync was scheduled
            return "skipped: account not found"
        _note_failure(api, account_id, exc)
        raise
    except ApiUnavailable as exc:
        _note_failure(api, account_id, exc)
        raise
    skipped = result.skipped
    if skipped:  # the record of what was not stored and why, in one line per sync
        log.warning("account %s: read %s, skipped %s: %s", account_id, result.read, len(skipped),
                    "; ".join(f"{folder} uid {uid}: {reason}" for folder, uid, reason in skipped))
    else:
        log.info("account %s: read %s, skipped 0", account_id, result.read)
    return f"read {result.read}, skipped {len(skipped)}"


def _note_failure(api: Api, account_id: int, exc: ApiUnavailable | ApiRefused) -> None:
    """Put a failure on the Onward side (an account secret the server cannot decrypt, a refused batch) on the
    account, so `onward account list` shows it; mail-server failures are put there by ``worker.sync``. Best effort,
    and only when the server answered (not when it is unreachable or busy: the report would not get through either)."""
    if isinstance(exc, ApiUnavailable) and exc.status in (None, 429):
        return
    with contextlib.suppress(ApiUnavailable, ApiRefused):
        api.report(account_id, last_error=f"Onward server: {exc.message}"[:500])


def failed(outcome: str) -> bool:
    """Whether an outcome of ``sync_account`` (in-process) says the sync did not happen: stopped or failed."""
    return outcome.startswith(("stopped:", "failed:"))


def read_upload(upload_id: int) -> str:
    """Read one file uploaded on the dashboard (``worker.uploads``); the claim keeps two workers off one file."""
    summary = uploads.read_upload(Api(config.load()), upload_id)
    if summary is None:
        return "skipped: claimed by another worker"
    return f"read {summary.read}, job-related {summary.job_related}, skipped {len(summary.skipped)}"


def enqueue_upload(queue: Queue, upload_id: int):
    return queue.enqueue("worker.jobs.read_upload", upload_id, retry=retry(), job_timeout=JOB_TIMEOUT * 4,
                         description=f"read upload {upload_id}")


def sync_all() -> list:
    """Under RQ: enqueue one sync per account the token sees (a service token: its user's; a fleet
    token: every user's), and one read per waiting upload, on this job's queue.
    In-process: sync them one after the other, an account's failure never stopping the others."""
    api = Api(config.load())
    accounts = api.accounts()
    job = get_current_job()
    if not accounts:
        log.info(NO_ACCOUNT)
    if job is not None:
        queue = Queue(job.origin, connection=job.connection)
        return ([enqueue_sync(queue, a["id"]).id for a in accounts]
                + [enqueue_upload(queue, u["id"]).id for u in api.waiting_uploads()])
    outcomes = []
    for account in accounts:
        try:
            outcome = sync_account(account["id"])
        except (MailServerError, ApiUnavailable, ApiRefused) as exc:  # logged; tried again at the next round
            outcome = f"failed: {exc}"
            log.warning("account %s: %s", account["id"], outcome)
        outcomes.append(outcome)
    return outcomes
