"""Case handling in a real browser: an HRSS handler works a case from the queue to a
recorded agreement; another agency cannot open it; a transfer reaches the receiver's queue.
axe-core finds no serious or critical problem on the queue, the case page or a form."""

import datetime
import re

from django.utils import timezone

from cases.models import Case
from casework.models import AuditEntry
from casework.services.actions import perform
from directory.models import Mediator
from tests.applications.factories import WORKER_ID
from tests.casework.factories import make_case, mediation_payload, staff

from .accessibility import blocking_violations
from .conftest import DESKTOP, PageProbe

PASSWORD = "Demo-Browser-Pass-1"  # DEMO_PASSWORD of the live_demo fixture


def sign_in(context, base, username):
    page = context.new_page()
    page.set_default_timeout(30000)  # admin pages are heavy on a busy CI machine
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")
    return page


def settled_violations(page):
    """axe findings once Wagtail's flash message has slid in: while its CSS transition runs,
    axe cannot tell what is behind the text and reports it as low contrast."""
    page.wait_for_function(
        # A function, not an expression: an expression is eval'd, which the admin's
        # Content-Security-Policy refuses (no 'unsafe-eval', ADR 0043).
        "() => document.getAnimations().filter((item) => item instanceof CSSTransition)"
        ".every((item) => item.playState !== 'running')"
    )
    return blocking_violations(page)


def listed_references(page) -> set[str]:
    return set(page.locator("a.casework-reference").all_inner_texts())


def case_for(region, name):
    payload = mediation_payload(region=region)
    payload["applicant"]["name"] = name
    return make_case(payload)


