"""The admin test's finder of untranslated English (tests/portal/english_text.py)."""

from tests.portal.english_text import english_findings

ALLOWED = {"wagtail", "ctrl"}


def found(html):
    return english_findings(html, ALLOWED)


def test_chinese_text_and_allowed_words_pass():
    assert found("<p>保存草稿</p><p>Wagtail 8.0 的新功能</p><kbd>Ctrl + s</kbd>") == []


def test_english_text_nodes_are_found():
    assert found("<main><h2>18 Pages</h2><p>页面</p></main>") == [("text", "18 Pages")]


def test_attributes_people_read_are_found():
    html = (
        '<button title="Toggle minimap" aria-label="切换">x</button>'
        '<input placeholder="Search all pages…"><input type="submit" value="Search">'
        '<div data-w-tooltip-content-value="Checks"></div><a href="/admin/pages/">首页</a>'
    )
    assert found(html) == [
        ("@title", "Toggle minimap"),
        ("@placeholder", "Search all pages…"),
        ("@value", "Search"),
        ("@data-w-tooltip-content-value", "Checks"),
    ]


def test_labels_passed_to_scripts_are_found_not_identifiers_or_code():
    html = (
        '<script type="application/json">{"name": "explorer", "label": "Page types usage",'
        ' "items": [{"label": "页面", "help_text": "Use proper heading tags"}]}</script>'
        '<script>const label = "Not shown";</script><style>.Foo { color: red }</style>'
    )
    assert found(html) == [
        ("json:label", "Page types usage"),
        ("json:help_text", "Use proper heading tags"),
    ]


def test_codes_are_set_aside():
    html = (
        "<td>SZ-DB6V-EJ7A-N</td><td>91421300MA4F000106</td><td>hrss-zengdu-workroom</td>"
        "<td>SZTJ-2024-0001（示例）</td><td>zhongcai-shenqingshu.docx</td><td>证据.pdf</td>"
        "<p>例如 /track/ 或 https://example.invalid/a</p>"
        '<select><option value="Asia/Shanghai">Asia/Shanghai</option>'
        '<option value="x">Shanghai time</option></select>'
    )
    assert found(html) == [("text", "Shanghai time")]


def test_broken_script_data_is_skipped_not_fatal():
    assert found('<script type="application/json">{not json</script><p>好</p>') == []
