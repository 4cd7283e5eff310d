"""The shared demo fixtures: restored rows are what `load_demo` builds, nothing is lost."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from tests.conftest import DEMO_PASSWORD
from tests.database_snapshot import TableSnapshot

pytestmark = pytest.mark.django_db


def table_contents(snapshot):
    """Rows per table, order-independent (SQLite: lists of tuples; PostgreSQL: COPY text)."""
    contents = {}
    for table, rows in snapshot.rows.items():
        if isinstance(rows, bytes):
            contents[table] = sorted(rows.splitlines())
        else:
            columns, values = rows
            contents[table] = (columns, sorted(values, key=repr))
    return contents


def test_restored_demo_is_what_load_demo_builds(demo_site):
    restored = table_contents(TableSnapshot.capture(connection))
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert table_contents(TableSnapshot.capture(connection)) == restored
    user = get_user_model().objects.get(username="admin")
    assert user.check_password(DEMO_PASSWORD)
    assert demo_site.live and demo_site.get_children().live().count() >= 6


def test_new_rows_after_a_restore_get_fresh_ids(demo_site):
    from wagtail.models import Page

    highest = Page.objects.order_by("-id").values_list("id", flat=True).first()
    page = demo_site.add_child(instance=Page(title="新页面", slug="new-page"))
    assert page.id > highest


def test_empty_database_for_tests_without_the_demo():
    from home.models import HomePage

    assert not HomePage.objects.exists()
    assert not get_user_model().objects.exists()


@pytest.fixture
def early_user(django_user_model):
    return django_user_model.objects.create_user("early-bird", password="pw-Early-1234")


def test_other_fixtures_add_their_rows_after_the_demo(early_user, demo_site):
    # `early_user` comes first in the signature, yet the demo is restored before it.
    users = get_user_model().objects
    assert users.filter(username="early-bird").exists()
    assert users.filter(username="admin").exists()


def test_a_restore_never_wipes_rows_a_test_added(database_snapshots):
    from tests.conftest import load_demo_content

    get_user_model().objects.create_user("latecomer")
    assert database_snapshots.restore("demo", load_demo_content) is False
    assert get_user_model().objects.filter(username="latecomer").exists()
    assert not get_user_model().objects.filter(username="admin").exists()
