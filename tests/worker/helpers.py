"""Shared helpers of the worker's tests: calls on the live server as the user, and mail to deliver."""

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from live_server import call

from worker.evaluate import everyday_messages, load_corpus, load_realmail, shared_folder

CORPUS = Path(__file__).parent.parent / "corpus"


def add_account(live_server, token: str, dovecot, **fields) -> dict:
    body = {"host": dovecot.host, "port": dovecot.imap_port, "tls": "plain", "username": dovecot.user,
            "secret": dovecot.password, **fields}
    return call(live_server, token, "POST", "/accounts", body)


def all_messages(live_server, token: str) -> list[dict]:
    return call(live_server, token, "GET", "/messages?limit=500")["items"]


def corpus_sample(n: int, split: str = "tuned") -> list:
    """Every k-th corpus example, about n of them, all labels represented."""
    examples = load_corpus(CORPUS, split)
    step = max(1, len(examples) // n)
    return examples[::step][:n]


def ordinary_mail(n: int, tag: str = "x") -> list[bytes]:
    """Everyday messages that are not about a job: newsletters, friends, receipts."""
    subjects = ["Dinner on Friday?", "Your receipt from Bakery Hansen", "Photos from the hike", "Weekly newsletter: gardening tips",
                "Re: flat keys", "Your parcel is on its way"]
    out = []
    for i in range(n):
        msg = EmailMessage()
        msg["From"] = f"Friend {i} <friend{i}@example.net>"
        msg["To"] = "robin@example.org"
        msg["Subject"] = subjects[i % len(subjects)]
        msg["Date"] = format_datetime(datetime(2026, 10, 1 + i % 28, 12, 0, tzinfo=UTC))
        msg["Message-ID"] = make_msgid(idstring=f"{tag}{i}", domain="example.net")
        msg.set_content(f"Hi Robin,\n\nJust a note about {subjects[i % len(subjects)].lower()}.\n\nBest,\nFriend {i}\n")
        out.append(bytes(msg))
    return out


def mixed_mail(n: int, tag: str = "x") -> list[bytes]:
    """``n`` corpus emails interleaved with as many ordinary ones, as a real inbox mixes them."""
    mails = [e.path.read_bytes() for e in corpus_sample(n)]
    return [m for pair in zip(mails, ordinary_mail(len(mails), tag=tag), strict=True) for m in pair]


def expected_ids(raws: list[bytes]) -> set[str]:
    """Message-IDs of the job-related messages among ``raws``, as the server should hold them."""
    from worker.pipeline import analyze
    from worker.records import is_job_related, message_item

    out = set()
    for raw in raws:
        analysis = analyze(raw)
        if is_job_related(analysis):
            out.add(message_item(analysis, raw, "x", datetime.now(UTC))["message_id"])
    return out


def every_email() -> list[bytes]:
    """The raw bytes of every corpus email and, when ``../shared`` is there, of the real job and
    everyday mail: what the speed-ups that must change nothing are compared on."""
    raws = [path.read_bytes() for path in sorted(CORPUS.glob("*/*/*.eml"))]
    shared = shared_folder(CORPUS)
    raws += [e.path.read_bytes() for e in load_realmail(shared / "realmail")]
    archive = shared / "mail" / "real-ordinary.tar.gz"
    if archive.is_file():
        raws += [raw for _, raw in everyday_messages(archive)]
    return raws
