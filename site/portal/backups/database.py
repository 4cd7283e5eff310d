"""A consistent snapshot of the database into a file, and loading one back.

SQLite: the online backup API (`sqlite3.Connection.backup`) from Django's own connection,
one step under a read lock, so the copy is a single point in time while the site keeps
running (WAL: writers are not blocked). Loading copies the snapshot back into the live
database the same way, whether it is a file or a test's in-memory database.

PostgreSQL: `pg_dump --format=custom` (one transaction snapshot) and
`pg_restore --no-owner --clean --if-exists --single-transaction`, found on PATH, else in
`pg_config --bindir`, else in the newest /usr/lib/postgresql/*/bin.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from .errors import BackupError

DUMP_NAMES = {"sqlite": "database/db.sqlite3", "postgresql": "database/postgres.dump"}


def vendor_of(connection) -> str:
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def snapshot(connection, destination: Path) -> None:
    """Write the database's content to `destination` (a new file)."""
    if vendor_of(connection) == "sqlite":
        _sqlite_snapshot(connection, destination)
    else:
        _pg_dump(connection, destination)


def load(connection, source: Path) -> None:
    """Replace the database's content with the snapshot in `source`."""
    if vendor_of(connection) == "sqlite":
        _sqlite_load(connection, source)
    else:
        _pg_restore(connection, source)


def _sqlite_snapshot(connection, destination: Path) -> None:
    connection.ensure_connection()
    target = sqlite3.connect(destination)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


def _sqlite_load(connection, source: Path) -> None:
    connection.ensure_connection()
    if connection.in_atomic_block:
        raise BackupError("Cannot restore the database inside a transaction.")
    snapshot_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        snapshot_db.backup(connection.connection)
    except sqlite3.Error as exc:
        raise BackupError(f"SQLite could not load the snapshot: {exc}") from None
    finally:
        snapshot_db.close()


def find_tool(name: str) -> str:
    """The path of a PostgreSQL client program, or BackupError saying how to get one."""
    found = shutil.which(name)
    if found:
        return found
    candidates = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        result = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)  # noqa: S603
        if result.returncode == 0:
            candidates.append(Path(result.stdout.strip()))
    root = Path("/usr/lib/postgresql")
    if root.is_dir():
        versions = sorted(
            root.iterdir(), key=lambda p: [int(x) for x in p.name.split(".") if x.isdigit()]
        )
        candidates.extend(version / "bin" for version in reversed(versions))
    for directory in candidates:
        program = directory / name
        if program.is_file() and os.access(program, os.X_OK):
            return str(program)
    raise BackupError(
        f"{name} was not found (PATH, pg_config --bindir, /usr/lib/postgresql/*/bin). "
        "Install the PostgreSQL client programs (Debian: postgresql-client) in the "
        "server's version or newer."
    )


def _version_key(path: Path) -> list[int]:
    return [int(part) for part in path.name.split(".") if part.isdigit()]


def _pg_environment(settings_dict) -> tuple[dict, list[str]]:
    """libpq environment and the connection arguments; the password never on the command
    line (other users could read it in the process list)."""
    env = dict(os.environ)
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    options = settings_dict.get("OPTIONS") or {}
    if options.get("sslmode"):
        env["PGSSLMODE"] = str(options["sslmode"])
    return env, ["--dbname", settings_dict["NAME"]]


def _run(program: str, arguments: list[str], env: dict) -> None:
    result = subprocess.run(  # noqa: S603
        [find_tool(program), *arguments], env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()[-2000:]
        raise BackupError(f"{program} failed (exit {result.returncode}): {detail}")


def _pg_dump(connection, destination: Path) -> None:
    env, target = _pg_environment(connection.settings_dict)
    _run("pg_dump", ["--format=custom", "--no-owner", "--file", str(destination), *target], env)


def _pg_restore(connection, source: Path) -> None:
    # Into an empty schema: `--clean` would drop only what the dump holds, so tables that
    # newer migrations created since the backup would survive and the `migrate` after the
    # restore would fail on them. The archive has been checked in full before this.
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE")
        cursor.execute("CREATE SCHEMA public")
    # Our own connection must not hold locks while pg_restore writes.
    connection.close()
    env, target = _pg_environment(connection.settings_dict)
    _run(
        "pg_restore",
        [
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            *target,
            str(source),
        ],
        env,
    )
