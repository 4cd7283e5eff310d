"""Tracking at /track/: public-safe timeline; any mismatch gives the same answer."""

import pytest
from django.test import Client

from cases import references
from cases.choices import CaseStatus
from cases.models import CaseEvent
from cases.services.submission import submit

from .factories import application

pytestmark = pytest.mark.usefixtures("routing_data")


@pytest.fixture
def case():
    case, _created = submit(application())
    return case


def track(data):
    return Client().post("/track/", data)


def test_form_renders_with_the_editors_section_text():
    response = Client().get("/track/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "进度查询" in html and "申请编号" in html
    assert response["Cache-Control"] == "no-store"


def test_reference_and_phone_show_the_timeline(case):
    CaseEvent.objects.create(case=case, kind="status", status=CaseStatus.ACCEPTED, is_public=True)
    CaseEvent.objects.create(
        case=case, kind="note", staff_note="内部意见：申请人情绪激动", is_public=False
    )
    case.status = CaseStatus.ACCEPTED
    case.save()
    response = track(
        {"reference": case.reference.lower().replace("-", " "), "phone": "138-0000-0001"}
    )
    html = response.content.decode()
    assert case.reference in html and "已受理" in html and "已收到申请" in html
    assert case.agency.name in html
    assert "调解员将与您联系" in html  # what happens next
    assert "内部意见" not in html and "张示例" not in html and "随州示例制造有限公司" not in html


def test_wrong_phone_and_unknown_reference_give_the_same_page(case):
    wrong = track({"reference": case.reference, "phone": "13900000009"}).content.decode()
    unknown = track({"reference": references.generate(), "phone": "13800000001"}).content.decode()
    strip = lambda html: html.split('name="csrfmiddlewaretoken"')[0]  # noqa: E731
    assert "没有与该申请编号和手机号码相符的申请" in wrong
    assert strip(wrong).replace("13900000009", "") == strip(unknown).replace("13800000001", "")


def test_a_mistyped_reference_is_caught_by_its_check_character(case):
    body = case.reference[:-1] + ("2" if case.reference[-1] != "2" else "3")
    response = track({"reference": body, "phone": "13800000001"})
    assert "申请编号有误" in response.content.decode()


def test_tracking_is_rate_limited(settings, case):
    settings.TRACK_RATE_LIMIT = "2/h"
    for _ in range(2):
        assert track({"reference": case.reference, "phone": "13800000001"}).status_code == 200
    response = track({"reference": case.reference, "phone": "13800000001"})
    assert response.status_code == 429 and "操作过于频繁" in response.content.decode()


def test_rate_limit_counts_per_phone_across_addresses(settings, case):
    settings.TRACK_RATE_LIMIT = "2/h"
    for address in ("10.0.0.1", "10.0.0.2"):
        Client(REMOTE_ADDR=address).post(
            "/track/", {"reference": case.reference, "phone": "13800000001"}
        )
    response = Client(REMOTE_ADDR="10.0.0.3").post(
        "/track/", {"reference": case.reference, "phone": "+86 13800000001"}
    )
    assert response.status_code == 429
    other = Client(REMOTE_ADDR="10.0.0.4").post(
        "/track/", {"reference": case.reference, "phone": "13900000009"}
    )
    assert other.status_code == 200
