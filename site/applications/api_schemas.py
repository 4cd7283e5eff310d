"""Request and response shapes of the public API, for the OpenAPI document.

Validation itself runs through the same Django forms as the web wizard (api.py), so both
doors accept and refuse exactly the same things with the same Chinese messages.
"""

from typing import Literal

from ninja import Schema

from cases.api.schemas import AgencyOut, DisputeIn, EnterpriseIn, PartyIn


class ApplicationIn(Schema):
    type: Literal["mediation", "union_setup", "committee_setup"]
    region: Literal["city", "zengdu", "suixian", "guangshui", "hitech_zone", "dahongshan"]
    applicant: PartyIn | None = None
    respondent: PartyIn | None = None
    dispute: DisputeIn | None = None
    enterprise: EnterpriseIn | None = None
    preferred_organization: int | str | None = None
    consent: bool


class RoutingOut(Schema):
    rule: str
    explanation: str


class ApplicationOut(Schema):
    reference: str
    status: str
    agency: AgencyOut
    routing: RoutingOut
    # What happens next for this dispute's stage, each sentence with its legal basis
    # (cases/next_steps.py).
    next_steps: list[str]


class TrackIn(Schema):
    reference: str
    phone: str


class TimelineEntry(Schema):
    date: str
    label: str
    note: str = ""


class ClockOut(Schema):
    label: str
    date: str
    basis: str


class TrackOut(Schema):
    reference: str
    type: str
    status: str
    status_label: str
    agency: str
    agency_phone: str
    next_step: str
    next_steps: list[str]
    # The applicant's art. 14 date and the organization's working limit, each labelled.
    clocks: list[ClockOut]
    timeline: list[TimelineEntry]
