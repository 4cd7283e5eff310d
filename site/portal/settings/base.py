"""Settings shared by every environment. Environment-specific modules import this."""

import datetime
from pathlib import Path

from .cache import cache_from_environment
from .database import database_from_environment
from .environment import env_bool, env_int, env_list, env_networks, env_str
from .secret_key import owner_only_dir

SITE_DIR = Path(__file__).resolve().parent.parent.parent
BASE_DIR = SITE_DIR.parent
# Owner-only (0700): it holds the SQLite file, the generated keys and private media.
VAR_DIR = owner_only_dir(Path(env_str("VAR_DIR", str(BASE_DIR / "var"))))

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first so their templates and translations take precedence.
    "home",
    "personal_data",
    "guidance",
    "directory",
    "cases",
    "applications",
    "casework",
    "reporting",
    "search",
    "demo",
    "portal",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # API (django-ninja: serves its Swagger UI files locally when installed as an app)
    "ninja",
    # Background tasks
    "django_tasks",
    "django_tasks_db",
    # Forms and assets
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    # Django
    "whitenoise.runserver_nostatic",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Staff sign-in lockout (ADR 0035), Content-Security-Policy (ADR 0036)
    "axes",
    "csp",
    # Staff two-factor authentication: TOTP apps and recovery codes (ADR 0037)
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "portal.api_responses.ApiJsonMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before the page cache, so cached pages carry the policy too (ADR 0036).
    "portal.content_security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # The admin's script nonce into its inline scripts, before compression (ADR 0043).
    "portal.admin_nonces.AdminScriptNonceMiddleware",
    # Anonymous public pages from the shared cache, before sessions and the database.
    "home.page_cache.middleware.PageCacheMiddleware",
    "home.page_cache.site_lookup.SiteLookupMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.login_defences.SignInThrottleMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(); then the admin asks for the second factor (ADR 0037).
    "django_otp.middleware.OTPMiddleware",
    "portal.two_factor.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.idle_timeout.IdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it answers locked-out sign-ins.
    "axes.middleware.AxesMiddleware",
]

# Staff sign-in defences (ADR 0035): a username is locked at one address after
# STAFF_LOGIN_FAILURES failures for STAFF_LOCKOUT_MINUTES (django-axes; an administrator
# lifts it with `manage.py axes_reset_username NAME`); sign-in attempts and password-reset
# requests per address have ceilings; staff sessions end after STAFF_IDLE_MINUTES idle.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("STAFF_LOGIN_FAILURES", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("STAFF_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.login_defences.locked_out"
AXES_CLIENT_IP_CALLABLE = "portal.login_defences.sign_in_address"
STAFF_LOGIN_RATE_LIMIT = env_str("STAFF_LOGIN_RATE_LIMIT", "30/h")
PASSWORD_RESET_RATE_LIMIT = env_str("PASSWORD_RESET_RATE_LIMIT", "5/h")
STAFF_IDLE_MINUTES = env_int("STAFF_IDLE_MINUTES", 30)
# Two-factor authentication (ADR 0037): when required, every account that can see
# personal data (superusers, case staff) must enrol a TOTP app before using the admin.
# Optional here (demo, tests, development); production.py turns it on.
STAFF_TWO_FACTOR_REQUIRED = env_bool("STAFF_TWO_FACTOR_REQUIRED", False)
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "随州劳动争议调解中心")
# A wrong code waits 1, 2, 4, 8... seconds before the next one is checked (django-otp).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.display_mode",
                "home.context_processors.instance",
                "home.context_processors.chrome",
            ],
        },
    },
]

DATABASES = {"default": database_from_environment(VAR_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: everything people see is Chinese; code and msgids are English.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
# Our catalogue, then the Wagtail admin strings Wagtail's zh_Hans catalogue lacks (ADR 0048).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文")]
WAGTAIL_CONTENT_LANGUAGES = [("zh-hans", "简体中文")]

# Static and media files: every asset is served by the site itself (no CDN).
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Private uploads (evidence) live outside MEDIA_ROOT and are never served directly.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Backups (`manage.py backup`, nightly from the scheduler; ADR 0041): where archives go and
# how many of the newest the nightly job keeps.
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(VAR_DIR / "backups")))
BACKUP_KEEP = env_int("BACKUP_KEEP", 14)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

# Background tasks: the database backend and its worker (`manage.py db_worker`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Cache shared by every process: files under VAR_DIR/cache by default, Redis through
# REDIS_URL (settings/cache.py), so rate limits hold across workers and hosts.
CACHES = {"default": cache_from_environment(VAR_DIR)}

