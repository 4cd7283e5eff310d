"""schemathesis fuzzes every endpoint of /api/v1/ from its own OpenAPI document, against a
real server (gunicorn on a fresh SQLite file): no 500, no status code the document does not
list, no content type or body that breaks what it declares. Deterministic (derandomized
hypothesis, fixed examples per endpoint), so a failure reproduces on any machine. Also the
document itself is valid OpenAPI with every `$ref` defined."""

import json
import urllib.request

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.applications.server_process import live_server

pytestmark = pytest.mark.timeout(900)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES_PER_ENDPOINT = 40


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server("sqlite", tmp_path_factory.mktemp("fuzz"), workers=2, threads=1) as running:
        output = running.shell(
            "import io; from django.core.management import call_command; out = io.StringIO(); "
            "call_command('issue_referral_token', 'court-city', stdout=out); "
            "print(out.getvalue().split()[-1])"
        )
        yield running, output.splitlines()[-1].strip()


def test_the_document_is_valid_and_every_ref_resolves(server):
    running, _token = server
    with urllib.request.urlopen(running.url + "/api/v1/openapi.json", timeout=30) as response:  # noqa: S310
        document = json.loads(response.read())
    validate(document)
    text = json.dumps(document)
    names = set(document["components"]["schemas"])
    refs = {ref.rsplit("/", 1)[-1] for ref in _refs(document)}
    assert refs and refs <= names, refs - names
    assert "PartyIn" in text and "DisputeIn" in text


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def fuzz(operation, mode, base_url, auth, calls):
    """Run one operation's examples in one generation mode; raises on the first failure."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @hypothesis_settings(
        max_examples=EXAMPLES_PER_ENDPOINT,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        response = case.call(base_url=base_url, headers=auth, timeout=30)
        calls.append(response.status_code)
        case.validate_response(response, checks=CHECKS)

    check()


def test_every_endpoint_survives_fuzzing(server):
    running, token = server
    schema = schemathesis.openapi.from_url(running.url + "/api/v1/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 5
    failures, calls = [], []
    for operation in operations:
        auth = {"Authorization": f"Bearer {token}"} if "referrals" in operation.path else {}
        for mode in GenerationMode:
            try:
                fuzz(operation, mode, running.url, auth, calls)
            except Exception as failure:  # collect every endpoint's first failure
                where = f"{operation.method.upper()} {operation.path} ({mode})"
                failures.append(f"{where}: {failure}")
    assert failures == [], "\n\n".join(failures)
    # Many requests were made, and refused with the documented 4xx answers (valid ones are
    # rare from random data: tests/applications/test_api_hostile_input.py covers them).
    assert len(calls) >= len(operations) * 2 * 10
    assert all(status < 500 for status in calls)
    assert len({status for status in calls if 400 <= status < 500}) >= 3
