"""The account page (status, new recovery codes, turning it off), a superuser's reset of
a lost device (admin and `manage.py reset_two_factor`), and the record of resets."""

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import override_settings
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.two_factor import devices
from portal.two_factor.models import SecondFactorReset
from tests.portal.two_factor.conftest import START, code_for, enrolled, sign_in, wrong_code

pytestmark = pytest.mark.django_db
ACCOUNT = "/admin/two-factor/"


def verified(user, device):
    client = sign_in(user)
    assert client.post("/admin/two-factor/verify/", {"code": code_for(device)}).status_code == 302
    return client


def test_the_account_area_links_to_the_status_page(admin_user):
    with time_machine.travel(START, tick=False):
        client = sign_in(admin_user)
        assert ACCOUNT in client.get("/admin/account/").content.decode()
        html = client.get(ACCOUNT).content.decode()
        assert "您的账户未开启双重验证" in html and "设置双重验证" in html


def test_new_recovery_codes_need_a_current_code(admin_user):
    device = enrolled(admin_user)
    old = devices.issue_recovery_codes(admin_user)
    with time_machine.travel(START, tick=False):
        client = verified(admin_user, device)
        assert "剩余恢复码: 10" in client.get(ACCOUNT).content.decode()
        response = client.post(f"{ACCOUNT}recovery-codes/", {"renew-code": wrong_code(device)})
        assert response["Location"] == ACCOUNT
        assert "验证码不正确" in client.get(ACCOUNT).content.decode()
        assert set(StaticToken.objects.values_list("token", flat=True)) == set(old)
        response = client.post(f"{ACCOUNT}recovery-codes/", {"renew-code": "12"})
        assert response["Location"] == ACCOUNT
        assert set(StaticToken.objects.values_list("token", flat=True)) == set(old)
    with time_machine.travel(START.replace(second=40), tick=False):
        response = client.post(f"{ACCOUNT}recovery-codes/", {"renew-code": code_for(device)})
        assert response.status_code == 200
        new = response.context["codes"]
        assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)
        assert not set(new) & set(old)


def test_optional_staff_may_turn_it_off_with_a_current_code(admin_user):
    device = enrolled(admin_user)
    devices.issue_recovery_codes(admin_user)
    with time_machine.travel(START, tick=False):
        client = verified(admin_user, device)
        assert "关闭双重验证" in client.get(ACCOUNT).content.decode()
        client.post(f"{ACCOUNT}disable/", {"disable-code": "abcdefgh"})  # not a TOTP code
        assert TOTPDevice.objects.filter(user=admin_user).exists()
    with time_machine.travel(START.replace(second=40), tick=False):
        response = client.post(f"{ACCOUNT}disable/", {"disable-code": code_for(device)})
        assert response["Location"] == ACCOUNT
        assert not TOTPDevice.objects.filter(user=admin_user).exists()
        assert not StaticDevice.objects.filter(user=admin_user).exists()
        assert client.get("/admin/").status_code == 200  # optional: no second factor now


@override_settings(STAFF_TWO_FACTOR_REQUIRED=True)
def test_required_staff_cannot_turn_it_off(handler):
    device = enrolled(handler)
    with time_machine.travel(START, tick=False):
        client = verified(handler, device)
        assert "关闭双重验证" not in client.get(ACCOUNT).content.decode()
    with time_machine.travel(START.replace(second=40), tick=False):
        response = client.post(f"{ACCOUNT}disable/", {"disable-code": code_for(device)})
        assert response["Location"] == "/admin/"  # Wagtail's answer to PermissionDenied
        assert TOTPDevice.objects.filter(user=handler, confirmed=True).exists()


@override_settings(STAFF_TWO_FACTOR_REQUIRED=True)
def test_a_superuser_resets_a_lost_device_and_it_is_recorded(admin_user, handler):
    handler_device = enrolled(handler)
    devices.issue_recovery_codes(handler)
    device = enrolled(admin_user)
    with time_machine.travel(START, tick=False):
        client = verified(admin_user, device)
        page = client.get(f"{ACCOUNT}users/").content.decode()
        assert "handler" in page
        response = client.post(f"{ACCOUNT}users/{handler.pk}/reset/")
        assert response["Location"] == f"{ACCOUNT}users/"
        assert not TOTPDevice.objects.filter(user=handler).exists()
        assert not StaticDevice.objects.filter(user=handler).exists()
        entry = SecondFactorReset.objects.get()
        assert (entry.user, entry.reset_by, entry.how) == (handler, admin_user, "admin")
        assert "在后台操作" in client.get(f"{ACCOUNT}users/").content.decode()
        # The handler's next sign-in leads to enrolment, not to the lost device.
        handler_client = sign_in(handler, address="198.51.100.9")
        assert handler_client.get("/admin/")["Location"].startswith("/admin/two-factor/enrol/")
        assert not TOTPDevice.objects.filter(pk=handler_device.pk).exists()


def test_only_superusers_reset_or_see_the_list(admin_user, handler):
    device = enrolled(admin_user)
    with time_machine.travel(START, tick=False):
        client = sign_in(handler)
        # Wagtail answers PermissionDenied with a redirect to the dashboard.
        assert client.get(f"{ACCOUNT}users/")["Location"] == "/admin/"
        assert client.post(f"{ACCOUNT}users/{admin_user.pk}/reset/")["Location"] == "/admin/"
        assert TOTPDevice.objects.filter(pk=device.pk).exists()
        assert not SecondFactorReset.objects.exists()


def test_the_reset_command(admin_user):
    enrolled(admin_user)
    call_command("reset_two_factor", "chief")
    assert not TOTPDevice.objects.filter(user=admin_user).exists()
    entry = SecondFactorReset.objects.get()
    assert (entry.username, entry.reset_by, entry.how) == ("chief", None, "command")
    with pytest.raises(CommandError):
        call_command("reset_two_factor", "nobody")
    assert SecondFactorReset.objects.count() == 1
