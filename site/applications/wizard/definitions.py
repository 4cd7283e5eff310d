"""The three application wizards: their steps and how answers become an Application."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from applications.forms.evidence import EvidenceForm
from applications.wizard.steps import (
    EvidenceStep,
    LaborDisputeScreen,
    OrganizationStep,
    RespondentStep,
    Step,
)
from cases.choices import ApplicationType, PartyKind
from cases.forms.dispute import AboutForm, DisputeDetailsForm, OrganizationForm, StageForm
from cases.forms.parties import PartyForm
from cases.forms.setup import (
    CommitteeStatusForm,
    ContactForm,
    EnterpriseForm,
    UnionEnterpriseForm,
    UnionStatusForm,
)
from cases.services.submission import Application


@dataclass
class WizardDefinition:
    slug: str
    application_type: str
    title: str
    steps: list

    def step(self, name):
        return next((step for step in self.steps if step.name == name), None)

    def index(self, name):
        return [step.name for step in self.steps].index(name)


MEDIATION = WizardDefinition(
    slug="mediation",
    application_type=ApplicationType.MEDIATION,
    title=_("Apply for labor dispute mediation"),
    steps=[
        LaborDisputeScreen("about", _("Is this a labor dispute?"), AboutForm),
        Step("stage", _("Where the dispute stands"), StageForm),
        Step("applicant", _("About you"), PartyForm, {"role": "applicant"}),
        RespondentStep("respondent", _("The other side"), PartyForm, {"role": "respondent"}),
        Step("dispute", _("The dispute"), DisputeDetailsForm),
        OrganizationStep("organization", _("Mediation organization"), OrganizationForm),
        EvidenceStep("evidence", _("Evidence"), EvidenceForm),
    ],
)

UNION_SETUP = WizardDefinition(
    slug="union-setup",
    application_type=ApplicationType.UNION_SETUP,
    title=_("Ask for help setting up a trade union"),
    steps=[
        Step("enterprise", _("The enterprise"), UnionEnterpriseForm),
        Step("union", _("The union today"), UnionStatusForm),
        Step("contact", _("Contact"), ContactForm),
    ],
)

COMMITTEE_SETUP = WizardDefinition(
    slug="committee-setup",
    application_type=ApplicationType.COMMITTEE_SETUP,
    title=_("Ask for help setting up an enterprise mediation committee"),
    steps=[
        Step("enterprise", _("The enterprise"), EnterpriseForm),
        Step("union", _("Union"), CommitteeStatusForm),
        Step("contact", _("Contact"), ContactForm),
    ],
)

WIZARDS = {wizard.slug: wizard for wizard in (MEDIATION, UNION_SETUP, COMMITTEE_SETUP)}


def build_application(wizard: WizardDefinition, cleaned: dict, state) -> Application:
    if wizard is MEDIATION:
        return Application(
            application_type=wizard.application_type,
            region=cleaned["about"]["region"],
            applicant=cleaned["applicant"],
            respondent=cleaned["respondent"],
            dispute={**cleaned["stage"], **cleaned["dispute"]},
            preferred_organization=cleaned["organization"].get("preferred_organization"),
            evidence=list(state.files),
            submission_key=state.id,
        )
    enterprise = {**cleaned["enterprise"], **cleaned["union"], **cleaned["contact"]}
    if wizard is COMMITTEE_SETUP:
        enterprise["union_status"] = (
            "" if not enterprise.get("has_union") else enterprise.get("union_status", "")
        )
    applicant = {
        "kind": PartyKind.EMPLOYER,
        "name": enterprise["name"],
        "credit_code": enterprise["credit_code"],
        "contact_name": enterprise["contact_name"],
        "phone": enterprise["phone"],
        "email": enterprise.get("email", ""),
        "address": enterprise.get("address", ""),
    }
    return Application(
        application_type=wizard.application_type,
        region=enterprise.pop("region"),
        applicant=applicant,
        enterprise=enterprise,
        submission_key=state.id,
    )


def default_initial(wizard: WizardDefinition, step: Step, state) -> dict:
    """Sensible starting answers: the organization chosen on a directory page, the
    respondent as the opposite of the applicant."""
    if step.name == "organization" and state.prefill.get("organization"):
        return {"preferred_organization": state.prefill["organization"]}
    if step.name == "respondent":
        kind = (state.data.get("applicant") or {}).get("kind", [""])[0]
        opposite = {PartyKind.WORKER: PartyKind.EMPLOYER, PartyKind.EMPLOYER: PartyKind.WORKER}
        return {"kind": opposite.get(kind, PartyKind.EMPLOYER)}
    if step.name == "dispute":
        return {"workers_involved": 1}
    return {}
