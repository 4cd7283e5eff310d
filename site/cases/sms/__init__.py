"""The SMS channel (ADR 0042). A backend is a class with `send(phone, text, purpose)`,
named by the SMS_BACKEND setting:

- `cases.sms.gateway.HttpGatewayBackend`: a real SMS provider over HTTP, configured from the
  environment (gateway.py);
- `cases.sms.NotSendingBackend`: sends nothing and says so: its messages end "not sent",
  never "sent" (the demo, and production only when SMS_BACKEND names it explicitly);
- `cases.sms.MemoryBackend`: tests only (like Django's locmem mail backend); production
  refuses it.

A backend raises `TemporaryFailure` (an OSError: retried with backoff) or
`PermanentFailure` (the message is marked failed at once).
"""

from django.conf import settings
from django.utils.module_loading import import_string

NOT_SENDING = "cases.sms.NotSendingBackend"
MEMORY = "cases.sms.MemoryBackend"

# MemoryBackend's messages, (phone, text) in order: tests read and clear it.
outbox: list[tuple[str, str]] = []


class TemporaryFailure(OSError):
    """The gateway could not be reached or answered with a server error: try again later."""


class PermanentFailure(Exception):
    """The gateway refused the message (bad number, unknown template...): retrying won't help."""


class NotSendingBackend:
    """Sends nothing and keeps nothing: the Notification row is the record, marked not sent."""

    delivers = False

    def send(self, phone: str, text: str, purpose: str = "") -> None:
        return None


class MemoryBackend:
    """Tests only: keeps each message in `outbox` and counts it as sent."""

    delivers = True

    def send(self, phone: str, text: str, purpose: str = "") -> None:
        outbox.append((phone, text))


def get_backend():
    return import_string(settings.SMS_BACKEND)()
