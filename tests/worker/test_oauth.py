"""OAuth2 that lasts, end to end: the dashboard starts the authorization-code flow with PKCE at a local
authorization server (``tests/oauth_server.py``), the callback stores the tokens encrypted, and the
worker refreshes an access token about to expire before it logs in to the real Dovecot with XOAUTH2,
sending the rotated tokens back. A refused refresh puts a plain "sign in again" on the account."""

import re
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from helpers import all_messages
from oauth_server import CLIENT_ID, CLIENT_SECRET, start_auth_server
from sqlalchemy import select

from server import vault
from server.db import db_session
from server.models import Account
from worker.exceptions import TokenRefused
from worker.imap import ImapSettings, Mailbox
from worker.networks import allowed_networks
from worker.oauth import MARGIN
from worker.sync import sync_account


@pytest.fixture
def auth_server():
    server = start_auth_server()
    yield server
    server.stop()


@pytest.fixture
def google(live_server, auth_server, monkeypatch):
    """The live Onward server with a Google client id whose endpoints are the local authorization server's;
    the worker has the client secret in its own environment."""
    live_server.app.config.update(OAUTH_GOOGLE_CLIENT_ID=CLIENT_ID, OAUTH_GOOGLE_CLIENT_SECRET=CLIENT_SECRET,
                                  PUBLIC_URL=live_server.url,
                                  OAUTH_ENDPOINTS={"google": {"authorize_url": auth_server.url + "/authorize",
                                                              "token_url": auth_server.url + "/token"}})
    monkeypatch.setenv("ONWARD_OAUTH_GOOGLE_CLIENT_SECRET", CLIENT_SECRET)
    return auth_server


def sign_in_with_google(live_server, token: str, dovecot) -> tuple:
    """The user clicks "Sign in with Google" on the Mailboxes page, allows access at the provider and comes back:
    (the page after the callback, the authorization request the provider saw)."""
    client = live_server.app.test_client()
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)[1]
    client.post("/login", data={"csrf_token": csrf, "secret": token})
    page = client.get("/mailboxes/add?provider=gmail").text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
    assert "Sign in with Google instead" in page
    start = client.post("/mailboxes/oauth/google", data={"csrf_token": csrf, "provider": "gmail", "username": dovecot.user,
                                                        "host": "127.0.0.1", "port": str(dovecot.imaps_port), "tls": "ssl",
                                                        "folders": "INBOX"})
    assert start.status_code == 303
    back = requests.get(start.headers["Location"], allow_redirects=False, timeout=10)  # the browser at the provider
    assert back.status_code == 302 and back.headers["Location"].startswith(live_server.url + "/mailboxes/oauth/callback?")
    callback = urlsplit(back.headers["Location"])
    done = client.get(f"{callback.path}?{callback.query}", follow_redirects=True)
    return done, parse_qs(urlsplit(start.headers["Location"]).query), client


def account_row(live_server) -> Account:
    with live_server.app.app_context():
        return db_session().scalar(select(Account))


def test_sign_in_with_pkce_then_the_worker_refreshes_before_the_token_expires(live_server, tokens, api, google, dovecot,
                                                                               email_factory):
    """The flow asks for a code with an S256 challenge, the callback keeps both tokens encrypted; a first token
    that lives two minutes (under the worker's margin) is refreshed before login, Dovecot accepts the new one
    over XOAUTH2, the mail is read, and the rotated refresh token is what the server keeps."""
    dovecot.deliver([email_factory("Your application to Acme", "Thank you for applying to the Data Analyst role at Acme.")])
    google.lifetime = 120
    assert google.lifetime < MARGIN.total_seconds()
    done, asked, _ = sign_in_with_google(live_server, tokens[0], dovecot)
    assert done.status_code == 200 and "Signed in: Onward now reads " + dovecot.user in done.text
    assert asked["code_challenge_method"] == ["S256"] and len(asked["code_challenge"][0]) == 43
    assert asked["scope"] == ["https://mail.google.com/"] and asked["access_type"] == ["offline"]
    row = account_row(live_server)
    assert (row.auth, row.oauth_provider, row.port) == ("xoauth2", "google", dovecot.imaps_port)
    first_refresh = next(iter(google.refresh_tokens))
    assert first_refresh not in row.refresh_token and "eyJ" not in row.secret  # both encrypted at rest
    with live_server.app.app_context():
        assert vault.decrypt(row.refresh_token) == first_refresh

    google.lifetime = 3600
    result = sync_account(api, row.id, ca_file=str(dovecot.ca_file))
    assert google.refreshes == 1 and result.read == 1 and len(all_messages(live_server, tokens[0])) == 1
    row = account_row(live_server)
    [rotated] = google.refresh_tokens
    with live_server.app.app_context():
        assert vault.decrypt(row.refresh_token) == rotated != first_refresh
    assert row.last_error is None and row.token_expires_at.timestamp() > time.time() + 3000

    sync_account(api, row.id, ca_file=str(dovecot.ca_file))  # an hour left: no refresh
    assert google.refreshes == 1


