"""Statistics in a real browser: a center administrator filters the figures with the
keyboard-usable form and downloads a table; the public statistics page at phone width.
axe-core finds no serious or critical problem on either page."""

from .accessibility import blocking_violations
from .conftest import DESKTOP, PHONE
from .test_casework_browser import settled_violations, sign_in


def test_center_admin_filters_and_downloads(live_demo, browser_context_factory):
    page = sign_in(browser_context_factory(DESKTOP), live_demo, "center-city-head")
    page.get_by_role("link", name="统计分析").first.click()
    page.wait_for_url("**/admin/statistics/")
    assert page.get_by_role("heading", name="收案与受理", level=2).is_visible()
    assert settled_violations(page) == []
    # Sections are tabs: plain links, reachable with the keyboard, the current one marked.
    tabs = page.get_by_role("navigation", name="统计栏目")
    tabs.get_by_role("link", name="趋势").focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="趋势", level=2).wait_for()
    assert tabs.get_by_role("link", name="趋势").get_attribute("aria-current") == "page"
    assert page.get_by_role("img", name="各月收到与结束的案件数").is_visible()
    assert settled_violations(page) == []
    tabs.get_by_role("link", name="收案与受理").click()
    page.get_by_role("heading", name="收案与受理", level=2).wait_for()

    page.get_by_label("开始日期").fill("2026-03-31")
    page.get_by_label("结束日期").fill("2026-03-01")
    page.get_by_role("button", name="查看统计").click()
    page.locator("#error-summary").wait_for()
    assert "结束日期不能早于开始日期" in page.locator("#error-summary").inner_text()
    assert blocking_violations(page) == []

    page.get_by_label("时间段").select_option("last_year")
    page.get_by_role("button", name="查看统计").click()
    page.locator("#statistics-scope").wait_for()
    with page.expect_download() as download:
        page.locator("#block-applications").get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename.startswith("statistics-applications-")


def test_public_statistics_at_phone_width(live_demo, browser_context_factory):
    page = browser_context_factory(PHONE).new_page()
    page.goto(live_demo + "/statistics/")
    assert page.get_by_role("heading", level=1).inner_text() == "数据公开"
    table = page.get_by_role("table")
    assert table.get_by_role("rowheader", name="全部地区").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375  # the table scrolls inside its region, the page does not
    assert blocking_violations(page) == []
