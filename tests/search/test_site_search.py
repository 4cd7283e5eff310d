"""Site search over the demo content: recall, ranking, filters, bad input, admin search."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from guidance.models import GuidancePage, NoticePage, PolicyPage
from search.services import site_search

pytestmark = pytest.mark.django_db

SEED = "关于印发《关于推进劳动人事争议纠纷"
APPLY = "申请劳动争议调解"
UNION = "企业组建工会"
COMMITTEE = "组建企业劳动争议调解委员会"
COURT = "法院委派调解和委托调解"
SUE = "仲裁裁决后向法院起诉"

# query -> titles (or title prefixes) that must be among the results
RECALL = {
    "调解": [SEED, APPLY, COMMITTEE, COURT],
    "调解委员会": [COMMITTEE],
    "劳动争议": [SEED, APPLY, COMMITTEE],
    "一站式": [SEED],
    "57号": [SEED],
    "随人社函〔2023〕57号": [SEED],
    "工会 25人": [UNION],
    "二十五人": [UNION],
    "诉讼服务站": [SUE, SEED],
    "十五日内": [APPLY, SUE],
    "仲裁时效": [APPLY],
    "支付令": [APPLY],
    "职工代表": [COMMITTEE],
    "委派": [COURT, SEED],
    "申请撤销裁决": [SUE],
    "组织员": [UNION],
    "联合培训": ["关于举办2026年劳动人事争议调解员联合培训的通知"],
    "调解 不收费": [APPLY],
}


def titles(query, type_key=None):
    return [hit.title for hit in site_search(query, type_key).hits]


def test_recall_table(demo_site):
    missing = {}
    for query, expected in RECALL.items():
        found = titles(query)
        lost = [t for t in expected if not any(title.startswith(t) for title in found)]
        if lost:
            missing[query] = (lost, found)
    assert missing == {}


def test_words_that_do_not_occur_find_nothing(demo_site):
    for query in ["区块链", "足球比赛", "57号 区块链"]:
        assert titles(query) == []


def test_title_matches_rank_first(demo_site):
    hits = site_search("调解委员会").hits
    assert hits[0].title_match
    first_non_title = next(i for i, hit in enumerate(hits) if not hit.title_match)
    assert all(not hit.title_match for hit in hits[first_non_title:])
    assert COMMITTEE in [hit.title for hit in hits[:first_non_title]]


def test_type_filter_and_counts(demo_site):
    outcome = site_search("调解", "guidance")
    assert outcome.hits and all(isinstance(hit.obj, GuidancePage) for hit in outcome.hits)
    assert outcome.counts["guidance"] == len(outcome.hits)
    assert outcome.counts["policy"] == 1 and outcome.counts["notice"] >= 1


def test_unpublished_and_private_pages_are_not_found(demo_site):
    union = GuidancePage.objects.get(slug="union-setup")
    union.unpublish()
    assert UNION not in titles("工会 25人")
    notice = NoticePage.objects.get(slug="joint-mediator-training-2026")
    notice.view_restrictions.create(restriction_type="login")
    assert "关于举办2026年劳动人事争议调解员联合培训的通知（示例）" not in titles("联合培训")


def test_search_page_shows_type_date_and_highlighted_snippet(client, demo_site):
    html = client.get(reverse("search"), {"q": "调解委员会"}).content.decode()
    assert "<h1>搜索</h1>" in html
    assert "<mark>调解委员会</mark>" in html or "<mark>调解</mark>" in html
    assert 'href="/guidance/committee-setup/"' in html
    assert "办事指南" in html and "<time datetime=" in html
    assert "noindex" in html
    assert 'aria-current="true">全部</a>' in html


def test_search_page_type_filter_and_pagination(client, demo_site):
    html = client.get(reverse("search"), {"q": "调解", "type": "policy"}).content.decode()
    assert 'href="/policies/sui-ren-she-han-2023-57/"' in html
    assert 'href="/guidance/' not in html.split("<main")[1]
    # A page number past the end shows the last page; nonsense shows the first.
    for page in ["999", "abc", "-1"]:
        response = client.get(reverse("search"), {"q": "调解", "page": page})
        assert response.status_code == 200 and "result-list__item" in response.content.decode()
    # An unknown type is ignored: everything is shown.
    html = client.get(reverse("search"), {"q": "调解", "type": "nonsense"}).content.decode()
    assert 'href="/guidance/committee-setup/"' in html


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        '"调解',
        "调解'",
        "   ",
        "%",
        "_",
        "*",
        "调解 OR",
        "AND",
        "NOT 调解",
        "(",
        "\\",
        "😀",
        "a" * 5000,
        "调解" * 3000,
        "<script>alert(1)</script>",
        "NEAR(调解)",
        "title:调解",
    ],
)
def test_any_query_returns_a_page(client, demo_site, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_empty_state_helps(client, demo_site):
    html = client.get(reverse("search"), {"q": "区块链"}).content.decode()
    assert "没有找到" in html and "服务热线" in html
    html = client.get(reverse("search"), {"q": "  "}).content.decode()
    assert "请输入" in html


def test_header_search_box_on_every_page(client, demo_site):
    for path in ["/", "/policies/", "/guidance/apply-for-mediation/", "/no-such-page/"]:
        html = client.get(path).content.decode()
        assert 'role="search"' in html and 'action="/search/"' in html
        assert '<label class="visually-hidden" for="header-search-q">' in html


def test_admin_page_search_finds_chinese_words(admin_client, demo_site):
    # The admin searches titles (Wagtail's autocomplete); words inside a title count.
    response = admin_client.get("/admin/pages/search/", {"q": "委员会"})
    html = response.content.decode()
    assert response.status_code == 200
    assert COMMITTEE in html and UNION not in html
    section = Page.objects.get(slug="guidance")
    html = admin_client.get(f"/admin/pages/{section.pk}/", {"q": "工会"}).content.decode()
    assert UNION in html and APPLY not in html


def test_policies_are_found_by_their_document_number_field(demo_site):
    hits = site_search("随人社函", "policy").hits
    assert [hit.obj for hit in hits] == [PolicyPage.objects.get()]
