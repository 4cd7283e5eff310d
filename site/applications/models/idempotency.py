"""Idempotency keys of the intake API (the IETF httpapi Idempotency-Key draft)."""

from django.db import models
from django.utils import timezone


class IdempotencyKey(models.Model):
    """A key a client sent, bound to the request it came with. Within 24 hours the same
    key with the same body answers the first response again; with another body it is
    refused. `scope` keeps clients apart (the public API, or one court's token)."""

    scope = models.CharField(max_length=64)
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64)  # SHA-256 of the request body
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="idempotency_key_per_scope")
        ]

    def __str__(self):
        return f"{self.scope}:{self.key}"
