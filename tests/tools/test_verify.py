"""/verify/ (防诈骗核验): official numbers recognised, others refused, messages checked
without revealing anything else, bad input explained, guessing rate-limited, never cached;
and every SMS the site sends names the page."""

import pytest
from django.core.cache import cache
from django.test import Client

from applications.services import official_numbers
from cases.models import Notification
from directory.models import Agency
from tests.casework.factories import make_case, mediation_payload

pytestmark = pytest.mark.django_db
URL = "/verify/"


def check_number(client, number):
    return client.post(URL, {"check": "number", "n-number": number})


def check_message(client, reference, phone):
    return client.post(URL, {"check": "message", "m-reference": reference, "m-phone": phone})


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


def test_the_page_says_what_we_never_do(demo_site):
    response = Client().get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="tel:96110"' in html and 'href="tel:110"' in html
    assert "验证码" in html and "远程控制" in html and "转账" in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("typed", ["0722-0000000", "0722 000 0000", "07220000000", "0000000"])
def test_the_demo_hotline_is_recognised_however_typed(demo_site, typed):
    html = check_number(Client(), typed).content.decode()
    assert 'data-number-result="ours"' in html
    assert "0722-0000000（示例）" in html


def test_an_agency_number_names_the_agency(demo_site):
    agency = (
        Agency.objects.filter(is_public=True)
        .exclude(phone="")
        .exclude(phone__startswith="0722-0000000")
        .first()
    )
    html = check_number(Client(), agency.phone.split("（")[0]).content.decode()
    assert 'data-number-result="ours"' in html and agency.name in html


@pytest.mark.parametrize("number", ["13912345678", "+86 139 1234 5678", "0722-9876543", "110"])
def test_other_numbers_are_not_ours(demo_site, number):
    html = check_number(Client(), number).content.decode()
    assert 'data-number-result="unknown"' in html and "不是我们的号码" in html


@pytest.mark.parametrize("number", ["", "abc123", "12", "1" * 16, "0722-000000x", "<script>"])
def test_malformed_numbers_are_explained(demo_site, number):
    response = check_number(Client(), number)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert "请用数字填写号码" in html or "请填写电话号码" in html
    assert "data-number-result" not in html


def test_a_message_about_a_real_application(demo_site):
    case = make_case(mediation_payload(phone="13822223333"))
    client = Client()
    html = check_message(client, case.reference, "13822223333").content.decode()
    assert 'data-message-result="genuine"' in html and "已提交，等待受理" in html
    assert case.applicant_name not in html and case.agency.name not in html
    wrong = check_message(client, case.reference, "13822224444").content.decode()
    assert 'data-message-result="not_found"' in wrong
    bad = check_message(client, "SZ-123", "13822223333")
    assert bad.status_code == 400 and "申请编号" in bad.content.decode()


def test_guessing_is_rate_limited(demo_site, settings):
    settings.VERIFY_RATE_LIMIT = "20/m"
    client = Client()
    answers = [check_number(client, f"1391234{n:04d}").status_code for n in range(50)]
    assert answers[:20] == [200] * 20
    assert set(answers[20:]) == {429}
    response = check_message(client, "SZ-7K3M-9QXR-P", "13800000000")
    assert response.status_code == 429
    assert "操作过于频繁" in response.content.decode()


def test_every_sms_names_the_verify_page(demo_site):
    from casework.services.actions import perform
    from tests.casework.factories import staff

    case = make_case()
    perform(case, "accept", staff("center-city-head"), {}, case.version)
    texts = Notification.objects.filter(case=case, channel="sms").values_list("body", flat=True)
    assert len(texts) == 2  # the confirmation and the acceptance
    assert all("/verify/" in text and "核验真伪" in text for text in texts)


def test_normalising_numbers():
    assert official_numbers.normalize("+86 138-0000-0000") == "13800000000"
    assert official_numbers.normalize("0086 13800000000") == "13800000000"
    assert official_numbers.normalize("(0722) 325 6789") == "07223256789"
