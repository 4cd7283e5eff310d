"""Write one backup archive: database snapshot, private files, media, manifest.

The database is snapshotted first, then the files are read: every evidence row in the
snapshot had its file saved before the row was committed, so the archive holds it. Files
added later are harmless extras; files deleted meanwhile (a purge) are skipped.

The archive is written to a hidden temporary name in the destination folder (mode 0600)
and renamed when complete: the final name never holds a partial archive.
"""

import hashlib
import io
import os
import re
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from . import database, manifest
from .errors import BackupError

ARCHIVE_NAME = re.compile(r"^suizhou-backup-(\d{8}-\d{6})(?:-(\d+))?\.tar\.gz$")
_CHUNK = 1024 * 1024


def file_roots() -> dict[str, Path]:
    """The folders an archive holds, by their name inside it."""
    return {"private": Path(settings.PRIVATE_MEDIA_ROOT), "media": Path(settings.MEDIA_ROOT)}


def sha256_of(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def archive_path(destination=None) -> Path:
    """Where the archive goes: a named file, or a new dated name in a folder (default
    BACKUP_DIR)."""
    folder = Path(destination) if destination else Path(settings.BACKUP_DIR)
    if destination and not folder.is_dir() and folder.name.endswith(".tar.gz"):
        folder.parent.mkdir(parents=True, exist_ok=True)
        if folder.exists():
            raise BackupError(f"{folder} exists already; choose another name.")
        return folder
    if folder.exists() and not folder.is_dir():
        raise BackupError(f"{folder} is not a folder; give a folder or a name ending .tar.gz.")
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"suizhou-backup-{stamp}.tar.gz"
    counter = 2
    while candidate.exists():
        candidate = folder / f"suizhou-backup-{stamp}-{counter}.tar.gz"
        counter += 1
    return candidate


def _files_under(name: str, root: Path, skip: Path):
    if not root.is_dir():
        return
    root = root.resolve()  # compared with the (resolved) backup folder below
    for directory, folders, files in os.walk(root):
        folders.sort()
        here = Path(directory)
        if here == skip or skip in here.parents:
            folders[:] = []
            continue
        for file_name in sorted(files):
            path = here / file_name
            if path.is_symlink() or not path.is_file():
                continue
            relative = path.relative_to(root).as_posix()
            member = f"{name}/{relative}"
            if manifest.safe_member_path(member):
                yield member, path


def create_backup(destination=None, using=DEFAULT_DB_ALIAS) -> Path:
    """Write a complete archive; returns its path."""
    connection = connections[using]
    vendor = database.vendor_of(connection)
    final = archive_path(destination)
    created_at = timezone.now()
    with tempfile.TemporaryDirectory(prefix="backup-", dir=final.parent) as work:
        dump = Path(work) / "database"
        database.snapshot(connection, dump)
        migrations = manifest.migration_state(connection)
        members = [(database.DUMP_NAMES[vendor], dump)]
        skip = final.parent.resolve()
        for name, root in file_roots().items():
            members.extend(_files_under(name, root, skip))
        partial = final.parent / f".{final.name}.partial"
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                entries = _write_members(tar, members)
                document = manifest.build(
                    created_at=created_at,
                    vendor=vendor,
                    database_path=database.DUMP_NAMES[vendor],
                    migrations=migrations,
                    files=entries,
                )
                _add_bytes(tar, manifest.MANIFEST_NAME, document)
                raw.flush()
                os.fsync(raw.fileno())
            os.replace(partial, final)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return final


def _write_members(tar, members) -> list[dict]:
    """Each file with its checksum, hashed from the very bytes written into the archive."""
    entries = []
    for member, path in members:
        try:
            handle = path.open("rb")
        except FileNotFoundError:
            continue  # deleted since it was listed (a purge): not part of this backup
        with handle:
            info = tar.gettarinfo(fileobj=handle, arcname=member)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mode = 0o600
            hashing = _HashingReader(handle)
            tar.addfile(info, hashing)
        entries.append({"path": member, "sha256": hashing.hexdigest(), "size": info.size})
    return entries


def _add_bytes(tar, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    info.mtime = int(timezone.now().timestamp())
    tar.addfile(info, io.BytesIO(data))


class _HashingReader:
    def __init__(self, handle):
        self._handle = handle
        self._digest = hashlib.sha256()

    def read(self, size=-1):
        chunk = self._handle.read(size)
        self._digest.update(chunk)
        return chunk

    def hexdigest(self):
        return self._digest.hexdigest()
