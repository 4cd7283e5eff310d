"""The case page names the applicant's other applications (same mobile or ID number, found
through the keyed digests, ADR 0038), only those the reader may see."""

import pytest

from tests.applications.factories import resident_id
from tests.casework.factories import make_case, mediation_payload

pytestmark = pytest.mark.usefixtures("case_staff")


def test_other_applications_of_the_applicant_are_listed_within_the_agency(login, hrss_case):
    earlier = make_case(region="zengdu", stage="pre_case")  # same ID number, other mobile
    elsewhere = make_case(region="guangshui", stage="pre_case")
    assert elsewhere.agency_id != hrss_case.agency_id
    html = login("hrss-zengdu").get(f"/admin/cases/{hrss_case.reference}/").content.decode()
    section = html.split('id="case-same-applicant"')[1].split("</ul>")[0]
    assert "该申请人的其他申请" in html
    assert earlier.reference in section and f"/admin/cases/{earlier.reference}/" in section
    assert elsewhere.reference not in section and hrss_case.reference not in section


def test_no_section_without_another_application(login):
    payload = mediation_payload(region="zengdu")
    payload["applicant"]["id_number"] = resident_id(sequence="789")
    case = make_case(payload)
    make_case(region="zengdu")  # another applicant: other ID number, other mobile
    html = login("hrss-zengdu").get(f"/admin/cases/{case.reference}/").content.decode()
    assert "case-same-applicant" not in html
