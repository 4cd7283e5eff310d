"""Fixed-window rate limits in the cache, per client IP and per phone number.

Rates look like `10/h` (also `/s`, `/m`, `/d`) and come from the APPLICATION_RATE_LIMIT
and TRACK_RATE_LIMIT settings. The cache must be shared by all web processes for the
limits to hold across them (Redis in a scale-out deployment).
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from applications.services.client_address import client_ip
from personal_data import keys

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    try:
        count, period = rate.strip().split("/")
        return int(count), PERIODS[period.strip().lower()[0]]
    except (ValueError, KeyError, IndexError):
        raise ImproperlyConfigured(f"A rate limit looks like 10/h, got {rate!r}.") from None


def _key(scope: str, kind: str, value: str, window: int) -> str:
    # Keyed: a cache dump must not give the phone numbers back (an unkeyed hash of an
    # 11-digit mobile is reversed by trying them all).
    digest = keys.keyed_hash(f"ratelimit:{scope}:{kind}:{value}")[:32]
    return f"ratelimit:{digest}:{window}"


def hit(scope: str, identities: dict[str, str], rate: str) -> bool:
    """Count one attempt for every identity (e.g. {"ip": ..., "phone": ...}); False when any
    of them is over the limit."""
    limit, period = parse_rate(rate)
    window = int(time.time() // period)
    allowed = True
    for kind, value in identities.items():
        if not value:
            continue
        key = _key(scope, kind, value, window)
        cache.add(key, 0, timeout=period + 5)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=period + 5)
            count = 1
        if count > limit:
            allowed = False
    return allowed


def application_allowed(request, phone: str = "") -> bool:
    return hit(
        "application", {"ip": client_ip(request), "phone": phone}, settings.APPLICATION_RATE_LIMIT
    )


def track_allowed(request, phone: str = "") -> bool:
    return hit("track", {"ip": client_ip(request), "phone": phone}, settings.TRACK_RATE_LIMIT)


def verify_allowed(request, number: str = "") -> bool:
    """/verify/ checks: per address and per number asked, like tracking."""
    return hit("verify", {"ip": client_ip(request), "number": number}, settings.VERIFY_RATE_LIMIT)
