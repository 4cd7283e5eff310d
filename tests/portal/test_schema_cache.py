"""The machine-wide cache of the migrated development schema (`make run`)."""

import os
import sqlite3
import sys
import types

import pytest
from django.db.migrations.loader import MigrationLoader

from portal import schema_cache


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("PORTAL_CACHE_DIR", str(folder))
    return folder


def fake_loader(monkeypatch, tmp_path, sources):
    """A stand-in MigrationLoader whose migrations are the given files' contents."""
    migrations = {}
    for number, source in enumerate(sources):
        path = tmp_path / f"m{number}.py"
        path.write_text(source)
        module = types.ModuleType(f"fake_migrations.m{number}")
        module.__file__ = str(path)
        monkeypatch.setitem(sys.modules, module.__name__, module)
        migrations[("fake", f"000{number}")] = types.SimpleNamespace(__module__=module.__name__)
    return types.SimpleNamespace(disk_migrations=migrations)


def make_database(path, rows):
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)")
    connection.executemany("INSERT INTO item (name) VALUES (?)", [(row,) for row in rows])
    connection.commit()
    return connection


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PORTAL_CACHE_DIR", str(tmp_path / "explicit"))
    assert schema_cache.cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("PORTAL_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert schema_cache.cache_dir() == tmp_path / "xdg" / "suizhou-portal"


def test_key_changes_with_any_migration_file(monkeypatch, tmp_path):
    first = schema_cache.schema_key(fake_loader(monkeypatch, tmp_path, ["a = 1", "b = 2"]))
    same = schema_cache.schema_key(fake_loader(monkeypatch, tmp_path, ["a = 1", "b = 2"]))
    edited = schema_cache.schema_key(fake_loader(monkeypatch, tmp_path, ["a = 1", "b = 3"]))
    added = schema_cache.schema_key(fake_loader(monkeypatch, tmp_path, ["a = 1", "b = 2", "c"]))
    assert first == same
    assert len({first, edited, added}) == 3


def test_key_changes_with_the_settings_migrations_read(monkeypatch, tmp_path, settings):
    loader = fake_loader(monkeypatch, tmp_path, ["a = 1"])
    before = schema_cache.schema_key(loader)
    settings.LANGUAGE_CODE = "en"
    assert schema_cache.schema_key(loader) != before


def test_key_of_the_real_project_is_stable():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    assert any(app == "wagtailcore" for app, _name in loader.disk_migrations)
    assert schema_cache.schema_key(loader) == schema_cache.schema_key(loader)


def test_save_then_restore_gives_the_same_rows(cache_dir, tmp_path):
    source = make_database(tmp_path / "source.sqlite3", ["一", "二"])
    saved = schema_cache.save("k1", source)
    assert saved == cache_dir / "schema" / "k1.sqlite3"

    target = tmp_path / "var" / "db.sqlite3"
    assert schema_cache.is_empty_database(target)
    assert schema_cache.restore("k1", target)
    assert not schema_cache.is_empty_database(target)
    restored = sqlite3.connect(target)
    assert restored.execute("SELECT id, name FROM item ORDER BY id").fetchall() == [
        (1, "一"),
        (2, "二"),
    ]
    # A plain single-file copy: nothing left half-written beside it.
    assert sorted(path.name for path in target.parent.iterdir()) == ["db.sqlite3"]


def test_restore_misses_an_unknown_key_and_leaves_the_target_alone(cache_dir, tmp_path):
    target = tmp_path / "db.sqlite3"
    assert not schema_cache.restore("unknown", target)
    assert not target.exists()


def test_restore_replaces_leftover_wal_files(cache_dir, tmp_path):
    schema_cache.save("k2", make_database(tmp_path / "source.sqlite3", ["x"]))
    target = tmp_path / "db.sqlite3"
    target.write_bytes(b"")
    (tmp_path / "db.sqlite3-wal").write_bytes(b"stale")
    assert schema_cache.restore("k2", target)
    assert not (tmp_path / "db.sqlite3-wal").exists()
    assert sqlite3.connect(target).execute("SELECT name FROM item").fetchall() == [("x",)]


def test_an_unwritable_cache_is_skipped(monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("PORTAL_CACHE_DIR", str(blocker))
    assert schema_cache.save("k3", make_database(tmp_path / "source.sqlite3", ["x"])) is None


def test_only_the_newest_snapshots_are_kept(cache_dir, tmp_path):
    source = make_database(tmp_path / "source.sqlite3", ["x"])
    for number in range(schema_cache.KEPT_SNAPSHOTS + 2):
        path = schema_cache.save(f"key{number}", source)
        os.utime(path, (1_000_000 + number, 1_000_000 + number))
    kept = sorted(path.stem for path in (cache_dir / "schema").glob("*.sqlite3"))
    assert kept == [f"key{n}" for n in range(2, schema_cache.KEPT_SNAPSHOTS + 2)]
