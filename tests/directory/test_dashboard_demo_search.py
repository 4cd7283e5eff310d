"""Dashboard figures, demo content (idempotent, replaces an old section page), site search."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from directory.dashboard import register_figures
from directory.models import (
    MediationOrganization,
    Mediator,
    OrganizationIndexPage,
    TrainingSession,
)

pytestmark = pytest.mark.django_db


def test_dashboard_figures_per_agency(agencies, make_mediator, django_assert_max_num_queries):
    today = timezone.localdate()
    hrss = agencies["hrss"]
    make_mediator(
        hrss,
        certificate_number="A",
        certificate_issuer="x",
        certificate_valid_until=today + timedelta(days=30),
    )
    make_mediator(hrss, certificate_number="B", certificate_issuer="x")
    make_mediator(hrss)  # not certified
    make_mediator(
        hrss,
        certificate_number="C",
        certificate_issuer="x",
        certificate_valid_until=today - timedelta(days=1),
    )  # expired
    make_mediator(hrss, status="left", certificate_number="D", certificate_issuer="x")
    union_mediator = make_mediator(agencies["union"])
    session = TrainingSession.objects.create(date=today, topic="t", hours=3)
    session.attendees.set(Mediator.objects.filter(agency=hrss)[:2])
    session.organizers.set([hrss])
    old = TrainingSession.objects.create(
        date=today.replace(year=today.year - 1), topic="o", hours=9
    )
    old.attendees.set([union_mediator])
    old.organizers.set([hrss])
    with django_assert_max_num_queries(3):
        figures = register_figures(today)
    rows = {row["label"]: row for row in figures["rows"]}
    hrss_row = rows["曾都区人社局"]
    assert (hrss_row["active"], hrss_row["certified"], hrss_row["rate"]) == (4, 2, 50)
    assert hrss_row["expiring"] == 1
    assert hrss_row["hours"] == 6
    assert rows["曾都区总工会"]["hours"] == 0
    assert figures["total"]["active"] == 5


def test_dashboard_panel_shows_for_agency_staff(client, hrss_handler, agencies, make_mediator):
    make_mediator(agencies["hrss"])
    client.force_login(hrss_handler)
    content = client.get("/admin/").content.decode()
    assert "调解员名册" in content and "持证率" in content


def test_demo_content_is_complete_and_idempotent(demo_site):
    assert MediationOrganization.objects.get(code="center-litigation-station").host_agency.code == (
        "court-zengdu"
    )
    kinds = set(MediationOrganization.objects.values_list("kind", flat=True))
    assert {
        "center",
        "litigation_station",
        "judge_workroom",
        "workroom",
        "peoples_committee",
    } <= kinds
    assert Mediator.objects.count() >= 10
    assert TrainingSession.objects.exists()
    for organization in MediationOrganization.objects.exclude(code__startswith="center"):
        assert "示例" in organization.name
    assert all("示例" in m.name for m in Mediator.objects.all())
    for mediator in Mediator.objects.all():
        mediator.full_clean()  # valid fictional ID numbers, consistent certificates
    with open("/dev/null", "w") as sink:
        call_command("load_demo", stdout=sink)
    assert Mediator.objects.count() == len(set(Mediator.objects.values_list("code", flat=True)))


def test_an_old_standard_page_at_organizations_is_replaced(demo_site):
    from demo.site_tree import SECTIONS
    from directory.demo import directory_page
    from home.models import NavigationItem, StandardPage

    page = OrganizationIndexPage.objects.get()
    nav = NavigationItem.objects.get(page=page)
    page.delete()
    slug, title, summary, body = next(s for s in SECTIONS if s[0] == "organizations")
    old = StandardPage(title=title, slug=slug, intro=summary, body=body)
    demo_site.add_child(instance=old)
    old.save_revision().publish()
    nav.page = old
    nav.save()
    assert directory_page.load(None)
    new = OrganizationIndexPage.objects.get()
    assert new.url == "/organizations/"
    assert NavigationItem.objects.get(pk=nav.pk).page_id == new.pk
    assert not StandardPage.objects.filter(slug="organizations").exists()
    assert directory_page.load(None) == []


def test_site_search_finds_public_organizations_and_mediators(client, demo_site):
    content = client.get("/search/", {"q": "诉讼服务站"}).content.decode()
    assert "/organizations/center-litigation-station/" in content
    content = client.get("/search/", {"q": "王建国"}).content.decode()
    assert "/organizations/mediators/" in content
    private = client.get("/search/", {"q": "黄丽"}).content.decode()
    assert "/organizations/mediators/" not in private
