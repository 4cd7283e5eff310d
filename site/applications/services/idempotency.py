"""Idempotency-Key for the intake API, as the IETF httpapi draft describes it.

The key is bound to a fingerprint of the request body within its scope (the client: the
public API as a whole, or one court's token). Within KEY_LIFETIME the same key with the
same body maps to the same submission, so a retry gets the first case back; the same key
with another body is refused (KeyReused) and nothing is stored; after KEY_LIFETIME the key
is forgotten and starts a new submission. The submission's own unique `submission_key`
makes two simultaneous retries create one case.
"""

import hashlib
import re
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from applications.models import IdempotencyKey

KEY_LIFETIME = timedelta(hours=24)
KEY_SHAPE = re.compile(r"^[\x21-\x7e]{1,255}$")  # visible ASCII, as a header value allows


class KeyReused(Exception):
    """The key was used for another request within its lifetime."""


def valid_key(key: str) -> bool:
    return bool(KEY_SHAPE.match(key))


def fingerprint(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def claim(scope: str, key: str, body: bytes) -> str:
    """The submission key for this request; KeyReused if the key belongs to another body."""
    digest = fingerprint(body)
    now = timezone.now()
    record = IdempotencyKey.objects.filter(scope=scope, key=key).first()
    if record is not None and record.created_at <= now - KEY_LIFETIME:
        record.delete()
        record = None
    if record is None:
        try:
            with transaction.atomic():
                record = IdempotencyKey.objects.create(
                    scope=scope, key=key, fingerprint=digest, created_at=now
                )
        except IntegrityError:  # a simultaneous request with the same key won
            record = IdempotencyKey.objects.get(scope=scope, key=key)
    if record.fingerprint != digest:
        raise KeyReused
    return f"idempotency:{record.pk}"


def forget_expired() -> int:
    """Delete keys past their lifetime; returns how many."""
    deleted, _ = IdempotencyKey.objects.filter(
        created_at__lte=timezone.now() - KEY_LIFETIME
    ).delete()
    return deleted
