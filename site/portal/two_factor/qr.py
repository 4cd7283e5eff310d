"""The enrolment QR code as inline SVG, drawn on the server (no external host, no script)."""

from base64 import b32encode

import segno
from django.utils.safestring import mark_safe


def svg(url: str) -> str:
    return mark_safe(segno.make(url, error="m").svg_inline(scale=5, border=2))  # noqa: S308


def secret_text(device) -> str:
    """The key as the base32 text authenticator apps accept, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
