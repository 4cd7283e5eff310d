"""Shapes of the court referral endpoints, for the OpenAPI document (validation itself runs
through casework.referral_forms and the applications' intake forms)."""

from typing import Literal

from ninja import Schema

from cases.api.schemas import AgencyOut, DisputeIn, PartyIn


class ReferralDisputeIn(DisputeIn):
    stage: Literal["pre_case", "arbitration_pending", "award_issued", "in_litigation"] | None = None


class ReferralIn(Schema):
    court_case_number: str
    court: str
    kind: Literal["court_delegated", "court_entrusted"]
    procedure: Literal["ordinary", "simple"] | None = None
    received_at: str
    region: Literal["city", "zengdu", "suixian", "guangshui", "hitech_zone", "dahongshan"]
    applicant: PartyIn
    respondent: PartyIn
    dispute: ReferralDisputeIn
    target_organization: str | None = None


class ReferralOut(Schema):
    reference: str
    agency: AgencyOut
    feedback_due: str


class OutcomeOut(Schema):
    kind: str
    label: str
    summary: str


class TermOut(Schema):
    number: int
    text: str
    amount: str | None = None
    due_date: str | None = None
    payment_method: str


class DatesOut(Schema):
    received: str | None = None
    accepted: str | None = None
    outcome: str | None = None
    closed: str | None = None


class DisputeOut(Schema):
    claims: str
    facts: str
    amount_claimed: str | None = None
    categories: list[str]


class FeedbackOut(Schema):
    reference: str
    court: str
    court_case_number: str
    kind: str
    procedure: str | None = None
    status: str
    status_label: str
    agency: AgencyOut
    organization: str | None = None
    mediator: str | None = None
    outcome: OutcomeOut | None = None
    agreement_terms: list[TermOut]
    terms_summary: str
    dates: DatesOut
    feedback_due: str | None = None
    updated_at: str
    dispute: DisputeOut


class FeedbackListOut(Schema):
    since: str
    until: str
    count: int
    items: list[FeedbackOut]
