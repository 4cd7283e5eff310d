"""`make run`: production settings on one machine, over plain http on localhost (ADR 0021).

DEBUG off, the real WSGI server, fingerprinted static files, the task worker and the
scheduler, exactly as in production; what differs is what a newcomer's laptop needs: a
secret key generated once into VAR_DIR, localhost as the host, cookies that work without
HTTPS, mail written to files under VAR_DIR/mail, SMS not sent (each
message stays in the notification log marked "not sent"), and a banner on every
page saying this is a demonstration.
"""

from .base import VAR_DIR
from .environment import env_bool, env_list, env_str
from .personal_data_keys import keys_from_environment
from .secret_key import instance_secret_key
from .served import *  # noqa: F403

SECRET_KEY = env_str("SECRET_KEY") or instance_secret_key(VAR_DIR)
# Personal data keys (ADR 0038): from the environment, else generated once into VAR_DIR.
PERSONAL_DATA_KEYS, PERSONAL_DATA_HASH_KEY = keys_from_environment(VAR_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

# Plain http on the loopback interface: no redirect to HTTPS, no secure-only cookies
# (the admin sign-in would otherwise silently fail), no HSTS.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))

# A second factor is optional here (staff may still enrol); the sign-in page says so.
STAFF_TWO_FACTOR_REQUIRED = env_bool("STAFF_TWO_FACTOR_REQUIRED", False)

# Every page says it is a demonstration, and where its messages go.
DEMO_INSTANCE = True
