"""The confirmation page keeps the reference from being lost: SMS it again, print, save."""

import pytest
from django.core.cache import cache
from django.test import Client

from cases import sms
from cases.models import Notification
from cases.services.submission import submit

from .factories import application

pytestmark = pytest.mark.usefixtures("routing_data")


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()  # rate-limit counters are keyed by reference, which tests reuse


@pytest.fixture
def submitted():
    case, _created = submit(application())
    client = Client()
    session = client.session
    session["apply:done:mediation"] = case.reference
    session.save()
    return client, case


def test_the_page_offers_sms_print_and_save_with_the_phone_masked(submitted):
    client, case = submitted
    response = client.get("/apply/mediation/done/")
    html = response.content.decode()
    assert case.reference in html
    assert "把申请编号发到我的手机 138****0001" in html and "13800000001" not in html
    assert "data-print" in html and "js/print.js" in html
    assert 'href="/apply/mediation/done/receipt/" download' in html
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_reference_is_sent_again_by_sms_and_the_page_says_so_once(submitted, run_on_commit):
    client, case = submitted
    sms.outbox.clear()
    response = client.post("/apply/mediation/done/sms/")
    assert response.status_code == 302 and response["Location"] == "/apply/mediation/done/"
    sent = Notification.objects.get(case=case, purpose="reference")
    assert sent.channel == "sms" and sent.status == "sent"
    assert case.reference in sent.body and "/track/" in sent.body
    assert [phone for phone, _text in sms.outbox] == ["13800000001"]
    page = client.get("/apply/mediation/done/").content.decode()
    assert "data-sms-sent" in page and "申请编号正在发送到您的手机 138****0001" in page
    assert "data-sms-sent" not in client.get("/apply/mediation/done/").content.decode()


def test_the_sms_is_limited_per_case(submitted, settings):
    client, case = submitted
    settings.REFERENCE_SMS_RATE_LIMIT = "2/d"
    assert client.post("/apply/mediation/done/sms/").status_code == 302
    assert client.post("/apply/mediation/done/sms/").status_code == 302
    refused = client.post("/apply/mediation/done/sms/")
    assert refused.status_code == 429 and "操作过于频繁" in refused.content.decode()
    assert Notification.objects.filter(case=case, purpose="reference").count() == 2


def test_the_receipt_is_a_text_file_with_the_reference_and_next_steps(submitted):
    client, case = submitted
    response = client.get("/apply/mediation/done/receipt/")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{case.reference}.txt"'
    text = response.content.decode()
    assert case.reference in text and case.agency.name in text
    assert "《劳动争议调解仲裁法》第十四条" in text  # the stage's next steps
    assert "http://testserver/track/" in text
    assert "13800000001" not in text and case.answers["applicant"]["id_number"] not in text
    assert "\r\n" in text  # opens as lines in Windows Notepad too


@pytest.mark.parametrize("path", ["", "sms/", "receipt/"])
def test_without_a_submission_in_this_browser_nothing_is_shown(path):
    client = Client()
    response = (client.post if path == "sms/" else client.get)(f"/apply/mediation/done/{path}")
    assert response.status_code == 302 and response["Location"] == "/apply/mediation/"
    assert not Notification.objects.filter(purpose="reference").exists()
    other = client.post if path == "sms/" else client.get
    assert other(f"/apply/no-such-wizard/done/{path}").status_code == 404


def test_the_sms_needs_a_post(submitted):
    client, _case = submitted
    assert client.get("/apply/mediation/done/sms/").status_code == 405
