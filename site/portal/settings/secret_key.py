"""A secret key generated once per instance and kept in VAR_DIR with owner-only permissions.

Used by the `make run` demo instance when SECRET_KEY is not given: sessions and signed
links survive restarts, and no key is ever committed or shared between clones.
"""

import contextlib
import os
import secrets
from pathlib import Path

FILE_NAME = "secret-key"


def instance_secret_key(var_dir: Path) -> str:
    path = Path(var_dir) / FILE_NAME
    with contextlib.suppress(FileNotFoundError):
        key = path.read_text(encoding="ascii").strip()
        if key:
            return key
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written under a private name, then linked into place: processes starting together
    # (web, worker, scheduler) all end up with the one key that won, never a partial file.
    candidate = path.with_name(f".{FILE_NAME}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(secrets.token_urlsafe(64) + "\n")
    try:
        os.link(candidate, path)
    except FileExistsError:
        pass
    finally:
        candidate.unlink()
    return path.read_text(encoding="ascii").strip()
