"""The directory in a real browser: a citizen on a phone, a staff member with the register."""

import pytest

from .accessibility import blocking_violations
from .conftest import DESKTOP, PHONE, PageProbe

PASSWORD = "Demo-Browser-Pass-1"  # DEMO_PASSWORD of the live_demo fixture


def no_horizontal_scroll(page, viewport):
    return page.evaluate("document.documentElement.scrollWidth") <= viewport["viewport"]["width"]


def test_citizen_filters_workrooms_by_region_on_a_phone_and_opens_one(
    live_demo, browser_context_factory
):
    probe = PageProbe(browser_context_factory(PHONE).new_page())
    page = probe.page
    page.goto(live_demo + "/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="调解组织").click()
    page.wait_for_url("**/organizations/")
    assert page.get_by_role("heading", level=1).inner_text() == "调解组织"
    assert blocking_violations(page) == []

    page.get_by_label("地区").select_option(label="随县")
    page.get_by_label("类型").select_option(label="调解工作室")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**/organizations/?region=suixian&kind=workroom")
    results = page.locator(".directory-card")
    assert results.count() == 1
    assert no_horizontal_scroll(page, PHONE)

    results.get_by_role("link", name="随县总工会职工维权调解工作室（示例）").click()
    page.wait_for_url("**/organizations/union-suixian-workroom/")
    assert (
        page.get_by_role("heading", level=1).inner_text() == "随县总工会职工维权调解工作室（示例）"
    )
    phone = page.locator('a[href^="tel:"]').first
    assert phone.get_attribute("href") == "tel:07220900000"
    apply = page.get_by_role("link", name="向本组织申请调解")
    assert apply.get_attribute("href") == "/apply/mediation/?organization=union-suixian-workroom"
    assert page.get_by_role("heading", name="办公时间").is_visible()
    breadcrumb = page.get_by_role("navigation", name="当前位置")
    assert breadcrumb.get_by_role("link", name="调解组织").is_visible()
    assert no_horizontal_scroll(page, PHONE)
    assert blocking_violations(page) == []
    assert probe.errors == []


def test_mediator_directory_is_accessible_in_large_text_mode(live_demo, browser_context_factory):
    page = browser_context_factory(PHONE).new_page()
    page.goto(live_demo + "/organizations/mediators/?specialty=wages")
    page.get_by_role("button", name="大字模式").click()
    page.wait_for_url("**/organizations/mediators/?specialty=wages")
    assert page.locator("html").get_attribute("class") == "mode-large"
    assert page.get_by_role("link", name="王建国（示例）").is_visible()
    assert no_horizontal_scroll(page, PHONE)
    assert blocking_violations(page) == []
    page.get_by_role("link", name="王建国（示例）").click()
    page.wait_for_url("**/organizations/mediators/M*/")
    assert page.get_by_role("heading", level=1).inner_text() == "王建国（示例）"
    assert blocking_violations(page) == []


def test_staff_member_exports_and_reimports_the_register(
    live_demo, browser_context_factory, tmp_path
):
    page = browser_context_factory(DESKTOP).new_page()
    page.set_default_timeout(30000)  # admin pages are heavy on a busy CI machine
    page.goto(live_demo + "/admin/login/")
    page.fill("#id_username", "hrss-zengdu-liaison")
    page.fill("#id_password", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")
    assert page.get_by_text("持证率").first.is_visible()

    page.goto(live_demo + "/admin/directory/register/import/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载当前名册作为模板").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    path = tmp_path / download.suggested_filename
    download.save_as(path)

    page.set_input_files("#id_file", str(path))
    page.get_by_role("button", name="检查文件").click()
    page.wait_for_url("**/admin/directory/register/import/*/")
    summary = page.locator("#import-summary").inner_text()
    assert "尚未保存任何数据" in summary
    assert "错误: 0" in summary.replace("：", ": ")
    assert page.locator(".import-row--unchanged").count() == 10
    assert blocking_violations(page) == []
    page.get_by_role("button", name="确认导入").click()
    page.wait_for_url("**/admin/directory/mediators/")
    assert page.get_by_text("导入完成：新增 0 人，更新 0 人，未变化 10 人。").is_visible()


@pytest.mark.parametrize("name", ["not-a-workbook.xlsx"])
def test_staff_member_sees_a_clear_error_for_a_renamed_file(
    live_demo, browser_context_factory, tmp_path, name
):
    page = browser_context_factory(DESKTOP).new_page()
    page.set_default_timeout(30000)  # admin pages are heavy on a busy CI machine
    page.goto(live_demo + "/admin/login/")
    page.fill("#id_username", "hrss-zengdu-liaison")
    page.fill("#id_password", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")
    fake = tmp_path / name
    fake.write_text("姓名,类别\n张三,律师\n", encoding="utf-8")
    page.goto(live_demo + "/admin/directory/register/import/")
    page.set_input_files("#id_file", str(fake))
    page.get_by_role("button", name="检查文件").click()
    alert = page.get_by_role("alert")
    assert "不是有效的 Excel 工作簿" in alert.inner_text()
    assert "没有导入任何数据" in alert.inner_text()
