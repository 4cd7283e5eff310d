"""Content-Security-Policy (ADRs 0036, 0043): strict on public pages, cached ones and error
pages included; under /admin/ strict for scripts too, with the session's nonce written into
the inline scripts Wagtail renders."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
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


def nonce_of(response) -> str:
    [source] = [
        part for part in directives(response["Content-Security-Policy"]) if "script-src" in part
    ]
    [nonce] = re.findall(r"'nonce-([^']+)'", source)
    return nonce


def admin_client(username="admin"):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_the_admin_allows_only_its_own_scripts_and_nonced_inline_ones(demo_site):
    from guidance.models import PolicyPage

    client = admin_client()
    page = PolicyPage.objects.live().first()
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    nonce = nonce_of(response)
    assert f"script-src 'self' 'nonce-{nonce}'" in policy
    assert {"object-src 'none'", "base-uri 'self'", "form-action 'self'"} <= policy
    assert "frame-ancestors 'self'" in policy and "default-src 'self'" in policy
    assert "Content-Security-Policy-Report-Only" not in response
    html = response.content.decode()
    # Wagtail's date-time widgets (go live / expiry) render inline scripts: each has the nonce.
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>\s*initDateTimeChooser", html)
    assert inline and all(f"nonce={nonce}" in attributes for attributes in inline)
    assert not re.search(r"<script(?![^>]*nonce=)[\s>]", html)


def test_the_nonce_lasts_one_signed_in_session_only(demo_site):
    client = admin_client()
    first, second = nonce_of(client.get("/admin/")), nonce_of(client.get("/admin/pages/"))
    assert first == second and len(first) >= 22
    other = nonce_of(admin_client().get("/admin/"))  # a second sign-in: a new session
    assert other != first
    anonymous = Client()
    login_nonces = {nonce_of(anonymous.get("/admin/login/")) for _ in range(2)}
    assert len(login_nonces) == 2  # no session: fresh each time


def test_public_pages_get_no_nonce_and_no_rewriting(demo_site):
    response = Client().get("/apply/")
    assert "nonce-" not in response["Content-Security-Policy"]
    assert "nonce=" not in response.content.decode()


def test_modal_json_and_html_are_rewritten_other_content_is_not():
    from portal.admin_nonces import write_into_scripts

    modal = JsonResponse(
        {"html": '<div><script>init("x")</script><SCRIPT src="/a.js"></SCRIPT></div>'}
    )
    modal["Content-Length"] = str(len(modal.content))  # as ConditionalGetMiddleware sets
    write_into_scripts(modal, "n0nce_-A")
    assert json.loads(modal.content)["html"] == (
        '<div><script nonce=n0nce_-A>init("x")</script>'
        '<script nonce=n0nce_-A src="/a.js"></SCRIPT></div>'
    )
    assert modal["Content-Length"] == str(len(modal.content))
    already = HttpResponse('<script nonce="other">x()</script><scripts>')
    write_into_scripts(already, "n")
    assert already.content == b'<script nonce="other">x()</script><scripts>'
    text = HttpResponse("<script>x()</script>", content_type="text/plain")
    write_into_scripts(text, "n")
    assert text.content == b"<script>x()</script>"


def test_previews_of_editors_content_get_no_nonce():
    from django.test import RequestFactory

    from portal.admin_nonces import AdminScriptNonceMiddleware

    middleware = AdminScriptNonceMiddleware(lambda request: HttpResponse("<script>x()</script>"))
    seen = {}
    for path in ("/admin/pages/", "/admin/pages/5/edit/preview/", "/notices/"):
        request = RequestFactory().get(path)
        request.csp_nonce = "n0nce"
        seen[path] = middleware(request).content
    assert seen["/admin/pages/"] == b"<script nonce=n0nce>x()</script>"
    assert seen["/admin/pages/5/edit/preview/"] == b"<script>x()</script>"
    assert seen["/notices/"] == b"<script>x()</script>"
