"""The worker's commands on the ``onward`` command line: classify, import, worker watch and worker run.
They never import Flask or the server; ``onward/cli.py`` puts them on one group with the server's."""

import json
import logging
import shutil
import sys
from collections import Counter

import click

from worker.exceptions import SourceError
from worker.pipeline import analyze
from worker.sources import iter_messages

log = logging.getLogger("onward")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="One JSON object per message per line.")
def classify(paths: tuple[str, ...], as_json: bool) -> None:
    """Classify the emails in PATHS: .eml files, folders of them, mbox files and Maildirs."""
    counts: Counter[str] = Counter()
    width = shutil.get_terminal_size((120, 20)).columns
    if not as_json:
        click.echo(_row("label", "conf", "stage", "company", "role", "subject", width))
    try:
        for raw in iter_messages(paths):
            record = _record(raw)
            counts[record.get("label") or "error"] += 1
            if as_json:
                click.echo(json.dumps(record, ensure_ascii=False))
            elif "error" in record:
                click.echo(_row("error", "", "", "", "", f"{raw.source}: {record['error']}", width))
            else:
                click.echo(_row(record["label"], f"{record['confidence']:.2f}", record["stage"] or "",
                                record["company"] or "", record["role"] or "", record["subject"], width))
    except SourceError as exc:
        raise click.ClickException(str(exc)) from exc
    total = sum(counts.values())
    summary = ", ".join(f"{n} {label}" for label, n in counts.most_common())
    click.echo(f"{total} message{'s' if total != 1 else ''}: {summary or 'none'}", err=True)


def _record(raw) -> dict:
    """The JSON record of one message, or its source and error when it cannot be read as mail."""
    if raw.error:
        log.warning("skipped %s: %s", raw.source, raw.error)
        return {"source": raw.source, "error": raw.error}
    analysis = analyze(raw.data)
    p = analysis.parsed
    if not (p.subject or p.from_address or p.message_id or p.date):
        reason = "not an email: no From, Subject, Date or Message-ID header"
        log.warning("skipped %s: %s", raw.source, reason)
        return {"source": raw.source, "error": reason, "defects": list(p.defects)}
    return {"source": raw.source, **analysis.to_dict()}


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
def import_(paths: tuple[str, ...]) -> None:
    """Send the job-related emails in PATHS (mbox, Maildir, folders of .eml) to the Onward server.

    The server and token come from ONWARD_SERVER_URL and ONWARD_TOKEN. Importing twice adds nothing."""
    from worker import config
    from worker.api import NO_TOKEN, Api, explain
    from worker.exceptions import ApiRefused, ApiUnavailable
    from worker.importer import import_messages, total_bytes

    settings = config.load()
    if not settings.token:
        raise click.ClickException(NO_TOKEN)
    api = Api(settings)
    try:
        api.check_access()
        with click.progressbar(length=max(total_bytes(paths), 1), label="importing", file=sys.stderr) as bar:
            summary = import_messages(api, iter_messages(paths), progress=bar.update)
    except SourceError as exc:
        raise click.ClickException(str(exc)) from exc
    except (ApiUnavailable, ApiRefused) as exc:  # what was stored stays stored; importing again adds only the rest
        raise click.ClickException(explain(exc, settings)) from exc
    click.echo(f"read {summary.read}, job-related {summary.job_related}: {summary.new} new, {summary.updated} updated, "
               f"{summary.ignored} already known; skipped {len(summary.skipped)}")
    for source, reason in summary.skipped:
        click.echo(f"  skipped {source}: {reason}")


def _row(label, conf, stage, company, role, subject, width: int) -> str:
    fixed = f"{label:<25} {conf:>4} {stage:<11} {company[:24]:<24} {role[:30]:<30} "
    room = max(width - len(fixed) - 1, 20)
    return fixed + (subject if len(subject) <= room else subject[: room - 1] + "…")


@click.group("worker")
def worker_group() -> None:
    """Run the mail worker: scheduled syncs, one sync now, or a watch on new mail."""


@worker_group.command("watch")
@click.argument("account_ids", nargs=-1, type=int)
@click.option("--poll-interval", type=click.FloatRange(min=1), default=60.0, show_default=True,
              help="Seconds between checks of a folder on a server without IDLE.")
@click.option("--no-idle", is_flag=True, help="Poll even where the server offers IDLE.")
@click.option("--ca-file", type=click.Path(exists=True, dir_okay=False), help="Trust this CA too (a self-signed server).")
def watch(account_ids: tuple[int, ...], poll_interval: float, no_idle: bool, ca_file: str | None) -> None:
    """Sync the watched folders of ACCOUNT_IDS (default: every account) as soon as new mail arrives (IDLE), until Ctrl-C.

    The server and service token come from ONWARD_SERVER_URL and ONWARD_TOKEN."""
    from worker import config
    from worker.api import NO_TOKEN, Api, explain
    from worker.exceptions import ApiRefused, ApiUnavailable
    from worker.watch import Watcher, WatchOptions

    logging.getLogger("onward").setLevel(logging.INFO)
    settings = config.load()
    if not settings.token:
        raise click.ClickException(NO_TOKEN)
    api = Api(settings)
    try:
        ids = list(account_ids) or [a["id"] for a in api.accounts()]
        if not ids:
            raise click.ClickException("no IMAP account to watch: add one with `onward account add`")
        watcher = Watcher(api, ids, WatchOptions(idle=not no_idle, poll_interval=poll_interval, ca_file=ca_file))
        watcher.run()
    except (ApiUnavailable, ApiRefused) as exc:
        raise click.ClickException(explain(exc, settings)) from exc
    if watcher.error is not None:
        raise click.ClickException(str(watcher.error))


@worker_group.command("run")
@click.option("--interval", type=click.FloatRange(min=0.01), help="Minutes between rounds [default: ONWARD_SYNC_INTERVAL_MINUTES or 10].")
@click.option("--once", is_flag=True, help="One round, then stop.")
def worker_run(interval: float | None, once: bool) -> None:
    """Sync every account now and then every INTERVAL minutes, in this process (no Redis), until Ctrl-C.

    The server and service token come from ONWARD_SERVER_URL and ONWARD_TOKEN. With Redis, run
    `rq worker --with-scheduler --url $ONWARD_REDIS_URL onward` and `rq cron worker.cron` instead."""
    import threading

    from worker import config, embedded, jobs
    from worker.api import NO_TOKEN, explain
    from worker.exceptions import ApiRefused, ApiUnavailable

    logging.getLogger("onward").setLevel(logging.INFO)
    settings = config.load()
    if not settings.token:
        raise click.ClickException(NO_TOKEN)
    if once:
        try:
            outcomes = embedded.one_round(strict=True)
        except (ApiUnavailable, ApiRefused) as exc:
            raise click.ClickException(explain(exc, settings)) from exc
        failures = [o for o in outcomes if jobs.failed(o)]
        if failures:
            raise click.ClickException(f"{len(failures)} of {len(outcomes)} account{'s' if len(outcomes) != 1 else ''} did not sync "
                                       f"({'; '.join(failures)}); each shows its reason in `onward account list EMAIL`")
        return
    minutes = interval if interval is not None else settings.sync_interval_minutes
    try:
        embedded.run(minutes * 60, threading.Event())
    except KeyboardInterrupt:
        click.echo("\nstopped", err=True)


COMMANDS = (classify, import_, worker_group)
"""What ``onward/cli.py`` puts on the ``onward`` group."""
