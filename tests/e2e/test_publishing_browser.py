"""Publishing end to end in Chromium: an editor drafts and submits a policy, a reviewer
approves it, and a citizen on a phone finds it by searching a Chinese word of its body.
Plus axe-core and phone-width checks on the publishing pages."""

import re

import pytest

from .accessibility import blocking_violations
from .conftest import DESKTOP, PHONE, PageProbe

PASSWORD = "Demo-Browser-Pass-1"  # what live_demo gives the demo users
BODY_WORD = "持证上岗"
TITLE = "关于劳动人事争议调解员持证上岗的通知"


def log_in(context, base, username):
    page = context.new_page()
    page.goto(base + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(base + "/admin/")
    return page


def test_editor_submits_reviewer_approves_citizen_finds(live_demo, browser_context_factory):
    from guidance.models import PolicyIndexPage, PolicyPage

    index_id = PolicyIndexPage.objects.get().pk

    # The editor drafts the policy and submits it for review.
    editor = log_in(browser_context_factory(DESKTOP), live_demo, "editor")
    editor.goto(f"{live_demo}/admin/pages/add/guidance/policypage/{index_id}/")
    editor.locator("#id_title").fill(TITLE)
    editor.locator("#id_document_number").fill("随人社函〔2026〕9号")
    editor.get_by_label("随州市人力资源和社会保障局").check()
    editor.locator("#id_summary").fill("调解员应当持证上岗。")
    # The body is pasted into the rich text editor, as a person would paste it (Draft.js
    # ignores synthetic CJK key presses but handles a paste like any browser's); then we
    # wait until Draftail has written it to the field's input, which the form submits.
    text = f"各调解组织的调解员应当{BODY_WORD}，并参加联合培训。"
    body_editor = editor.locator(".public-DraftEditor-content").first
    body_editor.click()
    body_editor.evaluate(
        """(el, text) => {
            const data = new DataTransfer();
            data.setData("text/plain", text);
            el.dispatchEvent(new ClipboardEvent("paste", {
                clipboardData: data, bubbles: true, cancelable: true,
            }));
        }""",
        text,
    )
    editor.wait_for_function(
        "word => document.querySelector('input[name=body]').value.includes(word)", arg=BODY_WORD
    )
    editor.locator("footer [data-w-dropdown-target=toggle]").click()
    # The editor autosaves drafts (the URL turns into the edit view); wait for the submit.
    with editor.expect_navigation():
        editor.locator("button[name=action-submit]").click()
    policy = PolicyPage.objects.get(title=TITLE)
    assert not policy.live and policy.current_workflow_state.status == "in_progress"

    # The citizen cannot see it yet.
    citizen_context = browser_context_factory(PHONE)
    citizen = PageProbe(citizen_context.new_page())
    citizen.page.goto(f"{live_demo}/search/?q={BODY_WORD}")
    assert citizen.page.get_by_role("link", name=TITLE).count() == 0

    # The reviewer approves it, which publishes it.
    reviewer = log_in(browser_context_factory(DESKTOP), live_demo, "reviewer")
    reviewer.goto(f"{live_demo}/admin/pages/{policy.pk}/edit/")
    reviewer.locator("footer [data-w-dropdown-target=toggle]").click()
    with reviewer.expect_navigation():
        reviewer.locator("footer button[data-workflow-action-name=approve]").first.click()
    policy.refresh_from_db()
    assert policy.live

    # The citizen, on a phone, searches a word from the body with the header box.
    page = citizen.page
    page.goto(live_demo + "/")
    page.get_by_role("searchbox", name="全站搜索").fill(BODY_WORD)
    page.get_by_role("search", name="站内搜索").get_by_role("button", name="搜索").click()
    page.wait_for_url(re.compile(r".*/search/\?q=.*"))
    result = page.get_by_role("link", name=TITLE)
    assert result.is_visible()
    assert page.locator(".result-list mark", has_text="上岗").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    result.click()
    page.wait_for_url("**/policies/**")
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    assert citizen.errors == []


PAGES = [
    "/policies/",
    "/policies/?validity=in_force&year=2023",
    "/policies/sui-ren-she-han-2023-57/",
    "/notices/",
    "/guidance/",
    "/guidance/apply-for-mediation/",
    "/guidance/apply-for-arbitration/",
    "/apply/not-a-labor-dispute/",
    "/search/?q=调解委员会",
    "/search/?q=区块链",
]


@pytest.mark.parametrize("path", PAGES)
def test_publishing_pages_are_accessible_and_fit_a_phone(live_demo, browser_context_factory, path):
    desktop = browser_context_factory(DESKTOP).new_page()
    desktop.goto(live_demo + path)
    assert blocking_violations(desktop) == []
    probe = PageProbe(browser_context_factory(PHONE).new_page())
    probe.page.goto(live_demo + path)
    assert probe.page.evaluate("document.documentElement.scrollWidth") <= 375
    assert probe.errors == []


def test_questions_open_with_the_keyboard(live_demo, browser_context_factory):
    page = browser_context_factory(DESKTOP).new_page()
    page.goto(live_demo + "/guidance/apply-for-mediation/")
    summary = page.locator("details summary").first
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("details").first.get_attribute("open") is not None
