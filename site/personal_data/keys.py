"""The personal data keys (settings PERSONAL_DATA_KEYS, PERSONAL_DATA_HASH_KEY): encrypting,
decrypting and keyed digests. Values are Fernet tokens (AES-128-CBC with HMAC-SHA256,
random IV): equal values give different tokens, so lookups go through the digests."""

import hashlib
import hmac
import re
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver


class PersonalDataKeyError(ImproperlyConfigured):
    """Stored personal data that the configured keys cannot decrypt: a wrong key, or the key
    the data was encrypted with has been removed from PERSONAL_DATA_KEYS too early."""


WRONG_KEY_MESSAGE = (
    "The personal data keys cannot decrypt data stored in the database: PERSONAL_DATA_KEYS "
    "is wrong or no longer lists the key the data was encrypted with "
    "(docs/deploy/personal-data-keys.md)."
)


@cache
def _fernet() -> MultiFernet:
    keys = getattr(settings, "PERSONAL_DATA_KEYS", None)
    if not keys:
        raise ImproperlyConfigured("PERSONAL_DATA_KEYS is not configured (ADR 0038).")
    return MultiFernet([Fernet(key) for key in keys])


@cache
def _hash_key() -> bytes:
    key = getattr(settings, "PERSONAL_DATA_HASH_KEY", None)
    if not key:
        raise ImproperlyConfigured("PERSONAL_DATA_HASH_KEY is not configured (ADR 0038).")
    return key.encode()


@receiver(setting_changed)
def _forget_keys(*, setting, **kwargs):
    if setting in {"PERSONAL_DATA_KEYS", "PERSONAL_DATA_HASH_KEY"}:
        _fernet.cache_clear()
        _hash_key.cache_clear()


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode("ascii")).decode()
    except (InvalidToken, UnicodeEncodeError):
        raise PersonalDataKeyError(WRONG_KEY_MESSAGE) from None


def rotate(token: str) -> str:
    """The same value encrypted with the first key (unchanged if it already is)."""
    try:
        return _fernet().rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, UnicodeEncodeError):
        raise PersonalDataKeyError(WRONG_KEY_MESSAGE) from None


def _normalize_phone(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    return digits[-11:]


def _normalize_id_number(value: str) -> str:
    return re.sub(r"\s", "", value).upper()


NORMALIZERS = {"phone": _normalize_phone, "id_number": _normalize_id_number}


def digest(kind: str, value) -> str:
    """The keyed digest (HMAC-SHA256, hex) of a value of this kind; "" for no value. The kind
    is part of the message, so one number's phone and ID digests differ."""
    text = NORMALIZERS[kind](str(value or ""))
    if not text:
        return ""
    message = f"{kind}:{text}".encode()
    return hmac.new(_hash_key(), message, hashlib.sha256).hexdigest()


def keyed_hash(message: str) -> str:
    """The keyed hash (HMAC-SHA256, hex) of any text that must not be guessable from its
    hash, e.g. a phone number inside a cache key: 10^10 mobiles are quickly hashed."""
    return hmac.new(_hash_key(), message.encode(), hashlib.sha256).hexdigest()
