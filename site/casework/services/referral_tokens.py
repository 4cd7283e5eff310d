"""Court API tokens: issue (shown once), revoke, and recognise a bearer token (ADR 0016).

A token is `szr_` plus 43 random URL-safe characters (256 bits). Only its SHA-256 is
stored, with the first 8 characters as a visible label; whoever reads the database cannot
use it. Issuing and revoking are audit-logged.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.models import AuditEntry, ReferralToken
from casework.models.referrals import hash_token
from casework.services import audit
from directory.regions import AgencyKind

TOKEN_PREFIX = "szr_"  # noqa: S105 - a label, not a secret
# last_used_at is written at most this often per token, not on every request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class TokenRefused(Exception):
    pass


def issue(court, name: str = "", user=None) -> tuple[ReferralToken, str]:
    """A new token for `court`: (record, the token itself, to show once)."""
    if court.kind != AgencyKind.COURT:
        raise TokenRefused(_("Tokens are issued to courts only."))
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ReferralToken.objects.create(
            court=court,
            name=name.strip()[:100],
            prefix=raw[:8],
            token_hash=hash_token(raw),
            created_by=user if getattr(user, "pk", None) else None,
        )
        audit.record(
            user,
            AuditEntry.Action.TOKEN,
            detail=f"issued {token.prefix}… ({token.name or '-'})",
            agency=court,
        )
    return token, raw


def revoke(token: ReferralToken, user=None) -> bool:
    """Revoke a token; False when it already was (nothing changes then)."""
    with transaction.atomic():
        updated = ReferralToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if updated:
            audit.record(
                user,
                AuditEntry.Action.TOKEN,
                detail=f"revoked {token.prefix}… ({token.name or '-'})",
                agency=token.court,
            )
    token.refresh_from_db(fields=["revoked_at"])
    return bool(updated)


@dataclass(frozen=True)
class TokenCheck:
    """The outcome of reading an Authorization header: a token, or why there is none."""

    token: ReferralToken | None
    message: str = ""


def authenticate(header: str) -> TokenCheck:
    scheme, _space, raw = (header or "").strip().partition(" ")
    raw = raw.strip()
    if not header:
        return TokenCheck(None, _("Send the court's token: Authorization: Bearer <token>."))
    if scheme.lower() != "bearer" or not raw:
        return TokenCheck(None, _("Use the Bearer scheme: Authorization: Bearer <token>."))
    token = ReferralToken.objects.select_related("court").filter(token_hash=hash_token(raw)).first()
    if token is None:
        return TokenCheck(None, _("This token is not valid."))
    if token.revoked_at is not None:
        return TokenCheck(None, _("This token has been revoked. Ask the center for a new one."))
    _touch(token)
    return TokenCheck(token)


def _touch(token: ReferralToken) -> None:
    now = timezone.now()
    if token.last_used_at and now - token.last_used_at < LAST_USED_RESOLUTION:
        return
    ReferralToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
