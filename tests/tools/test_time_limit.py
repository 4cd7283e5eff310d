"""The time-limit calculator (仲裁时效): the dates the law gives, on the page and in the API,
weekends and holidays included; every bad input refused with a clear message."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from cases import time_limits

pytestmark = pytest.mark.django_db
BEIJING = ZoneInfo("Asia/Shanghai")
TODAY = datetime.datetime(2027, 3, 1, 10, 0, tzinfo=BEIJING)  # a Monday
D = datetime.date.fromisoformat


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


def api(**params):
    return Client().get("/api/v1/time-limit", params)


@pytest.mark.parametrize(
    "params, deadline",
    [
        # One year from the day known, the start day not counted (art. 27; 民法典 art. 201).
        ({"dispute": "dismissal", "known_on": "2026-06-01"}, "2027-06-01"),
        # 28 Nov 2026 is a Saturday: the period ends on Monday 30 November (民法典 art. 203).
        ({"dispute": "contract", "known_on": "2025-11-28"}, "2026-11-30"),
        # 1 Oct 2026 is National Day: the first working day after the holiday is 8 October.
        ({"dispute": "hours", "known_on": "2025-10-01"}, "2026-10-08"),
        # 29 Feb 2024: no corresponding day in 2025, the month's last day ends it.
        ({"dispute": "other", "known_on": "2024-02-29"}, "2025-02-28"),
        # Pay owed during employment: one year from the end of the employment (para. 4).
        (
            {"dispute": "pay", "known_on": "2025-06-30", "employment_ended": "2026-03-15"},
            "2027-03-15",
        ),
        # Interrupted on 10 Jan 2026: a new year, ending Sunday 10 Jan 2027 -> Monday 11th.
        (
            {"dispute": "dismissal", "known_on": "2025-06-01", "interrupted_on": "2026-01-10"},
            "2027-01-11",
        ),
        # An interruption after the year had run out starts nothing new.
        (
            {"dispute": "dismissal", "known_on": "2024-01-02", "interrupted_on": "2025-06-01"},
            "2025-01-02",
        ),
    ],
)
def test_deadlines_the_law_gives(params, deadline):
    response = api(**params)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["deadline"] == deadline
    assert body["days_left"] == (D(deadline) - TODAY.date()).days
    assert "第二十七条" in body["basis"]
    assert body["explanation"]


def test_pay_while_still_employed_has_no_deadline_yet():
    body = api(dispute="pay", known_on="2026-05-10").json()
    assert body["deadline"] is None and body["days_left"] is None
    assert "在职期间" in body["explanation"] or "劳动关系存续期间" in body["explanation"]


@pytest.mark.parametrize(
    "params, field, message",
    [
        ({"dispute": "dismissal", "known_on": "2027-03-02"}, "known_on", "不能晚于今天"),
        ({"dispute": "dismissal", "known_on": "1989-12-31"}, "known_on", "1990年"),
        ({"dispute": "dismissal", "known_on": "2026-02-30"}, "known_on", "请填写真实的日期"),
        ({"dispute": "dismissal"}, "known_on", "请填写日期"),
        ({"dispute": "bonus", "known_on": "2026-01-01"}, "dispute", "请从列表中选择"),
        ({"known_on": "2026-01-01"}, "dispute", "请选择争议事项"),
        (
            {"dispute": "pay", "known_on": "2026-01-01", "employment_ended": "2025-12-31"},
            "employment_ended",
            "不能早于",
        ),
        (
            {"dispute": "pay", "known_on": "2026-01-01", "interrupted_on": "2025-12-31"},
            "interrupted_on",
            "不能早于",
        ),
    ],
)
def test_bad_input_is_a_400_naming_the_field(params, field, message):
    response = api(**params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["detail"] == "部分内容填写有误。"
    fields = {error["field"]: error["message"] for error in body["errors"]}
    assert field in fields and message in fields[field], fields


def test_the_page_answers_on_the_same_page_and_warns(demo_site):
    client = Client()
    empty = client.get("/tools/time-limit/")
    assert empty.status_code == 200
    html = empty.content.decode()
    assert 'method="get"' in html and "第二十七条" in html and 'id="result"' not in html
    # 20 March 2027 is a Saturday: the year ends Monday 22 March, 21 days from today.
    soon = client.get("/tools/time-limit/", {"dispute": "contract", "known_on": "2026-03-20"})
    html = soon.content.decode()
    assert 'data-deadline="2027-03-22"' in html and 'data-state="soon"' in html
    assert "剩余天数： 21" in html or "剩余天数：21" in html
    passed = client.get("/tools/time-limit/", {"dispute": "contract", "known_on": "2025-01-06"})
    assert 'data-state="passed"' in passed.content.decode()
    assert "中止" in passed.content.decode()
    running = client.get("/tools/time-limit/", {"dispute": "dismissal", "known_on": "2026-06-01"})
    assert 'data-state="running"' in running.content.decode()
    employed = client.get("/tools/time-limit/", {"dispute": "pay", "known_on": "2026-06-01"})
    assert 'data-state="not_running"' in employed.content.decode()


def test_the_page_explains_bad_input_and_keeps_the_answers(demo_site):
    response = Client().get("/tools/time-limit/", {"dispute": "pay", "known_on": "2099-01-01"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and "不能晚于今天" in html
    assert 'value="2099-01-01"' in html
    assert 'id="result"' not in html


def test_the_rules_in_the_module_match_the_state_names():
    limit = time_limits.compute("dismissal", D("2026-06-01"), TODAY.date())
    assert limit.state == "running"
    assert time_limits.one_year_after(D("2028-02-29")) == D("2029-02-28")


def test_linked_from_the_guidance_and_tracking(demo_site):
    from tests.casework.factories import make_case, mediation_payload

    client = Client()
    assert (
        'href="/tools/time-limit/" data-time-limit-link'
        in client.get("/guidance/").content.decode()
    )
    payload = mediation_payload(phone="13811112222")
    case = make_case(payload)
    html = client.post("/track/", {"reference": case.reference, "phone": "13811112222"}).content
    assert b'href="/tools/time-limit/" data-time-limit-link' in html


def test_the_api_documents_its_parameters():
    schema = Client().get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/time-limit"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert names == {"dispute", "known_on", "employment_ended", "interrupted_on"}
    assert set(operation["responses"]) == {"200", "400"}
