"""The retention purge log in the admin (ADR 0039): readable by whoever may view it, never
written, changed or deleted by hand."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from cases.models import PurgeRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    return PurgeRecord.objects.create(
        kind=PurgeRecord.Kind.CASES_ANONYMISED,
        count=7,
        detail="closed before 2023-12-04",
        created_at=timezone.make_aware(datetime.datetime(2026, 12, 4, 4, 0)),
    )


def test_the_log_lists_what_was_purged_and_offers_no_changes(admin_client, record):
    response = admin_client.get(reverse("purge_records:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "closed before 2023-12-04" in html and "7" in html
    assert reverse("purge_records:add") not in html
    assert reverse("purge_records:edit", args=[record.pk]) not in html


@pytest.mark.parametrize("action", ["add", "edit", "delete"])
def test_nobody_writes_the_log_by_hand(admin_client, record, action):
    url = reverse(f"purge_records:{action}", args=[] if action == "add" else [record.pk])
    data = {"kind": "evidence_deleted", "count": 1, "detail": "x", "created_at": "2026-12-04"}
    assert admin_client.get(url).status_code != 200
    assert admin_client.post(url, data).status_code != 200
    assert list(PurgeRecord.objects.values_list("kind", "count")) == [("cases_anonymised", 7)]


def test_staff_without_the_view_permission_do_not_see_it(client, django_user_model, record):
    user = django_user_model.objects.create_user("clerk", password="x")  # noqa: S106
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("purge_records:index")).status_code != 200
    user.user_permissions.add(Permission.objects.get(codename="view_purgerecord"))
    user = django_user_model.objects.get(pk=user.pk)
    client.force_login(user)
    assert client.get(reverse("purge_records:index")).status_code == 200
