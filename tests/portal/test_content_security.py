"""Content-Security-Policy (ADR 0036): strict on public pages, cached ones and error pages
included; under /admin/ a minimal enforced policy plus the strict one as report-only
(Wagtail's admin still has inline scripts)."""

import pytest
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db

STRICT = (
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
)


def directives(header: str) -> set[str]:
    return {part.strip() for part in header.split(";")}


def test_public_pages_cached_or_not_and_error_pages_are_strict(demo_site, settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    client = Client()
    first, second = client.get("/notices/"), client.get("/notices/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    for response in (first, second, missing, client.get("/apply/")):
        assert set(STRICT) <= directives(response["Content-Security-Policy"])
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert "Content-Security-Policy-Report-Only" not in response
    cache.clear()


def test_the_admin_enforces_what_cannot_break_it_and_reports_the_rest(demo_site):
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    for path in ("/admin/", "/admin/login/"):
        response = client.get(path)
        assert directives(response["Content-Security-Policy"]) == {
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        }
        assert set(STRICT) <= directives(response["Content-Security-Policy-Report-Only"])
