"""Editors build guides with the new blocks in the admin: a download list of documents and
the center's contact card, which reads the site settings rather than storing them."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import nested_form_data, streamfield

from guidance.models import GuidanceIndexPage, GuidancePage
from home.center_contact import center_contact

pytestmark = pytest.mark.django_db


def editor():
    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def guide_data(body):
    return nested_form_data(
        {
            "title": "申请司法确认",
            "slug": "judicial-confirmation",
            "summary": "调解协议的司法确认。",
            "audience": "劳动者、用人单位",
            "body": streamfield(body),
            "action-publish": "action-publish",
        }
    )


def downloads(*document_ids):
    items = {
        str(i): {"value": {"document": pk, "note": ""}, "deleted": "", "order": i}
        for i, pk in enumerate(document_ids)
    }
    return ("downloads", {"heading": "文书模板下载", "documents": {"count": len(items), **items}})


def add_guide(body):
    index = GuidanceIndexPage.objects.get()
    return editor().post(f"/admin/pages/add/guidance/guidancepage/{index.pk}/", guide_data(body))


@pytest.mark.usefixtures("demo_site")
def test_the_demo_guides_open_in_the_editor():
    client = editor()
    for guide in GuidancePage.objects.all():
        assert client.get(f"/admin/pages/{guide.pk}/edit/").status_code == 200, guide.slug


@pytest.mark.usefixtures("demo_site")
def test_an_editor_adds_a_guide_with_downloads_and_the_center_card(client):
    document = get_document_model().objects.get(title="授权委托书（模板）")
    body = [downloads(document.pk), ("center_contact", {"name": "中心受理窗口", "note": ""})]
    response = add_guide(body)
    assert response.status_code == 302
    guide = GuidancePage.objects.live().get(slug="judicial-confirmation")
    html = client.get(guide.url).content.decode()
    assert document.url in html and "授权委托书（模板）" in html
    assert center_contact()["hotline"] in html and center_contact()["address"] in html
    # Only the name and note are stored: the address and hotline are read when rendering.
    assert center_contact()["hotline"] not in str(guide.body.raw_data)


@pytest.mark.usefixtures("demo_site")
def test_a_download_list_without_a_document_is_refused():
    response = add_guide([downloads("")])
    assert response.status_code == 200
    assert not GuidancePage.objects.filter(slug="judicial-confirmation").exists()
    response = add_guide([downloads()])  # an empty list: at least one document
    assert response.status_code == 200
    assert not GuidancePage.objects.filter(slug="judicial-confirmation").exists()
