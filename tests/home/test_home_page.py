import pytest
from django.template.loader import render_to_string

pytestmark = pytest.mark.django_db


def test_home_page_in_chinese_with_tiles_nav_and_footer(client, demo_site):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="zh-Hans"' in html
    assert "<title>随州市劳动人事争议“一站式”多元联调联处中心</title>" in html
    for label in ["政策文件", "通知公告", "办事指南", "调解组织", "在线申请", "进度查询"]:
        assert f">{label}</a>" in html
    for tile in ["申请调解", "企业组建工会", "组建调解委员会", "进度查询", "找调解组织"]:
        assert f'<span class="quick-action__title">{tile}</span>' in html
    assert 'class="skip-link" href="#main"' in html and '<main id="main"' in html
    assert "服务热线" in html and "鄂ICP备" in html
    assert "随州市中级人民法院" in html and "随州市总工会" in html


def test_home_page_query_budget(client, demo_site, django_assert_max_num_queries):
    client.get("/")  # warm caches that are per process, not per request
    with django_assert_max_num_queries(8):
        response = client.get("/")
    assert response.status_code == 200


def test_editors_choose_tile_targets(client, demo_site):
    guidance = demo_site.get_children().get(slug="guidance")
    demo_site.quick_actions = [
        (
            "action",
            {"title": "看指南", "description": "", "page": guidance, "url": "", "icon": "document"},
        ),
        (
            "action",
            {"title": "查进度", "description": "", "page": None, "url": "/track/", "icon": "track"},
        ),
    ]
    demo_site.save_revision().publish()
    html = client.get("/").content.decode()
    assert 'href="/guidance/">' in html and "看指南" in html
    assert 'href="/track/">' in html and "查进度" in html


def test_unknown_url_gives_styled_404(client, demo_site):
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在" in html and 'class="site-header"' in html and "返回首页" in html


@pytest.mark.parametrize(
    ("template", "text"),
    [("400.html", "请求有误"), ("403.html", "无权访问"), ("500.html", "抱歉，系统出现错误")],
)
def test_error_pages_render_without_request(template, text):
    # Django renders 400 and 500 without a request context; the pages must still work.
    html = render_to_string(template)
    assert text in html and 'class="site-header"' in html and 'lang="zh-Hans"' in html
