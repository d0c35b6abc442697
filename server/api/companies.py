"""``GET /api/v1/companies/history``: what the user has had with one employer (for the job
boards' pages), found by name (any spelling) and/or by the employer's web domain; neither
gives an empty history."""

from flask import Blueprint, current_app, g
from sqlalchemy import select

from server import store
from server.auth import require_user
from server.db import db_session
from server.inputs import query
from server.models import Application, Message
from server.pipeline import company_key
from server.serializers import application_dict, message_brief
from worker.senders import registered_domain

bp = Blueprint("companies", __name__, url_prefix="/api/v1")


def _keys(args: dict) -> set[str]:
    """The employer keys asked for: the name's, and for a domain the keys of the messages sent
    from it and the key of the domain's own name ("acme.co.uk" gives "acme")."""
    keys = {company_key(args.get("name"))}
    if args.get("domain"):
        domain = registered_domain(args["domain"].strip().lower().removeprefix("www."))
        keys |= set(db_session().scalars(select(Message.company_key).distinct().where(
            Message.user_id == g.user_id, Message.sender_domain == domain, Message.company_key.is_not(None))))
        keys.add(company_key(domain.split(".")[0]))
    return keys - {None}


@bp.get("/companies/history")
@require_user
def history():
    args = query("COMPANY_QUERY")
    keys = _keys(args)
    session = db_session()
    store.refresh_ghosted(session, g.user_id, current_app.config["GHOSTED_DAYS"])
    apps = session.scalars(select(Application).where(Application.user_id == g.user_id, Application.company_key.in_(sorted(keys)))
                           .order_by(Application.last_contact_at.desc(), Application.id.desc()).limit(100)).all() if keys else []
    last: dict[int, Message] = {}
    if apps:
        for m in session.scalars(select(Message).where(Message.user_id == g.user_id, Message.application_id.in_([a.id for a in apps]))
                                 .order_by(Message.date, Message.id)):
            last[m.application_id] = m
    items = []
    for a in apps:
        m = last.get(a.id)
        items.append({**application_dict(a), "last_message": None if m is None else message_brief(m)})
    return {"company": apps[0].company if apps else None, "applications": items}
