"""Bad input gets a normal page with a clear message, never an error, and stores nothing."""

import pytest
from django.urls import reverse
from wagtail.contrib.search_promotions.models import QueryDailyHits

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

NO_WORDS = "请输入文字或数字；仅有标点、符号或表情时无法搜索。"


def get(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_empty_query_asks_for_a_word(client):
    assert "请输入要搜索的词语。" in get(client, q="")
    assert "请输入要搜索的词语。" in get(client, q="   ")
    assert not QueryDailyHits.objects.exists()


@pytest.mark.parametrize("query", ["!!!", "，。、？", "😀🙂", "—— ……", "%_*"])
def test_punctuation_symbols_and_emoji_are_explained(client, query):
    html = get(client, q=query)
    assert NO_WORDS in html
    assert not QueryDailyHits.objects.exists()


def test_a_2000_character_query_is_cut_and_says_so(client):
    html = get(client, q="调解" * 1000)
    assert "搜索内容过长，只使用了前100个字符。" in html
    assert "调解" * 51 not in html


@pytest.mark.parametrize(
    "query",
    ["'; DROP TABLE wagtailcore_page; --", "1 OR 1=1", '调解" UNION SELECT *', "调解 --"],
)
def test_sql_fragments_are_just_words(client, query):
    html = get(client, q=query)
    assert "没有找到" in html or 'class="result-list__item"' in html


@pytest.mark.parametrize(
    "query", ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">调解']
)
def test_html_fragments_are_escaped_everywhere(client, query):
    html = get(client, q=query)
    assert "<script>alert" not in html and "<img src=x" not in html


def test_emoji_with_words_searches_the_words(client):
    html = get(client, q="调解😀")
    assert 'class="result-list__item"' in html
    assert NO_WORDS not in html


def test_a_page_beyond_the_last_is_the_last_with_a_message(client):
    html = get(client, q="调解", page="9999")
    assert "该页结果不存在" in html
    assert 'class="result-list__item"' in html
