"""The policy library: detail page, filters, keyword, pagination and query budget."""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document

from directory.models import Agency
from guidance.choices import Topic, Validity
from guidance.models import PolicyAttachment, PolicyIndexPage, PolicyPage, RelatedPolicy

from .factories import bulk_policies

pytestmark = pytest.mark.django_db

SEED_URL = "/policies/sui-ren-she-han-2023-57/"


def listed(html):
    """Titles of the policies listed on an index page, in order."""
    return re.findall(r'<h2 class="h5 mb-1"><a href="[^"]+">([^<]+)</a>', html)


def add_policy(title, *, issuer_codes=("hrss-city",), **fields):
    index = PolicyIndexPage.objects.get()
    page = PolicyPage(title=title, body="<p>正文</p>", **fields)
    page.issuers = list(Agency.objects.filter(code__in=issuer_codes))
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_seed_policy_detail_shows_metadata_in_order(client, demo_site):
    html = client.get(SEED_URL).content.decode()
    assert "<dd>随人社函〔2023〕57号</dd>" in html
    issuers = "随州市人力资源和社会保障局；湖北省随州市中级人民法院；随州市总工会；随州市司法局"
    assert f"<dd>{issuers}</dd>" in html
    assert '<time datetime="2023-07-27">2023年7月27日</time>' in html
    assert "validity--in_force" in html and "有效" in html
    assert "随人社发〔2023〕7号" in html and "本站暂未收录原文" in html
    assert "validity-banner" not in html
    assert "<h3>四、强化工作保障</h3>" in html


def test_repealed_policy_has_a_banner_linking_its_replacement(client, demo_site):
    seed = PolicyPage.objects.get()
    old = add_policy(
        "旧文件",
        validity=Validity.REPEALED,
        superseded_by=seed,
        date_published=datetime.date(2020, 1, 1),
    )
    html = client.get(old.url).content.decode()
    assert "本文件已废止" in html and "alert-danger" in html
    assert f'<a href="{SEED_URL}">' in html.split("validity-banner")[1]
    old.validity = Validity.AMENDED
    old.save_revision().publish()
    assert "本文件已被修订" in client.get(old.url).content.decode()


def test_attachments_list_type_and_size_and_related_policies(client, demo_site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = Document(title="附件一：调解申请书样本")
    document.file.save("sample.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 2048), save=False)
    document.save()
    seed = PolicyPage.objects.get()
    other = add_policy("关于调解员联合培训的通知", date_published=datetime.date(2024, 3, 1))
    seed.attachments = [PolicyAttachment(document=document)]
    seed.related_policies = [RelatedPolicy(page=other)]
    seed.save_revision().publish()
    html = client.get(SEED_URL).content.decode()
    assert "附件一：调解申请书样本" in html, html.split("attachments-title")[-1][:600]
    assert re.search(r"（PDF，2\.0\s*KB）", html), html.split("attachment-list")[1][:400]
    assert f'<a href="{other.url}">关于调解员联合培训的通知</a>' in html


def test_print_view_hides_chrome(client, demo_site):
    html = client.get(SEED_URL).content.decode()
    assert "data-print-wrapper hidden" in html and "js/print.js" in html
    css = client.get("/static/css/publishing.css")
    text = b"".join(css.streaming_content).decode()
    assert "@media print" in text and ".site-header" in text.split("@media print")[1]


def test_index_lists_newest_first_and_filters(client, demo_site):
    add_policy(
        "二〇二四年工会文件",
        issuer_codes=["union_federation-city"],
        topic=Topic.UNION,
        date_published=datetime.date(2024, 5, 1),
    )
    add_policy(
        "二〇二五年已废止文件", validity=Validity.REPEALED, date_published=datetime.date(2025, 1, 2)
    )
    html = client.get("/policies/").content.decode()
    titles = listed(html)
    assert titles[0] == "二〇二五年已废止文件"
    assert titles[1] == "二〇二四年工会文件"
    assert titles[2].startswith("关于印发")

    def titles_for(**params):
        return listed(client.get("/policies/", params).content.decode())

    assert titles_for(issuer="union_federation-city") == ["二〇二四年工会文件"] + titles[2:]
    assert titles_for(year="2024") == ["二〇二四年工会文件"]
    assert titles_for(validity="repealed") == ["二〇二五年已废止文件"]
    assert titles_for(topic="union") == ["二〇二四年工会文件"]
    assert titles_for(year="2023", validity="in_force", issuer="court-city")[0].startswith(
        "关于印发"
    )
    assert titles_for(q="一站式") == [titles[2]]
    assert titles_for(q="57号") == [titles[2]]
    assert titles_for(q="区块链") == []
    assert (
        "没有符合筛选条件的政策文件" in client.get("/policies/", {"q": "区块链"}).content.decode()
    )


@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"year": "1900"},
        {"validity": "zzz"},
        {"topic": "<script>"},
        {"issuer": "no-such-agency"},
        {"page": "abc"},
        {"page": "-3"},
        {"q": '"'},
        {"q": "   "},
        {"q": "调" * 5000},
        {"year": ["2023", "abc"]},
    ],
)
def test_invalid_filters_are_ignored(client, demo_site, params):
    response = client.get("/policies/", params)
    assert response.status_code == 200
    html = response.content.decode()
    if "q" not in params or not params["q"].strip('" '):
        assert len(listed(html)) == 1


def test_page_past_the_end_shows_the_last_page(client, demo_site):
    issuers = list(Agency.objects.filter(code__in=["hrss-city", "court-city"]))
    bulk_policies(PolicyIndexPage.objects.get(), 45, issuers)
    html = client.get("/policies/", {"page": "99"}).content.decode()
    assert 'aria-current="page">3</span>' in html
    assert len(listed(html)) == 46 - 40


def _index_queries(client):
    client.get("/policies/")  # warm per-process caches
    client.get("/policies/", {"q": "区块链"})  # and the shared ones a keyword reads (synonyms)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/policies/", {"validity": "in_force", "page": "2"})
    assert response.status_code == 200
    return len(queries)


def test_index_renders_in_a_constant_number_of_queries(client, demo_site):
    index = PolicyIndexPage.objects.get()
    issuers = list(Agency.objects.filter(code__in=["hrss-city", "court-city", "justice-city"]))
    bulk_policies(index, 10, issuers)
    with_ten = _index_queries(client)
    bulk_policies(index, 1990, issuers)
    assert PolicyPage.objects.count() == 2001
    with_two_thousand = _index_queries(client)
    assert with_ten == with_two_thousand
    assert with_two_thousand <= 12


def test_a_keyword_lists_every_match_in_the_same_number_of_queries(client, demo_site, monkeypatch):
    from wagtail.search.backends import get_search_backend

    from guidance import listing

    monkeypatch.setattr(listing, "KEYWORD_MATCH_LIMIT", 1)  # applies to other backends only
    issuers = list(Agency.objects.filter(code="hrss-city"))
    get_search_backend().add_bulk(
        PolicyPage, bulk_policies(PolicyIndexPage.objects.get(), 25, issuers)
    )
    client.get("/policies/")  # warm per-process caches
    client.get("/policies/", {"q": "区块链"})  # and the shared ones a keyword reads (synonyms)

    def queries(params):
        with CaptureQueriesContext(connection) as captured:
            html = client.get("/policies/", params).content.decode()
        return len(captured), html

    plain, _ = queries({"page": "2"})
    keyword, html = queries({"q": "调解", "page": "2"})
    assert len(listed(html)) == 26 - 20  # all 26 matches, newest first, over two pages
    assert keyword == plain
    assert listed(queries({"q": "区块链"})[1]) == []
