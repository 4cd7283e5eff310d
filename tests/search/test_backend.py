"""Our backend's replacements of stock behaviour, on the current database (CI: both).

SQLite ranks through its FTS index and PostgreSQL tests words with its GIN indexes; both
must give the same answers as Wagtail's search API promises: ordered, sliceable, counted,
scored, faceted, and negations and unordered searches still work.
"""

from collections import Counter

import pytest
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Not, PlainText

import search.backend
from guidance.models import GuidancePage, PolicyPage
from search.ranking import generic_ranked_ids, matching, ranked_ids

pytestmark = pytest.mark.django_db

COMMITTEE = "组建企业劳动争议调解委员会"
UNION = "企业组建工会"


def test_ranked_search_is_ordered_sliceable_counted_and_scored(demo_site):
    results = GuidancePage.objects.live().search("委员会")
    everything = list(results)
    assert everything[0].title == COMMITTEE  # the title match before body matches
    assert UNION in [page.title for page in everything]
    assert results.count() == len(everything)
    assert list(results[1:3]) == everything[1:3]
    scored = list(GuidancePage.objects.live().search("委员会").annotate_score("_score"))
    assert [page.pk for page in scored] == [page.pk for page in everything]
    assert all(isinstance(page._score, float) for page in scored)


def test_unordered_negated_and_faceted_searches_still_work(demo_site):
    live = GuidancePage.objects.live()
    ranked = {page.pk for page in live.search("调解")}
    assert {page.pk for page in live.search("调解", order_by_relevance=False)} == ranked
    without = {page.pk for page in live.search(Not(PlainText("调解")))}
    assert without and not without & ranked
    facets = Page.objects.live().search("调解").facet("content_type_id")
    assert sum(facets.values()) == Page.objects.live().search("调解").count()


def test_autocomplete_matches_the_text_and_a_prefix(demo_site):
    titles = [page.title for page in GuidancePage.objects.autocomplete("支付令")]
    assert titles == ["申请劳动争议调解"]  # the word is only in that page's text
    assert COMMITTEE in [page.title for page in GuidancePage.objects.autocomplete("委员")]


def test_ranked_ids_agree_with_the_generic_path(demo_site):
    querysets = {
        "policy": PolicyPage.objects.live().public(),
        "guidance": GuidancePage.objects.live().public(),
    }
    backend = get_search_backend()
    for query in ["调解", "工会 25人", "57号", "区块链", "调解委员会"]:
        own = ranked_ids(query, querysets, 50)
        generic = generic_ranked_ids(backend, query, querysets, 50)
        assert {k: set(v) for k, v in own.items()} == {k: set(v) for k, v in generic.items()}
    assert ranked_ids('"%*', querysets, 50) == {"policy": [], "guidance": []}


def test_ranked_ids_respect_each_querysets_filters_and_limit(demo_site):
    union = GuidancePage.objects.get(title=UNION)
    union.unpublish()
    ids = ranked_ids("委员会", {"guidance": GuidancePage.objects.live()}, 50)["guidance"]
    assert union.pk not in ids and ids
    assert len(ranked_ids("调解", {"guidance": GuidancePage.objects.all()}, 2)["guidance"]) == 2


def test_matching_narrows_a_queryset_to_every_match_in_one_query(
    demo_site, django_assert_num_queries
):
    live = GuidancePage.objects.live()
    expected = {}
    for query in ["调解", "工会 25人", "调解委员会", "区块链"]:
        expected[query] = {page.pk for page in live.search(query, order_by_relevance=False)}
        narrowed = matching(query, live, cap=1)  # the cap is for other backends only
        with django_assert_num_queries(1):
            assert set(narrowed.values_list("pk", flat=True)) == expected[query]
    assert len(expected["调解"]) > 1
    # The queryset's own filters still apply, and a query of no words finds nothing.
    union = GuidancePage.objects.get(title=UNION)
    union.unpublish()
    narrowed = matching("工会", GuidancePage.objects.live(), 10)
    assert union.pk not in set(narrowed.values_list("pk", flat=True))
    assert not matching('"%*', live, 10).exists()


def test_matching_on_another_backend_keeps_the_best_matches_up_to_the_cap(demo_site):
    class Elsewhere:  # a backend with only Wagtail's public search API
        def search(self, query, queryset):
            return get_search_backend().search(query, queryset)

    live = GuidancePage.objects.live()
    best = ranked_ids("调解", {"guidance": live}, 2)["guidance"]
    narrowed = matching("调解", live, cap=2, backend=Elsewhere())
    assert sorted(narrowed.values_list("pk", flat=True)) == sorted(best)


def test_indexing_segments_each_value_of_a_page_once(demo_site, monkeypatch):
    seen = Counter()
    real = search.backend.index_text

    def counting(text):
        seen[text] += 1
        return real(text)

    monkeypatch.setattr(search.backend, "index_text", counting)
    page = GuidancePage.objects.get(title=COMMITTEE)
    get_search_backend().add(page)
    assert seen and max(seen.values()) == 1
    assert COMMITTEE in seen and len(seen) > 3  # title, intro, blocks of the body
    assert COMMITTEE in [p.title for p in GuidancePage.objects.search("职工代表")]
