"""``onward worker watch``: push instead of a timer. One thread per watched folder keeps a
read-only session open (EXAMINE) and waits in IDLE, so new mail is synced within seconds of its
arrival; where the server has no IDLE it polls. Every wait ends after ``safety`` seconds with a
sync anyway (a missed notification costs at most that), which also re-issues IDLE well within
the 29 minutes RFC 2177 allows. A dropped connection is re-opened with exponential backoff;
a refused login, certificate or missing folder stops the whole watch with its plain reason."""

import logging
import threading
from dataclasses import dataclass

from worker.api import BATCH, Api
from worker.exceptions import ApiRefused, ApiUnavailable, MailServerError, OnwardError
from worker.imap import Mailbox
from worker.oauth import fresh_credentials
from worker.sync import WINDOW_DAYS, settings_from, sync_open_folder

log = logging.getLogger("onward.watch")


@dataclass(frozen=True, slots=True)
class WatchOptions:
    """Timings of a watch, in seconds; tests shorten them."""

    idle: bool = True
    """Use IDLE when the server offers it; False polls even where IDLE exists."""
    poll_interval: float = 60.0
    """Seconds between syncs of a folder whose server lacks IDLE."""
    safety: float = 60.0
    """Longest IDLE before a sync anyway (and a fresh IDLE); must stay under RFC 2177's 29 minutes."""
    backoff_first: float = 1.0
    backoff_cap: float = 300.0
    """First and longest wait before re-opening a dropped connection; it doubles in between."""
    ca_file: str | None = None
    timeout: float = 30.0
    window_days: int = WINDOW_DAYS
    batch: int = BATCH


class Watcher:
    """Watches every folder of the given accounts until ``stop()`` or a fatal error (kept in ``error``).
    ``sent`` (a list) records the verb of every IMAP command, as ``Mailbox`` does."""

    def __init__(self, api: Api, account_ids: list[int], options: WatchOptions = WatchOptions(),
                 sent: list[str] | None = None):
        assert options.safety < 29 * 60, "RFC 2177: re-issue IDLE at least every 29 minutes"
        self.api = api
        self.account_ids = list(account_ids)
        self.options = options
        self.sent = sent
        self.error: OnwardError | None = None
        self.syncs = 0
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        """One thread per watched folder; an unknown account or a bad token raises here, before any thread."""
        for account_id in self.account_ids:
            for folder in self.api.credentials(account_id)["folders"]:
                thread = threading.Thread(target=self._guarded, args=(account_id, folder),
                                          name=f"watch-{account_id}-{folder}", daemon=True)
                self._threads.append(thread)
                thread.start()
                log.info("account %s: watching %s", account_id, folder)

    def stop(self) -> None:
        """Ask every folder to stop, then wait for them (each notices within about half a second)."""
        self._stop.set()
        for thread in self._threads:
            thread.join()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def run(self) -> None:
        """Start, then block until Ctrl-C or a fatal error; always stops the threads before returning."""
        try:
            self.start()
            while not self._stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            log.info("stopping")
        finally:
            self.stop()

    def _guarded(self, account_id: int, folder: str) -> None:
        try:
            self._watch(account_id, folder)
        except BaseException:
            self._stop.set()  # a bug stops the watch instead of leaving one folder silently unwatched
            raise

    def _watch(self, account_id: int, folder: str) -> None:
        opts = self.options
        delay = opts.backoff_first
        where = f"account {account_id}, {folder}"
        while not self._stop.is_set():
            try:
                # afresh: a changed password is picked up on reconnect, an OAuth2 token about to expire is refreshed
                creds = fresh_credentials(self.api, self.api.credentials(account_id))
                with Mailbox(settings_from(creds, opts.ca_file, opts.timeout, config=self.api.config), self.sent) as box:
                    idle = opts.idle and box.can_idle
                    self._sync(box, account_id, folder)
                    log.info("%s: connected, %s", where, "waiting for new mail (IDLE)" if idle
                             else f"no IDLE, checking every {opts.poll_interval:g} s")
                    delay = opts.backoff_first
                    while not self._stop.is_set():
                        if idle:
                            box.wait_for_mail(opts.safety, self._stop)
                        elif self._stop.wait(opts.poll_interval):
                            break
                        if not self._stop.is_set():
                            self._sync(box, account_id, folder)
            except MailServerError as exc:
                if not exc.retry:
                    self._fatal(account_id, f"{where}: {exc}", exc)
                    return
                log.warning("%s: %s; connecting again in %g s", where, exc, delay)
            except ApiUnavailable as exc:
                log.warning("%s: the Onward server is unreachable (%s); trying again in %g s", where, exc, delay)
            except ApiRefused as exc:
                self._fatal(account_id, f"{where}: the Onward server refused: {exc}", exc)
                return
            if self._stop.wait(delay):
                return
            delay = min(delay * 2, opts.backoff_cap)

    def _sync(self, box: Mailbox, account_id: int, folder: str) -> None:
        result = sync_open_folder(self.api, box, account_id, folder, window_days=self.options.window_days,
                                  batch=self.options.batch)
        self.syncs += 1
        if result.read:
            log.info("account %s, %s: read %s, %s job-related, %s new", account_id, folder, result.read,
                     result.job_related, result.new)

    def _fatal(self, account_id: int, message: str, exc: OnwardError) -> None:
        """Retrying cannot help: say why, mark the account, stop every folder."""
        log.error("%s; stopping", message)
        self.error = exc
        if isinstance(exc, MailServerError):
            try:
                self.api.report(account_id, last_error=exc.plain)
            except (ApiUnavailable, ApiRefused) as report_exc:
                log.warning("account %s: could not report the error: %s", account_id, report_exc)
        self._stop.set()
