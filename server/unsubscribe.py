"""``/digest/unsubscribe?t=…``: the one link in every digest that turns the digest off. Opening the
link (a GET, which mail gateways' link scanners also do) only shows a button; only a POST acts: the
button, or the one-click POST from the mail client (RFC 8058, ``List-Unsubscribe-Post``). The page
after it offers the way back (``/digest/resubscribe``). The link is signed, so nobody can change
someone else's digest by guessing."""

from flask import Blueprint, current_app, g, render_template, request, url_for

from server import digest, translations
from server.db import db_session
from server.models import User
from server.translations import N_
from server.translations import gettext as _

bp = Blueprint("unsubscribe", __name__)

BROKEN = {"title": N_("This link does not work"), "text": N_("It may be cut short or altered. You can change the digest in Onward's settings.")}


def _page(status: int = 200, **fields):
    home = current_app.config["PUBLIC_URL"].rstrip("/") + "/"
    return render_template("digest/unsubscribe.html", **{"home": home, "home_text": _("Open Onward"), "action": None, **fields}), status


def _user() -> User | None:
    """The link's user (None for a broken link); the page speaks their language, else the browser's."""
    user_id = digest.user_of_token(current_app.secret_key, request.args.get("t", ""))
    user = db_session().get(User, user_id) if user_id else None
    g.language = translations.reader_language(user)
    return user


@bp.route("/digest/unsubscribe", methods=["GET", "POST"])
def unsubscribe():
    user = _user()
    if user is None:
        return _page(400, **{k: _(v) for k, v in BROKEN.items()})
    token = request.args["t"]
    if request.method == "GET":
        return _page(title=_("Stop the weekly digest?"), text=_("Onward sends you a short summary of your search once a week. "
                                                                "Press the button to stop it; your applications and summaries stay in Onward."),
                     action=url_for("unsubscribe.unsubscribe", t=token), button=_("Stop the weekly digest"))
    user.digest_enabled = False
    db_session().commit()
    return _page(title=_("You will not get the weekly digest any more"),
                 text=_("Your applications and summaries stay in Onward. Changed your mind? Turn it back on here."),
                 action=url_for("unsubscribe.resubscribe", t=token), button=_("Turn the weekly digest back on"))


@bp.post("/digest/resubscribe")
def resubscribe():
    """The way back from an unsubscribe, with the same signed link."""
    user = _user()
    if user is None:
        return _page(400, **{k: _(v) for k, v in BROKEN.items()})
    user.digest_enabled = True
    db_session().commit()
    return _page(title=_("The weekly digest is on again"), text=_("The next one comes on your usual day."))
