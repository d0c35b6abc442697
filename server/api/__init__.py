"""The API's blueprints, one module per resource. A view reads its request through
``server.inputs``, reaches rows through ``server.access``, does its work through the service
modules of ``server`` (``store``, ``ingest``, ``advice``, ``summary``…) and answers with
``server.serializers``; it never imports another view."""

from flask import Blueprint


def blueprints() -> list[Blueprint]:
    """Every blueprint of the API, in the order the app registers them."""
    from server.api import (
        accounts,
        advice,
        applications,
        checks,
        classify,
        companies,
        corrections,
        digests,
        followups,
        health,
        me,
        messages,
        openapi,
        pairing,
        reflections,
        summary,
        tokens,
        uploads,
    )

    return [m.bp for m in (health, pairing, tokens, messages, applications, corrections, companies, classify, accounts, advice, reflections,
                           followups, summary, me, digests, checks, uploads, openapi)]
