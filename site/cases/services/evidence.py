"""Evidence uploaded during a wizard: kept in private storage until the case is created."""

import contextlib
import os
import secrets
import shutil
from pathlib import Path

from django.utils import timezone

from cases.storage import private_storage
from cases.validators import evidence_file


def save_pending(upload, wizard_id: str) -> dict:
    """Validate one upload by its content and keep it; returns what the session remembers."""
    content_type, extension = evidence_file(upload)
    token = secrets.token_hex(8)
    name = f"pending/{wizard_id}/{token}.{extension}"
    stored = private_storage.save(name, upload)
    # The folder's time is the last upload's, by the site's clock (not the file system's):
    # the purge below measures abandonment against the same clock.
    moment = timezone.now().timestamp()
    os.utime(private_storage.path(f"pending/{wizard_id}"), (moment, moment))
    original = os.path.basename(upload.name or "")[:150] or f"{token}.{extension}"
    return {
        "token": token,
        "name": original,
        "size": upload.size,
        "content_type": content_type,
        "extension": extension,
        "path": stored,
    }


def open_pending(pending: dict):
    return private_storage.open(pending["path"], "rb")


def exists(pending: dict) -> bool:
    return private_storage.exists(pending["path"])


def discard_pending(pendings) -> None:
    for pending in pendings or []:
        with contextlib.suppress(OSError):
            private_storage.delete(pending["path"])


def purge_abandoned(hours: int = 48) -> int:
    """Delete the pending uploads of wizards not touched for `hours` (never submitted);
    returns how many wizards' folders were removed."""
    root = Path(private_storage.path("pending"))
    cutoff = timezone.now().timestamp() - hours * 3600
    removed = 0
    for folder in root.iterdir() if root.exists() else []:
        if folder.is_dir() and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


def pending_bytes() -> int:
    """Bytes held on disk by every wizard's pending uploads (not yet submitted). Walked, not
    counted: the purge, removals and submissions all shrink it without telling anyone."""
    root = Path(private_storage.path("pending"))
    total = 0
    for folder in root.iterdir() if root.exists() else []:
        if folder.is_dir():
            for entry in os.scandir(folder):
                with contextlib.suppress(OSError):
                    total += entry.stat().st_size
    return total
