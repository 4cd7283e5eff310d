"""Django's Redis cache backend, made to fail soft: when Redis is down or slow, reads miss,
writes are dropped and counters count from one, with a warning logged (at most once a
minute), instead of an error page. Everything that uses the cache (the page cache, rate
limits, cached filter choices, the error pages' hotline) keeps working uncached.

Rate limits fail open while Redis is down: refusing every citizen because a cache is
unreachable would be worse than briefly not counting.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
WARN_EVERY_SECONDS = 60
_last_warning = [0.0]


def _warn(operation: str, error: Exception) -> None:
    now = time.monotonic()
    if now - _last_warning[0] >= WARN_EVERY_SECONDS:
        _last_warning[0] = now
        logger.warning("Cache unavailable (%s: %s); serving uncached", operation, error)


def _soft(default_of):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except RedisError as error:
                _warn(method.__name__, error)
                return default_of(args, kwargs)

        return wrapper

    return decorate


def _default_argument(args, kwargs):
    """`get(key, default=None)`: the default the caller asked for."""
    return kwargs.get("default", args[1] if len(args) > 1 else None)


def _delta(args, kwargs):
    return kwargs.get("delta", args[1] if len(args) > 1 else 1)


class ResilientRedisCache(RedisCache):
    get = _soft(_default_argument)(RedisCache.get)
    set = _soft(lambda args, kwargs: None)(RedisCache.set)
    add = _soft(lambda args, kwargs: False)(RedisCache.add)
    touch = _soft(lambda args, kwargs: False)(RedisCache.touch)
    delete = _soft(lambda args, kwargs: False)(RedisCache.delete)
    has_key = _soft(lambda args, kwargs: False)(RedisCache.has_key)
    get_many = _soft(lambda args, kwargs: {})(RedisCache.get_many)
    set_many = _soft(lambda args, kwargs: list(args[0]) if args else [])(RedisCache.set_many)
    delete_many = _soft(lambda args, kwargs: None)(RedisCache.delete_many)
    incr = _soft(_delta)(RedisCache.incr)
    decr = _soft(lambda args, kwargs: -_delta(args, kwargs))(RedisCache.decr)
    clear = _soft(lambda args, kwargs: False)(RedisCache.clear)
