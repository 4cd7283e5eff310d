"""Evidence upload quotas (ADR 0040): per session, per client address across sessions, and
the site-wide ceiling on pending uploads; images judged by their declared size. Each refusal
goes through the real multipart upload path, shows a Chinese message and stores nothing."""

import datetime

import pytest
import time_machine
from django.test import Client

from cases.models import Case, EvidenceFile

from .factories import MEDIATION_STEPS
from .files import PDF, upload
from .images import bomb_png, photo
from .wizard_client import fill, step_url, submit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("routing_data")]

BEFORE_EVIDENCE = {name: MEDIATION_STEPS[name] for name in list(MEDIATION_STEPS)[:6]}
EVIDENCE = step_url("mediation", "evidence")
SESSION_FULL = "您上传的文件已达到一份申请的上限"
ADDRESS_FULL = "您所在网络近期上传的文件过多"
SITE_FULL = "网站近期收到的文件较多，暂停上传"


def at_evidence(address="203.0.113.7"):
    client = Client(REMOTE_ADDR=address)
    fill(client, "mediation", BEFORE_EVIDENCE)
    return client


def send(client, *files, action="upload"):
    return client.post(EVIDENCE, {"files": list(files), "action": action})


def kept(client) -> list:
    return client.session["apply:mediation"]["files"]


def pending_files(settings) -> list:
    root = settings.PRIVATE_MEDIA_ROOT / "pending"
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def assert_refused(response, message, client, files_before, settings, on_disk_before):
    assert response.status_code == 400
    assert message in response.content.decode()
    assert len(kept(client)) == files_before
    assert len(pending_files(settings)) == on_disk_before


def test_session_file_quota_is_not_given_back_by_removing(settings):
    settings.EVIDENCE_SESSION_MAX_FILES = 2
    client = at_evidence()
    assert send(client, upload("a.pdf", PDF), upload("b.pdf", PDF)).status_code == 302
    client.post(EVIDENCE, {"remove": kept(client)[0]["token"]})
    response = send(client, upload("c.pdf", PDF))
    assert_refused(response, SESSION_FULL, client, 1, settings, 1)


def test_session_byte_quota(settings):
    settings.EVIDENCE_SESSION_MAX_BYTES = len(PDF) * 2 + 10
    client = at_evidence()
    assert send(client, upload("a.pdf", PDF)).status_code == 302
    response = send(client, upload("b.pdf", PDF), upload("c.pdf", PDF))
    assert_refused(response, SESSION_FULL, client, 1, settings, 1)


def test_address_quota_holds_across_sessions_and_opens_next_hour(settings):
    settings.EVIDENCE_IP_HOURLY_FILES = 2
    start = datetime.datetime(2026, 3, 2, 10, 10, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        for _attempt in range(2):  # a new session each time: no cookie kept
            assert send(at_evidence(), upload("a.pdf", PDF)).status_code == 302
        third = at_evidence()
        assert_refused(send(third, upload("a.pdf", PDF)), ADDRESS_FULL, third, 0, settings, 2)
        # Another address is not affected.
        assert send(at_evidence("198.51.100.9"), upload("a.pdf", PDF)).status_code == 302
    with time_machine.travel(start + datetime.timedelta(hours=1), tick=False):
        assert send(third, upload("a.pdf", PDF)).status_code == 302


def test_address_daily_bytes_outlast_the_hour(settings):
    settings.EVIDENCE_IP_DAILY_BYTES = len(PDF) * 2
    start = datetime.datetime(2026, 3, 2, 1, 10, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        assert send(at_evidence(), upload("a.pdf", PDF), upload("b.pdf", PDF)).status_code == 302
    with time_machine.travel(start + datetime.timedelta(hours=3), tick=False):
        client = at_evidence()
        assert_refused(send(client, upload("c.pdf", PDF)), ADDRESS_FULL, client, 0, settings, 2)
    with time_machine.travel(start + datetime.timedelta(days=1), tick=False):
        assert send(at_evidence(), upload("c.pdf", PDF)).status_code == 302


def test_site_wide_pending_ceiling_refuses_uploads_but_not_applications(settings):
    settings.EVIDENCE_PENDING_MAX_BYTES = len(PDF) + 10
    assert send(at_evidence(), upload("a.pdf", PDF)).status_code == 302
    client = at_evidence("198.51.100.9")
    response = send(client, upload("b.pdf", PDF), action="continue")
    assert_refused(response, SITE_FULL, client, 0, settings, 1)
    assert "evidence" not in client.session["apply:mediation"]["data"]
    # Without files the application goes through.
    assert client.post(EVIDENCE, {"action": "continue"}).status_code == 302
    response, _key = submit(client, "mediation")
    assert response.status_code == 302
    case = Case.objects.get()
    assert not EvidenceFile.objects.filter(case=case).exists()


def test_quota_counts_only_what_was_stored(settings):
    """A refused file (wrong type) costs nothing from the quota."""
    settings.EVIDENCE_SESSION_MAX_FILES = 1
    client = at_evidence()
    assert send(client, upload("x.pdf", b"MZ" + b"\x00" * 64)).status_code == 200
    assert send(client, upload("a.pdf", PDF)).status_code == 302
    assert len(kept(client)) == 1


def test_decompression_bomb_png_is_refused_before_decoding(settings):
    bomb = bomb_png()
    assert len(bomb) < 10_000  # tiny on disk, 2.5 gigapixels declared
    client = at_evidence()
    response = send(client, upload("照片.png", bomb, "image/png"), action="continue")
    assert response.status_code == 200
    assert "图片尺寸过大" in response.content.decode()
    assert kept(client) == [] and pending_files(settings) == []


@pytest.mark.parametrize(("width", "height"), [(10_001, 10), (7_000, 6_000)])
def test_images_over_either_limit_are_refused(settings, width, height):
    client = at_evidence()
    response = send(client, upload("a.png", bomb_png(width, height), "image/png"))
    assert "图片尺寸过大" in response.content.decode()
    assert kept(client) == [] and pending_files(settings) == []


def test_unreadable_image_is_refused(settings):
    client = at_evidence()
    response = send(client, upload("a.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"))
    assert "无法读取这张图片" in response.content.decode()
    assert kept(client) == [] and pending_files(settings) == []


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_normal_photos_are_accepted_and_submitted(run_on_commit, kind):
    client = at_evidence()
    assert (
        send(client, upload("照片", photo(kind=kind), f"image/{kind.lower()}")).status_code == 302
    )
    client.post(EVIDENCE, {"action": "continue"})
    submit(client, "mediation")
    evidence = EvidenceFile.objects.get()
    assert evidence.content_type == f"image/{kind.lower()}"
