"""Did you mean: homophone and one-character typos of the site's words, and the no-results
page's next steps."""

import time

import pytest
from django.urls import reverse
from wagtail.models import Page

from search.suggestions import closest, suggest
from search.vocabulary import CACHE_KEY, Vocabulary, vocabulary

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("demo_site")
@pytest.mark.parametrize(
    "typo, meant",
    [("调介", "调解"), ("仲栽", "仲裁"), ("公会", "工会"), ("调介 仲栽", "调解 仲裁")],
)
def test_common_typos_suggest_the_word_meant(typo, meant):
    assert suggest(typo) == meant


@pytest.mark.usefixtures("demo_site")
@pytest.mark.parametrize("query", ["调解", "区块链", "", "!!!", "a" * 2000, "🙂🙂"])
def test_known_words_and_unrelated_words_get_no_suggestion(query):
    assert suggest(query) is None


def test_a_suggestion_that_finds_nothing_is_not_offered():
    # No pages: 调解 is in the vocabulary (from a synonym) but finds nothing.
    from search.models import Synonym

    Synonym.objects.create(term="调解", equivalents="和解")
    assert closest("调介", vocabulary()) == "调解"
    assert suggest("调介") is None


def test_closest_prefers_homophones_then_the_nearest_sound():
    known = Vocabulary({"调解": 5, "调查": 9, "仲裁": 3, "仲夏": 1})
    assert closest("调介", known) == "调解"
    assert closest("仲栽", known) == "仲裁"
    assert closest("调解", known) is None
    assert closest("x", known) is None


@pytest.mark.usefixtures("demo_site")
def test_publishing_refreshes_the_vocabulary():
    from django.core.cache import cache

    vocabulary()
    assert cache.get(CACHE_KEY) is not None
    Page.objects.get(slug="guidance").specific.save_revision().publish()
    assert cache.get(CACHE_KEY) is None


@pytest.mark.usefixtures("demo_site")
def test_suggestion_is_fast_once_the_vocabulary_is_built():
    suggest("调介")
    started = time.perf_counter()
    for _ in range(20):
        closest("仲栽", vocabulary())
    assert (time.perf_counter() - started) / 20 < 0.01


@pytest.mark.usefixtures("demo_site")
def test_no_results_page_offers_suggestion_hotline_apply_and_guidance(client):
    html = client.get(reverse("search"), {"q": "调介"}).content.decode()
    assert "您是不是要找：" in html
    assert 'href="?q=%E8%B0%83%E8%A7%A3"' in html
    html = client.get(reverse("search"), {"q": "区块链"}).content.decode()
    assert "0722-0000000" in html
    assert reverse("applications:landing") in html
    assert 'href="/guidance/"' in html
    assert "您是不是要找" not in html


@pytest.mark.usefixtures("demo_site")
@pytest.mark.parametrize("page", ["999", "abc", "-1"])
def test_a_page_beyond_the_last_shows_the_last_with_a_message(client, page):
    response = client.get(reverse("search"), {"q": "调解", "page": page})
    assert response.status_code == 200
    assert "该页结果不存在" in response.content.decode()
