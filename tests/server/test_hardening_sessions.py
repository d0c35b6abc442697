"""Dashboard sessions that end when they should (issue 15, finding 7): signing out ends the session on the
server, so a copy of the old cookie opens nothing; the cookie is ``Secure`` when the page came over HTTPS."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update
from support import make_app

from server.auth import create_user
from server.db import db_session
from server.models import DashboardSession, Token, utcnow


def new_token(app, email: str = "robin@example.org") -> str:
    with app.app_context():
        session = db_session()
        _, (secret,) = create_user(session, email)
        session.commit()
    return secret


def sign_in(client, secret: str, **kwargs):
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login", **kwargs).text)[1]
    return client.post("/login", data={"csrf_token": csrf, "secret": secret}, **kwargs)


def session_cookie(client) -> str:
    return client.get_cookie("session").value


def test_a_copy_of_the_cookie_opens_nothing_after_sign_out(database_url):
    """Sign in, keep a copy of the cookie, sign out: the copy is sent back to the sign-in page, not the pipeline."""
    app = make_app(database_url)
    secret = new_token(app)
    browser = app.test_client()
    assert sign_in(browser, secret).status_code == 303
    copy = session_cookie(browser)
    thief = app.test_client()
    thief.set_cookie("session", copy)
    assert thief.get("/").status_code == 200
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', browser.get("/").text)[1]
    assert browser.post("/logout", data={"csrf_token": csrf}).status_code == 303
    replay = app.test_client()
    replay.set_cookie("session", copy)
    res = replay.get("/")
    assert res.status_code == 302 and res.location.startswith("/login")


def test_signing_out_ends_only_that_session(database_url):
    """Two browsers signed in with one token: signing out of one leaves the other signed in."""
    app = make_app(database_url)
    secret = new_token(app)
    one, two = app.test_client(), app.test_client()
    sign_in(one, secret)
    sign_in(two, secret)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', one.get("/").text)[1]
    one.post("/logout", data={"csrf_token": csrf})
    assert one.get("/").status_code == 302 and two.get("/").status_code == 200


def test_an_expired_session_is_signed_out(database_url):
    """A session past its lifetime on the server opens nothing, even with a cookie the browser still holds,
    and the next sign-in removes it."""
    app = make_app(database_url)
    secret = new_token(app)
    browser = app.test_client()
    sign_in(browser, secret)
    with app.app_context():
        session = db_session()
        session.execute(update(DashboardSession).values(expires_at=utcnow() - timedelta(seconds=1)))
        session.commit()
    assert browser.get("/").status_code == 302
    assert sign_in(browser, secret).status_code == 303  # signing in again clears the expired session away
    with app.app_context():
        assert db_session().scalar(select(func.count()).select_from(DashboardSession)) == 1


def test_revoking_the_token_removes_its_sessions(database_url):
    """Deleting the token deletes its sessions with it (nothing is left to match an old cookie)."""
    app = make_app(database_url)
    secret = new_token(app)
    sign_in(app.test_client(), secret)
    with app.app_context():
        session = db_session()
        assert session.scalar(select(func.count()).select_from(DashboardSession)) == 1
        session.delete(session.scalar(select(Token)))
        session.commit()
        assert session.scalar(select(func.count()).select_from(DashboardSession)) == 0


@pytest.mark.parametrize(("config", "request_kwargs", "secure"), [
    ({}, {}, False),
    ({}, {"base_url": "https://onward.example"}, True),
    ({"TRUSTED_PROXIES": 1}, {"headers": {"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.1.2.3"}}, True),
    ({}, {"headers": {"X-Forwarded-Proto": "https"}}, False),
    ({"SESSION_COOKIE_SECURE": True}, {}, True),
], ids=["plain http", "https", "https at the trusted proxy", "forwarded header not trusted", "the setting"])
def test_the_session_cookie_is_secure_when_served_over_https(database_url, config, request_kwargs, secure):
    """HTTPS to the server, or to a trusted proxy in front of it, or the setting, make the cookie Secure;
    a forwarded header from an untrusted peer does not."""
    app = make_app(database_url, **config)
    secret = new_token(app)
    res = sign_in(app.test_client(), secret, **request_kwargs)
    assert res.status_code == 303
    cookie = res.headers["Set-Cookie"]
    assert ("; Secure" in cookie) is secure, cookie
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
