"""Recording the respondent's answer through its admin forms (ADR 0046): each bad value
refused with a Chinese message and nothing changed; consent shown on the case page; a
refusal ends mediation with the arbitration advice offered."""

import datetime

from django.utils import timezone

from cases.choices import CaseStatus as S

from .test_actions import action_url, done, refused, run
from .test_case_page import page_url


def test_consent_through_the_form_with_every_bad_value_refused(login, hrss_case):
    run(hrss_case, "accept", "hrss-zengdu")
    client = login("hrss-zengdu")
    page = client.get(page_url(hrss_case)).content.decode()
    assert "被申请人调解意愿" in page and "尚未记录" in page
    assert action_url(hrss_case, "record_consent") in page  # offered until recorded
    form = client.get(action_url(hrss_case, "record_consent")).content.decode()
    assert "请选择" in form and "短信" in form and "当面" in form
    today = timezone.localdate()
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    for data, message in [
        ({"given_on": "", "channel": "phone"}, "请填写被申请人答复的日期"),
        ({"given_on": today.isoformat(), "channel": ""}, "请选择被申请人答复的方式"),
        ({"given_on": today.isoformat(), "channel": "pigeon"}, "请选择被申请人答复的方式"),
        ({"given_on": tomorrow, "channel": "phone"}, "答复日期不能晚于今天"),
        ({"given_on": "2020-01-01", "channel": "phone"}, "答复日期不能早于申请提交日期"),
    ]:
        refused(client, hrss_case, "record_consent", data, message)
        assert not hrss_case.consents.exists()
    data = {"given_on": today.isoformat(), "channel": "sms", "note": "短信回复同意"}
    done(client, hrss_case, "record_consent", data)
    assert hrss_case.status == S.ACCEPTED
    consent = hrss_case.consents.get()
    assert (consent.answer, consent.channel, consent.given_on) == ("agreed", "sms", today)
    page = client.get(page_url(hrss_case)).content.decode()
    table = page.split('id="case-consent"')[1].split("</table>")[0]
    assert "同意调解" in table and "短信" in table and "短信回复同意" in table
    assert action_url(hrss_case, "record_consent") not in page  # no longer offered
    assert action_url(hrss_case, "record_refusal") in page  # consent may be withdrawn
    refused(client, hrss_case, "record_consent", data, "已记录被申请人同意调解")


def test_refusal_through_the_form_ends_mediation(login, hrss_case):
    run(hrss_case, "accept", "hrss-zengdu")
    client = login("hrss-zengdu")
    form = client.get(action_url(hrss_case, "record_refusal")).content.decode()
    assert "第五条" in form and "一年" in form  # the arbitration advice is offered
    today = timezone.localdate().isoformat()
    refused(
        client,
        hrss_case,
        "record_refusal",
        {"given_on": today, "channel": "phone", "advice": ""},
        "请填写给申请人的建议",
    )
    data = {"given_on": today, "channel": "phone", "advice": "可申请仲裁，时效一年"}
    done(client, hrss_case, "record_refusal", data)
    assert hrss_case.status == S.NO_AGREEMENT
    assert hrss_case.outcome.advice == "可申请仲裁，时效一年"
    assert hrss_case.consents.get().answer == "refused"
