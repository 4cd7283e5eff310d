"""The embedded instance's secrets and database are readable by their owner only, and the
personal data keys are generated once (ADR 0038)."""

import base64
import stat

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.settings.database import sqlite_database
from portal.settings.personal_data_keys import (
    HASH_KEY_FILE,
    KEYS_FILE,
    keys_from_environment,
)
from portal.settings.secret_key import owner_only_dir


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def no_key_environment(monkeypatch):
    monkeypatch.delenv("PERSONAL_DATA_KEYS", raising=False)
    monkeypatch.delenv("PERSONAL_DATA_HASH_KEY", raising=False)


@pytest.mark.usefixtures("no_key_environment")
def test_embedded_keys_are_generated_once_owner_only(tmp_path):
    var_dir = tmp_path / "var"
    keys, hash_key = keys_from_environment(var_dir)
    assert len(keys) == 1 and len(base64.urlsafe_b64decode(keys[0])) == 32
    assert len(hash_key) >= 32
    assert mode(var_dir) == 0o700
    assert mode(var_dir / KEYS_FILE) == 0o600 and mode(var_dir / HASH_KEY_FILE) == 0o600
    assert keys_from_environment(var_dir) == (keys, hash_key)  # stable across restarts
    assert sorted(p.name for p in var_dir.iterdir()) == sorted([KEYS_FILE, HASH_KEY_FILE])


@pytest.mark.usefixtures("no_key_environment")
def test_production_without_keys_refuses(tmp_path):
    with pytest.raises(ImproperlyConfigured, match="PERSONAL_DATA_KEYS and PERSONAL_DATA_HASH"):
        keys_from_environment(None)
    assert not (tmp_path / KEYS_FILE).exists()


@pytest.mark.parametrize(
    ("keys", "hash_key", "named"),
    [
        ("nonsense", "x" * 10 + "abcdefghijklmnopqrstuvwxyz", "key 1 is not a Fernet key"),
        (
            "cm90YXRlLW1lLWluLXByb2R1Y3Rpb24tMzItYnl0ZXM=,YWJj",
            "abcdefghijklmnopqrstuvwxyz0123456789",
            "key 2 is not a Fernet key",
        ),
        ("cm90YXRlLW1lLWluLXByb2R1Y3Rpb24tMzItYnl0ZXM=", "a" * 40, "PERSONAL_DATA_HASH_KEY"),
    ],
)
def test_malformed_keys_are_named(monkeypatch, tmp_path, keys, hash_key, named):
    monkeypatch.setenv("PERSONAL_DATA_KEYS", keys)
    monkeypatch.setenv("PERSONAL_DATA_HASH_KEY", hash_key)
    with pytest.raises(ImproperlyConfigured, match=named):
        keys_from_environment(tmp_path)


def test_var_dir_and_sqlite_file_are_owner_only(tmp_path):
    var_dir = tmp_path / "var"
    var_dir.mkdir(mode=0o755)
    owner_only_dir(var_dir)
    assert mode(var_dir) == 0o700
    sqlite_database(var_dir / "db.sqlite3")
    assert mode(var_dir / "db.sqlite3") == 0o600
    (var_dir / "db.sqlite3").chmod(0o644)  # an older install: tightened at startup
    config = sqlite_database(var_dir / "db.sqlite3")
    assert mode(var_dir / "db.sqlite3") == 0o600
    assert "secure_delete=ON" in config["OPTIONS"]["init_command"]
