"""The sign-in flow with a second factor (ADR 0037): password, then the verify step (or
enrolment when required and missing); public pages and the API are unaffected."""

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.two_factor import policy
from tests.portal.two_factor.conftest import START, code_for, enrolled, sign_in, wrong_code

pytestmark = pytest.mark.django_db
REQUIRED = override_settings(STAFF_TWO_FACTOR_REQUIRED=True)


def test_optional_a_user_without_a_device_goes_straight_to_the_admin(admin_user):
    client = Client()
    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 200


def test_optional_the_sign_in_page_says_no_second_factor_is_required():
    html = Client().get("/admin/login/").content.decode()
    assert "不要求第二重验证" in html


@REQUIRED
def test_required_the_sign_in_page_does_not_say_it():
    html = Client().get("/admin/login/").content.decode()
    assert "不要求第二重验证" not in html


@REQUIRED
def test_required_and_not_enrolled_every_admin_url_leads_to_enrolment(admin_user):
    client = sign_in(admin_user)
    for url in ("/admin/", "/admin/pages/", "/admin/cases/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/two-factor/enrol/?next=")


@REQUIRED
def test_enrolment_shows_a_qr_code_and_the_key_then_ten_recovery_codes_once(admin_user):
    with time_machine.travel(START, tick=False):
        client = sign_in(admin_user)
        html = client.get("/admin/two-factor/enrol/?next=/admin/pages/").content.decode()
        assert "<svg" in html and "密钥" in html
        device = TOTPDevice.objects.get(user=admin_user, confirmed=False)
        client.get("/admin/two-factor/enrol/")  # a reload keeps the same pending device
        assert TOTPDevice.objects.filter(user=admin_user).count() == 1
        response = client.post(
            "/admin/two-factor/enrol/", {"code": code_for(device), "next": "/admin/pages/"}
        )
        assert response.status_code == 200
        codes = response.context["codes"]
        assert len(codes) == 10 and len(set(codes)) == 10
        assert all(code in response.content.decode() for code in codes)
        device.refresh_from_db()
        assert device.confirmed
        assert client.get("/admin/pages/").status_code == 200  # verified in this session
        # Shown once: enrolment now leads to the account page, which shows no codes.
        assert client.get("/admin/two-factor/enrol/")["Location"] == "/admin/two-factor/"
        account = client.get("/admin/two-factor/").content.decode()
        assert not any(code in account for code in codes)


@REQUIRED
def test_a_wrong_enrolment_code_confirms_nothing(admin_user):
    client = sign_in(admin_user)
    with time_machine.travel(START, tick=False):
        client.get("/admin/two-factor/enrol/")
        device = TOTPDevice.objects.get(user=admin_user)
        response = client.post("/admin/two-factor/enrol/", {"code": wrong_code(device)})
        assert response.status_code == 200
        assert "验证码不正确" in response.content.decode()
        device.refresh_from_db()
        assert not device.confirmed
        assert client.get("/admin/")["Location"].startswith("/admin/two-factor/enrol/")


@REQUIRED
def test_enrolled_the_password_leads_to_the_verify_step_then_the_admin_works(handler):
    device = enrolled(handler)
    with time_machine.travel(START, tick=False):
        client = sign_in(handler)
        response = client.get("/admin/cases/")
        assert response["Location"] == "/admin/two-factor/verify/?next=%2Fadmin%2Fcases%2F"
        page = client.get(response["Location"])
        assert page.status_code == 200 and "两步验证" in page.content.decode()
        response = client.post(
            "/admin/two-factor/verify/", {"code": code_for(device), "next": "/admin/cases/"}
        )
        assert response.status_code == 302 and response["Location"] == "/admin/cases/"
        assert client.get("/admin/").status_code == 200


def test_optional_but_enrolled_the_verify_step_is_asked_too(admin_user):
    device = enrolled(admin_user)
    with time_machine.travel(START, tick=False):
        client = sign_in(admin_user)
        assert client.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")
        client.post("/admin/two-factor/verify/", {"code": code_for(device)})
        assert client.get("/admin/").status_code == 200