def test_dovecot_refuses_an_expired_access_token(dovecot):
    """What the refresh prevents: the same kind of token, expired, does not open the mailbox."""
    from imap_server import access_token

    loopback = allowed_networks("loopback")  # the test's Dovecot listens there
    settings = ImapSettings(host="127.0.0.1", port=dovecot.imaps_port, username=dovecot.user, allow_networks=loopback,
                            secret=access_token(dovecot.user, minutes=-1), auth="xoauth2", ca_file=str(dovecot.ca_file))
    with pytest.raises(TokenRefused):
        Mailbox(settings)
    settings = ImapSettings(host="127.0.0.1", port=dovecot.imaps_port, username=dovecot.user, allow_networks=loopback,
                            secret=access_token(dovecot.user, minutes=5), auth="xoauth2", ca_file=str(dovecot.ca_file))
    Mailbox(settings).close()


def test_a_revoked_refresh_token_asks_the_user_to_sign_in_again(live_server, tokens, api, google, dovecot):
    """When the provider refuses the refresh, the sync stops without retrying and the account says to sign in again."""
    google.lifetime = 60
    sign_in_with_google(live_server, tokens[0], dovecot)
    google.revoked = True
    row = account_row(live_server)
    with pytest.raises(TokenRefused) as refused:
        sync_account(api, row.id, ca_file=str(dovecot.ca_file))
    assert refused.value.retry is False
    assert account_row(live_server).last_error == "the mail provider no longer accepts Onward's sign-in: sign in again on the Mailboxes page"


def test_a_callback_with_a_foreign_state_is_refused_and_saves_nothing(live_server, tokens, google, dovecot):
    """A callback whose state this session did not start (a forged link) is a 400 and no account appears."""
    client = live_server.app.test_client()
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)[1]
    client.post("/login", data={"csrf_token": csrf, "secret": tokens[0]})
    res = client.get("/mailboxes/oauth/callback?code=abc&state=forged")
    assert res.status_code == 400 and "did not start here" in res.text
    assert account_row(live_server) is None


def test_watchers_starting_together_refresh_once(live_server, tokens, api, google, dovecot):
    """Several folder watchers of one account reconnect at once: one refresh reaches the provider (a refresh token
    works only once), and every watcher gets the new access token."""
    import threading

    from worker.oauth import fresh_credentials

    google.lifetime = 60
    sign_in_with_google(live_server, tokens[0], dovecot)
    google.lifetime = 3600
    creds = api.credentials(account_row(live_server).id)
    got: list[str] = []
    threads = [threading.Thread(target=lambda: got.append(fresh_credentials(api, creds)["secret"])) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert google.refreshes == 1 and len(got) == 4 and len(set(got)) == 1 and got[0] != creds["secret"]


def test_the_test_button_signs_in_with_xoauth2_and_explains_an_expired_token(live_server, tokens, google, dovecot):
    """"Test the connection" on an OAuth2 mailbox logs in to Dovecot with XOAUTH2 (the stdlib client of the page);
    once the access token has expired it says the worker renews it, instead of a misleading "refused"."""
    live_server.app.config["IMAP_CA_FILE"] = str(dovecot.ca_file)
    _, _, client = sign_in_with_google(live_server, tokens[0], dovecot)
    row = account_row(live_server)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/mailboxes/add").text)[1]
    ok = client.post(f"/mailboxes/{row.id}/test", data={"csrf_token": csrf}, follow_redirects=True)
    assert "Connected: signed in to 127.0.0.1 and found 0 messages in INBOX." in ok.text
    with live_server.app.app_context():
        db_session().get(Account, row.id).token_expires_at = datetime.now(UTC) - timedelta(minutes=1)
        db_session().commit()
    later = client.post(f"/mailboxes/{row.id}/test", data={"csrf_token": csrf}, follow_redirects=True)
    assert "the last access token has expired; the worker renews it" in later.text
