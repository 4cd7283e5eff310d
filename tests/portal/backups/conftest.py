"""Backups read and write the real database and real folders: each test gets its own
private, media, backup and var folders, and a committed database (transactional_db)."""

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.utils.functional import empty


@pytest.fixture
def folders(transactional_db, settings, tmp_path):
    from cases.storage import private_storage

    settings.VAR_DIR = tmp_path / "var"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BACKUP_DIR = tmp_path / "backups"
    settings.VAR_DIR.mkdir()
    private_storage._wrapped = empty
    yield settings
    private_storage._wrapped = empty


@pytest.fixture
def cases_with_evidence(folders, database_snapshots, settings, tmp_path, monkeypatch):
    """Three committed cases, each with an evidence file, and a public media file."""
    from cases.models import EvidenceFile
    from tests.casework.conftest import _load_casework_data
    from tests.casework.factories import make_case

    _load_casework_data(database_snapshots, settings, tmp_path, monkeypatch)
    settings.VAR_DIR = tmp_path / "var"
    cases = []
    for number in range(3):
        case = make_case()
        data = f"%PDF-1.4 evidence {number} 工资条".encode() + bytes(range(256))
        record = EvidenceFile(
            case=case,
            original_name=f"证据{number}.pdf",
            content_type="application/pdf",
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        )
        record.file.save(f"evidence-{number}.pdf", ContentFile(data), save=False)
        record.save()
        cases.append(case)
    media = settings.MEDIA_ROOT / "documents" / "guide.txt"
    media.parent.mkdir(parents=True)
    media.write_bytes("调解指南".encode())
    return cases
