"""Bad input at the verify step (ADR 0037): wrong, replayed, malformed and used codes, and
django-otp's throttle; each refused with a Chinese message and nothing changed."""

import datetime

import pytest
import time_machine
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.two_factor import devices
from tests.portal.two_factor.conftest import START, code_for, enrolled, sign_in, wrong_code

pytestmark = pytest.mark.django_db
VERIFY = "/admin/two-factor/verify/"


def verify(client, code):
    return client.post(VERIFY, {"code": code, "next": "/admin/"})


def refused(response, message):
    assert response.status_code == 200  # the form again
    assert message in response.content.decode()


def test_a_wrong_code_keeps_the_user_at_the_verify_step(admin_user):
    device = enrolled(admin_user)
    with time_machine.travel(START, tick=False):
        client = sign_in(admin_user)
        refused(verify(client, wrong_code(device)), "验证码不正确，请重试。")
        assert client.get("/admin/")["Location"].startswith(VERIFY)


@pytest.mark.parametrize("code", ["", "12345", "1234567", "12a456", "abc", "我的验证码", "x" * 40])
def test_malformed_input_is_refused_before_any_device_is_asked(admin_user, code):
    device = enrolled(admin_user)
    with time_machine.travel(START, tick=False):
        client = sign_in(admin_user)
        response = verify(client, code)
        assert response.status_code == 200
        assert "请输入" in response.content.decode() or "此字段" in response.content.decode()
        device.refresh_from_db()
        assert device.throttling_failure_count == 0
        assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_spaces_in_a_code_are_forgiven(admin_user):
    device = enrolled(admin_user)
    with time_machine.travel(START, tick=False):
        client = sign_in(admin_user)
        code = code_for(device)
        assert verify(client, f" {code[:3]} {code[3:]} ")["Location"] == "/admin/"


def test_a_code_is_never_accepted_twice(admin_user):
    """django-otp's TOTP device remembers the last time step used (last_t)."""
    device = enrolled(admin_user)
    with time_machine.travel(START, tick=False):
        code = code_for(device)
        assert verify(sign_in(admin_user), code)["Location"] == "/admin/"
        replay = sign_in(admin_user, address="198.51.100.9")  # e.g. a watcher's browser
        refused(verify(replay, code), "验证码不正确")
        assert replay.get("/admin/")["Location"].startswith(VERIFY)
    with time_machine.travel(START + datetime.timedelta(seconds=30), tick=False):
        # The next time step's code works (and the throttle's wait has passed).
        assert verify(replay, code_for(device))["Location"] == "/admin/"


def test_wrong_codes_are_throttled_with_a_growing_wait(admin_user):
    device = enrolled(admin_user)
    with time_machine.travel(START, tick=False):
        client = sign_in(admin_user)
        refused(verify(client, wrong_code(device)), "验证码不正确")
        # At once, even the right code is not checked: 1 second to wait.
        refused(verify(client, code_for(device)), "验证码错误次数过多。请等待 1 秒")
    with time_machine.travel(START + datetime.timedelta(seconds=2), tick=False):
        refused(verify(client, wrong_code(device)), "验证码不正确")
        refused(verify(client, code_for(device)), "请等待 2 秒")
        device.refresh_from_db()
        assert device.throttling_failure_count == 2
    with time_machine.travel(START + datetime.timedelta(seconds=5), tick=False):
        assert verify(client, code_for(device))["Location"] == "/admin/"
        device.refresh_from_db()
        assert device.throttling_failure_count == 0  # a success resets the throttle


def test_a_recovery_code_works_once(admin_user):
    enrolled(admin_user)
    codes = devices.issue_recovery_codes(admin_user)
    with time_machine.travel(START, tick=False):
        client = sign_in(admin_user)
        assert verify(client, codes[0].upper())["Location"] == "/admin/"
        assert client.get("/admin/").status_code == 200
        assert devices.remaining_recovery_codes(admin_user) == 9
        again = sign_in(admin_user, address="198.51.100.9")
        refused(verify(again, codes[0]), "验证码不正确")
        assert again.get("/admin/")["Location"].startswith(VERIFY)
    with time_machine.travel(START + datetime.timedelta(seconds=2), tick=False):
        assert verify(again, codes[1])["Location"] == "/admin/"


def test_new_recovery_codes_replace_the_old_ones(admin_user):
    enrolled(admin_user)
    old = devices.issue_recovery_codes(admin_user)
    new = devices.issue_recovery_codes(admin_user)
    assert StaticToken.objects.filter(device__user=admin_user).count() == 10
    assert not set(old) & set(StaticToken.objects.values_list("token", flat=True))
    assert set(new) == set(StaticToken.objects.values_list("token", flat=True))


def test_an_unconfirmed_device_is_not_a_second_factor(admin_user):
    TOTPDevice.objects.create(user=admin_user, name="authenticator", confirmed=False)
    with time_machine.travel(START, tick=False):
        client = sign_in(admin_user)
        assert client.get("/admin/").status_code == 200  # optional here: straight through
