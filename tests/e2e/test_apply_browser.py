"""A worker applies for mediation on a phone, without and with mistakes, then tracks it."""

import os
import re

import pytest
from django.core.management import call_command

from .accessibility import blocking_violations
from .conftest import PHONE, PageProbe

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
WRONG_ID = "110105194912310021"
RIGHT_ID = "11010519491231002x"


def check_page(page, width=375):
    """axe-core and the phone layout (both measured with JavaScript in the page)."""
    assert blocking_violations(page) == [], page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


def cont(page):
    page.get_by_role("button", name="继续", exact=True).click()


@pytest.mark.parametrize("java_script", [True, False], ids=["with-js", "without-js"])
def test_worker_applies_corrects_an_error_uploads_submits_and_tracks(
    live_demo, browser_context_factory, settings, mailoutbox, tmp_path, java_script
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # Without JavaScript nothing can be measured in the page; the flow must still work.
    check = check_page if java_script else (lambda page: None)
    probe = PageProbe(browser_context_factory(PHONE, java_script=java_script).new_page())
    page = probe.page

    page.goto(live_demo + "/")
    page.get_by_role("link", name="申请调解").first.click()
    page.wait_for_url("**/apply/mediation/")
    check(page)
    page.get_by_role("link", name="开始填写").click()

    page.get_by_label("劳动关系：劳动者为用人单位工作并领取工资").check()
    page.get_by_label("工作地点或用人单位所在地区").select_option("zengdu")
    check(page)
    cont(page)

    page.get_by_label("尚未申请仲裁或起诉").check()
    if java_script:  # the case numbers belong to later stages
        assert not page.get_by_label("仲裁案号", exact=True).is_visible()
        assert not page.get_by_label("法院案号", exact=True).is_visible()
    check(page)
    cont(page)

    page.get_by_label("劳动者", exact=True).check()
    if java_script:  # a worker sees no employer fields
        assert not page.get_by_label("统一社会信用代码", exact=True).is_visible()
        assert page.get_by_label("身份证号码").is_visible()
    page.get_by_label("姓名或单位名称").fill("张示例")
    page.get_by_label("身份证号码").fill(WRONG_ID)
    page.get_by_label("手机号码").fill("+86 138 0000 0001")
    page.get_by_label("电子邮箱（选填）").fill("worker@example.invalid")
    cont(page)

    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.title().startswith("错误：")
    check(page)
    summary.get_by_role("link").first.click()
    if java_script:
        assert page.evaluate("document.activeElement.id") == "id_id_number"
    assert page.get_by_label("手机号码").input_value() == "+86 138 0000 0001"  # kept
    page.get_by_label("身份证号码").fill(RIGHT_ID)
    cont(page)

    page.get_by_label("对方姓名或单位名称").fill("随州示例制造有限公司")
    check(page)
    cont(page)

    page.get_by_label("劳动报酬、工伤医疗费、经济补偿或者赔偿金").check()
    page.get_by_label("请求金额（元，选填）").fill("12000")
    page.get_by_label("您的请求").fill("支付拖欠工资")
    page.get_by_label("事实和理由").fill("2024年3月至5月工资未发放。")
    check(page)
    cont(page)

    check(page)
    cont(page)  # no preferred organization

    evidence = tmp_path / "劳动合同.pdf"
    evidence.write_bytes(PDF)
    page.get_by_label("证据文件（选填）").set_input_files(str(evidence))
    page.get_by_role("button", name="上传并继续添加").click()
    assert page.get_by_role("button", name="删除 劳动合同.pdf").is_visible()
    check(page)
    cont(page)

    assert page.get_by_role("heading", name="提交前请核对申请内容").is_visible()
    assert page.get_by_text("11010519491231002X").is_visible()
    check(page)
    page.get_by_label("我已阅读隐私声明，同意将我的信息用于办理本申请。").check()
    page.get_by_role("button", name="同意并提交").click()

    page.wait_for_url(re.compile(r"/apply/mediation/done/"))
    reference = page.locator("[data-reference]").inner_text().strip()
    assert reference.startswith("SZ-")
    check(page)

    # The confirmation mail goes out when the task worker runs, not before.
    assert mailoutbox == []
    with open(os.devnull, "w") as sink:
        call_command("db_worker", "--batch", "--no-startup-delay", stdout=sink, stderr=sink)
    confirmation = [m for m in mailoutbox if m.to == ["worker@example.invalid"]]
    assert len(confirmation) == 1 and reference in confirmation[0].subject

    page.goto(live_demo + "/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="进度查询").click()
    page.wait_for_url("**/track/")
    check(page)
    page.get_by_label("申请编号").fill(reference.lower())
    page.get_by_label("申请时填写的手机号码").fill("13800000001")
    page.get_by_role("button", name="查询").click()
    assert page.locator("[data-status]").inner_text() == "已提交，等待受理"
    check(page)
    assert probe.errors == []


def test_apply_landing_and_setup_start_pages_are_accessible(live_demo, browser_context_factory):
    page = browser_context_factory(PHONE).new_page()
    for path in ("/apply/", "/apply/union-setup/", "/apply/committee-setup/enterprise/", "/track/"):
        page.goto(live_demo + path)
        check_page(page)
