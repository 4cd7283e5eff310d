"""Small, explicit fixtures for the directory tests (the full demo is in tests/conftest.py)."""

from datetime import time

import pytest
from django.contrib.auth.models import Group

from directory.models import (
    Agency,
    AgencyMembership,
    MediationOrganization,
    Mediator,
    OpeningPeriod,
)
from directory.regions import AgencyKind, Region

STAFF_GROUP = "机构工作人员"


def make_agency(kind, region, name=None):
    return Agency.objects.create(
        code=f"{kind}-{region}",
        kind=kind,
        region=region,
        name=name or f"{region}{kind}",
        short_name=name or f"{region}{kind}",
    )


@pytest.fixture
def agencies(db):
    return {
        "hrss": make_agency(AgencyKind.HRSS, Region.ZENGDU, "曾都区人社局"),
        "union": make_agency(AgencyKind.UNION_FEDERATION, Region.ZENGDU, "曾都区总工会"),
        "center": make_agency(AgencyKind.CENTER, Region.CITY, "联调联处中心"),
    }


@pytest.fixture
def make_staff(django_user_model, agencies):
    def make(username, agency, role=AgencyMembership.Role.HANDLER):
        user = django_user_model.objects.create_user(username=username, password="pw-Test-1234")
        user.groups.add(Group.objects.get(name=STAFF_GROUP))
        if agency is not None:
            AgencyMembership.objects.create(user=user, agency=agency, role=role)
        return user

    return make


@pytest.fixture
def hrss_handler(make_staff, agencies):
    return make_staff("hrss-handler", agencies["hrss"])


@pytest.fixture
def center_admin(make_staff, agencies):
    return make_staff("center-head", agencies["center"], AgencyMembership.Role.HEAD)


@pytest.fixture
def organizations(agencies):
    def org(code, agency, region=Region.ZENGDU, **extra):
        organization = MediationOrganization.objects.create(
            code=code,
            name=f"{code} 调解工作室",
            kind="workroom",
            host_agency=agency,
            region=region,
            phone="0722-1234567",
            **extra,
        )
        for day in range(5):
            OpeningPeriod.objects.create(
                organization=organization, weekday=day, opens=time(8, 30), closes=time(17, 30)
            )
        return organization

    return {
        "hrss": org("hrss-room", agencies["hrss"]),
        "union": org("union-room", agencies["union"]),
        "city": org("city-room", agencies["center"], region=Region.CITY),
        "hidden": org("hidden-room", agencies["hrss"], is_public=False),
    }


@pytest.fixture
def make_mediator():
    counter = {"n": 0}

    def make(agency, name="测试调解员", **extra):
        counter["n"] += 1
        organizations = extra.pop("organizations", [])
        specialties = extra.pop("specialties", [])
        extra.setdefault("category", "lawyer")
        mediator = Mediator.objects.create(
            code=f"M9{counter['n']:04d}", name=name, agency=agency, **extra
        )
        mediator.organizations.set(organizations)
        mediator.specialties.set(specialties)
        return mediator

    return make
