"""Staff sign-in defences (ADR 0035): a username is locked at one address after 5 failures
for 15 minutes (django-axes), an administrator can lift it, attempts and password-reset
requests per address have ceilings, and an idle staff session ends after 30 minutes."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from tests.casework.conftest import casework_data  # noqa: F401 (fixture)
from tests.casework.views.conftest import case_staff  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "Correct-Horse-42"
START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def editor():
    cache.clear()  # the rate limits count in the shared cache
    yield get_user_model().objects.create_superuser("editor", "editor@example.invalid", PASSWORD)
    cache.clear()


def sign_in(password, address="203.0.113.7", username="editor"):
    client = Client(REMOTE_ADDR=address)
    response = client.post(LOGIN, {"username": username, "password": password})
    return client, response


def test_five_failures_lock_the_username_at_that_address_for_15_minutes(editor):
    with time_machine.travel(START, tick=False):
        for _n in range(4):
            _client, response = sign_in("wrong")
            assert response.status_code == 200  # the form again, with its error
        assert sign_in("wrong")[1].status_code == 429  # the fifth failure locks
        _client, response = sign_in(PASSWORD)  # even the right password now
        assert response.status_code == 429
        html = response.content.decode()
        assert "登录已暂停" in html and "15 分钟" in html
        # The same account from another address, and another account from this one, sign in.
        assert sign_in(PASSWORD, address="198.51.100.9")[1].status_code == 302
    with time_machine.travel(START + datetime.timedelta(minutes=16), tick=False):
        assert sign_in(PASSWORD)[1].status_code == 302


def test_an_administrator_lifts_a_lockout(editor):
    for _n in range(5):
        sign_in("wrong")
    assert sign_in(PASSWORD)[1].status_code == 429
    call_command("axes_reset_username", "editor")
    assert sign_in(PASSWORD)[1].status_code == 302


def test_one_address_trying_many_accounts_hits_the_ceiling(editor, settings):
    settings.STAFF_LOGIN_RATE_LIMIT = "3/h"
    for number in range(3):
        assert sign_in("wrong", username=f"guess{number}")[1].status_code == 200
    _client, response = sign_in(PASSWORD)
    assert response.status_code == 429
    assert "登录尝试过多" in response.content.decode()
    assert sign_in(PASSWORD, address="198.51.100.9")[1].status_code == 302


def test_password_reset_requests_are_throttled(editor, settings, mailoutbox):
    settings.PASSWORD_RESET_RATE_LIMIT = "2/h"
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _n in range(2):
        response = client.post("/admin/password_reset/", {"email": "editor@example.invalid"})
        assert response.status_code == 302
    response = client.post("/admin/password_reset/", {"email": "editor@example.invalid"})
    assert response.status_code == 429
    assert "重置密码的请求过多" in response.content.decode()
    assert len(mailoutbox) == 2


def test_an_idle_staff_session_ends_after_30_minutes(editor):
    client = Client()
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(editor)
        assert client.get("/admin/").status_code == 200
        clock.shift(datetime.timedelta(minutes=29))
        assert client.get("/admin/").status_code == 200  # activity restarts the clock
        clock.shift(datetime.timedelta(minutes=29))
        assert client.get("/admin/").status_code == 200
        clock.shift(datetime.timedelta(minutes=31))
        response = client.get("/admin/pages/")
        assert response.status_code == 302
        assert response["Location"] == "/admin/login/?next=%2Fadmin%2Fpages%2F"
        page = client.get(response["Location"]).content.decode()
        assert "30 分钟无操作，已自动退出登录" in page
        assert client.get("/admin/").status_code == 302  # signed out for good


@pytest.mark.usefixtures("case_staff")
def test_a_superuser_sees_and_lifts_lockouts_in_the_admin(editor):
    from axes.models import AccessAttempt

    from tests.casework.factories import staff

    for _n in range(5):
        sign_in("wrong")
    attempt = AccessAttempt.objects.get(username="editor")
    admin = Client()
    admin.force_login(get_user_model().objects.create_superuser("chief", "c@example.invalid", "x"))
    html = admin.get("/admin/sign-in-lockouts/").content.decode()
    assert '<th scope="row">editor</th>' in html and "203.0.113.7" in html
    assert "/admin/sign-in-lockouts/" in admin.get("/admin/").content.decode()  # the menu
    assert admin.get(f"/admin/sign-in-lockouts/{attempt.pk}/unlock/").status_code == 405
    assert admin.post("/admin/sign-in-lockouts/999999/unlock/").status_code == 404
    # Agency staff may not see or lift lockouts.
    handler = Client()
    handler.force_login(staff("hrss-zengdu"))
    assert "/admin/sign-in-lockouts/" not in handler.get("/admin/").content.decode()
    assert handler.get("/admin/sign-in-lockouts/")["Location"] == "/admin/"
    assert handler.post(f"/admin/sign-in-lockouts/{attempt.pk}/unlock/")["Location"] == "/admin/"
    assert sign_in(PASSWORD)[1].status_code == 429
    response = admin.post(f"/admin/sign-in-lockouts/{attempt.pk}/unlock/", follow=True)
    assert "已重新允许 editor 登录" in response.content.decode()
    assert "没有被暂停登录的用户名" in response.content.decode()
    assert sign_in(PASSWORD)[1].status_code == 302


def test_axes_gets_a_valid_address_or_none():
    """PostgreSQL's inet column takes addresses only: a request built in code (force_login,
    management commands) has no REMOTE_ADDR and is recorded without one."""
    from django.test import RequestFactory

    from portal.login_defences import sign_in_address

    factory = RequestFactory()
    assert sign_in_address(factory.get("/", REMOTE_ADDR="203.0.113.7")) == "203.0.113.7"
    assert sign_in_address(factory.get("/", REMOTE_ADDR="")) is None
