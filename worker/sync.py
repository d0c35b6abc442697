"""One sync of an IMAP account: per folder, read what is new since the stored position,
classify it, send the job-related messages to the server in batches, and move the position
only past what the server acknowledged. Kill it anywhere and run it again: every message
arrives once (the server is idempotent on account + folder + UIDVALIDITY + UID and on Message-ID).

First sync of a folder (or after UIDVALIDITY changed): the messages of the last
``window_days`` (``UID SEARCH SINCE``). Afterwards: UIDs above the stored one, and nothing at
all when EXAMINE's UIDNEXT shows no new message — a sync with nothing new costs the login and
one EXAMINE per folder."""

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from worker.api import BATCH, Api
from worker.config import WorkerConfig
from worker.contract import within_dates
from worker.exceptions import ApiUnavailable, MailServerError
from worker.imap import ImapSettings, Mailbox
from worker.networks import allowed_networks
from worker.oauth import fresh_credentials
from worker.parse import header_fields
from worker.pipeline import analyze, settled_by_headers
from worker.prefilter_headers import BODY_PREFIX_FOR_ALL, headers_hint_job, may_be_job_related
from worker.records import is_job_related, message_item

log = logging.getLogger("onward.sync")

WINDOW_DAYS = 365
"""How far back the first sync of a folder reads."""


@dataclass
class FolderResult:
    """What one folder's sync did; ``skipped`` holds (uid, reason) for each message not stored."""

    folder: str
    uidvalidity: int
    last_uid: int
    resynced: bool = False
    read: int = 0
    job_related: int = 0
    header_hits: int = 0
    settled_by_headers: int = 0
    """Messages the everyday gate settled from their headers: their bodies were never fetched."""
    new: int = 0
    updated: int = 0
    ignored: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class SyncResult:
    account_id: int
    folders: list[FolderResult] = field(default_factory=list)

    @property
    def read(self) -> int:
        return sum(f.read for f in self.folders)

    @property
    def skipped(self) -> list[tuple[str, int, str]]:
        """(folder, uid, reason) of every message read and not stored."""
        return [(f.folder, uid, reason) for f in self.folders for uid, reason in f.skipped]


def settings_from(creds: dict, ca_file: str | None = None, timeout: float = 30.0, config: WorkerConfig | None = None,
                  deadline: float | None = None) -> ImapSettings:
    """How to reach the account of ``creds`` under ``config``'s network policy; ``deadline`` bounds the session."""
    config = config or WorkerConfig()
    return ImapSettings(host=creds["host"], port=creds["port"], username=creds["username"], secret=creds["secret"],
                        tls=creds["tls"], auth=creds["auth"], ca_file=ca_file, timeout=timeout,
                        allow_networks=allowed_networks(config.imap_allow_networks), deadline=deadline)


def sync_account(api: Api, account_id: int, *, ca_file: str | None = None, window_days: int = WINDOW_DAYS,
                 batch: int = BATCH, now: datetime | None = None, sent: list[str] | None = None) -> SyncResult:
    """Sync every watched folder of the account and report the outcome on it, within the configuration's
    ``imap_sync_seconds`` (what was stored until then stays stored). A mail-server failure is reported in
    plain words (``last_error``) and raised so a job runner can retry."""
    now = now or datetime.now(UTC)
    creds = api.credentials(account_id)
    states = {s["folder"]: s for s in creds["states"]}
    result = SyncResult(account_id)
    try:
        creds = fresh_credentials(api, creds)  # an OAuth2 access token about to expire is refreshed first
        with Mailbox(settings_from(creds, ca_file, config=api.config, deadline=api.config.imap_sync_seconds), sent) as box:
            for folder in creds["folders"]:
                result.folders.append(sync_folder(api, box, creds, folder, states.get(folder), window_days, batch, now))
    except MailServerError as exc:
        log.warning("account %s: %s", account_id, exc)
        _report(api, account_id, last_sync_at=now.isoformat(), last_error=exc.plain, progress=None)
        raise
    api.report(account_id, last_sync_at=now.isoformat(), messages_seen=creds.get("messages_seen", 0) + result.read, last_error=None,
               progress=None)
    return result


def sync_open_folder(api: Api, box: Mailbox, account_id: int, folder: str, *, window_days: int = WINDOW_DAYS,
                     batch: int = BATCH, now: datetime | None = None) -> FolderResult:
    """Sync one folder on an already open session (``onward worker watch`` keeps one per folder),
    reading the stored position afresh so several watchers of one account never step back."""
    now = now or datetime.now(UTC)
    creds = api.credentials(account_id)
    state = next((s for s in creds["states"] if s["folder"] == folder), None)
    result = sync_folder(api, box, creds, folder, state, window_days, batch, now)
    if result.read:
        api.report(account_id, last_sync_at=now.isoformat(), messages_seen=creds.get("messages_seen", 0) + result.read,
                   last_error=None)
    return result


