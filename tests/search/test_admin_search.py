"""The admin's search boxes go through the Chinese backend and match the whole text.

Wagtail's admin searches with `autocomplete()`; our backend runs it over the title, the
body and the autocomplete fields, so an editor finds a page by a word from its text.
"""

import pytest
from wagtail.models import Page

from guidance.models import NoticeIndexPage, NoticePage

pytestmark = pytest.mark.django_db

SEED = "关于印发《关于推进劳动人事争议纠纷"
APPLY = "申请劳动争议调解"
UNION = "企业组建工会"
COMMITTEE = "组建企业劳动争议调解委员会"


def admin_titles(admin_client, query, path="/admin/pages/search/"):
    response = admin_client.get(path, {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_admin_page_search_finds_words_from_the_body(admin_client, demo_site):
    # 支付令 and 仲裁时效 occur only in the text of the guidance on applying for mediation.
    for query in ["支付令", "仲裁时效"]:
        html = admin_titles(admin_client, query)
        assert APPLY in html and UNION not in html and COMMITTEE not in html


def test_admin_page_search_finds_a_word_inside_the_text(admin_client, demo_site):
    # The example: 调解 finds a page whose text says 劳动争议调解工作.
    index = NoticeIndexPage.objects.get()
    notice = NoticePage(title="关于办公地点变更的公告（测试）", body="<p>劳动争议调解工作。</p>")
    index.add_child(instance=notice)
    notice.save_revision().publish()
    html = admin_titles(admin_client, "调解")
    assert "关于办公地点变更的公告（测试）" in html
    assert COMMITTEE in html  # title matches as before
    assert SEED in html  # its title does not say 调解, its text does
    html = admin_titles(admin_client, "调解工作")
    assert "关于办公地点变更的公告（测试）" in html and UNION not in html


def test_admin_title_search_still_ranks_title_matches_first(admin_client, demo_site):
    html = admin_titles(admin_client, "委员会")
    assert COMMITTEE in html
    assert html.index(COMMITTEE) < html.index(UNION) if UNION in html else True


def test_admin_explorer_search_inside_a_section(admin_client, demo_site):
    section = Page.objects.get(slug="guidance")
    html = admin_titles(admin_client, "组织员", path=f"/admin/pages/{section.pk}/")
    assert UNION in html and APPLY not in html


@pytest.mark.parametrize("query", ['"', "调解 OR", "NOT 调解", "*", "😀", "调解" * 300, "  "])
def test_admin_search_never_errors(admin_client, demo_site, query):
    response = admin_client.get("/admin/pages/search/", {"q": query})
    assert response.status_code == 200
