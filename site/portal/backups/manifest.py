"""The manifest: last member of every archive (written once every checksum is known),
listing what the archive holds and how to check it.

{
  "format": "suizhou-mediation-backup", "format_version": 1,
  "created_at": "2026-12-04T02:30:00+00:00",
  "database": {"vendor": "sqlite" | "postgresql", "path": "database/..."},
  "migrations": {"cases": "0012_...", ...},      # latest applied migration per app
  "files": [{"path": "private/...", "sha256": "...", "size": 123}, ...]
}
Keys (the secret key, personal-data keys) are never in an archive (ADR 0041).
"""

import json
import re

from django.db.migrations.recorder import MigrationRecorder

from .errors import BackupError

FORMAT = "suizhou-mediation-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
MANIFEST_MAX_BYTES = 64 * 1024 * 1024
VENDORS = ("sqlite", "postgresql")
# Members live under one of these folders; nothing else is accepted in an archive.
_MEMBER_PATH = re.compile(r"^(database|private|media)/[^\x00]+$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def migration_state(connection) -> dict[str, str]:
    """The latest applied migration of each app (in the order they were applied)."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return {}
    latest = {}
    for app, name in recorder.migration_qs.order_by("applied", "id").values_list("app", "name"):
        latest[app] = name
    return dict(sorted(latest.items()))


def build(*, created_at, vendor, database_path, migrations, files) -> bytes:
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": created_at.isoformat(),
        "database": {"vendor": vendor, "path": database_path},
        "migrations": migrations,
        "files": files,
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


def safe_member_path(path) -> bool:
    if not isinstance(path, str) or not _MEMBER_PATH.match(path):
        return False
    parts = path.split("/")
    return all(part not in ("", ".", "..") for part in parts) and "\\" not in path


def parse(raw: bytes) -> dict:
    """The manifest, checked for shape; BackupError names what is wrong."""
    try:
        document = json.loads(raw.decode())
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BackupError("The archive's manifest.json is not valid JSON.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError("This is not a backup of this site (manifest format is wrong).")
    version = document.get("format_version")
    if version != FORMAT_VERSION:
        raise BackupError(
            f"The archive has backup format version {version!r}; this site reads version "
            f"{FORMAT_VERSION} only."
        )
    database = document.get("database")
    if (
        not isinstance(database, dict)
        or database.get("vendor") not in VENDORS
        or not safe_member_path(database.get("path"))
        or not database["path"].startswith("database/")
    ):
        raise BackupError("The archive's manifest does not describe its database.")
    migrations = document.get("migrations")
    if not isinstance(migrations, dict) or not all(
        isinstance(app, str) and isinstance(name, str) for app, name in migrations.items()
    ):
        raise BackupError("The archive's manifest has no valid migration state.")
    files = document.get("files")
    if not isinstance(files, list):
        raise BackupError("The archive's manifest has no file list.")
    seen = set()
    for entry in files:
        if (
            not isinstance(entry, dict)
            or not safe_member_path(entry.get("path"))
            or not isinstance(entry.get("sha256"), str)
            or not _SHA256.match(entry["sha256"])
            or not isinstance(entry.get("size"), int)
            or entry["size"] < 0
            or entry["path"] in seen
        ):
            raise BackupError(f"The archive's manifest has an invalid file entry: {entry!r:.200}")
        seen.add(entry["path"])
    if database["path"] not in seen:
        raise BackupError("The archive's manifest lists no checksum for the database.")
    return document
