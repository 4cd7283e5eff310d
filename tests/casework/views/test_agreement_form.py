"""Recording a mediation agreement through its form: numbered terms with amounts, due dates
and payment methods; each bad value refused with nothing changed; more rows without
JavaScript."""

import datetime

import pytest
from django.utils import timezone

from cases.choices import CaseStatus as S
from tests.casework.factories import ready_for_agreement

from .test_actions import action_url, done, post, refused, state


def terms(*rows, total=3):
    data = {"terms-TOTAL_FORMS": str(total), "terms-INITIAL_FORMS": "0"}
    for number, row in enumerate(rows):
        for key, value in row.items():
            data[f"terms-{number}-{key}"] = value
    for number in range(total):
        data.setdefault(f"terms-{number}-payment_method", "none")
    return data


def test_record_an_agreement_with_two_terms(login, hrss_case):
    ready_for_agreement(hrss_case)
    client = login("hrss-zengdu")
    form = client.get(action_url(hrss_case, "record_agreement")).content.decode()
    assert form.count('name="terms-') >= 12  # three empty rows of four fields
    due = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    data = {
        "summary": "双方自愿达成如下协议",
        **terms(
            {
                "text": "支付拖欠工资",
                "amount": "8,000.50",
                "due_date": due,
                "payment_method": "bank_transfer",
            },
            {"text": "出具离职证明"},
        ),
    }
    done(client, hrss_case, "record_agreement", data)
    assert hrss_case.status == S.AGREEMENT
    saved = list(hrss_case.outcome.terms.values_list("number", "text", "amount", "payment_method"))
    assert [(n, t, str(a) if a is not None else None, p) for n, t, a, p in saved] == [
        (1, "支付拖欠工资", "8000.50", "bank_transfer"),
        (2, "出具离职证明", None, "none"),
    ]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"text": "支付", "amount": "-1", "payment_method": "cash"}, "金额不能为负数"),
        ({"text": "支付", "amount": "10.555", "payment_method": "cash"}, "最多保留两位小数"),
        ({"text": "支付", "amount": "一万", "payment_method": "cash"}, "请用数字填写金额"),
        ({"text": "支付", "amount": "100"}, "有金额的条款请选择支付方式"),
        ({"text": "支付", "payment_method": "cash"}, "请填写应支付的金额"),
        ({"amount": "100", "payment_method": "cash"}, "请填写这一条的内容"),
        ({"text": "支付", "due_date": "2024-02-30"}, "请填写真实的日期"),
        ({"text": "支付", "due_date": "2001-01-01"}, "履行期限不能早于案件提交日期"),
    ],
)
def test_agreement_terms_are_validated(login, hrss_case, row, message):
    ready_for_agreement(hrss_case)
    client = login("hrss-zengdu")
    html = refused(client, hrss_case, "record_agreement", terms(row), message)
    assert "第1条" in html or "协议条款 1" in html


def test_an_agreement_without_terms_is_refused(login, hrss_case):
    ready_for_agreement(hrss_case)
    client = login("hrss-zengdu")
    refused(client, hrss_case, "record_agreement", {"summary": "x", **terms()}, "至少要有一条")


def test_more_term_rows_without_javascript_keep_what_was_typed(login, hrss_case):
    ready_for_agreement(hrss_case)
    client = login("hrss-zengdu")
    before = state(hrss_case)
    data = {"add_rows": "1", **terms({"text": "第一条内容"})}
    response = post(client, hrss_case, "record_agreement", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="terms-TOTAL_FORMS" value="5"' in html
    assert "第一条内容" in html and 'id="error-summary"' not in html
    assert state(hrss_case) == before
