"""Keep the newest N archives of a backup folder; delete the older ones.

Only names `create_backup` gives (suizhou-backup-YYYYMMDD-HHMMSS[-n].tar.gz) count and
are ever deleted: other files an operator puts there stay.
"""

from pathlib import Path

from .writer import ARCHIVE_NAME


def archives(folder: Path) -> list[Path]:
    """The folder's archives, oldest first."""
    found = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = ARCHIVE_NAME.match(path.name)
        if match and path.is_file():
            found.append(((match.group(1), int(match.group(2) or 1)), path))
    return [path for _, path in sorted(found)]


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` archives; returns what was deleted."""
    if keep < 1:
        raise ValueError("Keep at least one backup.")
    doomed = archives(Path(folder))[:-keep]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed
