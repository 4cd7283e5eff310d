"""Two-factor authentication in a real browser (ADR 0037): a superuser signs in with the
password, is sent to enrolment, types the key into an "app" (the test computes the code
from the key shown as text), sees the 10 recovery codes, then uses the admin; the next
sign-in asks for a code. axe-core finds no serious problem on the two steps."""

from base64 import b32decode

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp

from .accessibility import blocking_violations
from .conftest import DESKTOP

PASSWORD = "Correct-Horse-42"


def code_from(secret_text: str, offset=0) -> str:
    secret = secret_text.replace(" ", "")
    key = b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key, drift=offset):06d}"


def password_sign_in(page, base):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.locator("button[type=submit]").click()


@pytest.mark.django_db(transaction=True)
def test_a_superuser_enrols_then_is_asked_for_a_code(
    live_server, browser_context_factory, settings
):
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    get_user_model().objects.create_superuser("chief", "chief@example.invalid", PASSWORD)
    base = live_server.url
    page = browser_context_factory(DESKTOP).new_page()
    page.set_default_timeout(30000)

    password_sign_in(page, base)
    page.wait_for_url("**/admin/two-factor/enrol/**")
    assert page.locator(".two-factor-qr svg").is_visible()
    assert blocking_violations(page) == []
    secret = page.locator(".two-factor-secret").first.inner_text()
    page.fill("#id_code", code_from(secret))
    page.locator("#id_code").press("Enter")
    page.wait_for_url("**/admin/two-factor/enrol/")  # the codes answer the POST
    codes = page.locator("ul.two-factor-codes code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="继续").click()
    page.wait_for_url("**/admin/")

    page.context.clear_cookies()
    password_sign_in(page, base)
    page.wait_for_url("**/admin/two-factor/verify/**")
    assert blocking_violations(page) == []
    page.fill("#id_code", codes[0])
    page.locator("#id_code").press("Enter")
    page.wait_for_url("**/admin/")
