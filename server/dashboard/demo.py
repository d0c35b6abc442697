"""The demo pipeline of a first run: the sample mailbox (``examples/sample.mbox``) read through the
same mail core as an import, its dates moved so that the latest email came two hours ago (so the
pipeline, a rejection's advice and this week's summary all show something), stored for the user
under the account ``demo``. The dashboard marks it as a demo while it is there, and one click
removes it: its emails, the applications only they made, and the corrections made to them.

The user's own mail is never touched: demo emails have their own account and Message-IDs."""

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from server import store
from server.models import Application, Correction, Message, Reflection, StatusChange
from worker.pipeline import analyze
from worker.records import is_job_related, message_item
from worker.sources import read_mbox

ACCOUNT = "demo"
"""The ``account`` of every demo email: what marks it, and what removing the demo deletes."""

RECENT = timedelta(hours=2)
"""How long ago the latest demo email came."""

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample.mbox"
"""The sample mailbox that ships with the repository."""


def items(now: datetime, path: Path = SAMPLE) -> list[dict]:
    """The sample's job emails as MessageIn items, moved in time so the latest came ``RECENT`` ago."""
    found = []
    for raw in read_mbox(path):
        if raw.error:
            continue
        analysis = analyze(raw.data)
        if is_job_related(analysis):
            found.append(message_item(analysis, raw.data, ACCOUNT, now))
    if not found:
        return []
    latest = max(datetime.fromisoformat(i["date"]) for i in found)
    shift = now - RECENT - latest
    for item in found:
        item["date"] = (datetime.fromisoformat(item["date"]) + shift).isoformat()
        item["message_id"] = f"demo.{item['message_id']}"[:998]
    return found


def present(session: Session, user_id: int) -> bool:
    """Whether the user's pipeline holds the demo."""
    return bool(session.scalar(select(func.count()).select_from(Message).where(Message.user_id == user_id, Message.account == ACCOUNT)))


def load(session: Session, user_id: int, ghosted_days: int, now: datetime) -> dict:
    """Store the demo for the user (a second load adds nothing: the Message-IDs are the same)."""
    return store.ingest(session, user_id, items(now), ghosted_days, now)


def remove(session: Session, user_id: int, ghosted_days: int, now: datetime) -> int:
    """Delete the demo: its emails, the applications no other email or correction of the user's keeps,
    and the corrections of either. Returns how many emails went."""
    demo = select(Message.id).where(Message.user_id == user_id, Message.account == ACCOUNT)
    app_ids = set(session.scalars(select(Message.application_id).where(Message.id.in_(demo), Message.application_id.is_not(None))))
    own = set(session.scalars(select(Message.application_id).where(Message.user_id == user_id, Message.account != ACCOUNT,
                                                                   Message.application_id.in_(app_ids))))
    gone_apps = app_ids - own
    session.execute(delete(Correction).where(Correction.user_id == user_id,
                                             Correction.message_id.in_(demo) | Correction.application_id.in_(gone_apps)))
    count = session.execute(delete(Message).where(Message.user_id == user_id, Message.account == ACCOUNT)).rowcount
    for model in (StatusChange, Reflection):
        session.execute(delete(model).where(model.user_id == user_id, model.application_id.in_(gone_apps)))
    session.execute(delete(Application).where(Application.user_id == user_id, Application.id.in_(gone_apps)))
    session.flush()
    store.replay(session, user_id, own, ghosted_days, now)
    return count
