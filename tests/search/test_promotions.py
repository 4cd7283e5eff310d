"""Promoted results (wagtail search_promotions), the query log without personal data, and
the editors' search terms report."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page

from search.promotions import log_query, may_hold_personal_data, promoted

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("demo_site")
def test_demo_promotes_the_contact_page_for_phone(client):
    html = client.get(reverse("search"), {"q": " 电话 "}).content.decode()
    promotions_at = html.index("search-promotions")
    assert "/organizations/" in html[promotions_at : promotions_at + 1500]
    assert promotions_at < html.index("result-list")
    assert "推荐" in html


@pytest.mark.usefixtures("demo_site")
def test_unpublished_promoted_pages_are_not_shown():
    page = Page.objects.get(slug="organizations")
    assert [p.page_id for p in promoted("电话")] == [page.pk]
    page.unpublish()
    assert promoted("电话") == []
    assert promoted("") == []


@pytest.mark.usefixtures("demo_site")
def test_searches_are_counted_once_on_their_first_page(client):
    client.get(reverse("search"), {"q": "调解"})
    client.get(reverse("search"), {"q": "调解 "})
    client.get(reverse("search"), {"q": "调解", "page": "2"})
    assert Query.objects.get(query_string="调解").hits == 2


@pytest.mark.parametrize(
    "query",
    [
        "13800001111",
        "138 0000 1111",
        "138-0000-1111",
        "0722-1234567",
        "（0722）1234567 调解",
        "42010119900307123X",
        "420101199003071234",
        "身份证 420101900307123",
    ],
)
def test_queries_that_may_hold_personal_data_are_not_stored(client, query):
    assert may_hold_personal_data(query)
    assert log_query(query) is False
    client.get(reverse("search"), {"q": query})
    assert not Query.objects.exclude(editors_picks__isnull=False).exists()
    assert not QueryDailyHits.objects.exists()


@pytest.mark.parametrize("query", ["随人社函〔2023〕57号", "2026年 培训", "25人", "调解"])
def test_ordinary_numbers_are_logged(query):
    assert not may_hold_personal_data(query)
    assert log_query(query) is True


def test_empty_queries_are_not_logged():
    assert log_query("   ") is False
    assert not Query.objects.exists()


def test_editors_see_popular_searches_and_manage_promotions(admin_client):
    for _ in range(3):
        log_query("讨薪")
    log_query("调解")
    html = admin_client.get(reverse("wagtailsearchpromotions:search_terms")).content.decode()
    assert "搜索词" in html
    assert html.index("讨薪") < html.index("调解")
    response = admin_client.get(reverse("wagtailsearchpromotions:index"))
    assert response.status_code == 200
    assert not SearchPromotion.objects.exists()


@pytest.mark.usefixtures("demo_site")
def test_promotions_are_read_from_the_shared_cache_until_one_changes(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    page = Page.objects.get(slug="organizations")
    assert [p.page_id for p in promoted("电话")] == [page.pk]
    with CaptureQueriesContext(connection) as captured:
        assert [p.page_id for p in promoted("电话")] == [page.pk]
    assert len(captured.captured_queries) == 0  # the search page stays within its budget
    page.unpublish()
    assert promoted("电话") == []
    page.specific.save_revision().publish()
    assert [p.page_id for p in promoted("电话")] == [page.pk]
    SearchPromotion.objects.filter(page=page).delete()
    assert promoted("电话") == []
