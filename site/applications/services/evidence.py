"""Evidence uploaded during a wizard: kept in private storage until the case is created."""

import contextlib
import os
import secrets

from applications.storage import private_storage
from applications.validators import evidence_file


def save_pending(upload, wizard_id: str) -> dict:
    """Validate one upload by its content and keep it; returns what the session remembers."""
    content_type, extension = evidence_file(upload)
    token = secrets.token_hex(8)
    name = f"pending/{wizard_id}/{token}.{extension}"
    stored = private_storage.save(name, upload)
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
