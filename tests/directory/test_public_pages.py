"""The public directory pages: filters, details, apply links, public profiles only."""

import pytest
from django.test import Client

from directory.models import OrganizationIndexPage, Specialty

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(demo_site):
    return OrganizationIndexPage.objects.get()


def test_directory_takes_over_the_organizations_url_and_navigation(client, directory):
    assert directory.url == "/organizations/"
    home = client.get("/").content.decode()
    assert 'href="/organizations/"' in home
    response = client.get("/organizations/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "曾都区人民法院驻中心诉讼服务站" in content
    assert 'aria-current="page"' in content


def test_filter_by_region_and_kind(client, directory):
    content = client.get("/organizations/?region=suixian").content.decode()
    assert "随县总工会职工维权调解工作室（示例）" in content
    assert "曾都区人社局劳动争议调解工作室（示例）" not in content
    content = client.get("/organizations/?kind=peoples_committee").content.decode()
    assert "曾都区劳动争议人民调解委员会（示例）" in content
    assert "市总工会职工维权调解工作室（示例）" not in content


def test_unknown_filter_values_are_ignored(client, directory):
    plain = client.get("/organizations/")
    odd = client.get("/organizations/?region=mars&kind=%3Cscript%3E&page=abc")
    assert odd.status_code == 200
    assert odd.context["page_obj"].paginator.count == plain.context["page_obj"].paginator.count
    assert "<script>" not in odd.content.decode()


def test_organization_detail_has_tel_link_hours_mediators_and_apply_button(client, directory):
    content = client.get("/organizations/hrss-zengdu-workroom/").content.decode()
    assert 'href="tel:' in content
    assert 'href="/apply/mediation/?organization=hrss-zengdu-workroom"' in content
    assert "星期一" in content and "08:30-12:00" in content
    assert "陈明（示例）" in content  # public mediator sitting there
    assert "13907220005" not in content  # never contact details


def test_organization_without_online_applications_has_no_apply_button(client, directory):
    content = client.get("/organizations/center-judge-workroom/").content.decode()
    assert "/apply/mediation/" not in content
    assert "本组织暂不受理网上申请" in content


def test_hidden_and_unknown_organizations_are_not_found(client, directory):
    from directory.models import MediationOrganization

    MediationOrganization.objects.filter(code="hrss-city-workroom").update(is_public=False)
    assert client.get("/organizations/hrss-city-workroom/").status_code == 404
    assert client.get("/organizations/no-such-place/").status_code == 404
    assert (
        "/organizations/hrss-city-workroom/" not in client.get("/organizations/").content.decode()
    )


def test_mediator_directory_lists_public_active_profiles_only(client, directory):
    content = client.get("/organizations/mediators/").content.decode()
    assert "王建国（示例）" in content
    assert "黄丽（示例）" not in content  # profile not public
    assert "周强（示例）" not in content  # suspended
    assert "吴敏（示例）" not in content  # left
    assert "1390722" not in content and "429001" not in content


def test_mediator_filters(client, directory):
    wages = client.get("/organizations/mediators/?specialty=wages").content.decode()
    assert "王建国（示例）" in wages and "李秀兰（示例）" not in wages
    suixian = client.get("/organizations/mediators/?region=suixian").content.decode()
    assert "赵磊（示例）" in suixian and "王建国（示例）" not in suixian
    lawyers = client.get("/organizations/mediators/?category=lawyer").content.decode()
    assert "张伟（示例）" in lawyers and "刘芳（示例）" not in lawyers
    odd = client.get("/organizations/mediators/?category=x&specialty=y&region=z")
    assert odd.status_code == 200 and "王建国（示例）" in odd.content.decode()


def test_mediator_profile_and_private_profiles(client, directory):
    from directory.models import Mediator

    public = Mediator.objects.get(name="王建国（示例）")
    content = client.get(f"/organizations/mediators/{public.code}/").content.decode()
    assert "退休法官" in content and "持证" in content
    assert public.phone not in content and public.id_number not in content
    private = Mediator.objects.get(name="黄丽（示例）")
    assert client.get(f"/organizations/mediators/{private.code}/").status_code == 404


URLS = [
    "/organizations/",
    "/organizations/?region=zengdu&kind=workroom",
    "/organizations/mediators/",
    "/organizations/mediators/?specialty=wages&region=zengdu",
]


def query_counts(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for url in URLS:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    return counts


def test_lists_render_in_constant_queries(directory):
    client = Client()
    small = query_counts(client)
    add_records(0)
    add_records(100)  # 80 more organizations and 120 more public mediators in all
    assert query_counts(client) == small
    assert max(small) <= 14


def add_records(offset):
    from directory.models import Agency, MediationOrganization, Mediator

    agency = Agency.objects.get(code="hrss-zengdu")
    wages = Specialty.objects.get(slug="wages")
    organizations = MediationOrganization.objects.bulk_create(
        MediationOrganization(
            code=f"extra-{offset + n}",
            name=f"额外工作室{offset + n}",
            kind="workroom",
            host_agency=agency,
            region="zengdu",
        )
        for n in range(40)
    )
    for n in range(60):
        mediator = Mediator.objects.create(
            code=f"X{offset + n:04d}",
            name=f"调解员{offset + n}",
            category="lawyer",
            agency=agency,
            is_public=True,
        )
        mediator.organizations.set(organizations[n % 40 : n % 40 + 2])
        mediator.specialties.set([wages])


def test_sitemap_lists_organizations(client, directory):
    content = client.get("/sitemap.xml").content.decode()
    assert "/organizations/center/" in content
