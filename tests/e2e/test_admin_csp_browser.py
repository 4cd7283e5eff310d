"""The admin under its enforced Content-Security-Policy (ADR 0043): Wagtail's inline widget
scripts carry the session's nonce and run; nothing is refused. Walks the widgets that
render inline scripts (a date picker, an inline panel's new row, a page chooser and its
modal dialog) and a round of admin screens, in Chromium, recording console errors."""

from .conftest import BROWSER_PASSWORD, DESKTOP, PageProbe

SCREENS = (
    "/admin/",
    "/admin/pages/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/users/",
    "/admin/reports/aging-pages/",
    "/admin/cases/",
    "/admin/statistics/",
)


def refusals(probe):
    return [error for error in probe.errors if "Content Security Policy" in error]


def test_admin_widgets_run_under_the_enforced_policy(live_demo, browser_context_factory):
    from guidance.models import PolicyPage

    policy = PolicyPage.objects.live().order_by("pk").first()
    page = browser_context_factory(DESKTOP).new_page()
    probe = PageProbe(page)
    page.goto(live_demo + "/admin/login/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill(BROWSER_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(live_demo + "/admin/")

    page.goto(f"{live_demo}/admin/pages/{policy.pk}/edit/")
    # The date picker exists only if Wagtail's inline initDateChooser script ran.
    page.locator("#id_date_signed").click()
    page.locator(".xdsoft_datetimepicker:visible").first.wait_for(state="visible")
    page.keyboard.press("Escape")

    # A new related-policy row (the inline panel's script) with a page chooser in it.
    rows = page.locator("[id^=inline_child_related_policies-]:visible")
    before = rows.count()
    page.locator("#id_related_policies-ADD").click()
    page.wait_for_function(
        "n => document.querySelectorAll('[id^=inline_child_related_policies-]').length > n",
        arg=before,
    )
    new_row = page.locator("[id^=inline_child_related_policies-]:visible").last
    new_row.locator("[data-chooser-action-choose]").first.click()
    # The chooser's modal dialog, whose HTML arrives as JSON and runs in this page.
    modal = page.locator(".modal-content:visible")
    modal.wait_for(state="visible")
    choice = modal.locator("a.choose-page").first
    choice.wait_for(state="visible")
    chosen_title = choice.get_attribute("data-title")
    choice.click()
    modal.wait_for(state="hidden")
    assert chosen_title in new_row.locator("[data-chooser-title]").inner_text()

    for screen in SCREENS:
        response = page.goto(live_demo + screen)
        assert response.status == 200, screen
        assert "'nonce-" in response.headers["content-security-policy"]
    assert refusals(probe) == []
