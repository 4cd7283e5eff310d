"""Database configuration: embedded SQLite by default, PostgreSQL through DATABASE_URL."""

import contextlib
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .environment import env_int, env_str

# Reads go through a memory map of the file (256 MiB at most) instead of a read() per
# page: random lookups into the case table (statistics joins) run about twice as fast.
SQLITE_INIT = (
    "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
    "PRAGMA mmap_size=268435456;"
    # Deleted and overwritten rows are zeroed, not left in free pages: personal data that
    # was encrypted, anonymised or deleted leaves no readable copy in the file (ADR 0038).
    "PRAGMA secure_delete=ON;"
)


def owner_only_file(path: Path) -> None:
    """Create the database file readable by its owner only (0600), or make it so. SQLite
    gives its -wal and -shm files the permissions of the database file."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        with contextlib.suppress(PermissionError):
            path.chmod(0o600)


def sqlite_database(path: Path) -> dict:
    path.parent.mkdir(parents=True, exist_ok=True)
    if str(path) != ":memory:" and not str(path).startswith("file:"):
        owner_only_file(path)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        # Persistent connections, as with PostgreSQL: opening one per request costs the
        # connection and its pragmas, and in WAL mode the last connection to close
        # checkpoints and deletes the log, an fsync on every quiet request.
        "CONN_MAX_AGE": env_int("DB_CONN_MAX_AGE", 60),
        "OPTIONS": {
            # Writers wait for each other (busy timeout) instead of failing, and
            # start write transactions up front so they queue rather than deadlock.
            # A writer waits at most twice this (its turn in the writer queue, then
            # SQLite's lock): keep 2x under the server's worker timeout (30 s).
            "timeout": env_int("SQLITE_BUSY_TIMEOUT", 10),
            "transaction_mode": "IMMEDIATE",
            "init_command": SQLITE_INIT,
        },
    }


def database_from_environment(var_dir: Path) -> dict:
    url = env_str("DATABASE_URL")
    if not url:
        return sqlite_database(var_dir / "db.sqlite3")
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    except Exception as exc:  # dj_database_url raises several types
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
    if config.get("ENGINE") == "django.db.backends.sqlite3":
        return sqlite_database(Path(config["NAME"]))
    config["CONN_HEALTH_CHECKS"] = True
    return config
