"""Messages arriving from a worker, ``onward import`` or the extension: each item is checked on
its own, the valid ones are stored and linked to applications (``server.store``), and the answer
says what happened to each."""

from sqlalchemy.orm import Session

from server import schemas, store


def ingest_items(session: Session, user_id: int, items: list, ghosted_days: int) -> dict:
    """Validate each item against ``MESSAGE_IN``, store the valid ones for the user, commit, and
    return the counts with the rejected items' indexes and reasons."""
    rejected, valid = [], []
    for index, item in enumerate(items):
        reasons = schemas.problems("MESSAGE_IN", item)
        if reasons:
            rejected.append({"index": index, "reasons": reasons})
        else:
            valid.append(item)
    counts = store.ingest(session, user_id, valid, ghosted_days)
    session.commit()
    return {**counts, "rejected": rejected}
