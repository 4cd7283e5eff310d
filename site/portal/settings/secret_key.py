"""Secrets generated once per instance and kept in VAR_DIR with owner-only permissions.

Used by the embedded instances (`make run` demo, development, tests) when the environment
does not give them: the Django SECRET_KEY and the personal data keys (ADR 0038). Sessions,
signed links and encrypted data survive restarts, and no key is ever committed or shared
between clones. These files are part of what a restore needs: data encrypted with a lost
key cannot be read again.
"""

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path

FILE_NAME = "secret-key"


def owner_only_dir(path: Path) -> Path:
    """Create `path` (and parents) if needed and make it readable by its owner only."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(PermissionError):
        path.chmod(0o700)
    return path


def instance_secret(var_dir: Path, file_name: str, generate: Callable[[], str]) -> str:
    """The secret stored in VAR_DIR/`file_name`, generated (mode 0600) on first use."""
    path = Path(var_dir) / file_name
    with contextlib.suppress(FileNotFoundError):
        key = path.read_text(encoding="ascii").strip()
        if key:
            return key
    owner_only_dir(path.parent)
    # Written under a private name, then linked into place: processes starting together
    # (web, worker, scheduler) all end up with the one key that won, never a partial file.
    candidate = path.with_name(f".{file_name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(generate() + "\n")
    try:
        os.link(candidate, path)
    except FileExistsError:
        pass
    finally:
        candidate.unlink()
    return path.read_text(encoding="ascii").strip()


def instance_secret_key(var_dir: Path) -> str:
    return instance_secret(var_dir, FILE_NAME, lambda: secrets.token_urlsafe(64))
