"""Stage-right next steps and the two clocks (issue "Citizen journey", items 1-2): what the
API, the confirmation page, the SMS and tracking tell an applicant, per dispute stage, as the
law says it (劳动争议调解仲裁法 arts. 14, 27, 42-43, 47-50; 特邀调解规定 art. 27)."""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from cases import sms
from cases.choices import CaseStatus
from cases.models import Case, Notification
from cases.services.submission import submit

from .factories import api_mediation, application

pytestmark = pytest.mark.usefixtures("routing_data")

BEIJING = ZoneInfo("Asia/Shanghai")
# A Friday before the 2026 National Day holiday: day 15 (3 Oct) is a holiday, so the period
# ends on the first working day after it, 8 Oct.
BEFORE_NATIONAL_DAY = datetime.datetime(2026, 9, 18, 10, 0, tzinfo=BEIJING)
ORDINARY_MONDAY = datetime.datetime(2026, 11, 2, 10, 0, tzinfo=BEIJING)


def post(payload):
    return Client().post(
        "/api/v1/applications", json.dumps(payload), content_type="application/json"
    )


def steps_for(**dispute) -> str:
    payload = api_mediation()
    payload["dispute"].update(dispute)
    response = post(payload)
    assert response.status_code == 201, response.content
    steps = response.json()["next_steps"]
    assert isinstance(steps, list) and all(isinstance(step, str) for step in steps)
    return "\n".join(steps)


def test_pre_case_gives_the_day_from_which_arbitration_is_open():
    with time_machine.travel(BEFORE_NATIONAL_DAY, tick=False):
        text = steps_for(stage="pre_case")
    assert "如到2026年10月8日" in text and "仍未达成调解协议" in text
    assert "《劳动争议调解仲裁法》第十四条" in text
    assert "时效期间为一年" in text and "第二十七条" in text


def test_an_ordinary_fortnight_ends_on_day_fifteen():
    with time_machine.travel(ORDINARY_MONDAY, tick=False):
        assert "如到2026年11月17日" in steps_for(stage="pre_case")


def test_a_worker_after_an_award_has_15_days_to_sue_and_is_told_where():
    with time_machine.travel(ORDINARY_MONDAY, tick=False):
        text = steps_for(stage="award_issued")
    assert "收到仲裁裁决书之日起15日内向人民法院提起诉讼" in text
    assert "第四十八条、第五十条" in text
    assert "30日" not in text  # the employer's remedy against a final award is not theirs
    assert "调解期间上述期限不停止计算" in text
    assert "曾都区人民法院驻中心诉讼服务站" in text
    assert "第十四条" not in text  # art. 14 is the way to arbitration, long past here


def test_an_employer_after_an_award_hears_of_both_remedies():
    with time_machine.travel(ORDINARY_MONDAY, tick=False):
        case, _created = submit(
            application(
                applicant={
                    "kind": "employer",
                    "name": "随州示例制造有限公司",
                    "phone": "13800000009",
                    "email": "",
                },
                respondent={"kind": "worker", "name": "张示例"},
                dispute={**application().dispute, "stage": "award_issued"},
            )
        )
    from cases.next_steps import as_text, next_steps

    text = "\n".join(as_text(next_steps(case)))
    assert "非终局裁决不服的，可以自收到仲裁裁决书之日起15日内" in text
    assert "30日内向中级人民法院申请撤销裁决" in text and "第四十七条、第四十九条" in text


def test_arbitration_pending_names_the_case_and_the_commissions_mediation_statement():
    with time_machine.travel(ORDINARY_MONDAY, tick=False):
        text = steps_for(
            stage="arbitration_pending", arbitration_case_number="随劳人仲案字〔2026〕12号"
        )
    assert "随劳人仲案字〔2026〕12号" in text
    assert "调解书" in text and "第四十二条" in text and "45日" in text
    assert "第十四条" not in text


def test_in_litigation_gives_the_entrusted_mediation_periods():
    with time_machine.travel(ORDINARY_MONDAY, tick=False):
        text = steps_for(stage="in_litigation", court_case_number="(2026)鄂1303民初88号")
    assert "您的法院案件（2026）鄂1303民初88号仍由法院审理" in text
    assert "普通程序的在15日内" in text and "简易程序的在7日内" in text
    assert "特邀调解的规定》第二十七条" in text


def test_confirmation_page_and_sms_say_the_same(run_on_commit):
    sms.outbox.clear()
    with time_machine.travel(BEFORE_NATIONAL_DAY, tick=False):
        case, _created = submit(application())
        client = Client()
        session = client.session
        session["apply:done:mediation"] = case.reference
        session.save()
        html = client.get("/apply/mediation/done/").content.decode()
    assert "data-next-steps" in html and "如到2026年10月8日" in html
    assert "《劳动争议调解仲裁法》第十四条" in html
    assert 'href="/guidance/' in html  # each basis links to guidance
    texts = [
        n.body
        for n in Notification.objects.filter(case=case, channel="sms", purpose="confirmation")
    ]
    assert texts and "如到2026年10月8日" in texts[0]


def test_tracking_shows_both_clocks_each_for_what_it_is():
    with time_machine.travel(ORDINARY_MONDAY, tick=False):
        case, _created = submit(application())
        case.status = CaseStatus.ACCEPTED
        case.accepted_at = timezone.now() + datetime.timedelta(days=3)  # accepted on Thursday
        case.mediation_due = datetime.date(2026, 11, 20)
        case.save()
        response = Client().post(
            "/api/v1/track",
            json.dumps({"reference": case.reference, "phone": "13800000001"}),
            content_type="application/json",
        )
    body = response.json()
    clocks = {clock["date"]: clock for clock in body["clocks"]}
    assert set(clocks) == {"2026-11-17", "2026-11-20"}
    assert "第十四条" in clocks["2026-11-17"]["basis"] and "收到" in clocks["2026-11-17"]["basis"]
    assert "自受理之日起15日" in clocks["2026-11-20"]["basis"]
    assert body["next_steps"]


