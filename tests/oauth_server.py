"""A small OAuth2 authorization server for the tests, on a free loopback port: the authorization-code
grant with PKCE (S256 only) and the refresh-token grant with rotation, for one confidential client.
Its access tokens are the JWTs the test Dovecot checks for XOAUTH2 (``imap_server.access_token``), so
a token it issues really opens the mailbox, and an expired one really does not."""

import base64
import hashlib
import secrets
import threading
from dataclasses import dataclass, field
from urllib.parse import urlencode

from flask import Flask, abort, jsonify, redirect, request
from imap_server import access_token
from werkzeug.serving import make_server

CLIENT_ID = "onward-test-client"
CLIENT_SECRET = "onward-test-secret"


@dataclass
class AuthServer:
    """What the server has issued and seen; ``lifetime`` sets the next access tokens' life in seconds
    (whole minutes; negative: already expired), ``revoked`` refuses every refresh token from then on."""

    url: str = ""
    lifetime: int = 3600
    revoked: bool = False
    codes: dict = field(default_factory=dict)
    refresh_tokens: dict = field(default_factory=dict)
    refreshes: int = 0
    authorizations: list = field(default_factory=list)
    http: object = None

    def token_answer(self, user: str) -> dict:
        refresh = secrets.token_urlsafe(24)
        self.refresh_tokens[refresh] = user
        return {"access_token": access_token(user, minutes=self.lifetime // 60), "token_type": "Bearer",
                "expires_in": self.lifetime, "refresh_token": refresh, "scope": "https://mail.google.com/"}

    def stop(self) -> None:
        self.http.shutdown()
        self.http.server_close()


def _check_client() -> None:
    """The client authenticates with HTTP Basic (Authlib's default for a confidential client)."""
    if request.authorization is None or (request.authorization.username, request.authorization.password) != (CLIENT_ID, CLIENT_SECRET):
        abort(401)


def start_auth_server() -> AuthServer:
    state = AuthServer()
    app = Flask("test-oauth")

    @app.get("/authorize")
    def authorize():
        """The user signs in as ``login_hint`` and allows access at once; the code is bound to the PKCE challenge."""
        a = request.args
        if a.get("response_type") != "code" or a.get("client_id") != CLIENT_ID or a.get("code_challenge_method") != "S256" \
                or not a.get("code_challenge") or not a.get("state") or not a.get("redirect_uri"):
            abort(400)
        state.authorizations.append(dict(a))
        code = secrets.token_urlsafe(16)
        state.codes[code] = {"user": a["login_hint"], "challenge": a["code_challenge"], "redirect_uri": a["redirect_uri"]}
        return redirect(a["redirect_uri"] + "?" + urlencode({"code": code, "state": a["state"]}))

    @app.post("/token")
    def token():
        _check_client()
        f = request.form
        if f.get("grant_type") == "authorization_code":
            grant = state.codes.pop(f.get("code", ""), None)
            verifier = f.get("code_verifier", "")
            digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if grant is None or grant["redirect_uri"] != f.get("redirect_uri") or digest != grant["challenge"]:
                return jsonify(error="invalid_grant", error_description="code, redirect URI or PKCE verifier wrong"), 400
            return jsonify(state.token_answer(grant["user"]))
        if f.get("grant_type") == "refresh_token":
            user = state.refresh_tokens.pop(f.get("refresh_token", ""), None)  # rotated: each refresh token works once
            if user is None or state.revoked:
                return jsonify(error="invalid_grant", error_description="Token has been expired or revoked."), 400
            state.refreshes += 1
            return jsonify(state.token_answer(user))
        return jsonify(error="unsupported_grant_type"), 400

    http = make_server("127.0.0.1", 0, app, threaded=True)
    state.http = http
    state.url = f"http://127.0.0.1:{http.server_port}"
    threading.Thread(target=http.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return state
