"""One source of the center's contact facts: the site settings the demo loader fills.
Every page that gives the center's address, hotline or hours gives the same ones."""

import re

import pytest
from wagtail.models import Site

from guidance.models import GuidancePage, NoticePage
from home.models import SiteSettings

pytestmark = pytest.mark.django_db

DEMO_PHONE = re.compile(r"0722-\d{7}（示例）")
DEMO_ADDRESS = re.compile(r"[^>\s]*示例路\d+号[^<]*")


def center_pages():
    pages = ["/", "/apply/not-a-labor-dispute/", "/apply/not-a-labor-dispute/?reason=labor_service"]
    pages += [guide.url for guide in GuidancePage.objects.live()]
    pages += ["/organizations/center/", "/organizations/center-litigation-station/"]
    pages.append(NoticePage.objects.get(slug="litigation-station-hours").url)
    return pages


def settings_row():
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


def test_every_center_page_gives_the_settings_facts(client, demo_site):
    facts = settings_row()
    assert facts.hotline and facts.address and facts.office_hours
    for url in center_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert facts.hotline in html, url
        assert set(DEMO_PHONE.findall(html)) == {facts.hotline}, url
        assert set(DEMO_ADDRESS.findall(html)) <= {facts.address}, url
        if "/guidance/" in url:
            assert facts.address in html and facts.office_hours in html, url


def test_the_not_a_labor_dispute_page_gives_the_hotline_and_the_alternatives(client, demo_site):
    html = client.get("/apply/not-a-labor-dispute/").content.decode()
    for fact in ["12348", "12333", "劳动保障监察", settings_row().hotline]:
        assert fact in html, fact


def test_an_edit_of_the_settings_changes_every_guide(client, demo_site):
    row = settings_row()
    row.hotline, row.address, row.office_hours = "0722-1234567", "随州市新地址1号", "周一至周五"
    row.save()
    for guide in GuidancePage.objects.live():
        html = client.get(guide.url).content.decode()
        assert "0722-1234567" in html and "随州市新地址1号" in html, guide.slug
        assert "0722-0000000" not in html, guide.slug
