"""The anonymous page cache (home/page_cache, ADR 0030), in process on the demo site.

A hit runs no query; anything personal is never stored; every kind of content change
forgets every stored page. Across processes and workers: tests/portal/test_make_run.py.
"""

import logging

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from wagtail.models import Page

from directory.models import Agency
from guidance.models import NoticePage
from home.models import SiteSettings

PUBLIC_PAGES = [
    "/",
    "/policies/",
    "/policies/sui-ren-she-han-2023-57/",
    "/notices/",
    "/guidance/",
    "/organizations/",
    "/organizations/mediators/",
    "/search/?q=调解",
    "/policies/?topic=mediation&page=1",
    "/statistics/",
    "/tools/time-limit/",
]


@pytest.fixture
def page_cache(demo_site, settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Run what would run on commit (the purge) as the change is made."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run


def stored_pages() -> int:
    return sum(1 for key in cache._cache if ":page-cache:" in key and "generation" not in key)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_the_second_anonymous_request_is_answered_without_a_query(
    page_cache, client, django_assert_num_queries, path
):
    first = client.get(path)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate, s-maxage=60"
    assert "Cookie" in first["Vary"]
    with django_assert_num_queries(0):
        second = client.get(path)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Cache-Control"] == first["Cache-Control"]


def test_a_revalidation_with_the_etag_is_a_304_without_a_query(
    page_cache, client, django_assert_num_queries
):
    etag = client.get("/notices/")["ETag"]
    with django_assert_num_queries(0):
        response = client.get("/notices/", headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""


def test_html_is_compressed_for_clients_that_accept_it(page_cache, client):
    for _ in range(2):  # the miss and the hit
        response = client.get("/", headers={"accept-encoding": "gzip"})
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]


def test_large_text_mode_is_part_of_the_key(page_cache, client, settings):
    client.get("/")
    client.cookies[settings.DISPLAY_MODE_COOKIE] = "large"
    large = client.get("/")
    assert large["X-Page-Cache"] == "miss"
    assert 'class="mode-large"' in large.content.decode()
    assert 'class="mode-large"' in client.get("/").content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/apply/",
        "/apply/mediation/",
        "/track/",
        "/admin/login/",
        "/no-such-page/",
        "/?utm_source=wechat",
        "/search/?q=" + "调" * 101,
        "/policies/?page=1&page=2",
        "/verify/",
        "/rate/not-a-token/",
        "/track/arbitration-application/",
        "/tools/time-limit/?dispute=pay&known_on=2026-01-05",
    ],
)
def test_forms_personal_pages_errors_and_unknown_parameters_are_never_stored(
    page_cache, client, path
):
    for _ in range(2):
        response = client.get(path, follow=False)
        assert not response.has_header("X-Page-Cache")
        assert "public" not in response.get("Cache-Control", "")
    assert stored_pages() == 0


def test_the_tracking_form_and_errors_tell_browsers_not_to_keep_them(page_cache, client):
    for path in ["/track/", "/no-such-page/"]:
        header = client.get(path)["Cache-Control"]
        assert "no-store" in header and "public" not in header
    api = client.get("/api/v1/openapi.json")["Cache-Control"]
    assert "no-store" in api and "public" not in api


def test_junk_query_strings_do_not_grow_the_cache(page_cache, client):
    client.get("/")
    before = stored_pages()
    for index in range(50):
        client.get(f"/?ref{index}=x")
        client.get(f"/?page=1&junk={index}")
    assert stored_pages() == before == 1


def test_signed_in_editors_and_session_holders_always_see_the_live_render(
    page_cache, client, admin_user
):
    anonymous = Client()
    anonymous.get("/")
    client.force_login(admin_user)
    response = client.get("/")
    assert not response.has_header("X-Page-Cache")
    assert "public" not in response.get("Cache-Control", "")


def test_publishing_a_change_shows_on_the_very_next_request(page_cache, client, commits):
    notice = NoticePage.objects.live().first()
    assert notice.title in client.get("/notices/").content.decode()
    assert client.get("/notices/")["X-Page-Cache"] == "hit"

    def retitle():
        notice.title = "全新标题：调解中心春节值班安排"
        notice.save_revision().publish()

    commits(retitle)
    response = client.get("/notices/")
    assert response["X-Page-Cache"] == "miss"
    assert "全新标题：调解中心春节值班安排" in response.content.decode()
    assert "全新标题：调解中心春节值班安排" in client.get("/").content.decode()


def test_unpublishing_moving_and_deleting_pages_purge(page_cache, client, commits):
    notice = NoticePage.objects.live().first()
    url = notice.url

    def check(change, expect_status):
        client.get(url)
        client.get("/notices/")
        assert client.get("/notices/")["X-Page-Cache"] == "hit"
        commits(change)
        assert client.get("/notices/")["X-Page-Cache"] == "miss"
        assert client.get(url).status_code == expect_status

    check(lambda: notice.unpublish(), 404)
    check(lambda: notice.save_revision().publish(), 200)
    target = Page.objects.get(url_path="/home/guidance/")
    check(lambda: notice.move(target, pos="last-child"), 301)  # Wagtail leaves a redirect
    check(lambda: Page.objects.get(pk=notice.pk).delete(), 404)


