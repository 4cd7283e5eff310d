"""The time-limit calculator in a real browser at 390 px: keyboard only, an error summary
that links to the field, the answer on the same page; axe finds nothing serious."""

from .accessibility import blocking_violations

PHONE_390 = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def test_calculator_on_a_phone(live_demo, browser_context_factory):
    page = browser_context_factory(PHONE_390).new_page()
    page.goto(live_demo + "/tools/time-limit/")
    assert page.get_by_role("heading", level=1).inner_text() == "仲裁时效计算"
    assert blocking_violations(page) == []

    page.get_by_label("争议事项").select_option("dismissal")
    page.get_by_label("知道或者应当知道权利被侵害的日期").fill("2099-01-01")
    page.get_by_role("button", name="计算").click()
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert "日期不能晚于今天" in summary.inner_text()
    assert blocking_violations(page) == []

    page.get_by_label("知道或者应当知道权利被侵害的日期").fill("2025-11-28")
    page.get_by_role("button", name="计算").click()
    result = page.locator("#result")
    result.wait_for()
    # 28 Nov 2026 is a Saturday: the last day moves to Monday 30 November.
    assert result.locator("[data-deadline]").get_attribute("data-deadline") == "2026-11-30"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert blocking_violations(page) == []
