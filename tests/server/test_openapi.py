"""The OpenAPI document describes the running app: schemathesis drives every operation with
generated requests (valid and invalid) and checks each answer against the document."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from support import auth, msg

from server.api.openapi import OPERATIONS


def test_document_lists_every_route(app, client):
    """Every API route of the app is in the document, with the schemas that validate it (the dashboard's pages are not API)."""
    doc = client.get("/api/v1/openapi.json").json
    assert doc["openapi"].startswith("3.1")
    documented = {(m.upper(), p) for p, ops in doc["paths"].items() for m in ops}
    routes = {(m, "/" + "/".join(f"{{{s[1:-1].split(':')[-1]}}}" if s.startswith("<") else s for s in r.rule.strip("/").split("/")))
              for r in app.url_map.iter_rules() if r.rule.startswith("/api/") for m in r.methods - {"HEAD", "OPTIONS"}}
    assert routes == documented
    batch = doc["paths"]["/api/v1/messages"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert batch["properties"]["messages"]["maxItems"] == 500
    assert doc["components"]["schemas"]["MessageIn"]["properties"]["snippet"]["maxLength"] == 300
    assert len(OPERATIONS) == len(documented)


@pytest.fixture
def seeded_token(app, user, ingest):
    """A user token whose user has a few messages and applications (ids 1 and up), so generated ids sometimes hit."""
    _, token = user()
    ingest(token, msg(), msg("rejection", date="2026-02-01T00:00:00Z"), msg(company="Globex", role=None))
    return token


CASES = [pytest.param(op[0], op[1], mode, id=f"{op[2]}-{mode.value}") for op in OPERATIONS
         for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE) if mode == GenerationMode.POSITIVE or op[5] or op[6] or "{" in op[1]]
"""Every operation with valid requests, and those that take input with invalid ones too."""


@pytest.mark.parametrize(("method", "path", "mode"), CASES)
def test_app_conforms_to_its_openapi_document(app, seeded_token, method, path, mode):
    """No 5xx, only documented status codes and content types, answers that match their schemas,
    valid requests accepted and invalid ones refused."""
    operation = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)["/api/v1" + path][method.upper()]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case):
        if mode == GenerationMode.NEGATIVE and "Authorization" not in (case.headers or {}):
            case.call_and_validate()  # the case leaves the token out on purpose: adding ours back would make it valid
        else:
            case.call_and_validate(headers=auth(seeded_token))

    check()