def _progress(result: FolderResult, total: int) -> dict:
    """A first sync's counts for the dashboard's progress bar."""
    return {"total": total, "read": result.read, "job_related": result.job_related, "skipped": len(result.skipped)}


def _report(api: Api, account_id: int, **fields) -> None:
    try:
        api.report(account_id, **fields)
    except ApiUnavailable as exc:
        log.warning("account %s: could not report the error: %s", account_id, exc)


def sync_folder(api: Api, box: Mailbox, creds: dict, folder: str, state: dict | None, window_days: int, batch: int,
                now: datetime) -> FolderResult:
    info = box.examine(folder)
    if state and state["uidvalidity"] == info.uidvalidity:
        result = FolderResult(folder, info.uidvalidity, state["last_uid"])
        if info.uidnext is not None and info.uidnext <= state["last_uid"] + 1:
            if state.get("highestmodseq") != info.highestmodseq and info.highestmodseq is not None:
                api.put_state(creds["id"], folder, info.uidvalidity, state["last_uid"], info.highestmodseq)
            return result
        uids = box.uids_after(state["last_uid"])
    else:
        result = FolderResult(folder, info.uidvalidity, 0, resynced=state is not None)
        if state:
            log.info("account %s, %s: UIDVALIDITY changed (%s → %s), reading again", creds["id"], folder,
                     state["uidvalidity"], info.uidvalidity)
        uids = box.uids_since((now - timedelta(days=window_days)).date())
    windowed = result.last_uid == 0
    for start in range(0, len(uids), batch):
        chunk = uids[start:start + batch]
        if windowed:  # a first sync can take minutes: the dashboard shows how far it is
            _report(api, creds["id"], progress=_progress(result, len(uids)))
        _sync_chunk(api, box, creds, folder, info.uidvalidity, chunk, result, now)
        done = start + batch >= len(uids)
        api.put_state(creds["id"], folder, info.uidvalidity, chunk[-1], info.highestmodseq if done else None)
        result.last_uid = chunk[-1]
    if windowed and info.uidnext and info.uidnext - 1 > result.last_uid:
        # every UID below UIDNEXT not in the window is older mail: the next sync starts after it
        result.last_uid = info.uidnext - 1
        api.put_state(creds["id"], folder, info.uidvalidity, result.last_uid, info.highestmodseq)
    elif windowed and not uids:
        api.put_state(creds["id"], folder, info.uidvalidity, 0, info.highestmodseq)
    return result


def _sync_chunk(api: Api, box: Mailbox, creds: dict, folder: str, uidvalidity: int, chunk: list[int],
                result: FolderResult, now: datetime) -> None:
    """Header sections, the gate on them, body prefixes of what it did not settle, classification,
    one POST: the state moves only after this returns. Everyday mail the gate settles from its
    headers (lists, reports, notifications) is read without fetching its body."""
    headers = {h.uid: h for h in box.headers(chunk)}
    survivors = []
    unsettled: dict[int, tuple[bytes, dict[str, str]]] = {}
    for uid, h in headers.items():
        try:
            fields = header_fields(h.headers)
            hinted = headers_hint_job(fields) if fields is not None else may_be_job_related(h.headers)
            settled = settled_by_headers(h.headers, fields, hinted)
        except Exception:  # noqa: BLE001 - odd headers: the whole message is fetched and analysed (and skipped if it breaks)
            hinted, settled, fields = True, False, None
        result.header_hits += hinted
        if settled:
            result.read += 1
            result.settled_by_headers += 1
        elif BODY_PREFIX_FOR_ALL or hinted:
            survivors.append(uid)
            if fields is not None:  # judged already: analyze does not judge the same header section again
                unsettled[uid] = (h.headers, fields)
    items = []
    for uid, raw in box.prefixes(survivors):
        result.read += 1
        try:
            analysis = analyze(raw, unsettled.get(uid))
        except Exception as exc:  # a message that breaks the parser is skipped with its reason, never the sync
            log.warning("account %s, %s, uid %s: skipped: %s", creds["id"], folder, uid, exc)
            result.skipped.append((uid, f"could not be parsed: {exc}"))
            continue
        unread = analysis.unread
        if unread:
            log.warning("account %s, %s, uid %s: skipped: %s", creds["id"], folder, uid, unread)
            result.skipped.append((uid, unread))
            continue
        if not is_job_related(analysis):
            continue
        result.job_related += 1
        internal = headers[uid].internaldate if uid in headers else None
        fallback = internal.astimezone(UTC) if internal and internal.tzinfo else (internal.replace(tzinfo=UTC) if internal else now)
        fallback = fallback if within_dates(fallback) else now
        items.append(message_item(analysis, raw, creds["name"], fallback, folder=folder, uidvalidity=uidvalidity, uid=uid))
    if not items:
        return
    answer = api.send_messages(items)
    for key in ("new", "updated", "ignored"):
        setattr(result, key, getattr(result, key) + answer[key])
    for bad in answer.get("rejected", []):
        result.skipped.append((items[bad["index"]]["uid"], "refused by the server: " + "; ".join(bad["reasons"])))
