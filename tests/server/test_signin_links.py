"""One identity: a paired browser asks for a one-time link that signs the dashboard in and lands on the
application (``POST /api/v1/signin-links``, ``GET /login/link/<code>``), and the dashboard's Browsers page
issues pairing codes and lists and revokes the paired browsers."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select, update
from support import auth

from server.db import db_session
from server.models import SigninLink, Token, utcnow


def paired_browser(client, user) -> tuple[str, str]:
    """A user and the token of a browser paired through ``POST /api/v1/pair``: (user token, browser token)."""
    _, secret = user()
    code = client.post("/api/v1/pairing-codes", headers=auth(secret)).json["code"]
    res = client.post("/api/v1/pair", json={"code": code, "name": "Browser extension"})
    assert res.status_code == 201, res.json
    return secret, res.json["token"]


def link(client, token: str, next_path: str | None = "/applications/7") -> str:
    res = client.post("/api/v1/signin-links", json={} if next_path is None else {"next": next_path}, headers=auth(token))
    assert res.status_code == 201, res.json
    return res.json["url"]


def csrf(client, path: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)[1]


def test_a_link_signs_the_dashboard_in_once_and_lands_on_the_page_it_names(client, user):
    """The link opens the dashboard signed in on its page; the same link a second time signs nobody in."""
    _, browser = paired_browser(client, user)
    url = link(client, browser)
    assert re.fullmatch(r"http://localhost/login/link/[A-Za-z0-9_-]{43}", url)
    res = client.get(url.removeprefix("http://localhost"))
    assert res.status_code == 303 and res.location == "/applications/7"
    assert client.get("/").status_code == 200  # signed in: the pipeline, not a redirect to /login

    client.post("/logout", data={"csrf_token": csrf(client, "/")})
    again = client.get(url.removeprefix("http://localhost"))
    assert again.status_code == 410 and "used already or has expired" in again.text
    assert client.get("/").status_code == 302


def test_a_link_defaults_to_the_pipeline_and_refuses_a_path_elsewhere(client, user):
    """Without ``next`` the link lands on the pipeline; a URL of another site or a ``//`` path is refused (422)."""
    _, browser = paired_browser(client, user)
    res = client.get(link(client, browser, None).removeprefix("http://localhost"))
    assert res.location == "/"
    for bad in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "", "/a b"):
        answer = client.post("/api/v1/signin-links", json={"next": bad}, headers=auth(browser))
        assert answer.status_code == 422, bad
    assert client.post("/api/v1/signin-links", json={"other": 1}, headers=auth(browser)).status_code == 422


def test_an_expired_link_or_one_of_a_revoked_browser_does_not_sign_in(app, client, user):
    """Two minutes after it was made, or once its browser is unpaired, a link signs nobody in."""
    secret, browser = paired_browser(client, user)
    expired, revoked = link(client, browser), link(client, browser)
    with app.app_context():
        session = db_session()
        row = session.scalars(select(SigninLink).order_by(SigninLink.id)).first()
        assert row.expires_at - row.created_at == timedelta(seconds=120)
        session.execute(update(SigninLink).where(SigninLink.id == row.id).values(expires_at=utcnow() - timedelta(seconds=1)))
        session.commit()
    assert client.get(expired.removeprefix("http://localhost")).status_code == 410
    browser_id = next(t["id"] for t in client.get("/api/v1/tokens", headers=auth(secret)).json["items"]
                      if t["name"] == "Browser extension")
    assert client.delete(f"/api/v1/tokens/{browser_id}", headers=auth(secret)).status_code == 204
    assert client.get(revoked.removeprefix("http://localhost")).status_code == 410
    assert client.get("/").status_code == 302


def test_links_are_stored_hashed_and_need_a_user_token(app, client, user):
    """The database keeps only a sha256 of the link's secret; no token or a worker's token gets no link."""
    _, browser = paired_browser(client, user)
    secret = link(client, browser).rsplit("/", 1)[1]
    with app.app_context():
        (stored,) = db_session().scalars(select(SigninLink.code_hash)).all()
    assert secret not in stored and len(stored) == 64
    assert client.post("/api/v1/signin-links", json={}).status_code == 401
    _, service = user(kind="service")
    assert client.post("/api/v1/signin-links", json={}, headers=auth(service)).status_code == 403


@pytest.mark.parametrize("code", ["nonsense", "x" * 200])
def test_an_unknown_link_is_410_and_signs_nobody_in(client, code):
    """A made-up or absurdly long code gets the sign-in page with the reason, never a session."""
    res = client.get(f"/login/link/{code}")
    assert res.status_code == 410 and "sign in below" in res.text
    assert client.get("/").status_code == 302


def test_the_browsers_page_issues_a_code_that_pairs_and_lists_and_revokes_the_browser(app, client, user):
    """A code made on the Browsers page pairs the extension; the browser is then listed, and Unpair revokes
    its token. The user's own tokens and dashboard sign-ins are not listed as browsers."""
    row, secret = user()
    client.post("/login", data={"csrf_token": csrf(client, "/login"), "secret": secret})
    page = client.get("/browsers")
    assert page.status_code == 200 and "No browser is paired yet." in page.text

    made = client.post("/browsers/code", data={"csrf_token": csrf(client, "/browsers")})
    code = BeautifulSoup(made.text, "html.parser").select_one("#pairing-code").get_text(strip=True)
    assert re.fullmatch(r"[A-Z2-9]{8}", code)
    paired = client.post("/api/v1/pair", json={"code": code, "name": "Browser extension"})
    assert paired.status_code == 201

    listed = BeautifulSoup(client.get("/browsers").text, "html.parser").select("ul.browsers li")
    assert len(listed) == 1 and "Browser extension" in listed[0].get_text()
    token_id = int(listed[0]["data-token-id"])
    assert token_id == paired.json["token_id"]

    res = client.post(f"/browsers/{token_id}/revoke", data={"csrf_token": csrf(client, "/browsers")})
    assert res.status_code == 303
    assert client.get("/api/v1/me", headers=auth(paired.json["token"])).status_code == 401
    assert "No browser is paired yet." in client.get("/browsers").text
    with app.app_context():
        kept = db_session().scalars(select(Token.name).where(Token.user_id == row.id)).all()
    assert "user" in kept  # the user's own token is untouched


def test_another_users_browser_cannot_be_revoked(client, user):
    """Unpair with the id of another user's browser is a 404 and that browser keeps working."""
    _, other_browser = paired_browser(client, user)
    other_id = client.get("/api/v1/tokens", headers=auth(other_browser)).json["items"]
    other_id = next(t["id"] for t in other_id if t.get("current"))
    _, secret = user()
    client.post("/login", data={"csrf_token": csrf(client, "/login"), "secret": secret})
    for token_id in (other_id, 10**30):
        res = client.post(f"/browsers/{token_id}/revoke", data={"csrf_token": csrf(client, "/browsers")})
        assert res.status_code == 404
    assert client.get("/api/v1/me", headers=auth(other_browser)).status_code == 200