def track(case):
    return (
        Client()
        .post(
            "/api/v1/track",
            json.dumps({"reference": case.reference, "phone": "13800000001"}),
            content_type="application/json",
        )
        .json()
    )


@pytest.mark.parametrize(
    "status",
    [
        CaseStatus.AGREEMENT,
        CaseStatus.NO_AGREEMENT,
        CaseStatus.REJECTED,
        CaseStatus.WITHDRAWN,
        CaseStatus.CLOSED,
    ],
)
def test_tracking_an_ended_case_gives_no_stale_advice(status):
    with time_machine.travel(ORDINARY_MONDAY, tick=False):
        case, _created = submit(application())
    Case.objects.filter(pk=case.pk).update(status=status)
    body = track(case)
    assert body["next_steps"] == [] and body["clocks"] == []
    assert body["next_step"]  # the status's own next step says what is left


def test_once_accepted_the_acceptance_step_is_gone():
    with time_machine.travel(ORDINARY_MONDAY, tick=False):
        case, _created = submit(application())
        assert "3个工作日内告知是否受理" in "".join(track(case)["next_steps"])
        Case.objects.filter(pk=case.pk).update(status=CaseStatus.ACCEPTED)
        steps = "".join(track(case)["next_steps"])
    assert "告知是否受理" not in steps and "如到2026年11月17日" in steps


def test_setup_help_keeps_its_own_steps():
    payload = {
        "type": "union_setup",
        "region": "guangshui",
        "enterprise": {
            "name": "示例企业",
            "employee_count": 30,
            "union_status": "none",
            "contact_name": "李示例",
            "phone": "13900000002",
        },
        "consent": True,
    }
    response = post(payload)
    assert response.status_code == 201, response.content
    text = "\n".join(response.json()["next_steps"])
    assert "总工会将在10个工作日内与您联系" in text and "仲裁" not in text


def employer_after_award(**dispute):
    with time_machine.travel(ORDINARY_MONDAY, tick=False):
        case, _created = submit(
            application(
                applicant={
                    "kind": "employer",
                    "name": "随州示例制造有限公司",
                    "phone": "13800000009",
                    "email": "",
                },
                respondent={"kind": "worker", "name": "张示例"},
                dispute={**application().dispute, "stage": "award_issued", **dispute},
            )
        )
    from cases.next_steps import as_text, next_steps

    return "\n".join(as_text(next_steps(case)))


def test_an_employer_facing_a_final_award_hears_only_of_the_30_days():
    text = employer_after_award(award_kind="final")
    assert "30日内向中级人民法院申请撤销裁决" in text and "第四十七条、第四十九条" in text
    assert "15日内" not in text


def test_an_employer_facing_a_non_final_award_hears_only_of_the_15_days():
    text = employer_after_award(award_kind="non_final")
    assert "非终局裁决不服的，可以自收到仲裁裁决书之日起15日内" in text
    assert "30日" not in text


def test_a_worker_with_a_final_award_is_given_art_48_in_the_api():
    with time_machine.travel(ORDINARY_MONDAY, tick=False):
        final = steps_for(stage="award_issued", award_kind="final")
        non_final = steps_for(stage="award_issued", award_kind="non_final")
    assert "15日内向人民法院提起诉讼" in final and "第四十七条、第四十八条" in final
    assert "15日内向人民法院提起诉讼" in non_final and "第五十条" in non_final
    assert "第四十八条" not in non_final and "30日" not in final


def test_an_award_kind_outside_the_award_stage_is_ignored():
    with time_machine.travel(BEFORE_NATIONAL_DAY, tick=False):
        text = steps_for(stage="pre_case", award_kind="final")
    assert "如到2026年10月8日" in text and "裁决" not in text


def test_an_unknown_award_kind_is_refused_and_nothing_is_saved():
    payload = api_mediation()
    payload["dispute"].update(stage="award_issued", award_kind="maybe")
    before = Case.objects.count()
    response = post(payload)
    assert response.status_code in (400, 422)
    assert Case.objects.count() == before


def confirmation_page(case) -> str:
    client = Client()
    session = client.session
    session["apply:done:mediation"] = case.reference
    session.save()
    return client.get("/apply/mediation/done/").content.decode()


def test_confirmation_page_links_the_one_year_limit_to_the_calculator():
    with time_machine.travel(BEFORE_NATIONAL_DAY, tick=False):
        case, _created = submit(application())
        html = confirmation_page(case)
    assert "时效期间为一年" in html and 'href="/tools/time-limit/"' in html


def test_confirmation_page_for_an_employer_facing_a_final_award():
    with time_machine.travel(ORDINARY_MONDAY, tick=False):
        case, _created = submit(
            application(
                applicant={
                    "kind": "employer",
                    "name": "随州示例制造有限公司",
                    "phone": "13800000009",
                    "email": "",
                },
                respondent={"kind": "worker", "name": "张示例"},
                dispute={**application().dispute, "stage": "award_issued", "award_kind": "final"},
            )
        )
        html = confirmation_page(case)
    assert "30日内向中级人民法院申请撤销裁决" in html and "非终局裁决" not in html
    assert "如到" not in html  # art. 14's date is long past at this stage
