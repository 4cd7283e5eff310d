"""Local development: `make run`."""

from .base import *  # noqa: F403
from .base import VAR_DIR
from .environment import env_str
from .personal_data_keys import keys_from_environment

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Personal data keys (ADR 0038): from the environment, else generated once into VAR_DIR.
PERSONAL_DATA_KEYS, PERSONAL_DATA_HASH_KEY = keys_from_environment(VAR_DIR)
