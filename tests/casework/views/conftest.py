"""Fixtures for the casework admin pages: the demo staff can sign in to the admin."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests.casework.factories import make_case, staff


@pytest.fixture
def case_staff(casework_data):
    """casework_data plus admin access for every agency member (as load_demo grants)."""
    from directory.demo import staff_access

    staff_access.load(io.StringIO())


@pytest.fixture
def login(client, case_staff):
    def sign_in(username):
        client.force_login(staff(username))
        return client

    return sign_in


@pytest.fixture
def outsider(case_staff):
    """A user who may use the admin (e.g. an editor) but belongs to no agency."""
    from directory.demo.staff_access import STAFF_GROUP

    user = get_user_model().objects.create_user("outsider", password="demo-Password-123")
    user.groups.add(Group.objects.get(name=STAFF_GROUP))
    return user


@pytest.fixture
def hrss_case(case_staff):
    """A mediation case routed to hrss-zengdu (pre-case mediation in Zengdu)."""
    case = make_case(region="zengdu", stage="pre_case")
    assert case.agency.code == "hrss-zengdu"
    return case
