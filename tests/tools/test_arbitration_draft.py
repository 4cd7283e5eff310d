"""Fill facts once (一次填写，多处使用): the applicant's draft arbitration application from
tracking, masked until a one-time SMS code is confirmed; the staff's printable copy; the
same facts in the court feedback."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from cases.models import Notification
from cases.sms import outbox as sms_outbox
from casework.models import AuditEntry
from casework.services.actions import perform
from directory.models import Agency
from tests.applications.factories import WORKER_ID
from tests.casework.factories import make_case, mediation_payload, staff, union_payload

pytestmark = pytest.mark.django_db
BEIJING = ZoneInfo("Asia/Shanghai")
NOW = datetime.datetime(2026, 6, 10, 10, 0, tzinfo=BEIJING)
PHONE = "13855556666"
DRAFT = "/track/arbitration-application/"


@pytest.fixture
def failed_case(casework_data):
    payload = mediation_payload(phone=PHONE)
    payload["dispute"]["claims"] = "支付拖欠工资12000元"
    payload["dispute"]["facts"] = "2026年1月至3月工资未发放。"
    with time_machine.travel(NOW - datetime.timedelta(days=20), tick=False):
        case = make_case(payload)
    admin = staff("center-city-head")
    with time_machine.travel(NOW - datetime.timedelta(days=18), tick=False):
        perform(case, "accept", admin, {}, case.version)
    with time_machine.travel(NOW - datetime.timedelta(days=2), tick=False):
        perform(case, "record_no_agreement", admin, {"summary": "分歧较大"}, case.version)
    with time_machine.travel(NOW, tick=True):
        yield case


def tracked(case, phone=PHONE) -> Client:
    client = Client()
    html = client.post("/track/", {"reference": case.reference, "phone": phone}).content.decode()
    assert case.reference in html
    return client


@pytest.fixture
def send_code(django_capture_on_commit_callbacks):
    """Ask for a code as the page's button does, and let the SMS go out (the task runs when
    the request's transaction commits)."""

    def send(client):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(DRAFT, {"action": "send"})

    return send


def last_code(case) -> str:
    """The code as the applicant's phone received it (the SMS outbox of the test backend);
    the notification log keeps it redacted once sent."""
    phone, text = sms_outbox[-1]
    assert phone == case.applicant_phone
    return re.search(r"\b(\d{6})\b", text)[1]


def test_tracking_offers_the_draft_and_it_is_masked(failed_case):
    client = Client()
    assert client.get(DRAFT)["Location"] == "/track/"  # no tracked case in this session
    client = tracked(failed_case)
    track_html = client.post("/track/", {"reference": failed_case.reference, "phone": PHONE})
    assert "data-draft-link" in track_html.content.decode()
    assert "您现在可以申请仲裁" in track_html.content.decode()
    response = client.get(DRAFT)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "劳动人事争议仲裁申请书" in html
    assert "支付拖欠工资12000元" in html and "2026年1月至3月工资未发放。" in html
    assert WORKER_ID not in html and PHONE not in html
    assert "138****6666" in html and 'data-masked="true"' in html
    commission = Agency.objects.filter(kind="arbitration", region=failed_case.region).first()
    assert commission.name in html
    assert "此致" in html


def test_a_one_time_code_unmasks_it(failed_case, send_code):
    client = tracked(failed_case)
    sent = send_code(client)
    assert sent.status_code == 302
    sms = Notification.objects.get(case=failed_case, purpose="one_time_code")
    code = last_code(failed_case)
    assert sms.recipient == PHONE and "/verify/" in sms.body
    # Once handed to the SMS gateway, the log keeps the message without the code.
    assert sms.status == "sent" and code not in sms.body and "******" in sms.body
    wrong = client.post(
        DRAFT, {"action": "confirm", "code": "000000" if code != "000000" else "111111"}
    )
    assert wrong.status_code == 400 and "验证码不正确" in wrong.content.decode()
    malformed = client.post(DRAFT, {"action": "confirm", "code": "12ab"})
    assert malformed.status_code == 400 and "验证码为6位数字" in malformed.content.decode()
    assert client.post(DRAFT, {"action": "confirm", "code": code}).status_code == 302
    html = client.get(DRAFT).content.decode()
    assert WORKER_ID in html and PHONE in html and 'data-masked="false"' in html
    # Another browser (session) that has not confirmed still sees the masked copy.
    other = tracked(failed_case).get(DRAFT).content.decode()
    assert WORKER_ID not in other


def test_codes_expire_lock_and_are_rate_limited(failed_case, settings, send_code):
    client = tracked(failed_case)
    send_code(client)
    code = last_code(failed_case)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        client.post(DRAFT, {"action": "confirm", "code": wrong})
    locked = client.post(DRAFT, {"action": "confirm", "code": code})
    assert locked.status_code == 400 and "错误次数过多" in locked.content.decode()
    send_code(client)
    code = last_code(failed_case)
    with time_machine.travel(NOW + datetime.timedelta(minutes=11), tick=False):
        expired = client.post(DRAFT, {"action": "confirm", "code": code})
    assert expired.status_code == 400, expired.content.decode()[-3000:]
    assert "已过期" in expired.content.decode(), re.findall(
        r"class=\"error\">[^<]*", expired.content.decode()
    )
    settings.OTP_RATE_LIMIT = "1/h"
    fresh = tracked(failed_case)
    send_code(fresh)
    assert fresh.post(DRAFT, {"action": "send"}).status_code == 429


def test_setup_help_has_no_draft(casework_data):
    case = make_case(union_payload())
    client = tracked(case, case.applicant_phone)
    assert client.get(DRAFT).status_code == 404


def test_staff_print_it_from_the_case_page_and_the_court_gets_the_same_facts(failed_case):
    from directory.demo import staff_access

    staff_access.load(__import__("io").StringIO())
    client = Client()
    client.force_login(staff("center-city-head"))
    url = f"/admin/cases/{failed_case.reference}/documents/arbitration_application/"
    assert url in client.get(f"/admin/cases/{failed_case.reference}/").content.decode()
    html = client.get(url).content.decode()
    assert "劳动人事争议仲裁申请书" in html and WORKER_ID in html and "支付拖欠工资12000元" in html
    assert AuditEntry.objects.filter(case=failed_case, action="print").exists()
    from casework.services.referral_feedback import _dispute

    assert _dispute(failed_case)["claims"] == "支付拖欠工资12000元"
