import pytest
from django.core.exceptions import ValidationError

from directory.models import Agency
from directory.regions import AgencyKind, Region

pytestmark = pytest.mark.django_db


def test_demo_creates_the_agencies_of_design(demo_site):
    codes = set(Agency.objects.values_list("code", flat=True))
    for region in ["city", "zengdu", "suixian", "guangshui"]:
        for kind in ["hrss", "arbitration", "court", "union_federation", "justice"]:
            assert f"{kind}-{region}" in codes
    assert "center-city" in codes
    assert len(codes) == 21
    assert Agency.objects.get(code="court-city").name == "湖北省随州市中级人民法院"
    assert all("示例" in phone for phone in Agency.objects.values_list("phone", flat=True))


def test_kind_in_region_falls_back_to_city_level(demo_site):
    assert Agency.objects.of_kind_in_region("hrss", "zengdu").code == "hrss-zengdu"
    assert Agency.objects.of_kind_in_region("hrss", "hitech_zone").code == "hrss-city"
    assert Agency.objects.of_kind_in_region("union_federation", "dahongshan").code == (
        "union_federation-city"
    )


def test_code_must_follow_kind_and_region():
    agency = Agency(
        code="hrss-zengdu", kind=AgencyKind.COURT, region=Region.ZENGDU, name="x", short_name="x"
    )
    with pytest.raises(ValidationError) as error:
        agency.full_clean()
    assert "code" in error.value.message_dict
