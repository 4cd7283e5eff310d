"""One-time codes by SMS to the mobile of an application: proof that the person holding the
session also holds that phone, before the applicant's own personal data is shown unmasked
(the draft arbitration application). Kept in the session as a keyed hash, never in clear;
valid CODE_MINUTES, at most MAX_TRIES wrong guesses, sending rate-limited per case."""

import hashlib
import hmac
import secrets
import time

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

from applications.services import ratelimit
from cases.models import Notification
from cases.services import notify

SESSION_KEY = "one_time_code"
REVEALED_KEY = "revealed_case"
CODE_MINUTES = 10
REVEAL_MINUTES = 15
MAX_TRIES = 5


def _digest(case_pk: int, code: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"otp:{case_pk}:{code}".encode(), hashlib.sha256).hexdigest()


def send(request, case) -> bool:
    """Send a new code to the application's mobile; False when sending is rate-limited."""
    if not ratelimit.hit(
        "otp", {"case": str(case.pk), "ip": ratelimit.client_ip(request)}, settings.OTP_RATE_LIMIT
    ):
        return False
    code = f"{secrets.randbelow(10**6):06d}"
    request.session[SESSION_KEY] = {
        "case": case.pk,
        "digest": _digest(case.pk, code),
        "expires": time.time() + CODE_MINUTES * 60,
        "tries": 0,
    }
    text = render_to_string(
        "emails/one_time_code_sms.txt",
        {"code": code, "minutes": CODE_MINUTES, "verify_url": notify.verify_url()},
    ).strip()
    with transaction.atomic():
        notify.record(
            [
                notify.message(
                    case,
                    Notification.Channel.SMS,
                    Notification.Purpose.ONE_TIME_CODE,
                    case.applicant_phone,
                    "",
                    text,
                )
            ]
        )
    return True


def confirm(request, case, code: str) -> str:
    """'ok', 'expired' (or none sent), 'locked' (too many tries) or 'wrong'."""
    pending = request.session.get(SESSION_KEY)
    if not pending or pending.get("case") != case.pk or pending["expires"] < time.time():
        return "expired"
    if pending["tries"] >= MAX_TRIES:
        return "locked"
    pending["tries"] += 1
    request.session[SESSION_KEY] = pending
    if not hmac.compare_digest(pending["digest"], _digest(case.pk, code)):
        return "locked" if pending["tries"] >= MAX_TRIES else "wrong"
    del request.session[SESSION_KEY]
    request.session[REVEALED_KEY] = {"case": case.pk, "until": time.time() + REVEAL_MINUTES * 60}
    return "ok"


def revealed(request, case) -> bool:
    shown = request.session.get(REVEALED_KEY)
    return bool(shown) and shown.get("case") == case.pk and shown["until"] > time.time()


def code_pending(request, case) -> bool:
    pending = request.session.get(SESSION_KEY)
    return bool(pending) and pending.get("case") == case.pk and pending["expires"] > time.time()
