"""Notices, their RSS/Atom feeds, and the home page's latest notices and guidance."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from guidance.models import GuidancePage, NoticeIndexPage, NoticePage

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def add_notice(title, date, summary="摘要"):
    index = NoticeIndexPage.objects.get()
    page = NoticePage(title=title, date_published=date, summary=summary, body="<p>正文</p>")
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_notice_index_lists_newest_first_and_links_feeds(client, demo_site):
    add_notice("最新的通知", datetime.date(2026, 11, 20))
    html = client.get("/notices/").content.decode()
    assert html.index("最新的通知") < html.index("关于诉讼服务站办公时间的公告（示例）")
    assert html.index("关于诉讼服务站办公时间的公告（示例）") < html.index(
        "关于开通劳动争议调解网上申请"
    )
    assert 'type="application/rss+xml"' in html and 'href="/notices/feed/rss/"' in html
    assert 'type="application/atom+xml"' in html and 'href="/notices/feed/atom/"' in html


def test_rss_feed(client, demo_site):
    add_notice("最新的通知", datetime.date(2026, 11, 20), summary="新的摘要")
    response = client.get("/notices/feed/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own feed
    channel = feed.find("channel")
    assert channel.findtext("title") == "通知公告"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items][:2] == [
        "最新的通知",
        "关于诉讼服务站办公时间的公告（示例）",
    ]
    assert items[0].findtext(
        "link"
    ) == "http://testserver/notices/%E6%9C%80%E6%96%B0%E7%9A%84%E9%80%9A%E7%9F%A5/" or items[
        0
    ].findtext("link").startswith("http://testserver/notices/")
    assert items[0].findtext("description") == "新的摘要"
    assert "20 Nov 2026" in items[0].findtext("pubDate")


def test_atom_feed_and_unpublished_notices_stay_out(client, demo_site):
    draft = add_notice("撤回的通知", datetime.date(2026, 11, 21))
    draft.unpublish()
    response = client.get("/notices/feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert "撤回的通知" not in titles and len(titles) == 3
    assert root.find(f"{ATOM}link").get("href") == "http://testserver/notices/"


def test_notice_index_paginates_and_survives_bad_page_numbers(client, demo_site):
    for day in range(1, 25):
        add_notice(f"批量通知{day:02d}", datetime.date(2025, 1, day))
    assert "批量通知" in client.get("/notices/", {"page": "2"}).content.decode()
    for page in ["99", "x", "0"]:
        assert client.get("/notices/", {"page": page}).status_code == 200


def test_home_shows_latest_notices_and_featured_guidance(client, demo_site):
    add_notice("最新的通知", datetime.date(2026, 11, 20))
    html = client.get("/").content.decode()
    notices = html.split('id="latest-notices-title"')[1].split("</section>")[0]
    assert notices.index("最新的通知") < notices.index("关于诉讼服务站办公时间的公告")
    assert notices.count("<li>") == 4 and 'href="/notices/"' in notices
    guidance = html.split('id="featured-guidance-title"')[1].split("</section>")[0]
    assert guidance.index("申请劳动争议调解") < guidance.index("企业组建工会")
    assert 'href="/guidance/apply-for-mediation/"' in guidance


def test_home_leaves_out_private_and_unpublished_pages(client, demo_site):
    GuidancePage.objects.get(slug="union-setup").unpublish()
    private = NoticePage.objects.get(slug="joint-mediator-training-2026")
    private.view_restrictions.create(restriction_type="login")
    html = client.get("/").content.decode()
    assert "企业组建工会</a>" not in html.split('id="featured-guidance-title"')[1]
    assert "联合培训" not in html.split('id="latest-notices-title"')[1].split("</section>")[0]


def test_home_query_budget_with_many_notices(client, demo_site, django_assert_max_num_queries):
    for day in range(1, 13):
        add_notice(f"批量通知{day:02d}", datetime.date(2025, 2, day))
    client.get("/")
    with django_assert_max_num_queries(8):
        html = client.get("/").content.decode()
    assert html.split('id="latest-notices-title"')[1].split("</section>")[0].count("<li>") == 5
