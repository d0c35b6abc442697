"""Reflections a user keeps with an application: what went well and what to change."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.errors import ApiError
from server.models import Application, Reflection


def reflections_of(session: Session, application: Application) -> list[Reflection]:
    """An application's reflections, oldest first (the caller has checked the application is the user's)."""
    return list(session.scalars(select(Reflection).where(Reflection.user_id == application.user_id,
                                                         Reflection.application_id == application.id)
                                .order_by(Reflection.created_at, Reflection.id)))


def add_reflection(session: Session, application: Application, went_well: str, to_change: str) -> Reflection:
    """Keep a reflection with the application; at least one of the two texts must say something."""
    went_well, to_change = went_well.strip(), to_change.strip()
    if not went_well and not to_change:
        raise ApiError(422, "Write what went well, what to change, or both.")
    row = Reflection(user_id=application.user_id, application_id=application.id, went_well=went_well, to_change=to_change)
    session.add(row)
    session.commit()
    return row


def delete_reflection(session: Session, application: Application, row: Reflection) -> None:
    """Delete one of the application's reflections; 404 when it belongs to another application."""
    if row.application_id != application.id:
        raise ApiError(404, "No such reflection.")
    session.delete(row)
    session.commit()
