"""Production: every secret and host comes from the environment; refuse to start without."""

from django.core.exceptions import ImproperlyConfigured

from .environment import env_bool, env_int, env_list, env_str
from .personal_data_keys import keys_from_environment
from .served import *  # noqa: F403
from .served import SILENCED_SYSTEM_CHECKS

SECRET_KEY = env_str("SECRET_KEY", required=True)
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "SECRET_KEY must be at least 50 characters with at least 5 distinct characters."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", required=True)
# Personal data keys (ADR 0038): required, never generated; missing or malformed refuses.
PERSONAL_DATA_KEYS, PERSONAL_DATA_HASH_KEY = keys_from_environment(None)

# Behind a TLS-terminating reverse proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
# Off unless the operator opts in: on a subdomain of a government domain, includeSubDomains
# and preload would commit the parent domain and every sibling to HTTPS (ADR 0021).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [
    *SILENCED_SYSTEM_CHECKS,
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
# SMS (ADR 0042): named explicitly. Running without SMS is a choice someone makes
# (SMS_BACKEND=cases.sms.NotSendingBackend: messages are marked "not sent"), never a default;
# the tests' in-memory backend is refused.
SMS_BACKEND = env_str("SMS_BACKEND", required=True)
if SMS_BACKEND == "cases.sms.MemoryBackend":
    raise ImproperlyConfigured(
        "SMS_BACKEND=cases.sms.MemoryBackend is for tests only: use "
        "cases.sms.gateway.HttpGatewayBackend, or cases.sms.NotSendingBackend to send nothing."
    )
if SMS_BACKEND == "cases.sms.gateway.HttpGatewayBackend":
    for _name in ("SMS_GATEWAY_URL", "SMS_GATEWAY_ACCOUNT", "SMS_GATEWAY_SECRET"):
        env_str(_name, required=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Staff with access to personal data sign in with a second factor (ADR 0037).
STAFF_TWO_FACTOR_REQUIRED = env_bool("STAFF_TWO_FACTOR_REQUIRED", True)
