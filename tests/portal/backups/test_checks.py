"""What restore refuses, and what the nightly job keeps: garbage, truncated archives,
unexpected members, another format version, another database vendor, a newer site; the
newest BACKUP_KEEP archives stay, nothing else of the folder is touched."""

import io
import os
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from portal.backups import database
from portal.backups.errors import BackupError
from portal.backups.retention import archives, prune
from portal.schedule import BY_NAME
from tests.portal.backups.archives import edit_manifest, rewrite_archive


def backup(*args) -> Path:
    output = io.StringIO()
    call_command("backup", *args, stdout=output)
    return Path(output.getvalue().splitlines()[0])


def refused(archive, message):
    """Both --verify and a real restore refuse, and nothing is written."""
    for args in (["--verify"], []):
        with pytest.raises(CommandError, match=message):
            call_command("restore", *args, str(archive), stdout=io.StringIO())


@pytest.fixture
def archive(folders):
    (folders.PRIVATE_MEDIA_ROOT / "evidence").mkdir(parents=True)
    (folders.PRIVATE_MEDIA_ROOT / "evidence" / "a.pdf").write_bytes(b"%PDF-1.4 a")
    return backup()


def untouched(folders):
    assert not (folders.PRIVATE_MEDIA_ROOT / "b.pdf").exists()
    assert list(folders.VAR_DIR.iterdir()) == []


@pytest.mark.parametrize(
    "content",
    [b"", b"this is not an archive", os.urandom(4096), b"\x1f\x8b\x08\x00garbage"],
)
def test_garbage_is_refused(folders, tmp_path, content):
    path = tmp_path / "garbage.tar.gz"
    path.write_bytes(content)
    refused(path, "not a readable backup archive")
    untouched(folders)


def test_a_missing_archive_is_named(folders, tmp_path):
    refused(tmp_path / "nowhere.tar.gz", "nowhere.tar.gz is not a file")


def test_a_truncated_archive_is_refused(archive, folders, tmp_path):
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    refused(truncated, "not a readable backup archive|no manifest.json")
    untouched(folders)


def test_a_tar_of_something_else_is_refused(folders, tmp_path):
    path = tmp_path / "other.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("notes.txt")
        info.size = 2
        tar.addfile(info, io.BytesIO(b"hi"))
    refused(path, "unexpected member: 'notes.txt'")


def test_an_archive_without_its_manifest_is_refused(archive, tmp_path):
    def drop(members):
        members[:] = [m for m in members if m[0].name != "manifest.json"]

    refused(rewrite_archive(archive, tmp_path / "x.tar.gz", drop), "has no manifest.json")


def test_a_member_escaping_the_installation_is_refused(archive, folders, tmp_path):
    def escape(members):
        members[0][0].name = "private/../../etc/passwd"

    refused(rewrite_archive(archive, tmp_path / "x.tar.gz", escape), "unexpected member")
    assert not (tmp_path / "etc").exists()


def test_a_file_missing_from_the_archive_is_refused(archive, tmp_path):
    def drop(members):
        members[:] = [m for m in members if not m[0].name.startswith("private/")]

    refused(rewrite_archive(archive, tmp_path / "x.tar.gz", drop), "lacks 1 listed file")


def test_an_unlisted_file_is_refused(archive, tmp_path):
    def add(members):
        info = tarfile.TarInfo("private/planted.pdf")
        members.insert(0, [info, b"planted"])

    refused(rewrite_archive(archive, tmp_path / "x.tar.gz", add), "unlisted file")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.update(format_version=2), "format version 2; this site reads version 1"),
        (lambda d: d.update(format="something-else"), "not a backup of this site"),
        (lambda d: d["files"][0].update(sha256="0" * 64), "Checksum mismatch"),
        (lambda d: d["files"][0].update(size="big"), "invalid file entry"),
        (lambda d: d.update(migrations={"cases": "9999_from_the_future"}), "newer version"),
        (lambda d: d.pop("database"), "does not describe its database"),
    ],
)
def test_a_bad_manifest_is_refused(archive, folders, tmp_path, edit, message):
    refused(rewrite_archive(archive, tmp_path / "x.tar.gz", edit_manifest(edit)), message)
    untouched(folders)


