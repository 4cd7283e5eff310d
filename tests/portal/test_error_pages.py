"""Errors answer in the site's look (with the hotline), or as JSON under /api/; never a
stack trace, and a locked database is a 503 with Retry-After (portal.errors)."""

import json

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.portal.error_urls")]

HOTLINE = "0722-3000000"


@pytest.fixture
def client():
    # Failing views answer through the handlers, as they do in production.
    return Client(raise_request_exception=False)


@pytest.fixture
def site_with_hotline(demo_site):
    from home.models import SiteSettings

    settings = SiteSettings.objects.get()
    settings.hotline = HOTLINE
    settings.save()
    return demo_site


PAGES = [
    ("/no-such-page/", 404, "页面不存在"),
    ("/apply/no-such-form/", 404, "页面不存在"),
    ("/fail/bad-request/", 400, "请求有误"),
    ("/fail/forbidden/", 403, "无权访问"),
    ("/fail/crash/", 500, "抱歉，系统出现错误"),
]


@pytest.mark.parametrize(("url", "status", "heading"), PAGES)
def test_errors_are_styled_pages_with_the_hotline(client, site_with_hotline, url, status, heading):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert heading in html
    assert 'class="site-header"' in html and 'class="site-footer' in html
    assert f'href="tel:{HOTLINE.replace("-", "")}"' in html
    assert "Traceback" not in html and "urlpatterns" not in html.lower()


def test_locked_database_is_a_plain_503_with_retry_after(client, site_with_hotline):
    client.get("/no-such-page/")  # the hotline is remembered from a page that rendered
    response = client.get("/fail/locked/")
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "服务繁忙" in html and "重新提交" in html
    # Shown without asking the database again (it is what failed).
    assert 'class="site-footer' not in html
    assert HOTLINE in html


def test_plain_page_when_the_chrome_cannot_render(client, site_with_hotline, monkeypatch):
    from home.models import SiteSettings

    def broken(*args, **kwargs):
        raise RuntimeError("settings unavailable")

    monkeypatch.setattr(SiteSettings, "for_request", broken)
    response = client.get("/fail/crash/")
    assert response.status_code == 500
    assert "抱歉，系统出现错误" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/no-such-endpoint/", 404),
        ("/api/v1/no-such-endpoint", 404),  # not redirected to add a slash
        ("/api/v1/fail/bad-request/", 400),
        ("/api/v1/fail/forbidden/", 403),
        ("/api/v1/fail/crash/", 500),
        ("/api/v1/fail/locked/", 503),
    ],
)
def test_api_errors_are_json_in_the_documented_shape(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert set(body) == {"detail", "errors"} and body["errors"] == []
    assert body["detail"] and body["detail"].isascii() is False  # Chinese, not English
    if status == 503:
        assert response["Retry-After"] == "10"