def test_editing_a_directory_entry_or_site_setting_purges(page_cache, client, commits):
    client.get("/organizations/")
    client.get("/")

    agency = Agency.objects.filter(is_public=True).first() or Agency.objects.first()

    def rename():
        agency.name = "随州市劳动人事争议仲裁院（更名测试）"
        agency.save()

    commits(rename)
    assert client.get("/organizations/")["X-Page-Cache"] == "miss"

    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    settings_row = SiteSettings.for_site(demo_site_of(client))

    def new_hotline():
        settings_row.hotline = "0722-9999999"
        settings_row.save()

    commits(new_hotline)
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "0722-9999999" in response.content.decode()


def demo_site_of(client):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


def test_a_change_purges_at_once_and_again_when_it_commits(
    page_cache, client, django_capture_on_commit_callbacks
):
    """A request between the change and the commit may store what it read before the
    commit (another connection sees the old row): the purge at commit forgets it."""
    client.get("/notices/")
    notice = NoticePage.objects.live().first()
    with django_capture_on_commit_callbacks(execute=False) as pending:
        notice.title = "尚未提交的标题"
        notice.save_revision().publish()
        assert client.get("/notices/")["X-Page-Cache"] == "miss"  # purged at once
        assert client.get("/notices/")["X-Page-Cache"] == "hit"  # stored before commit
    assert pending
    for callback in pending:  # the commit
        callback()
    response = client.get("/notices/")
    assert response["X-Page-Cache"] == "miss"
    assert "尚未提交的标题" in response.content.decode()


def test_with_the_cache_down_pages_are_served_uncached_with_a_warning(
    demo_site, settings, client, caplog
):
    settings.PAGE_CACHE_SECONDS = 60
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.resilient_cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing answers
        }
    }
    with caplog.at_level(logging.WARNING):
        for path in ["/", "/notices/", "/policies/", "/search/?q=调解"]:
            response = client.get(path)
            assert response.status_code == 200, path
            assert response["X-Page-Cache"] == "miss"
    assert "Cache unavailable" in caplog.text


def test_the_remembered_chrome_follows_menu_and_title_changes(page_cache, client, commits):
    """The footer, menu and breadcrumbs are kept per content generation (base.html,
    home/site_chrome.py): editing a menu item or an ancestor's title shows at once, also
    on renders that bypass the page cache."""
    from home.models import NavigationItem

    notice = NoticePage.objects.live().first()
    detail = notice.url + "?fresh=1"  # an unknown parameter: rendered every time
    assert "通知公告" in client.get(detail).content.decode()

    item = NavigationItem.objects.get(label="通知公告")

    def relabel():
        item.label = "最新通知"
        item.save()

    commits(relabel)
    html = client.get(detail).content.decode()
    assert ">最新通知</a>" in html

    index = notice.get_parent().specific

    def retitle():
        index.title = "公告栏"
        index.save_revision().publish()

    commits(retitle)
    assert ">公告栏</a>" in client.get(detail).content.decode()


def test_scheduled_publishing_purges_when_the_scheduler_publishes(page_cache, client, commits):
    """`publish_scheduled` (run by the scheduler every 5 minutes) publishes through the same
    signal as an editor: the cached listing shows the page as soon as it goes live."""
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    template = NoticePage.objects.live().first()
    client.get("/notices/")
    assert client.get("/notices/")["X-Page-Cache"] == "hit"

    def schedule():
        page = NoticePage(
            title="定时发布的通知",
            slug="scheduled-notice",
            date_published=template.date_published,
            body=template.body,
            live=False,
            go_live_at=timezone.now() + timedelta(hours=1),
        )
        template.get_parent().add_child(instance=page)
        page.save_revision().publish()  # go-live in the future: scheduled, not live

    commits(schedule)
    assert not NoticePage.objects.get(slug="scheduled-notice").live
    client.get("/notices/")
    assert client.get("/notices/")["X-Page-Cache"] == "hit"
    assert "定时发布的通知" not in client.get("/notices/").content.decode()

    def go_live():  # the scheduler's run two hours later
        with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
            call_command("publish_scheduled")

    commits(go_live)
    assert NoticePage.objects.get(slug="scheduled-notice").live
    response = client.get("/notices/")
    assert response["X-Page-Cache"] == "miss"
    assert "定时发布的通知" in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/", "/notices/", "/apply/mediation/", "/track/", "/admin/login/"]
)
def test_every_page_switches_off_unused_browser_features(page_cache, client, path):
    for _ in range(2):  # also on a page-cache hit
        policy = client.get(path)["Permissions-Policy"]
        assert "camera=()" in policy and "geolocation=()" in policy
        assert "microphone=()" in policy and "payment=()" in policy


@pytest.mark.parametrize("path", ["/apply/", "/apply/mediation/", "/track/"])
def test_pages_that_collect_personal_data_are_never_kept_by_browsers(page_cache, client, path):
    header = client.get(path)["Cache-Control"]
    assert "no-store" in header and "public" not in header


def test_making_a_page_private_takes_effect_at_once(page_cache, client, commits):
    """While no page is private the privacy lookups are skipped (home/page_base.py); the
    first restriction purges, and the page and its listing entry are private at once."""
    from wagtail.models import PageViewRestriction

    notice = NoticePage.objects.live().first()
    assert client.get(notice.url).status_code == 200
    assert notice.title in client.get("/notices/").content.decode()

    commits(
        lambda: PageViewRestriction.objects.create(
            page=notice, restriction_type=PageViewRestriction.LOGIN
        )
    )
    response = client.get(notice.url)
    assert response.status_code == 302 and "/login" in response["Location"]
    assert notice.title not in client.get("/notices/").content.decode()

    commits(lambda: PageViewRestriction.objects.filter(page=notice).delete())
    assert client.get(notice.url).status_code == 200
