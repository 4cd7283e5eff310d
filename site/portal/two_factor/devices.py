"""The second factor's life: enrol a TOTP app, confirm it with a code, issue recovery
codes, verify a code at sign-in, disable, reset. Views call these; nothing else touches
the django-otp devices."""

import logging
import math
from dataclasses import dataclass

import django_otp
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.two_factor.models import SecondFactorReset

logger = logging.getLogger("portal.two_factor")

TOTP_NAME = "authenticator"
RECOVERY_NAME = "recovery"
RECOVERY_CODES = 10


@dataclass
class Outcome:
    ok: bool
    error: str = ""
    device: object = None


def confirmed_totp(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def is_enrolled(user) -> bool:
    return confirmed_totp(user) is not None


def pending_totp(user) -> TOTPDevice:
    """The unconfirmed device being enrolled: kept until confirmed, so a reload shows the
    same secret; a confirmed one is never returned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def remaining_recovery_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def _throttled(device) -> str:
    allowed, detail = device.verify_is_allowed()
    if allowed:
        return ""
    detail = detail or {}
    if detail.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS and detail.get("locked_until"):
        seconds = max(1, math.ceil((detail["locked_until"] - timezone.now()).total_seconds()))
        return _("Too many wrong codes. Wait %(seconds)d seconds, then enter the current code.") % {
            "seconds": seconds
        }
    return _("Too many wrong codes. Wait a moment, then enter the current code.")


def _check(device, token) -> Outcome:
    """One device, one token, with django-otp's throttle: a wrong code doubles the wait
    before the next one is checked; a code's time step is never accepted twice."""
    message = _throttled(device)
    if message:
        return Outcome(False, message)
    if device.verify_token(token):
        return Outcome(True, device=device)
    return Outcome(False, _("That code is not right. Try again."))


def confirm_enrolment(request, device: TOTPDevice, code: str) -> tuple[Outcome, list[str]]:
    """The first code from the app confirms the device; the user is verified in this
    session and gets fresh recovery codes (shown once)."""
    outcome = _check(device, code)
    if not outcome.ok:
        return outcome, []
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = issue_recovery_codes(device.user)
    django_otp.login(request, device)
    logger.info("Second factor enrolled for user %s", device.user.pk)
    return outcome, codes


def issue_recovery_codes(user) -> list[str]:
    """Ten new single-use codes; the old ones stop working."""
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        device.throttle_reset(commit=False)
        device.confirmed = True
        device.save()
        codes = [StaticToken.random_token() for _n in range(RECOVERY_CODES)]
        device.token_set.bulk_create([StaticToken(device=device, token=code) for code in codes])
        return codes


def verify(request, code: str) -> Outcome:
    """A 6-digit code checks the app, anything else a recovery code (used up on success).
    On success the session is verified (django_otp.login)."""
    user = request.user
    if len(code) == 6 and code.isdigit():
        device = confirmed_totp(user)
    else:
        device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return Outcome(False, _("That code is not right. Try again."))
    outcome = _check(device, code)
    if outcome.ok:
        django_otp.login(request, device)
    return outcome


def check_current(user, code: str) -> Outcome:
    """Re-authentication for a sensitive change (new recovery codes, disabling)."""
    device = confirmed_totp(user)
    if device is None:
        return Outcome(False, _("That code is not right. Try again."))
    return _check(device, code)


def disable(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    logger.info("Second factor disabled by user %s", user.pk)


def reset(user, by=None, how: str = SecondFactorReset.How.ADMIN) -> SecondFactorReset:
    """A superuser's reset of a lost device: every device goes, the user enrols again at
    the next sign-in (when required). Recorded."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        entry = SecondFactorReset.objects.create(
            user=user, username=user.get_username(), reset_by=by, how=how
        )
    logger.warning(
        "Second factor reset for user %s by %s (%s)", user.pk, getattr(by, "pk", None), how
    )
    return entry
