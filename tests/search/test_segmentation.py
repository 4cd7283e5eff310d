"""Unit tests for Chinese segmentation, query building and highlighting (no database)."""

import pytest
from modelsearch.query import And, Or, PlainText

from search.highlight import highlight, snippet
from search.query import build_query, segment_query
from search.segmentation import (
    MAX_QUERY_LENGTH,
    clean_query,
    index_text,
    index_words,
    query_words,
    word_parts,
)


def test_index_words_split_chinese_and_keep_the_parts_of_long_words():
    words = index_words("企业劳动争议调解委员会由职工代表和企业代表组成")
    for word in ["企业", "劳动争议", "劳动", "争议", "调解委员会", "调解", "委员会", "职工代表"]:
        assert word in words
    assert "，" not in words and " " not in words


def test_index_text_is_space_separated_and_drops_punctuation():
    assert index_text("随人社函〔2023〕57号") == "随 人 社 函 2023 57 号"
    assert index_text("") == ""
    assert index_text("《》，。！") == ""


def test_domain_words_are_kept_whole():
    assert "一站式" in query_words("一站式多元联调")
    assert query_words("诉讼服务站") == ["诉讼服务站"]
    assert query_words("法官工作室") == ["法官工作室"]


def test_query_words_mixed_latin_digits_and_chinese():
    assert query_words("工会 25人") == ["工会", "25", "人"]
    assert query_words("57号") == ["57", "号"]
    assert query_words("OpenSearch 调解") == ["opensearch", "调解"]


def test_query_words_drop_stop_words_only_when_something_else_remains():
    assert query_words("企业的工会") == ["企业", "工会"]
    assert query_words("的") == ["的"]


@pytest.mark.django_db  # build_query reads the editors' synonyms
def test_queries_of_symbols_quotes_or_spaces_have_no_words():
    for raw in ['"', "'", "   ", "\t\n", "!!!", "〔〕《》", "%_%", "\x00", "", None]:
        assert query_words(raw) == []
        assert build_query(raw) is None


def test_long_queries_are_truncated_not_rejected():
    raw = "调解" * 500
    assert len(clean_query(raw)) == MAX_QUERY_LENGTH
    assert query_words(raw) == ["调解"]


def test_word_parts_tile_the_word():
    assert word_parts("调解委员会") == ["调解", "委员会"]
    assert word_parts("劳动争议") == ["劳动", "争议"]
    assert word_parts("调解") == []
    assert "".join(word_parts("诉讼服务站")) == "诉讼服务站"


@pytest.mark.django_db  # build_query reads the editors' synonyms
def test_build_query_requires_every_word_and_accepts_the_parts_of_long_ones():
    query = build_query("调解委员会 工会")
    assert isinstance(query, And)
    long_word, short_word = query.subqueries
    assert isinstance(long_word, Or)
    assert [q.query_string for q in long_word.subqueries] == ["调解委员会", "调解 委员会"]
    assert long_word.subqueries[1].operator == "and"
    assert isinstance(short_word, PlainText) and short_word.query_string == "工会"


def test_segment_query_rewrites_query_objects():
    rewritten = segment_query(PlainText("劳动争议调解", operator="or"))
    assert rewritten.operator == "or" and rewritten.query_string == "劳动争议 调解"
    assert segment_query(PlainText('"')) is None


def test_highlight_escapes_and_marks_whole_words():
    html = highlight("<b>劳动争议</b>调解", ["调解", "争议"])
    assert html == "&lt;b&gt;<mark>劳动争议</mark>&lt;/b&gt;<mark>调解</mark>"
    assert highlight("调解委员会", ["调解"]) == "<mark>调解委员会</mark>"


def test_highlight_never_marks_a_character_inside_another_word():
    assert "<mark>" not in highlight("工资拖欠", ["资"])
    assert highlight("", ["调解"]) == ""
    html = highlight('<script>alert("调解")</script>', ["调解", "script"])
    assert "<script" not in html and "&lt;<mark>script</mark>&gt;" in html


def test_snippet_is_the_passage_with_the_most_query_words():
    text = "本中心提供调解服务。\n工会调解委员会负责组建调解组织。\n其他内容。"
    html = snippet(text, ["工会", "调解"], length=40)
    assert html.startswith("…<mark>工会调解委员会</mark>")
    assert "本中心" not in html


def test_snippet_does_not_repeat_a_sentence():
    summary = "申请劳动争议调解不收费。"
    html = snippet(summary + "\n" + summary + "其他说明。", ["调解"], length=200)
    assert html.count("不收费") == 1


def test_snippet_centres_on_the_first_match():
    text = "前言" * 100 + "企业劳动争议调解委员会" + "结尾" * 100
    html = snippet(text, ["调解委员会"], length=40)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>调解委员会</mark>" in html
    assert snippet("没有匹配", ["调解"]) == "没有匹配"
