"""One source of the center's contact facts: the site settings the demo loader fills.
Every page that gives the center's address, hotline or hours gives the same ones."""

import io
import re

import pytest
from django.core.management import call_command
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


def old_style_guide(slug, user=None):
    """A guide as the demo loader wrote it before ADR 0047: a copied-in contact card."""
    guide = GuidancePage.objects.get(slug=slug)
    card = {"name": "中心受理窗口", "address": "随州市曾都区示例路1号中心二楼（示例地址）"}
    card.update({"phone": "0722-0000001（示例）", "hours": "工作日", "note": ""})
    guide.body = [("contacts", [card])]
    guide.save_revision(user=user).publish()
    return guide


def test_reloading_an_old_demo_database_brings_its_center_facts_in_line(client, demo_site):
    from django.contrib.auth import get_user_model

    from directory.models import Agency, MediationOrganization

    MediationOrganization.objects.filter(code="center").update(
        phone="0722-0100000（示例）", address="随州市示例路1号（示例地址）"
    )
    Agency.objects.filter(code="center-city").update(office_hours="周一至周五")
    MediationOrganization.objects.filter(code="center-judge-workroom").update(
        phone="0722-5550000"  # an editor's number (no 示例 mark) stays
    )
    old_style_guide("union-setup")
    edited = old_style_guide("committee-setup", user=get_user_model().objects.get(username="admin"))

    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "union-setup" not in out.getvalue()  # titles are reported, not slugs
    facts = settings_row()
    center = MediationOrganization.objects.get(code="center")
    assert (center.phone, center.address) == (facts.hotline, facts.address)
    assert Agency.objects.get(code="center-city").office_hours == facts.office_hours
    assert MediationOrganization.objects.get(code="center-judge-workroom").phone == "0722-5550000"
    html = client.get(GuidancePage.objects.get(slug="union-setup").url).content.decode()
    assert "0722-0000001" not in html and "报上一级工会批准" in html and facts.hotline in html
    edited.refresh_from_db()
    assert edited.body[0].block_type == "contacts"  # a person edited it: left alone

    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "nothing changed" in out.getvalue()
