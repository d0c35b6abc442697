"""Reading the files users upload on the dashboard: claim a waiting upload, download it over the
API into a private temporary folder, unpack an archive (a Maildir or .eml files in a .zip or
.tar.gz) safely, read it with ``onward import``'s pipeline and report the counts while it runs, so
the page's progress bar moves. The job-related messages are stored for the uploader."""

import logging
import tarfile
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from worker.api import Api
from worker.exceptions import ApiRefused, ApiUnavailable, SourceError
from worker.importer import ImportSummary, import_messages, total_bytes
from worker.sources import iter_messages, iter_tree

log = logging.getLogger("onward.uploads")

REPORT_SECONDS = 1.0
"""At most one progress report per this many seconds (and one at the end)."""

UNPACK_MAX_BYTES = 20 * 1024 * 1024 * 1024
"""An archive that unpacks to more than this is refused (a zip bomb would fill the disk)."""

UNPACK_MAX_FILES = 1_000_000

SUFFIX = {"mbox": ".mbox", "eml": ".eml"}
"""The name a downloaded single file gets, so ``worker.sources`` reads it as what it is."""


class BadArchive(SourceError):
    """The archive cannot be read, or would unpack outside its folder or beyond the limits."""


@dataclass
class Progress:
    """Reports the counts of an upload being read, at most every REPORT_SECONDS."""

    api: Api
    upload_id: int
    summary: ImportSummary
    total: int
    done: int = 0
    last: float = 0.0

    def __call__(self, size: int) -> None:
        self.done += size
        if time.monotonic() - self.last >= REPORT_SECONDS:
            self.send()

    def send(self, **extra) -> None:
        self.last = time.monotonic()
        s = self.summary
        self.api.report_upload(self.upload_id, bytes_done=min(self.done, self.total), bytes_total=self.total, read=s.read,
                               job_related=s.job_related, skipped=len(s.skipped), new=s.new, **extra)


def unpack(archive: Path, kind: str, into: Path) -> None:
    """Unpack a .zip or .tar(.gz) into ``into``, refusing paths that leave it, links and oversized contents."""
    total = files = 0
    try:
        if kind == "zip":
            with zipfile.ZipFile(archive) as z:
                for info in z.infolist():
                    name = PurePosixPath(info.filename)
                    if name.is_absolute() or ".." in name.parts:
                        raise BadArchive(f"the archive holds a path outside its folder: {info.filename}")
                    total, files = total + info.file_size, files + 1
                    if total > UNPACK_MAX_BYTES or files > UNPACK_MAX_FILES:
                        raise BadArchive("the archive unpacks to more than this worker reads at once")
                z.extractall(into)
        else:
            with tarfile.open(archive, "r:*") as t:
                for member in t:
                    total, files = total + member.size, files + 1
                    if total > UNPACK_MAX_BYTES or files > UNPACK_MAX_FILES:
                        raise BadArchive("the archive unpacks to more than this worker reads at once")
                t.extractall(into, filter="data")  # refuses absolute paths, "..", links leaving the folder, devices
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as exc:
        raise BadArchive(f"the archive cannot be read: {exc}") from exc


def read_upload(api: Api, upload_id: int) -> ImportSummary | None:
    """Claim, download, unpack and import one upload, reporting as it goes; the last report ends it
    (``done``, or ``failed`` with the reason in plain words). None when another worker claimed it first."""
    try:
        upload = api.claim_upload(upload_id)
    except ApiRefused as exc:
        if exc.status in (404, 409):  # taken by another worker, or removed meanwhile
            return None
        raise
    own = Api(api.config, upload_id=upload_id)
    summary = ImportSummary()
    with tempfile.TemporaryDirectory(prefix="onward-upload-") as folder:
        work = Path(folder)
        try:
            source = _fetch(own, upload, work)
            progress = Progress(own, upload_id, summary, total_bytes([str(source)]))
            progress.send()
            messages = iter_tree(source) if source.is_dir() else iter_messages([source])
            import_messages(own, messages, progress=progress, summary=summary)
        except (SourceError, ApiRefused) as exc:
            log.warning("upload %s: failed: %s", upload_id, exc)
            _end(own, upload_id, summary, status="failed", error=str(exc)[:500])
            return summary
        progress.done = progress.total
        _end(own, upload_id, summary, status="done", error=None, bytes_done=progress.total, bytes_total=progress.total)
    log.info("upload %s: read %s, job-related %s, skipped %s", upload_id, summary.read, summary.job_related, len(summary.skipped))
    return summary


def _fetch(api: Api, upload: dict, work: Path) -> Path:
    """Download the upload into ``work``; an archive is unpacked into ``work/unpacked``, which is returned."""
    target = work / ("upload" + SUFFIX.get(upload["kind"], ".archive"))
    with target.open("wb") as f:
        api.download_upload(upload["id"], f)
    if upload["kind"] not in ("zip", "tar"):
        return target
    unpacked = work / "unpacked"
    unpacked.mkdir()
    unpack(target, upload["kind"], unpacked)
    target.unlink()
    return unpacked


def _end(api: Api, upload_id: int, summary: ImportSummary, **fields) -> None:
    api.report_upload(upload_id, read=summary.read, job_related=summary.job_related, skipped=len(summary.skipped),
                      new=summary.new, **fields)


def read_waiting(api: Api) -> list[ImportSummary]:
    """Every upload waiting for this worker, one after the other (the embedded loop's way)."""
    done = []
    for upload in api.waiting_uploads():
        try:
            summary = read_upload(api, upload["id"])
        except ApiUnavailable as exc:  # the server went away: the upload is claimed again once stale
            log.warning("upload %s: %s", upload["id"], exc)
            continue
        if summary is not None:
            done.append(summary)
    return done