def test_a_backup_of_another_database_vendor_is_refused(archive, folders, tmp_path):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"

    def switch(document):
        document["database"]["vendor"] = other

    refused(
        rewrite_archive(archive, tmp_path / "x.tar.gz", edit_manifest(switch)),
        f"holds a {other} database; this installation uses {connection.vendor}",
    )


def test_the_manifest_records_vendor_and_migrations(archive):
    import json

    with tarfile.open(archive, "r:gz") as tar:
        names = tar.getnames()
        document = json.loads(tar.extractfile("manifest.json").read())
    assert names[-1] == "manifest.json"
    assert document["format_version"] == 1
    assert document["database"]["vendor"] == connection.vendor
    assert document["migrations"]["cases"].startswith("00")
    assert {f["path"] for f in document["files"]} == set(names[:-1])
    assert "private/evidence/a.pdf" in names
    assert not any("secret" in name or "key" in name for name in names)


def test_backup_to_a_given_path(folders, tmp_path):
    target = tmp_path / "elsewhere" / "manual.tar.gz"
    assert backup("--output", str(target)) == target
    with pytest.raises(CommandError, match="exists already"):
        backup("--output", str(target))
    assert backup("--output", str(tmp_path / "elsewhere")).parent == tmp_path / "elsewhere"


def test_a_missing_postgres_program_is_named(monkeypatch):
    monkeypatch.setattr(database.shutil, "which", lambda name: None)
    with pytest.raises(BackupError, match="pg_nothing was not found.*postgresql-client"):
        database.find_tool("pg_nothing")


def test_pruning_keeps_the_newest_and_nothing_else(tmp_path):
    names = [f"suizhou-backup-202612{day:02d}-023000.tar.gz" for day in range(1, 17)]
    names.append("suizhou-backup-20261216-023000-2.tar.gz")
    for name in [*names, "operator-notes.txt", ".suizhou-backup-x.tar.gz.partial"]:
        (tmp_path / name).write_bytes(b"x")

    removed = prune(tmp_path, 14)

    assert [p.name for p in removed] == names[:3]
    assert [p.name for p in archives(tmp_path)] == names[3:]
    assert (tmp_path / "operator-notes.txt").exists()
    with pytest.raises(ValueError, match="at least one"):
        prune(tmp_path, 0)


def test_the_nightly_job_backs_up_and_keeps_backup_keep(folders):
    job = BY_NAME["nightly_backup"]
    assert (job.command, job.args, job.cron) == ("backup", ("--prune",), "30 2 * * *")
    folders.BACKUP_KEEP = 2
    folders.BACKUP_DIR.mkdir()
    for day in (1, 2, 3):
        (folders.BACKUP_DIR / f"suizhou-backup-2026120{day}-023000.tar.gz").write_bytes(b"x")

    from portal.tasks import run_scheduled_job

    output = run_scheduled_job.call("nightly_backup")

    kept = archives(folders.BACKUP_DIR)
    assert len(kept) == 2 and "Removed 2 older backup(s); kept 2." in output
    assert kept[-1].name == output.splitlines()[0].rsplit("/", 1)[-1]
    call_command("restore", "--verify", str(kept[-1]), stdout=io.StringIO())


def test_a_backup_folder_inside_media_is_not_backed_up_into_itself(folders):
    folders.BACKUP_DIR = folders.MEDIA_ROOT / "backups"
    (folders.MEDIA_ROOT / "images").mkdir(parents=True)
    (folders.MEDIA_ROOT / "images" / "logo.png").write_bytes(b"\x89PNG")
    first = backup()
    with tarfile.open(backup(), "r:gz") as tar:
        names = tar.getnames()
    assert "media/images/logo.png" in names
    assert not any(name.startswith("media/backups") for name in names), names
    assert first.exists()
