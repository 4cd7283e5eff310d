"""The SMS channel. No gateway is available, so the default backend only records messages.

A real gateway is a class with `send(phone, text)` named by the SMS_BACKEND setting.
"""

from django.conf import settings
from django.utils.module_loading import import_string

outbox: list[tuple[str, str]] = []


class RecordingBackend:
    """Keeps each message in `outbox` (and in its Notification row); sends nothing."""

    def send(self, phone: str, text: str) -> None:
        outbox.append((phone, text))


def get_backend():
    return import_string(getattr(settings, "SMS_BACKEND", "cases.sms.RecordingBackend"))()
