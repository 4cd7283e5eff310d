"""The privacy notice at /privacy/ (PrivacyNoticePage, ADR 0039): public, states the
retention periods the purges use, linked from the footer and every consent box."""

import pytest
from django.urls import reverse

from cases.privacy import PRIVACY_NOTICE_VERSION
from home.models import HomePage, PrivacyNoticePage

pytestmark = pytest.mark.usefixtures("demo_site")


def test_privacy_renders_for_anonymous_visitors(client):
    response = client.get("/privacy/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "个人信息保护告知" in text
    assert PRIVACY_NOTICE_VERSION in text and "2024年1月1日" in text
    for words in ("随州市中级人民法院", "身份证件号码", "第十三条", "第二十八条", "更正"):
        assert words in text
    assert "0722-0000000" in text  # how to ask: the hotline from the site settings


def test_the_retention_periods_follow_the_settings(client, settings):
    text = client.get("/privacy/").content.decode()
    assert "24小时" in text.replace(" ", "") and "3年" in text.replace(" ", "")
    settings.PERSONAL_DATA_RETENTION_YEARS = 5
    settings.FORM_DATA_HOURS = 12
    text = client.get("/privacy/").content.decode().replace(" ", "")
    assert "5年" in text and "12小时" in text and "3年" not in text


def test_the_footer_links_to_it(client):
    home = client.get("/").content.decode()
    assert 'href="/privacy/"' in home


def test_only_one_under_the_home_page():
    assert PrivacyNoticePage.can_create_at(HomePage.objects.get()) is False
    assert PrivacyNoticePage.parent_page_types == ["home.HomePage"]
    assert PrivacyNoticePage.objects.live().count() == 1


def test_every_consent_box_links_to_it(client):
    from tests.applications.factories import MEDIATION_STEPS
    from tests.applications.wizard_client import fill

    fill(client, "mediation", MEDIATION_STEPS)
    response = client.get(reverse("applications:check", args=["mediation"]))
    assert response.status_code == 200
    text = response.content.decode()
    assert 'href="/privacy/" target="_blank"' in text
    assert text.index('href="/privacy/" target="_blank"') < text.index('name="consent"')
    # Every wizard (mediation, union and committee setup help) asks consent on this page.
    assert [t.name for t in response.templates][0] == "applications/check.html"


def test_editors_can_change_it(admin_client):
    page = PrivacyNoticePage.objects.get()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
