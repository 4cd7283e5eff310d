"""Request and response shapes of the public API, for the OpenAPI document.

Validation itself runs through the same Django forms as the web wizard (api.py), so both
doors accept and refuse exactly the same things with the same Chinese messages.
"""

from typing import Literal

from ninja import Schema


class PartyIn(Schema):
    kind: Literal["worker", "employer"]
    name: str
    id_number: str | None = None
    credit_code: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None


class DisputeIn(Schema):
    stage: Literal["pre_case", "arbitration_pending", "award_issued", "in_litigation"]
    arbitration_case_number: str | None = None
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
    credit_code: str
    employee_count: int
    union_status: Literal["none", "organizer", "committee"]
    has_mediation_committee: bool | None = None
    contact_name: str
    phone: str
    email: str | None = None
    address: str | None = None
    industry: str | None = None
    questions: str | None = None


class ApplicationIn(Schema):
    type: Literal["mediation", "union_setup", "committee_setup"]
    region: Literal["city", "zengdu", "suixian", "guangshui", "hitech_zone", "dahongshan"]
    applicant: PartyIn | None = None
    respondent: PartyIn | None = None
    dispute: DisputeIn | None = None
    enterprise: EnterpriseIn | None = None
    preferred_organization: int | str | None = None
    consent: bool


class AgencyOut(Schema):
    code: str
    name: str


class RoutingOut(Schema):
    rule: str
    explanation: str


class ApplicationOut(Schema):
    reference: str
    status: str
    agency: AgencyOut
    routing: RoutingOut


class FieldError(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldError] = []


class TrackIn(Schema):
    reference: str
    phone: str


class TimelineEntry(Schema):
    date: str
    label: str
    note: str = ""


class TrackOut(Schema):
    reference: str
    type: str
    status: str
    status_label: str
    agency: str
    agency_phone: str
    next_step: str
    timeline: list[TimelineEntry]