def test_hrss_handler_works_a_case_to_an_agreement(live_demo, browser_context_factory):
    ours = case_for("zengdu", "浏览器甲（示例）")
    theirs = case_for("suixian", "浏览器乙（示例）")
    probe = PageProbe(sign_in(browser_context_factory(DESKTOP), live_demo, "hrss-zengdu"))
    page = probe.page
    assert page.locator("#case-counts").is_visible()  # dashboard counts

    page.goto(live_demo + "/admin/cases/?tab=agency")
    shown = listed_references(page)
    assert ours.reference in shown and theirs.reference not in shown
    zengdu = set(
        Case.objects.filter(agency__code="hrss-zengdu").values_list("reference", flat=True)
    )
    assert shown <= zengdu  # only HRSS Zengdu's cases, demo cases included
    assert settled_violations(page) == []

    page.get_by_label("编号、当事人名称或手机号").fill("浏览器甲")
    page.get_by_role("button", name="搜索", exact=True).click()
    page.wait_for_url("**q=*")
    assert listed_references(page) == {ours.reference}
    page.get_by_role("link", name=ours.reference).click()
    page.wait_for_url(f"**/admin/cases/{ours.reference}/")
    assert page.get_by_role("heading", level=1).inner_text().startswith(ours.reference)
    assert WORKER_ID not in page.content()
    assert settled_violations(page) == []

    # Show the masked ID number in place (JavaScript), which is logged.
    page.get_by_role("button", name=re.compile("显示 居民身份证号码")).first.click()
    page.get_by_text(WORKER_ID).wait_for()
    assert AuditEntry.objects.filter(case=ours, action="reveal").count() == 1

    page.get_by_role("link", name="受理", exact=True).click()
    page.wait_for_url("**/actions/accept/")
    assert settled_violations(page) == []
    page.get_by_role("button", name="受理", exact=True).click()
    page.wait_for_url(f"**/admin/cases/{ours.reference}/")
    assert page.locator("#case-status").inner_text() == "已受理"

    page.get_by_role("link", name="分配", exact=True).click()
    page.wait_for_url("**/actions/assign/")
    mediator = Mediator.objects.get(name="陈明（示例）")  # managed by HRSS Zengdu
    page.get_by_label("调解员", exact=True).select_option(str(mediator.pk))
    page.get_by_role("button", name="分配", exact=True).click()
    page.wait_for_url(f"**/admin/cases/{ours.reference}/")
    assert page.locator("#case-mediator").inner_text() == "陈明（示例）"

    # An agreement follows the respondent's consent and a session with its minutes (their
    # own browser steps are tested with their forms); recorded here through the service.
    ours.refresh_from_db()
    handler = staff("hrss-zengdu")
    consent = {"given_on": timezone.localdate(), "channel": "phone"}
    perform(ours, "record_consent", handler, consent)
    starts = timezone.now() + datetime.timedelta(hours=1)
    perform(ours, "schedule_session", handler, {"starts_at": starts, "place": "调解室"})
    session = ours.sessions.get()
    perform(ours, "record_minutes", handler, {"session": session, "minutes": "双方陈述。"})
    page.reload()

    page.get_by_role("link", name="记录调解协议").click()
    page.wait_for_url("**/actions/record_agreement/")
    page.get_by_role("button", name="记录调解协议").click()  # no terms yet: refused
    summary = page.get_by_role("alert")
    assert "至少要有一条" in summary.inner_text()
    # The error summary takes the focus once the page has loaded.
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.id === 'error-summary'"
    )
    assert settled_violations(page) == []
    page.get_by_label("协议概述（选填）").fill("双方自愿达成协议（示例）")
    page.locator("#id_terms-0-text").fill("被申请人支付拖欠工资")
    page.locator("#id_terms-0-amount").fill("8600.00")
    page.locator("#id_terms-0-due_date").fill("2030-01-15")
    page.locator("#id_terms-0-payment_method").select_option("bank_transfer")
    page.locator("#id_terms-1-text").fill("申请人放弃其他请求")
    page.get_by_role("button", name="记录调解协议").click()
    page.wait_for_url(f"**/admin/cases/{ours.reference}/")
    assert page.locator("#case-status").inner_text() == "已达成调解协议"
    terms = page.locator("#agreement-terms").inner_text()
    assert "被申请人支付拖欠工资" in terms and "8600.00" in terms and "申请人放弃其他请求" in terms
    assert settled_violations(page) == []

    page.get_by_role("link", name="调解协议书").click()
    page.wait_for_url(f"**/{ours.reference}/documents/agreement/")
    document = page.content()
    assert "被申请人支付拖欠工资" in document and "申请人放弃其他请求" in document
    assert probe.errors == []

    # The union federation's handler cannot open the case by its URL.
    other = sign_in(browser_context_factory(DESKTOP), live_demo, "union_federation-zengdu")
    response = other.goto(live_demo + f"/admin/cases/{ours.reference}/")
    assert response.status == 404
    assert "浏览器甲" not in other.content()


def test_a_transfer_appears_in_the_receivers_queue(live_demo, browser_context_factory):
    case = case_for("zengdu", "浏览器丙（示例）")
    page = sign_in(browser_context_factory(DESKTOP), live_demo, "hrss-zengdu")
    page.goto(live_demo + f"/admin/cases/{case.reference}/")
    page.get_by_role("link", name="转办至其他机构").click()
    page.wait_for_url("**/actions/transfer/")
    page.get_by_label("转至").select_option(label="随县人力资源和社会保障局")
    page.get_by_label("转办理由").fill("用人单位注册地在随县（示例）")
    assert settled_violations(page) == []
    page.get_by_role("button", name="转办至其他机构").click()
    page.wait_for_url("**/admin/cases/")
    assert case.reference not in listed_references(page)

    receiver = sign_in(browser_context_factory(DESKTOP), live_demo, "hrss-suixian")
    receiver.goto(live_demo + "/admin/cases/?tab=unassigned")
    assert case.reference in listed_references(receiver)
    receiver.get_by_role("link", name=case.reference).click()
    history = receiver.locator("#case-timeline").inner_text()
    assert "用人单位注册地在随县（示例）" in history
