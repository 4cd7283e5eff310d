"""Site search over the demo content: recall, ranking, filters, bad input, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from guidance.models import GuidancePage, NoticePage, PolicyPage
from search import services
from search.registry import searchable_types
from search.services import load_objects, site_search
from tests.guidance.factories import bulk_policies

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
    guidance = set(GuidancePage.objects.values_list("pk", flat=True))
    assert outcome.hits and all(hit.type.key == "guidance" for hit in outcome.hits)
    assert {hit.pk for hit in outcome.hits} <= guidance
    assert outcome.counts["guidance"] == len(outcome.hits)
    assert outcome.counts["policy"] == 1 and outcome.counts["notice"] >= 1
    assert not outcome.capped


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


def test_policies_are_found_by_their_document_number_field(demo_site):
    hits = site_search("随人社函", "policy").hits
    assert [hit.pk for hit in hits] == [PolicyPage.objects.get().pk]


def test_only_the_page_shown_is_loaded(demo_site):
    outcome = site_search("调解")
    assert outcome.hits and all(hit.obj is None for hit in outcome.hits)
    shown = load_objects(outcome.hits[:3])
    assert [hit.obj.pk for hit in shown] == [hit.pk for hit in outcome.hits[:3]]
    assert all(hit.obj is None for hit in outcome.hits[3:])
    # An object deleted after the ranking is dropped, not shown broken.
    gone = outcome.hits[4]
    gone.type.model.objects.filter(pk=gone.pk).delete()
    assert gone not in load_objects(outcome.hits[3:6])


def _search_queries(client, params):
    client.get(reverse("search"), params)  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_search_page_queries_do_not_grow_with_the_site(client, demo_site):
    from directory.models import Agency
    from guidance.models import PolicyIndexPage

    everything, policies = {"q": "调解"}, {"q": "调解", "type": "policy"}
    small_all, _ = _search_queries(client, everything)
    small_policies, html = _search_queries(client, policies)
    assert html.count('class="result-list__item"') == 1
    bulk = bulk_policies(
        PolicyIndexPage.objects.get(), 250, list(Agency.objects.filter(region="city"))[:3]
    )
    get_search_backend().add_bulk(PolicyPage, bulk)
    assert site_search("调解").counts["policy"] == 200
    large_all, html = _search_queries(client, everything)
    assert "政策文件 (200+)" in html and 'href="/policies/bulk-policy-' in html
    large_policies, html = _search_queries(client, policies)
    assert html.count('class="result-list__item"') == 10
    # Ten results cost what one did: objects are loaded per type, not per result.
    assert large_policies == small_policies
    # A fixed set, whatever the site's size: the view restrictions (read once for all
    # page types), one ranking statement for all types, one query testing the
    # candidates and reading their titles, the page chrome (site, settings, navigation),
    # plus one query per type of the objects shown; the promoted results and the count
    # of the query in the search terms log (search/promotions.py).
    fixed = 1 + 1 + 1 + 4 + 2
    types = len(searchable_types())
    assert max(small_all, large_all) <= fixed + types


def test_capped_type_counts_are_marked(client, demo_site, monkeypatch):
    monkeypatch.setattr(services, "PER_TYPE_LIMIT", 2)
    html = client.get(reverse("search"), {"q": "调解"}).content.decode()
    assert "办事指南 (2+)" in html and "政策文件 (1)" in html
