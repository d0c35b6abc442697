"""The dashboard: server-rendered pages for a signed-in user (the pipeline, an application's
timeline, a rejection with its advice, the weekly summary). They work without JavaScript and
load nothing from elsewhere; charts are SVG drawn on the server."""

from server.dashboard import mailboxes, views  # noqa: F401 - each registers its pages on bp
from server.dashboard.blueprint import bp

__all__ = ["bp"]
