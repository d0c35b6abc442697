"""Messages arriving from a worker, ``onward import`` or the extension: each item is checked on
its own, the valid ones are stored and linked to applications (``server.store``), and the answer
says what happened to each."""

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server import schemas, store

ATTEMPTS = 3
"""How often a batch is stored before a unique-key conflict is given up on. A conflict means another
request stored one of these messages between this one's lookup and its insert (two workers, a retried
POST, the extension and the worker at once): the next attempt finds that row and counts it as known."""


def ingest_items(session: Session, user_id: int, items: list, ghosted_days: int) -> dict:
    """Validate each item against ``MESSAGE_IN``, store the valid ones for the user, commit, and
    return the counts with the rejected items' indexes and reasons. Storing is an upsert: a message
    a concurrent request inserted first is found on the next attempt, never stored twice nor a 500."""
    rejected, valid = [], []
    for index, item in enumerate(items):
        reasons = schemas.problems("MESSAGE_IN", item)
        if reasons:
            rejected.append({"index": index, "reasons": reasons})
        else:
            valid.append(item)
    for attempt in range(1, ATTEMPTS + 1):
        try:
            counts = store.ingest(session, user_id, valid, ghosted_days)
            session.commit()
            break
        except IntegrityError:
            session.rollback()
            if attempt == ATTEMPTS:
                raise
    return {**counts, "rejected": rejected}
