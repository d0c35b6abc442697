"""``/digest/unsubscribe?t=…``: the one link in every digest that turns the digest off. A GET (the
click) and a POST (RFC 8058 one-click from the mail client) both do it; the link is signed, so
nobody can turn off someone else's digest by guessing."""

from flask import Blueprint, current_app, render_template_string, request

from server import digest
from server.db import db_session
from server.models import User

bp = Blueprint("unsubscribe", __name__)

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Onward weekly digest</title></head>
<body style="font-family:sans-serif;max-width:36rem;margin:3rem auto;color:#1d2733"><main><h1>{{ title }}</h1><p>{{ text }}</p>
</main></body></html>"""


@bp.route("/digest/unsubscribe", methods=["GET", "POST"])
def unsubscribe():
    user_id = digest.user_of_token(current_app.secret_key, request.args.get("t", ""))
    session = db_session()
    user = session.get(User, user_id) if user_id else None
    if user is None:
        return render_template_string(PAGE, title="This link does not work",
                                      text="It may be cut short or altered. You can turn the digest off in Onward's settings."), 400
    user.digest_enabled = False
    session.commit()
    return render_template_string(PAGE, title="You will not get the weekly digest any more",
                                  text="Your applications and summaries stay in Onward. You can turn the digest back on in the settings.")
