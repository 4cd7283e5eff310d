"""Every public page type renders in at most 8 queries when not cached, and the same number
with 10 or 200 items in its list (settings, menus and privacy read once per content
generation: home/site_chrome.py, home/page_base.py)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import Agency, MediationOrganization, Mediator
from guidance.models import GuidancePage, NoticeIndexPage, NoticePage, PolicyIndexPage
from tests.guidance.factories import bulk_policies

BUDGET = 8


def issuers():
    return list(Agency.objects.order_by("code")[:3])


@pytest.fixture(autouse=True)
def content_caching(settings):
    """As served: facts remembered per content generation; the page cache is stepped
    around with a parameter it does not know, so every request renders."""
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def rendered(path):
    return path + ("&" if "?" in path else "?") + "budget=1"


def queries(client, path) -> int:
    client.get(rendered(path))  # the first render after a change reads the facts
    with CaptureQueriesContext(connection) as captured:
        response = client.get(rendered(path))
    assert not response.has_header("X-Page-Cache")
    assert response.status_code == 200, path
    return len(captured.captured_queries)


def test_every_public_page_type_stays_within_the_budget(demo_site, client):
    pages = [
        "/",
        "/policies/",
        "/policies/sui-ren-she-han-2023-57/",
        "/policies/?topic=mediation",
        "/notices/",
        NoticePage.objects.live().first().url,
        "/guidance/",
        GuidancePage.objects.live().first().url,
        "/organizations/",
        "/organizations/mediators/",
        "/search/?q=调解",
        "/search/?q=没有这样的词",
    ]
    counts = {path: queries(client, path) for path in pages}
    assert all(count <= BUDGET for count in counts.values()), counts


def add_notices(count):
    index = NoticeIndexPage.objects.get()
    template = NoticePage.objects.live().first()
    start = NoticePage.objects.count()
    for number in range(start, start + count):
        index.add_child(
            instance=NoticePage(
                title=f"测试通知第{number}号",
                slug=f"budget-notice-{number}",
                date_published=template.date_published,
                body=template.body,
                live=True,
            )
        )


def add_directory_entries(count):
    organization = MediationOrganization.objects.filter(is_public=True).first()
    mediator = Mediator.objects.public().first()
    specialties = list(mediator.specialties.all())
    start = Mediator.objects.count()
    for number in range(start, start + count):
        organization.pk = None
        organization.code = f"budget-org-{number}"
        organization.save()
        mediator.pk = None
        mediator.code = f"budget-mediator-{number}"
        mediator.id_number = ""
        mediator.save()
        mediator.specialties.set(specialties)
        mediator.organizations.set([organization])


@pytest.mark.parametrize(
    "path, grow",
    [
        (
            "/policies/",
            lambda count: bulk_policies(PolicyIndexPage.objects.get(), count, issuers()),
        ),
        ("/notices/", add_notices),
        ("/organizations/", add_directory_entries),
        ("/organizations/mediators/", add_directory_entries),
    ],
    ids=["policies", "notices", "organizations", "mediators"],
)
def test_lists_cost_the_same_with_10_or_200_items(demo_site, client, path, grow):
    grow(10)
    with_ten = queries(client, path)
    grow(190)
    assert queries(client, path) == with_ten <= BUDGET
