"""Rate-limit counters are keyed by a keyed hash of the phone number (ADR 0038): a dump of
the shared cache (Redis) does not give the numbers back by hashing every mobile."""

import hashlib

from applications.services import ratelimit

PHONE = "13800000001"


def unkeyed_candidates(value):
    for message in (f"track:phone:{value}", f"ratelimit:track:phone:{value}"):
        yield hashlib.sha256(message.encode()).hexdigest()[:32]


def test_the_counter_key_is_not_a_plain_hash_of_the_phone(settings):
    key = ratelimit._key("track", "phone", PHONE, 1)
    assert PHONE not in key
    assert not any(candidate in key for candidate in unkeyed_candidates(PHONE))
    # It depends on the hash key: without the key nobody can recompute it.
    settings.PERSONAL_DATA_HASH_KEY = "another-hash-key-for-this-test"
    assert ratelimit._key("track", "phone", PHONE, 1) != key


def test_the_limit_still_counts_per_phone(settings):
    settings.TRACK_RATE_LIMIT = "2/h"
    phones = {"phone": "13900000002"}
    assert ratelimit.hit("track", phones, settings.TRACK_RATE_LIMIT)
    assert ratelimit.hit("track", phones, settings.TRACK_RATE_LIMIT)
    assert not ratelimit.hit("track", phones, settings.TRACK_RATE_LIMIT)
    assert ratelimit.hit("track", {"phone": "13900000003"}, settings.TRACK_RATE_LIMIT)