# Online applications: abuse limits (`<count>/<s|m|h|d>`) and request body ceilings.
# Reverse proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated),
# and how many of them append to it (applications/services/client_address.py).
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
APPLICATION_RATE_LIMIT = env_str("APPLICATION_RATE_LIMIT", "10/h")
TRACK_RATE_LIMIT = env_str("TRACK_RATE_LIMIT", "30/h")
VERIFY_RATE_LIMIT = env_str("VERIFY_RATE_LIMIT", "30/h")
# "Send me the reference again" on the confirmation page: per case (and per address).
REFERENCE_SMS_RATE_LIMIT = env_str("REFERENCE_SMS_RATE_LIMIT", "3/d")
OTP_RATE_LIMIT = env_str("OTP_RATE_LIMIT", "5/h")  # one-time codes sent per case and address
APPLICATION_MAX_BODY_BYTES = 55 * 1024 * 1024  # 5 evidence files of 10 MB plus the form
TRACK_MAX_BODY_BYTES = 16 * 1024
API_MAX_BODY_BYTES = 64 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024  # larger uploads stream to a temporary file
# Evidence upload quotas (ADR 0040): per browser session, per client address (shared cache
# counters, fixed windows) and a ceiling on all pending (not yet submitted) uploads on disk.
MEGABYTE = 1024 * 1024
EVIDENCE_SESSION_MAX_FILES = env_int("EVIDENCE_SESSION_MAX_FILES", 10)
EVIDENCE_SESSION_MAX_BYTES = env_int("EVIDENCE_SESSION_MAX_BYTES", 60 * MEGABYTE)
EVIDENCE_IP_HOURLY_FILES = env_int("EVIDENCE_IP_HOURLY_FILES", 30)
EVIDENCE_IP_HOURLY_BYTES = env_int("EVIDENCE_IP_HOURLY_BYTES", 200 * MEGABYTE)
EVIDENCE_IP_DAILY_FILES = env_int("EVIDENCE_IP_DAILY_FILES", 100)
EVIDENCE_IP_DAILY_BYTES = env_int("EVIDENCE_IP_DAILY_BYTES", 600 * MEGABYTE)
EVIDENCE_PENDING_MAX_BYTES = env_int("EVIDENCE_PENDING_MAX_BYTES", 2048 * MEGABYTE)
# What one browser session may hold in a wizard's answers, serialized (ADR 0040).
WIZARD_SESSION_MAX_BYTES = env_int("WIZARD_SESSION_MAX_BYTES", 64 * 1024)
# SMS (ADR 0042): by default nothing is sent and the messages say so ("not sent");
# production names its backend explicitly (production.py).
SMS_BACKEND = env_str("SMS_BACKEND", "cases.sms.NotSendingBackend")
SMS_GATEWAY_URL = env_str("SMS_GATEWAY_URL", "")
SMS_GATEWAY_ACCOUNT = env_str("SMS_GATEWAY_ACCOUNT", "")
SMS_GATEWAY_SECRET = env_str("SMS_GATEWAY_SECRET", "")
SMS_GATEWAY_SIGNATURE = env_str("SMS_GATEWAY_SIGNATURE", "")
SMS_GATEWAY_TEMPLATES = env_str("SMS_GATEWAY_TEMPLATES", "")
SMS_GATEWAY_TIMEOUT = env_int("SMS_GATEWAY_TIMEOUT", 10)

# Email: SMTP settings from the environment.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = '随州市劳动人事争议"一站式"多元联调联处中心'
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Chinese-aware wrapper around the database backend (ADR 0004, site/search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "ofd", "wps"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No third-party requests from the admin: Gravatar would receive a hash of each staff
# member's email address (and the admin would try to reach the Internet).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Mediator register imports (site/directory/register, ADR 0010).
DIRECTORY_IMPORT_MAX_BYTES = env_int("DIRECTORY_IMPORT_MAX_BYTES", 5 * 1024 * 1024)
DIRECTORY_IMPORT_MAX_ROWS = env_int("DIRECTORY_IMPORT_MAX_ROWS", 20000)

# A demonstration instance (`make run`, settings/demo.py) says so on every page.
DEMO_INSTANCE = env_bool("DEMO_INSTANCE", False)

# Display preference cookie (large text / high contrast for older users).
DISPLAY_MODE_COOKIE = "display_mode"

# Browser features no page of this site uses are switched off for every page and frame
# (Permissions-Policy, django-permissions-policy; ADR 0031).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# The anonymous page cache (home/page_cache, ADR 0030): how long a stored page lives (0
# turns the cache off) and how long browsers may reuse one without asking again (0: they
# revalidate with the ETag every time, answered 304 from the cache).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60)
PAGE_CACHE_BROWSER_SECONDS = env_int("PAGE_CACHE_BROWSER_SECONDS", 0)
# A caching proxy in front (nginx, Varnish) that accepts PURGE requests: every content
# change purges every live page's URL there too (home/page_cache/tasks.py, through
# Wagtail's frontend-cache backends). Example: docs/deploy/nginx-page-cache.conf.
FRONTEND_CACHE_PURGE_URL = env_str("FRONTEND_CACHE_PURGE_URL", "")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}


# Serve MEDIA_ROOT from the site itself (small deployments); set false when a
# reverse proxy or object storage serves it.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# Casework clocks (docs/architecture.md, "Legal clocks"): internal service levels in working
# days.
CASE_ACCEPTANCE_WORKING_DAYS = env_int("CASE_ACCEPTANCE_WORKING_DAYS", 3)
CASE_SETUP_RESPONSE_WORKING_DAYS = env_int("CASE_SETUP_RESPONSE_WORKING_DAYS", 10)
CASE_DUE_SOON_DAYS = env_int("CASE_DUE_SOON_DAYS", 3)

# Personal data retention (PIPL art. 19; ADR 0039): what an applicant typed into a form
# and never sent is dropped after FORM_DATA_HOURS; a case's names, numbers and evidence
# are anonymised PERSONAL_DATA_RETENTION_YEARS after it was closed (statistics stay).
FORM_DATA_HOURS = env_int("FORM_DATA_HOURS", 24)
PERSONAL_DATA_RETENTION_YEARS = env_int("PERSONAL_DATA_RETENTION_YEARS", 3)
