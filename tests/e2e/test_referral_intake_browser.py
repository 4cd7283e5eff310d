"""Walk-in intake on a phone, the court-referral pages and the audit log in a real browser:
keyboard-reachable error summaries, no horizontal scrolling at 375 px, axe-core clean."""

import re

from cases.models import Case
from casework.models import ReferralToken
from tests.applications.factories import EMPLOYER_CODE, WORKER_ID

from .accessibility import blocking_violations
from .conftest import DESKTOP, PHONE, PageProbe
from .test_casework_browser import sign_in


def no_horizontal_scroll(page, width):
    return page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_phone_application_recorded_on_a_phone(live_demo, browser_context_factory):
    probe = PageProbe(sign_in(browser_context_factory(PHONE), live_demo, "hrss-zengdu"))
    page = probe.page
    page.goto(live_demo + "/admin/cases/walk-in/")
    walk_ins = Case.objects.filter(source="walk_in").count()  # the demo's history has some
    assert no_horizontal_scroll(page, 375)
    assert blocking_violations(page) == []

    # Sent empty: the error summary takes the focus and links to each field.
    page.get_by_role("button", name="登记并打开案件").click()
    summary = page.get_by_role("alert")
    summary.wait_for()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert "未保存任何内容" in summary.inner_text()
    assert blocking_violations(page) == []
    assert no_horizontal_scroll(page, 375)
    summary.get_by_role("link").first.click()
    assert Case.objects.filter(source="walk_in").count() == walk_ins

    page.get_by_label("电话申请").check()
    page.locator("#id_region").select_option("zengdu")
    page.locator("#id_applicant-kind_0").check()  # worker
    page.locator("#id_applicant-name").fill("浏览器丁（示例）")
    page.locator("#id_applicant-id_number").fill(WORKER_ID)
    page.locator("#id_applicant-phone").fill("13800006666")
    page.locator("#id_respondent-kind_1").check()  # employer
    page.locator("#id_respondent-name").fill("随州示例电子有限公司")
    page.locator("#id_respondent-credit_code").fill(EMPLOYER_CODE)
    page.locator("#id_dispute-stage_0").check()  # no case filed yet
    page.locator("#id_dispute-categories_4").check()  # pay
    page.locator("#id_dispute-claims").fill("支付工资5000元")
    page.locator("#id_dispute-facts").fill("2026年2月工资未发放。（示例）")
    page.locator("#id_informed").check()
    page.get_by_role("button", name="登记并打开案件").click()
    # (The browser keeps the #fragment of the error link across the redirect.)
    page.wait_for_url(re.compile(r".*/admin/cases/SZ-[^/]+/(#.*)?$"))
    case = Case.objects.get(source="walk_in", applicant_name="浏览器丁（示例）")
    assert case.agency.code == "hrss-zengdu"
    assert case.reference in page.get_by_role("heading", level=1).inner_text()
    assert probe.errors == []


def test_referral_pages_and_tokens_for_a_center_admin(live_demo, browser_context_factory):
    probe = PageProbe(sign_in(browser_context_factory(DESKTOP), live_demo, "center-city-head"))
    page = probe.page
    for path in (
        "/admin/cases/referrals/",
        "/admin/cases/audit/",
        "/admin/cases/referrals/tokens/",
    ):
        page.goto(live_demo + path)
        assert blocking_violations(page) == [], path

    page.goto(live_demo + "/admin/cases/referrals/register/")
    page.get_by_role("button", name="登记", exact=True).click()
    page.get_by_role("alert").wait_for()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert blocking_violations(page) == []

    page.goto(live_demo + "/admin/cases/referrals/tokens/")
    page.locator("#id_court").select_option(label="湖北省随州市中级人民法院")
    page.locator("#id_name").fill("浏览器测试平台（示例）")
    page.get_by_role("button", name="签发", exact=True).click()
    issued = page.get_by_label("令牌", exact=True)
    issued.wait_for()
    assert issued.input_value().startswith("szr_")
    assert blocking_violations(page) == []
    page.get_by_role("link", name="返回令牌列表").click()
    token = ReferralToken.objects.get(name="浏览器测试平台（示例）")
    page.get_by_role("link", name=f"撤销 {token.prefix}").click()
    page.get_by_role("button", name="撤销令牌").click()
    page.wait_for_url("**/admin/cases/referrals/tokens/")
    token.refresh_from_db()
    assert token.revoked_at is not None

    page.goto(live_demo + "/admin/cases/audit/?action=token")
    assert token.prefix in page.locator("#audit-entries").inner_text()
    assert blocking_violations(page) == []
    assert probe.errors == []


def test_others_get_a_403_page(live_demo, browser_context_factory):
    page = sign_in(browser_context_factory(DESKTOP), live_demo, "hrss-zengdu")
    response = page.goto(live_demo + "/admin/cases/audit/")
    assert response.status == 403
    assert "无权访问" in page.content()
    assert blocking_violations(page) == []