def test_the_verify_step_refuses_a_next_address_on_another_host(admin_user):
    device = enrolled(admin_user)
    with time_machine.travel(START, tick=False):
        client = sign_in(admin_user)
        response = client.post(
            "/admin/two-factor/verify/",
            {"code": code_for(device), "next": "https://evil.example/"},
        )
    assert response["Location"] == "/admin/"


@REQUIRED
def test_public_pages_and_the_api_are_unaffected(admin_user):
    client = sign_in(admin_user)  # signed in, required, not enrolled
    for url in ("/search/", "/api/v1/openapi.json", "/healthz"):
        response = client.get(url)
        assert "two-factor" not in response.get("Location", ""), url
    assert client.get("/api/v1/openapi.json").status_code == 200
    anonymous = Client()
    assert anonymous.get("/admin/")["Location"].startswith("/admin/login/")


def test_outside_the_admin_a_password_alone_signs_in_nobody(admin_user, settings, tmp_path):
    """A document in a collection kept for signed-in users: closed after the password,
    open once the code is given."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.models import Collection, CollectionViewRestriction

    settings.MEDIA_ROOT = tmp_path
    collection = Collection.get_first_root_node().add_child(name="内部资料")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document(title="内部通讯录", collection=collection)
    document.file.save("staff.txt", ContentFile(b"internal"), save=False)
    document.save()
    device = enrolled(admin_user)
    with time_machine.travel(START, tick=False):
        client = sign_in(admin_user)
        closed = client.get(document.url)
        assert closed.status_code == 302 and "login" in closed["Location"]
        response = client.post("/admin/two-factor/verify/", {"code": code_for(device)})
        assert response.status_code == 302
        opened = client.get(document.url)
        assert opened.status_code == 200
        assert b"".join(opened.streaming_content) == b"internal"


@REQUIRED
def test_who_must_use_a_second_factor(admin_user, handler, liaison):
    assert policy.is_required(admin_user)
    assert policy.is_required(handler)
    assert not policy.is_required(liaison)  # sees no case
    editor = get_user_model().objects.create_user("editor", is_staff=True)
    assert not policy.is_required(editor)


def test_nobody_must_when_the_setting_is_off(admin_user, handler):
    assert not policy.is_required(admin_user)
    assert not policy.is_required(handler)


@REQUIRED
def test_a_liaison_without_personal_data_is_not_sent_to_enrolment(liaison):
    client = sign_in(liaison)
    assert "two-factor" not in client.get("/admin/").get("Location", "")


def test_whether_there_is_a_device_is_looked_up_once_a_session(admin_user):
    with time_machine.travel(START, tick=False):
        client = sign_in(admin_user)
        client.get("/admin/")
        enrolled(admin_user)  # in another browser: counts here from the next sign-in
        assert client.get("/admin/").status_code == 200
        client = sign_in(admin_user)
        assert client.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")


@REQUIRED
def test_a_device_reset_meanwhile_leads_to_enrolment_not_a_loop(admin_user):
    device = enrolled(admin_user)
    with time_machine.travel(START, tick=False):
        client = sign_in(admin_user)
        assert client.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")
        device.delete()
        response = client.get("/admin/two-factor/verify/?next=/admin/")
        assert response["Location"].startswith("/admin/two-factor/enrol/")
        assert client.get("/admin/")["Location"].startswith("/admin/two-factor/enrol/")


def test_the_verify_step_offers_signing_out(admin_user):
    enrolled(admin_user)
    with time_machine.travel(START, tick=False):
        client = sign_in(admin_user)
        assert 'action="/admin/logout/"' in client.get("/admin/two-factor/verify/").content.decode()
        client.post("/admin/logout/")
        assert client.get("/admin/")["Location"].startswith("/admin/login/")


@REQUIRED
def test_the_icon_sprite_is_served_before_the_second_factor(admin_user):
    """Every admin page fetches it, the two steps too: a redirect would put the enrolment
    page where the icons belong."""
    client = sign_in(admin_user)
    response = client.get("/admin/sprite/")
    assert response.status_code == 200 and "two-factor" not in response.get("Location", "")
