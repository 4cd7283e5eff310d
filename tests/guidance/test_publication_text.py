"""A notice or policy is never published (or sent for review) with an empty body; a draft
may be saved incomplete, as Wagtail allows for every required field."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.test.utils.form_data import nested_form_data, rich_text

pytestmark = pytest.mark.django_db

EMPTY_BODIES = ["<p></p>", "<p> </p>", "<p>&nbsp;</p>", "<p><br/></p>"]
MESSAGE = "请先填写正文再发布：正文为空。"


def editor():
    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def add_notice(body, action=None):
    from guidance.models import NoticeIndexPage

    index = NoticeIndexPage.objects.get()
    data = nested_form_data(
        {
            "title": "关于空正文的测试通知",
            "slug": "empty-body-notice",
            "date_published": "2026-12-01",
            "summary": "",
            "body": rich_text(body),
        }
    )
    if action:
        data[action] = action
    return editor().post(f"/admin/pages/add/guidance/noticepage/{index.pk}/", data)


@pytest.mark.usefixtures("demo_site")
@pytest.mark.parametrize("action", ["action-publish", "action-submit"])
@pytest.mark.parametrize("body", EMPTY_BODIES)
def test_an_empty_notice_is_neither_published_nor_submitted(action, body):
    from guidance.models import NoticePage

    before = NoticePage.objects.count()
    response = add_notice(body, action)
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert NoticePage.objects.count() == before


@pytest.mark.usefixtures("demo_site")
def test_an_empty_draft_may_be_saved_and_a_written_notice_published():
    from guidance.models import NoticePage

    assert add_notice("<p></p>").status_code == 302
    draft = NoticePage.objects.get(slug="empty-body-notice")
    assert not draft.live
    draft.delete()
    response = add_notice("<p>各调解组织请于月底前报送统计表。</p>", "action-publish")
    assert response.status_code == 302
    assert NoticePage.objects.live().filter(slug="empty-body-notice").exists()


@pytest.mark.usefixtures("demo_site")
def test_publishing_an_existing_policy_after_emptying_its_text_is_refused():
    from guidance.models import PolicyPage

    policy = PolicyPage.objects.live().order_by("pk").first()
    client = editor()
    form = client.get(f"/admin/pages/{policy.pk}/edit/").context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = value if not isinstance(value, list | tuple) else [str(v) for v in value]
    for formset in form.formsets.values():
        management = formset.management_form
        for name in management.fields:
            data[f"{formset.prefix}-{name}"] = management[name].value()
        for child in formset.forms:
            for name in child.fields:
                value = child[name].value()
                if value is not None:
                    data[f"{child.prefix}-{name}"] = value
    data["body"] = rich_text("<p></p>")
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{policy.pk}/edit/", data)
    assert response.status_code == 200 and MESSAGE in response.content.decode()
    policy.refresh_from_db()
    assert policy.body != "<p></p>" and policy.body.strip()
    # The same form with text in it publishes: the refusal was the empty body alone.
    data["body"] = rich_text("<p>第一条 修订后的全文。</p>")
    assert client.post(f"/admin/pages/{policy.pk}/edit/", data).status_code == 302
    policy.refresh_from_db()
    assert "修订后的全文" in policy.body
