"""What every served instance shares, production and the `make run` demo alike (ADR 0021):
DEBUG off, fingerprinted static files from the site itself, browser hardening headers."""

from .base import *  # noqa: F403

DEBUG = False

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SESSION_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
# Wagtail's live preview shows the page in a same-origin iframe, so DENY would break the
# editor; SAMEORIGIN still blocks framing by other sites.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
