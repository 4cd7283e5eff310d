"""The searchable text of a StreamField read from its stored data is exactly Wagtail's
`get_searchable_content()` of the converted blocks (which costs a database round trip per
chosen page or document), for every guidance page of the demo and for a stream holding
every kind of block, including chosen pages, choices, empty and missing values."""

import pytest

from guidance.models import GuidancePage
from search.registry import _default_text
from search.stream_text import stream_text


def wagtail_text(stream):
    return stream.stream_block.get_searchable_content(stream)


@pytest.mark.django_db
def test_every_demo_guidance_page_gives_the_same_text(demo_site):
    pages = list(GuidancePage.objects.all())
    assert len(pages) >= 5
    for page in pages:
        page = GuidancePage.objects.get(pk=page.pk)  # nothing converted yet
        assert stream_text(page.body) == wagtail_text(page.body), page.title
        assert any("调解" in text for text in stream_text(page.body)) or page.title


@pytest.mark.django_db
def test_a_stream_with_every_block_kind_and_gaps(demo_site):
    page = GuidancePage.objects.first()
    stream = [
        {
            "type": "section",
            "value": {"heading": "第一节", "text": "<p>劳动争议<b>调解</b>工作</p>"},
        },
        {"type": "steps", "value": {"heading": "办理流程", "steps": []}},
        {"type": "legal_basis", "value": {}},  # every field missing: defaults
        {"type": "no_such_block", "value": "ignored"},
    ]
    for name, block in page.body.stream_block.child_blocks.items():
        if name not in {item["type"] for item in stream}:
            stream.append({"type": name, "value": block.get_prep_value(block.get_default())})
    fresh = GuidancePage.objects.get(pk=page.pk)
    fresh.body = stream
    assert stream_text(fresh.body) == wagtail_text(fresh.body)
    assert "劳动争议调解工作" in " ".join(stream_text(fresh.body)).replace(" ", "")


@pytest.mark.django_db
def test_result_snippets_read_no_database(demo_site, django_assert_num_queries):
    page = GuidancePage.objects.live().first()
    page = GuidancePage.objects.get(pk=page.pk)
    with django_assert_num_queries(0):
        text = _default_text(page)
    assert page.body and text
