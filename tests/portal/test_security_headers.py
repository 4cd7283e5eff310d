"""What a scanner sees on every kind of response: public pages (cached or not), forms,
search, the privacy notice, errors, the API and the admin each carry a
Content-Security-Policy whose scripts are never 'unsafe-inline', a Permissions-Policy, a
Referrer-Policy and nosniff (ADRs 0031, 0036, 0043)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.usefixtures("demo_site")

ANONYMOUS = [
    "/",
    "/notices/",
    "/policies/",
    "/privacy/",
    "/apply/",
    "/apply/mediation/",
    "/track/",
    "/search/?q=调解",
    "/no-such-page/",
    "/api/v1/no-such-endpoint",
    "/admin/login/",
]
STAFF = ["/admin/", "/admin/cases/", "/admin/pages/"]


def script_sources(policy: str) -> str:
    match = re.search(r"script-src ([^;]*)", policy)
    return match.group(1) if match else ""


def assert_headers(response, path):
    policy = response.get("Content-Security-Policy", "")
    assert policy, path
    assert "'self'" in script_sources(policy), path
    assert "unsafe-inline" not in script_sources(policy), path
    assert "unsafe-eval" not in policy, path
    assert "object-src 'none'" in policy and "base-uri 'self'" in policy, path
    assert "camera=()" in response.get("Permissions-Policy", ""), path
    assert response.get("Referrer-Policy") == "same-origin", path
    assert response.get("X-Content-Type-Options") == "nosniff", path


@pytest.mark.parametrize("path", ANONYMOUS)
def test_anonymous_responses_carry_every_security_header(path):
    response = Client().get(path, follow=True)
    assert response.status_code in (200, 404), path
    assert_headers(response, path)


def test_staff_pages_carry_every_security_header():
    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    for path in STAFF:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_headers(response, path)
