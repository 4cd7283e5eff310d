"""The keys that protect personal data at rest (ADR 0038), read and checked at startup.

- PERSONAL_DATA_KEYS: comma-separated Fernet keys. The first encrypts, every one decrypts:
  to rotate, put a new key first, run `manage.py rotate_personal_data_key`, then drop the
  old one (docs/deploy/personal-data-keys.md).
- PERSONAL_DATA_HASH_KEY: the HMAC key of the keyed digests used for exact lookups
  (tracking by reference and mobile, repeat applicants). Separate, so that rotating the
  encryption key leaves every digest valid.

Embedded instances generate both once into VAR_DIR (mode 0600); production requires them
and refuses to start when one is missing or malformed. Whether the keys can read the data
already stored is checked against the database (personal_data.checks).
"""

import base64
import binascii
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .environment import env_list, env_str
from .secret_key import instance_secret

KEYS_FILE = "personal-data-key"
HASH_KEY_FILE = "personal-data-hash-key"
HASH_KEY_MIN_LENGTH = 32


def new_fernet_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode("ascii")


def validate_keys(keys: list[str]) -> list[str]:
    if not keys:
        raise ImproperlyConfigured("PERSONAL_DATA_KEYS must list at least one key.")
    for position, key in enumerate(keys, start=1):
        try:
            raw = base64.urlsafe_b64decode(key.encode("ascii"))
        except (binascii.Error, UnicodeEncodeError, ValueError):
            raw = b""
        if len(raw) != 32:
            raise ImproperlyConfigured(
                f"PERSONAL_DATA_KEYS: key {position} is not a Fernet key (32 bytes in "
                "url-safe base64; generate one with `manage.py new_personal_data_key`)."
            )
    return keys


def validate_hash_key(key: str) -> str:
    if len(key or "") < HASH_KEY_MIN_LENGTH or len(set(key)) < 10:
        raise ImproperlyConfigured(
            f"PERSONAL_DATA_HASH_KEY must be at least {HASH_KEY_MIN_LENGTH} characters "
            "of random text (generate one with `manage.py new_personal_data_key`)."
        )
    return key


def keys_from_environment(var_dir: Path | None) -> tuple[list[str], str]:
    """(encryption keys, hash key). With `var_dir`, missing keys are generated there;
    without it (production), a missing key refuses to start."""
    keys = env_list("PERSONAL_DATA_KEYS")
    hash_key = env_str("PERSONAL_DATA_HASH_KEY")
    if var_dir is None:
        if not keys or not hash_key:
            raise ImproperlyConfigured(
                "PERSONAL_DATA_KEYS and PERSONAL_DATA_HASH_KEY must be set: personal data "
                "is never stored unencrypted (see docs/deploy/personal-data-keys.md)."
            )
    else:
        keys = keys or [instance_secret(var_dir, KEYS_FILE, new_fernet_key)]
        hash_key = hash_key or instance_secret(
            var_dir, HASH_KEY_FILE, lambda: secrets.token_urlsafe(48)
        )
    return validate_keys(keys), validate_hash_key(hash_key)
