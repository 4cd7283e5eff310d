"""The applicant, respondent and dispute sections of a staff-recorded case (walk-in, phone
or a court referral registered by hand): the public wizard's own forms, prefixed, so staff
input is validated exactly like an online application."""

from cases.forms.dispute import DisputeDetailsForm, DisputeForm
from cases.forms.parties import PartyForm


class IntakeSections:
    def __init__(self, data=None, with_stage=True):
        dispute_form = DisputeForm if with_stage else DisputeDetailsForm
        self.applicant = PartyForm(data, role="applicant", prefix="applicant")
        applicant_kind = (data or {}).get("applicant-kind", "")
        self.respondent = PartyForm(
            data, role="respondent", prefix="respondent", applicant_kind=applicant_kind
        )
        self.dispute = dispute_form(data, prefix="dispute", initial={"workers_involved": 1})
        self.with_stage = with_stage

    @property
    def forms(self):
        return [self.applicant, self.respondent, self.dispute]

    def is_valid(self) -> bool:
        results = [form.is_valid() for form in self.forms]  # every section, for all errors
        return all(results)

    def cleaned(self) -> dict:
        return {
            "applicant": self.applicant.cleaned_data,
            "respondent": self.respondent.cleaned_data,
            "dispute": dict(self.dispute.cleaned_data),
        }


def error_list(*forms) -> list[tuple[str, str]]:
    """(anchor, message) pairs for the error summary, in the order the fields appear."""
    found = []
    for form in forms:
        for message in form.non_field_errors():
            found.append(("", str(message)))
        for field in form:
            # Radio buttons and checkboxes have no single input: link to the first one.
            anchor = field.id_for_label or f"{field.auto_id}_0"
            for message in field.errors:
                found.append((f"#{anchor}", f"{field.label}：{message}"))
    return found
