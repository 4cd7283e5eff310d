"""Back up, destroy, restore: every case and every evidence and media file comes back,
byte for byte, on whichever database the tests run (SQLite or PostgreSQL)."""

import hashlib
import io
import os
import shutil
import stat
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cases.models import Case, EvidenceFile
from cases.storage import private_storage


def backup(*args) -> Path:
    output = io.StringIO()
    call_command("backup", *args, stdout=output)
    return Path(output.getvalue().splitlines()[0])


def restore(*args) -> str:
    output = io.StringIO()
    call_command("restore", *args, stdout=output)
    return output.getvalue()


def wipe(settings):
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.PRIVATE_MEDIA_ROOT, ignore_errors=True)
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def evidence_snapshot():
    return {
        (evidence.case.reference, evidence.original_name, evidence.sha256): (
            private_storage.open(evidence.file.name).read()
        )
        for evidence in EvidenceFile.objects.select_related("case")
    }


def test_backup_destroy_restore_brings_back_every_case_and_file(cases_with_evidence, settings):
    references = sorted(Case.objects.values_list("reference", flat=True))
    files = evidence_snapshot()
    assert len(references) == 3 and len(files) == 3
    media = (settings.MEDIA_ROOT / "documents" / "guide.txt").read_bytes()

    archive = backup()

    assert archive.parent == settings.BACKUP_DIR and archive.name.endswith(".tar.gz")
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert [p.name for p in settings.BACKUP_DIR.iterdir()] == [archive.name]  # no leftovers

    wipe(settings)
    assert not Case.objects.exists() and not settings.PRIVATE_MEDIA_ROOT.exists()

    assert "Restored" in restore(str(archive))

    assert sorted(Case.objects.values_list("reference", flat=True)) == references
    restored = evidence_snapshot()
    assert restored == files
    for key, data in restored.items():
        assert hashlib.sha256(data).hexdigest() == key[2]
    assert (settings.MEDIA_ROOT / "documents" / "guide.txt").read_bytes() == media
    # The restored staff can still sign in and the site's pages are back.
    from wagtail.models import Page

    assert Page.objects.filter(depth=1).exists()


def test_an_older_archive_restores_over_tables_added_since(cases_with_evidence, settings):
    """After an upgrade, the installation has tables the archive does not know: they go,
    the archive's come back, and `migrate` (run by restore) brings the schema up again."""
    from django.db import connection

    references = sorted(Case.objects.values_list("reference", flat=True))
    archive = backup()
    wipe(settings)
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE added_by_a_newer_release (id integer)")

    restore(str(archive))

    assert sorted(Case.objects.values_list("reference", flat=True)) == references
    assert "added_by_a_newer_release" not in connection.introspection.table_names()


def test_restore_refuses_an_installation_that_holds_cases(cases_with_evidence, settings):
    archive = backup()
    Case.objects.filter(pk=cases_with_evidence[0].pk).delete()
    with pytest.raises(CommandError, match=r"already holds 2 case\(s\).*--force"):
        restore(str(archive))
    assert Case.objects.count() == 2  # untouched

    restore(str(archive), "--force")
    assert Case.objects.count() == 3


def test_verify_checks_everything_and_writes_nothing(cases_with_evidence, settings):
    archive = backup()
    roots = (settings.PRIVATE_MEDIA_ROOT, settings.MEDIA_ROOT)
    count = sum(1 for root in roots for path in root.rglob("*") if path.is_file())
    assert count >= 4  # 3 evidence files, 1 media file
    wipe(settings)

    output = restore("--verify", str(archive))

    assert output.startswith("OK:") and f"and {count} file(s)" in output
    assert not Case.objects.exists()
    assert not settings.PRIVATE_MEDIA_ROOT.exists() and not settings.MEDIA_ROOT.exists()
    assert list(settings.VAR_DIR.iterdir()) == []  # no staging left behind


def test_a_tampered_evidence_file_is_refused_before_anything_is_written(
    cases_with_evidence, settings, tmp_path
):
    from tests.portal.backups.archives import rewrite_archive

    archive = backup()
    wipe(settings)

    def tamper(members):
        for member in members:
            if member[0].name.startswith("private/"):
                member[1] = member[1].replace(b"evidence", b"EVIDENCE")
                return

    tampered = rewrite_archive(archive, tmp_path / "tampered.tar.gz", tamper)
    for args in (["--verify"], []):
        with pytest.raises(CommandError, match="Checksum mismatch in 1 file"):
            restore(*args, str(tampered))
    assert not Case.objects.exists()
    assert not settings.PRIVATE_MEDIA_ROOT.exists()
    assert list(settings.VAR_DIR.iterdir()) == []


def test_a_backup_that_fails_midway_leaves_no_archive(folders, monkeypatch):
    from portal.backups import manifest

    def broken(**kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(manifest, "build", broken)
    with pytest.raises(OSError, match="disk full"):
        backup()
    assert os.listdir(folders.BACKUP_DIR) == []
