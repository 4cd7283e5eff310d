import pytest

from .accessibility import blocking_violations
from .conftest import DESKTOP, PHONE, PageProbe

NAV = ["政策文件", "通知公告", "办事指南", "调解组织", "在线申请", "进度查询"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_home_renders_in_chinese_and_navigation_works(live_demo, browser_context_factory, viewport):
    probe = PageProbe(browser_context_factory(viewport).new_page())
    page = probe.page
    page.goto(live_demo + "/")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert page.title() == "随州市劳动人事争议“一站式”多元联调联处中心"
    nav = page.get_by_role("navigation", name="主导航")
    for label in NAV:
        assert nav.get_by_role("link", name=label).is_visible()
    # Phone layout: the menu fits the screen without horizontal scrolling.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["viewport"]["width"]

    nav.get_by_role("link", name="政策文件").click()
    page.wait_for_url("**/policies/")
    assert page.get_by_role("heading", level=1).inner_text() == "政策文件"
    page.get_by_role("link", name="关于印发《关于推进劳动人事争议纠纷").click()
    page.wait_for_url("**/policies/sui-ren-she-han-2023-57/")
    assert page.get_by_role("heading", name="四、强化工作保障").is_visible()
    breadcrumb = page.get_by_role("navigation", name="当前位置")
    assert breadcrumb.get_by_role("link", name="政策文件").is_visible()
    assert probe.errors == []


def test_skip_link_is_first_and_moves_focus(live_demo, browser_context_factory):
    page = browser_context_factory(DESKTOP).new_page()
    page.goto(live_demo + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "跳到主要内容"
    assert page.locator(".skip-link").evaluate("el => el.getBoundingClientRect().top") >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("java_script", [True, False], ids=["with-js", "without-js"])
def test_large_text_mode_toggles_and_persists(live_demo, browser_context_factory, java_script):
    context = browser_context_factory(PHONE, java_script=java_script)
    page = context.new_page()
    page.goto(live_demo + "/notices/")
    size_before = (
        page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        if java_script
        else None
    )
    page.get_by_role("button", name="大字模式").click()
    page.wait_for_url("**/notices/")
    assert page.locator("html").get_attribute("class") == "mode-large"
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="办事指南").click()
    page.wait_for_url("**/guidance/")
    assert page.locator("html").get_attribute("class") == "mode-large"
    if java_script:
        size_after = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert size_after >= size_before * 1.2
    page.get_by_role("button", name="标准字号").click()
    page.wait_for_url("**/guidance/")
    assert page.locator("html").get_attribute("class") in ("", None)


@pytest.mark.parametrize("path", ["/", "/policies/sui-ren-she-han-2023-57/", "/no-such-page/"])
@pytest.mark.parametrize("large", [False, True], ids=["standard", "large"])
def test_no_serious_accessibility_violations(live_demo, browser_context_factory, path, large):
    context = browser_context_factory(DESKTOP)
    if large:
        context.add_cookies([{"name": "display_mode", "value": "large", "url": live_demo}])
    page = context.new_page()
    page.goto(live_demo + path)
    assert blocking_violations(page) == []


def test_admin_login_with_demo_credentials(live_demo, browser_context_factory):
    page = browser_context_factory(DESKTOP).new_page()
    page.goto(live_demo + "/admin/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill("Demo-Browser-Pass-1")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(live_demo + "/admin/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert page.title().startswith("控制面板")
    assert page.locator("#id_password").count() == 0


@pytest.mark.parametrize("java_script", [True, False], ids=["with-js", "without-js"])
def test_print_button_shows_only_when_it_can_print(live_demo, browser_context_factory, java_script):
    """static/js/print.js (shared with the back office's documents) reveals the button and
    prints; without JavaScript the button stays hidden rather than doing nothing."""
    context = browser_context_factory(DESKTOP, java_script=java_script)
    context.add_init_script(
        "window.print = () => { window.__printed = (window.__printed || 0) + 1; };"
    )
    page = context.new_page()
    page.goto(live_demo + "/policies/sui-ren-she-han-2023-57/")
    button = page.get_by_role("button", name="打印")
    if not java_script:
        assert button.count() == 0  # hidden elements are not in the accessibility tree
        return
    button.click()
    page.wait_for_function("window.__printed === 1")
