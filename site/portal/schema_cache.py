"""A machine-wide cache of the freshly migrated SQLite database, for `make run` only.

Applying Django's and Wagtail's 200-odd migrations to an empty SQLite file takes 20-40 s
on this kind of machine, nearly all of it Django re-rendering model states in Python. The
result depends only on the migration files and a few settings, so the first migrate of an
empty development database on a machine keeps a copy of it (before any demo content) as
PORTAL_CACHE_DIR/schema/<key>.sqlite3, and the next fresh clone, or a deleted
var/db.sqlite3, starts from that copy. `migrate` still runs afterwards, as always. The key
hashes every migration file Django loads (ours and the packages'), the Django version and
the settings that data migrations read, so any change misses the cache (ADR 0018).
"""

import contextlib
import hashlib
import os
import sqlite3
import sys
from pathlib import Path

import django
from django.conf import settings

KEPT_SNAPSHOTS = 3
# Settings that migrations read (the initial locale, the user model, the apps).
KEY_SETTINGS = ("INSTALLED_APPS", "AUTH_USER_MODEL", "LANGUAGE_CODE", "WAGTAIL_CONTENT_LANGUAGES")


def cache_dir() -> Path:
    """PORTAL_CACHE_DIR, the folder the Makefile keeps its wheelhouse in too."""
    explicit = os.environ.get("PORTAL_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or Path.home() / ".cache"
    return Path(base) / "suizhou-portal"


def schema_key(loader) -> str:
    """Hash of the migrations on disk (a `MigrationLoader`) and what else shapes the schema."""
    digest = hashlib.sha256()
    digest.update(f"django {django.get_version()} sqlite {sqlite3.sqlite_version}\n".encode())
    for name in KEY_SETTINGS:
        digest.update(f"{name}={getattr(settings, name, None)!r}\n".encode())
    for (app_label, name), migration in sorted(loader.disk_migrations.items()):
        source = Path(sys.modules[migration.__module__].__file__).read_bytes()
        digest.update(f"{app_label}.{name} {hashlib.sha256(source).hexdigest()}\n".encode())
    return digest.hexdigest()[:32]


def snapshot_path(key: str) -> Path:
    return cache_dir() / "schema" / f"{key}.sqlite3"


def is_empty_database(path: Path) -> bool:
    return not path.exists() or path.stat().st_size == 0


def restore(key: str, target: Path) -> bool:
    """Copy the snapshot for `key` to `target` (which must not be open); False on a miss."""
    source = snapshot_path(key)
    if not source.is_file():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.restoring-{os.getpid()}")
    try:
        _copy_database(source, partial)
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return True


def save(key: str, source_connection) -> Path | None:
    """Keep a consistent copy of the open SQLite connection's database under `key`.

    Returns the snapshot's path, or None when the cache folder cannot be written (the
    cache is an optimisation: `make run` goes on without it)."""
    target = snapshot_path(key)
    partial = target.with_name(f"{target.name}.saving-{os.getpid()}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        destination = sqlite3.connect(partial)
        try:
            source_connection.backup(destination)
            # A plain single-file database: copies of it need no -wal or -shm file.
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        os.replace(partial, target)
    except OSError:
        return None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    _prune(target.parent)
    return target


def _copy_database(source: Path, destination: Path) -> None:
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    writer = sqlite3.connect(destination)
    try:
        reader.backup(writer)
    finally:
        writer.close()
        reader.close()


def _prune(folder: Path) -> None:
    snapshots = sorted(folder.glob("*.sqlite3"), key=lambda path: path.stat().st_mtime)
    for stale in snapshots[:-KEPT_SNAPSHOTS]:
        with contextlib.suppress(OSError):
            stale.unlink()
