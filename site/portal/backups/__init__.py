"""Backups of one installation: the database, private evidence and public media in one
archive with a manifest of checksums; restore into an empty installation (ADR 0041).

- `manifest`: the archive's table of contents and its checks.
- `database`: a consistent snapshot of SQLite or PostgreSQL, and loading one back.
- `writer`: `create_backup`, the archive written under a temporary name, then renamed.
- `reader`: `read_archive`, every check before anything is written.
- `restore`: `restore_backup`, into an installation without cases.
- `retention`: keep the newest N archives of a directory.
"""
