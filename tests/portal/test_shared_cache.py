"""The cache every process shares: files under VAR_DIR/cache by default, Redis through
REDIS_URL (portal/settings/cache.py). Rate limits counted in one process hold in another.
The Redis tests run where REDIS_URL points at a server (CI starts one) and fail in CI
without it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured

from portal.settings.cache import cache_from_environment

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL", "")
needs_redis = pytest.mark.skipif(
    not REDIS_URL and not os.environ.get("CI"),
    reason="Redis runs when REDIS_URL points at it (CI does)",
)

# One process's attempt at the rate limiter (limit 2 per hour), printing whether allowed.
ATTEMPT = """
import django, sys
from django.conf import settings
django.setup()
from django.test import RequestFactory
from applications.services import ratelimit
settings.APPLICATION_RATE_LIMIT = "2/h"
request = RequestFactory().post("/", REMOTE_ADDR="198.51.100.23")
print(ratelimit.application_allowed(request, "13900000023"))
"""


def attempt_in_new_process(env) -> bool:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", ATTEMPT],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "site"), **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1] == "True"


def served_environment(**extra) -> dict:
    env = {"DJANGO_SETTINGS_MODULE": "portal.settings.demo", "REDIS_URL": ""}
    env.update(extra)
    return env


def test_default_is_a_file_cache_under_var(tmp_path, monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    config = cache_from_environment(tmp_path)
    assert config["BACKEND"].endswith("FileBasedCache")
    assert config["LOCATION"] == str(tmp_path / "cache")


def test_redis_url_selects_djangos_redis_backend(tmp_path, monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/3")
    config = cache_from_environment(tmp_path)
    assert config["BACKEND"] == "portal.resilient_cache.ResilientRedisCache"
    assert config["LOCATION"] == "redis://127.0.0.1:6379/3"


def test_a_malformed_redis_url_stops_startup_naming_it(tmp_path, monkeypatch):
    monkeypatch.setenv("REDIS_URL", "localhost:6379")
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        cache_from_environment(tmp_path)


def test_rate_limits_hold_across_processes_with_the_file_cache(tmp_path):
    env = served_environment(VAR_DIR=str(tmp_path))
    assert [attempt_in_new_process(env) for _ in range(3)] == [True, True, False]
    assert any((tmp_path / "cache").iterdir())


@needs_redis
def test_rate_limits_hold_across_processes_with_redis(tmp_path):
    assert REDIS_URL, "CI must set REDIS_URL (see .ci/run)"
    prefix = f"test-{os.getpid()}"
    env = served_environment(VAR_DIR=str(tmp_path), REDIS_URL=REDIS_URL)
    # A key prefix of its own per run: Redis outlives the test.
    env["PORTAL_CACHE_KEY_PREFIX"] = prefix
    results = [attempt_in_new_process(env) for _ in range(3)]
    assert results == [True, True, False]


@needs_redis
def test_redis_cache_round_trip(settings):
    assert REDIS_URL, "CI must set REDIS_URL (see .ci/run)"
    settings.CACHES = {
        "redis": {
            "BACKEND": "portal.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-{os.getpid()}",
        }
    }
    cache = caches["redis"]
    try:
        cache.set("answer", {"hotline": "0722-3000000"}, 30)
        assert cache.get("answer") == {"hotline": "0722-3000000"}
        assert cache.add("counter", 0, 30)
        assert [cache.incr("counter") for _ in range(3)] == [1, 2, 3]
    finally:
        cache.delete_many(["answer", "counter"])
