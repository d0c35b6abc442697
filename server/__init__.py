"""The Flask service: stores what the worker found, links messages into applications and
serves the extension and the dashboard. ``create_app`` builds it; nothing is created at import."""

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from server import config
from server.strict_json import StrictJSONProvider


def create_app(test_config: dict | None = None) -> Flask:
    """Defaults from ``server/config.py``, then ``ONWARD_*`` environment variables, then ``test_config``."""
    app = Flask(__name__, instance_relative_config=True, static_folder=None)
    app.json = StrictJSONProvider(app)
    app.config.from_mapping(config.defaults())
    app.config.from_prefixed_env("ONWARD")
    if test_config:
        app.config.from_mapping(test_config)
    app.json.sort_keys = False
    proxies = config.trusted_proxies(app.config["TRUSTED_PROXIES"])
    config.imap_networks(app.config)  # a mistyped network stops the start, not a user's connection test
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)

    from server import cors, dashboard, db, errors, ratelimit, unsubscribe
    from server.api import blueprints
    from server.dashboard.signin import SessionCookies, instance_secret_key

    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(app.instance_path)

    app.session_interface = SessionCookies()
    errors.register(app)
    db.init_app(app)
    ratelimit.init_app(app)
    cors.init_app(app)
    for bp in blueprints():
        app.register_blueprint(bp)
    app.register_blueprint(dashboard.bp)
    app.register_blueprint(unsubscribe.bp)
    return app
