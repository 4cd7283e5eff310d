"""Read and check an archive before anything is written to the installation.

`read_archive` streams every member once: names must be safe and expected (database/,
private/, media/, then manifest.json last), each member is hashed as it is read and, when a
staging folder is given, copied there. Only when the manifest is valid, lists exactly the
members present with matching sizes and SHA-256, and fits this installation (same database
vendor, no migration this code does not know) does it return. Anything else (not gzip,
not tar, truncated, tampered, another format version) is a BackupError saying so.
"""

import gzip
import hashlib
import tarfile
import zlib
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader

from . import database, manifest
from .errors import BackupError

_CHUNK = 1024 * 1024


def read_archive(path, staging: Path | None = None, using=DEFAULT_DB_ALIAS) -> dict:
    """The archive's manifest once every check passed; its members copied into `staging`."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} is not a file.")
    try:
        found, document = _stream(path, staging)
    except (tarfile.TarError, gzip.BadGzipFile, zlib.error, EOFError) as exc:
        raise BackupError(
            f"{path} is not a readable backup archive (damaged, truncated or not a .tar.gz): {exc}"
        ) from None
    if document is None:
        raise BackupError(f"{path} has no manifest.json: it is not a complete backup archive.")
    _compare(found, document)
    check_fits(document, connections[using])
    return document


def _stream(path: Path, staging: Path | None):
    found = {}
    document = None
    with tarfile.open(path, mode="r:gz") as tar:
        for member in tar:
            if document is not None:
                raise BackupError(f"{path}: members after the manifest ({member.name!r}).")
            if member.name == manifest.MANIFEST_NAME and member.isfile():
                if member.size > manifest.MANIFEST_MAX_BYTES:
                    raise BackupError("The archive's manifest is implausibly large.")
                document = manifest.parse(tar.extractfile(member).read())
                continue
            if not member.isfile() or not manifest.safe_member_path(member.name):
                raise BackupError(f"The archive holds an unexpected member: {member.name!r:.200}")
            if member.name in found:
                raise BackupError(f"The archive holds {member.name!r} twice.")
            found[member.name] = _copy(tar.extractfile(member), staging, member.name)
    return found, document


def _copy(source, staging: Path | None, name: str) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    target = None
    if staging is not None:
        destination = staging / name
        destination.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = destination.open("wb")
    try:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if target is not None:
                target.write(chunk)
    finally:
        if target is not None:
            target.close()
    return digest.hexdigest(), size


def _compare(found: dict, document: dict) -> None:
    listed = {entry["path"]: (entry["sha256"], entry["size"]) for entry in document["files"]}
    missing = sorted(set(listed) - set(found))
    if missing:
        raise BackupError(f"The archive lacks {len(missing)} listed file(s), e.g. {missing[0]!r}.")
    extra = sorted(set(found) - set(listed))
    if extra:
        raise BackupError(f"The archive holds unlisted file(s), e.g. {extra[0]!r}.")
    bad = sorted(name for name, checked in found.items() if checked != listed[name])
    if bad:
        raise BackupError(
            f"Checksum mismatch in {len(bad)} file(s), e.g. {bad[0]!r}: the archive was "
            "altered or damaged. Nothing was restored."
        )


def check_fits(document: dict, connection) -> None:
    """Same database vendor, and every migration the archive applied known to this code."""
    vendor = database.vendor_of(connection)
    archived = document["database"]["vendor"]
    if archived != vendor:
        raise BackupError(
            f"The archive holds a {archived} database; this installation uses {vendor}. "
            "Restore into an installation configured for the same database."
        )
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = sorted(
        f"{app}.{name}" for app, name in document["migrations"].items() if (app, name) not in known
    )
    if unknown:
        raise BackupError(
            "The archive was made by a newer version of the site (unknown migrations: "
            f"{', '.join(unknown[:5])}). Update the code first."
        )
