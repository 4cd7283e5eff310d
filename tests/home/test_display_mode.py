import pytest

pytestmark = pytest.mark.django_db


def test_switch_to_large_text_persists_by_cookie(client, demo_site):
    response = client.post("/display-mode/", {"mode": "large", "next": "/policies/"})
    assert response.status_code == 302 and response["Location"] == "/policies/"
    cookie = response.cookies["display_mode"]
    assert cookie.value == "large" and cookie["httponly"] and int(cookie["max-age"]) > 86400
    html = client.get("/notices/").content.decode()
    assert '<html lang="zh-Hans" class="mode-large">' in html
    assert 'aria-pressed="true">标准字号' in html
    client.post("/display-mode/", {"mode": "standard", "next": "/"})
    assert '<html lang="zh-Hans" class="">' in client.get("/").content.decode()


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
)
def test_offsite_next_is_refused(client, target):
    response = client.post("/display-mode/", {"mode": "large", "next": target})
    assert response["Location"] == "/"


def test_unknown_mode_falls_back_to_standard(client, demo_site):
    response = client.post("/display-mode/", {"mode": "<script>", "next": "/"})
    assert response.cookies["display_mode"].value == "standard"
    client.cookies["display_mode"] = "bogus"
    assert 'class=""' in client.get("/").content.decode()


def test_get_is_not_allowed(client):
    assert client.get("/display-mode/").status_code == 405


def test_the_switch_needs_no_csrf_token_and_sets_only_the_preference(settings):
    """Exempt by decision (home/views.py): a token in the toggle on every page would make
    every public page uncacheable, and a forged post can only change the text size."""
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/display-mode/", {"mode": "large", "next": "/notices/"})
    assert response.status_code == 302 and response["Location"] == "/notices/"
    assert set(response.cookies) == {settings.DISPLAY_MODE_COOKIE}
    assert response.cookies[settings.DISPLAY_MODE_COOKIE].value == "large"
    assert response.cookies[settings.DISPLAY_MODE_COOKIE]["httponly"]
    assert strict.get("/display-mode/").status_code == 405
