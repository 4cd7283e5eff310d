"""Shapes every case API shares (parties, the dispute, agencies, errors), for OpenAPI.

Validation itself runs through the same Django forms as the web wizard
(`cases/services/intake.py`), so every door accepts and refuses the same things.
"""

from typing import Literal

from ninja import Schema


class PartyIn(Schema):
    kind: Literal["worker", "employer"]
    name: str
    id_number: str | None = None
    credit_code: str | None = None
    phone: str | None = None  # applicant: a mobile; respondent: a mobile or a landline
    landline: str | None = None  # applicant's office landline with area code (optional)
    email: str | None = None
    address: str | None = None


class DisputeIn(Schema):
    stage: Literal["pre_case", "arbitration_pending", "award_issued", "in_litigation"]
    # Required for arbitration_pending (arbitration) and in_litigation (court) unless
    # case_number_unknown is true and the reason is given; formats in cases/case_numbers.py.
    arbitration_case_number: str | None = None  # e.g. 随劳人仲案字〔2024〕12号
    court_case_number: str | None = None  # e.g. （2024）鄂1303民初123号
    case_number_unknown: bool = False
    case_number_unknown_reason: str | None = None
    award_kind: Literal["final", "non_final"] | None = None  # award_issued only, if known
    categories: list[Literal["relationship", "contract", "dismissal", "hours", "pay", "other"]]
    amount_claimed: str | None = None
    workers_involved: int = 1
    representative: str | None = None
    employment_start: str | None = None
    employment_end: str | None = None
    claims: str
    facts: str


class EnterpriseIn(Schema):
    name: str
    credit_code: str | None = None  # required for committee setup, optional for a union
    employee_count: int
    union_status: Literal["none", "organizer", "committee"]
    has_mediation_committee: bool | None = None
    contact_name: str
    phone: str
    landline: str | None = None  # with area code, e.g. 0722-3456789
    email: str | None = None
    address: str | None = None
    industry: str | None = None
    questions: str | None = None


class AgencyOut(Schema):
    code: str
    name: str


class FieldError(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldError] = []
