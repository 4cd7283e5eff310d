"""Test settings: real databases (SQLite or DATABASE_URL), immediate tasks, locmem mail."""

from .base import *  # noqa: F403
from .base import BASE_DIR, VAR_DIR
from .personal_data_keys import keys_from_environment

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
# Personal data keys (ADR 0038): generated once into VAR_DIR, as on the demo instance.
PERSONAL_DATA_KEYS, PERSONAL_DATA_HASH_KEY = keys_from_environment(VAR_DIR)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "cases.sms.MemoryBackend"  # like locmem mail: tests read cases.sms.outbox
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private"
# Each test run its own memory cache: runs side by side must not share counters or cached
# choices. tests/portal/test_shared_cache.py exercises the file and Redis caches.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests change content inside transactions that never commit (so purges never run): the
# page cache is off unless a test turns it on (tests/home/test_page_cache.py).
PAGE_CACHE_SECONDS = 0
# Abuse limits are exercised by their own tests, which lower them.
APPLICATION_RATE_LIMIT = "10000/h"
TRACK_RATE_LIMIT = "10000/h"
VERIFY_RATE_LIMIT = "10000/h"
STAFF_LOGIN_RATE_LIMIT = "10000/h"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"null": {"class": "logging.NullHandler"}},
    "root": {"handlers": ["null"]},
}
# Optional, as in the demo: staff signed in with force_login go straight through; the
# tests of two-factor authentication turn it on (tests/portal/two_factor/).
STAFF_TWO_FACTOR_REQUIRED = False
