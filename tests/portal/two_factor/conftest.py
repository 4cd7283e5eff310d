"""Staff for the two-factor tests: a superuser, a case handler, a liaison, with passwords
(the full sign-in goes through Wagtail's login view and django-axes)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.models import Agency, AgencyMembership

PASSWORD = "Correct-Horse-42"
START = datetime.datetime(2026, 3, 2, 9, 0, 5, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # sign-in ceilings count in the shared cache
    yield
    cache.clear()


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.invalid", PASSWORD)


@pytest.fixture
def agency(db):
    return Agency.objects.create(
        code="zd-hrss", kind="hrss", region="zengdu", name="曾都区人社局", short_name="曾都人社"
    )


def member(agency, username, role):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.invalid", PASSWORD, is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    AgencyMembership.objects.create(agency=agency, user=user, role=role)
    return user


@pytest.fixture
def handler(agency):
    return member(agency, "handler", AgencyMembership.Role.HANDLER)


@pytest.fixture
def liaison(agency):
    return member(agency, "liaison", AgencyMembership.Role.LIAISON)


def code_for(device, offset=0):
    """The code the app shows now (plus `offset` time steps): from the device's key."""
    return f"{totp(device.bin_key, drift=offset):06d}"


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def sign_in(user, address="203.0.113.7") -> Client:
    """Password sign-in through Wagtail's login view (django-axes counting)."""
    client = Client(REMOTE_ADDR=address)
    response = client.post("/admin/login/", {"username": user.get_username(), "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    return client


def wrong_code(device):
    """A well-formed code that is none of the codes the device accepts now."""
    accepted = {code_for(device, offset) for offset in (-1, 0, 1)}
    return next(f"{n:06d}" for n in range(1000000) if f"{n:06d}" not in accepted)
