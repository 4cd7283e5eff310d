"""Satisfaction after closing (满意度评价): the invitation when a case ends, the one-time
signed link, every refusal (used, expired, forged, bad scores) storing nothing, the low
rating alert, the case page, the statistics and the public figures by region."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from cases.models import Notification, SatisfactionRating
from cases.services import satisfaction
from casework.services.actions import perform
from reporting import report
from reporting.filters import Filters
from reporting.periods import DateRange
from reporting.public_figures import SUPPRESSED, quarter_figures
from tests.casework.factories import make_case, mediation_payload, staff

pytestmark = pytest.mark.django_db
BEIJING = ZoneInfo("Asia/Shanghai")
ENDED_AT = datetime.datetime(2026, 5, 11, 10, 0, tzinfo=BEIJING)
GOOD = {"overall": "5", "timeliness": "4", "fairness": "5", "comment": "调解员很耐心"}


def ended_case(region="zengdu", email=True):
    payload = mediation_payload(region=region)
    if not email:
        payload["applicant"].pop("email", None)
    with time_machine.travel(ENDED_AT - datetime.timedelta(days=5), tick=False):
        case = make_case(payload)
    admin = staff("center-city-head")
    with time_machine.travel(ENDED_AT - datetime.timedelta(days=3), tick=False):
        perform(case, "accept", admin, {}, case.version)
    with time_machine.travel(ENDED_AT, tick=False):
        perform(case, "record_no_agreement", admin, {"summary": "未达成"}, case.version)
    return case


def link_in(case) -> str:
    sms = Notification.objects.get(case=case, channel="sms", purpose="satisfaction_invite")
    return re.search(r"https?://[^/\s]+(/rate/[^/\s]+/)", sms.body)[1]


def test_an_ended_case_invites_its_applicant_once(casework_data):
    case = ended_case()
    invites = Notification.objects.filter(case=case, purpose="satisfaction_invite")
    assert sorted(invites.values_list("channel", flat=True)) == ["email", "sms"]
    sms = invites.get(channel="sms").body
    assert "/rate/" in sms and "/verify/" in sms and case.applicant_name not in sms
    perform(case, "close", staff("center-city-head"), {}, case.version)
    assert invites.count() == 2  # closing an ended case invites nobody again


def test_rating_once_through_the_link(casework_data):
    case = ended_case()
    link = link_in(case)
    client = Client()
    with time_machine.travel(ENDED_AT + datetime.timedelta(days=2), tick=False):
        form = client.get(link)
        assert form.status_code == 200 and "no-store" in form["Cache-Control"]
        assert case.reference in form.content.decode()
        done = client.post(link, GOOD)
        assert done.status_code == 200 and "data-rated" in done.content.decode()
        again = client.get(link)
        assert again.status_code == 409 and 'data-refused="used"' in again.content.decode()
        repeat = client.post(link, {**GOOD, "overall": "1"})
        assert repeat.status_code == 409
    rating = SatisfactionRating.objects.get()
    assert (rating.overall, rating.timeliness, rating.fairness) == (5, 4, 5)
    assert rating.agency_id == case.agency_id and rating.comment == "调解员很耐心"
    assert not Notification.objects.filter(purpose="low_rating").exists()


@pytest.mark.parametrize(
    "scores",
    [
        {"overall": "6", "timeliness": "4", "fairness": "5"},
        {"overall": "0", "timeliness": "4", "fairness": "5"},
        {"overall": "abc", "timeliness": "4", "fairness": "5"},
        {"timeliness": "4", "fairness": "5"},
        {**GOOD, "comment": "长" * 501},
    ],
)
def test_bad_scores_are_refused_and_nothing_is_stored(casework_data, scores):
    case = ended_case()
    with time_machine.travel(ENDED_AT + datetime.timedelta(days=1), tick=False):
        response = Client().post(link_in(case), scores)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert "请选择 1 至 5 分" in html or "请不要超过500字" in html
    assert not SatisfactionRating.objects.exists()


def test_expired_and_forged_links_store_nothing(casework_data):
    case = ended_case()
    link = link_in(case)
    client = Client()
    with time_machine.travel(ENDED_AT + datetime.timedelta(days=31), tick=False):
        expired = client.post(link, GOOD)
    assert expired.status_code == 410 and 'data-refused="expired"' in expired.content.decode()
    forged = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    for bad in (forged, "/rate/abc/", "/rate/" + satisfaction.token_for(case) + "x/"):
        response = client.post(bad, GOOD)
        assert response.status_code == 404, bad
        assert 'data-refused="invalid"' in response.content.decode()
    assert not SatisfactionRating.objects.exists()


def test_a_low_rating_tells_the_agency_and_shows_on_the_case_page(login):
    case = ended_case()
    with time_machine.travel(ENDED_AT + datetime.timedelta(days=1), tick=False):
        Client().post(link_in(case), {"overall": "2", "timeliness": "1", "fairness": "3"})
    alerts = Notification.objects.filter(purpose="low_rating")
    recipients = set(alerts.values_list("recipient", flat=True))
    from cases.services.notify import liaison_emails

    assert recipients == set(liaison_emails(case.agency)) and recipients
    assert case.reference in alerts.first().body and "2/5" in alerts.first().body
    assert "未达成" not in alerts.first().body  # scores and a link only
    page = login("center-city-head").get(f"/admin/cases/{case.reference}/").content.decode()
    assert 'id="case-rating"' in page and "<dd>1/5</dd>" in page


def test_ratings_reach_the_statistics_and_the_public_figures(casework_data):
    zengdu = [ended_case("zengdu", email=False) for _ in range(5)]
    suixian = [ended_case("suixian", email=False) for _ in range(2)]
    with time_machine.travel(ENDED_AT + datetime.timedelta(days=1), tick=False):
        for number, case in enumerate(zengdu):
            Client().post(link_in(case), {**GOOD, "overall": str(5 - number % 2)})
        for case in suixian:
            Client().post(link_in(case), GOOD)
    may = DateRange(datetime.date(2026, 5, 1), datetime.date(2026, 5, 31))
    tables = report.tables(report.build(Filters(range=may, today=datetime.date(2026, 6, 1))))
    total = tables["satisfaction"].rows[-1]
    assert total[:2] == ["合计", 7]
    assert str(total[2]) == "4.71"  # (5+4+5+4+5+5+5) / 7
    assert str(total[5]) == "0.0%"
    months = {row[0]: row for row in tables["satisfaction_months"].rows}
    assert months["2026-05"][1] == 7
    public = {row.label: row.cells for row in quarter_figures(2026, 2)}
    assert str(public["曾都区"][5]) == "4.6"  # 23 / 5
    assert public["随县"][5] == SUPPRESSED  # two ratings
