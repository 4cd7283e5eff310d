"""The cache every process shares (web workers, the task worker, the scheduler).

Rate limits and cached filter choices must hold across processes: `make run` starts
several gunicorn workers, and a per-process memory cache would give an abuser the limit
once per worker. Embedded default: Django's file-based cache under VAR_DIR/cache (its
counters are not atomic across processes, so under a burst a few hits may go uncounted;
limits hold within that margin). Production: Redis through REDIS_URL, with Django's own
Redis backend (atomic counters, shared across hosts), made to fail soft when Redis is down
(portal/resilient_cache.py).
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .environment import env_str


def cache_from_environment(var_dir: Path) -> dict:
    url = env_str("REDIS_URL")
    if url:
        if not url.startswith(("redis://", "rediss://", "unix://")):
            raise ImproperlyConfigured(
                f"REDIS_URL must start with redis://, rediss:// or unix://, got {url!r}."
            )
        return {
            "BACKEND": "portal.resilient_cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": env_str("PORTAL_CACHE_KEY_PREFIX", "portal"),
        }
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(Path(var_dir) / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
