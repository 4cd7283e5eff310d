"""Validate a JSON application with the web wizard's forms; errors keyed by dotted path."""

from django.utils.translation import gettext as _

from cases.choices import ApplicationType, PartyKind
from cases.forms.dispute import DisputeForm
from cases.forms.parties import PartyForm
from cases.forms.setup import SetupEnterpriseForm, SetupUnionEnterpriseForm
from cases.organization_choice import online_organizations, organizations_for
from cases.services.submission import Application
from directory.regions import Region


class IntakeErrors(Exception):
    def __init__(self, errors: list[dict]):
        super().__init__("invalid application")
        self.errors = errors


def _section(payload: dict, name: str, errors: list, form_factory):
    value = payload.get(name)
    if not isinstance(value, dict):
        errors.append(
            {"field": name, "message": _("This section is required and must be an object.")}
        )
        return None
    data = {key: item for key, item in value.items() if item is not None}
    for key, item in list(data.items()):
        allowed_list = key == "categories" and isinstance(item, list)
        if isinstance(item, (dict, list)) and not allowed_list:
            errors.append({"field": f"{name}.{key}", "message": _("This field must be text.")})
            data.pop(key)
    if isinstance(data.get("categories"), list):
        if not all(isinstance(item, str) for item in data["categories"]):
            errors.append(
                {"field": f"{name}.categories", "message": _("Choose categories from the list.")}
            )
            data.pop("categories")
        else:
            data["categories"] = list(data["categories"])
    for key, item in list(data.items()):
        if isinstance(item, bool):
            data[key] = "on" if item else ""
        elif isinstance(item, (int, float)):
            data[key] = str(item)
    form = form_factory(data)
    if not form.is_valid():
        for field, messages in form.errors.items():
            path = name if field == "__all__" else f"{name}.{field}"
            errors.extend({"field": path, "message": str(message)} for message in messages)
        return None
    return form.cleaned_data


def _organization(value, errors, region="", stage=""):
    if value in (None, ""):
        return None
    choices = online_organizations()
    found = None
    if isinstance(value, int) and not isinstance(value, bool):
        found = choices.filter(pk=value).first()
    elif isinstance(value, str):
        found = choices.filter(code=value).first()
        if found is None and value.isdigit():
            found = choices.filter(pk=int(value)).first()
    if found is None:
        errors.append(
            {
                "field": "preferred_organization",
                "message": _("There is no such organization taking online applications."),
            }
        )
    elif not organizations_for(region, stage).filter(pk=found.pk).exists():
        errors.append(
            {
                "field": "preferred_organization",
                "message": _(
                    "This organization does not take cases from this region at this stage: "
                    "choose another one or leave it to the center."
                ),
            }
        )
        found = None
    return found


def parse(payload, case_number_on_file=False) -> Application:
    """An Application from a JSON payload, or IntakeErrors naming every invalid field.
    `case_number_on_file`: the caller holds the case number (a court referral), so the
    dispute need not give it."""
    if not isinstance(payload, dict):
        raise IntakeErrors([{"field": "", "message": _("The request body must be a JSON object.")}])
    errors = []
    kind = payload.get("type")
    if kind not in ApplicationType.values:
        errors.append(
            {"field": "type", "message": _("Choose mediation, union_setup or committee_setup.")}
        )
    region = payload.get("region")
    if region not in Region.values:
        errors.append({"field": "region", "message": _("Unknown region code.")})
    if payload.get("consent") is not True:
        errors.append(
            {"field": "consent", "message": _("Consent to the privacy notice is required.")}
        )
    raw_dispute = payload.get("dispute") if isinstance(payload.get("dispute"), dict) else {}
    stage = raw_dispute.get("stage") if isinstance(raw_dispute.get("stage"), str) else ""
    organization = _organization(
        payload.get("preferred_organization"),
        errors,
        region if isinstance(region, str) else "",
        stage,
    )

    application = None
    if kind == ApplicationType.MEDIATION:
        applicant = _section(payload, "applicant", errors, lambda d: PartyForm(d, role="applicant"))
        applicant_kind = (
            (payload.get("applicant") or {}).get("kind")
            if isinstance(payload.get("applicant"), dict)
            else ""
        )
        respondent = _section(
            payload,
            "respondent",
            errors,
            lambda d: PartyForm(d, role="respondent", applicant_kind=applicant_kind),
        )
        dispute = _section(
            payload,
            "dispute",
            errors,
            lambda d: DisputeForm(d, case_number_on_file=case_number_on_file),
        )
        if not errors:
            application = Application(
                application_type=kind,
                region=region,
                applicant=applicant,
                respondent=respondent,
                dispute=dispute,
                preferred_organization=organization,
            )
    elif kind in (ApplicationType.UNION_SETUP, ApplicationType.COMMITTEE_SETUP):
        form = (
            SetupUnionEnterpriseForm if kind == ApplicationType.UNION_SETUP else SetupEnterpriseForm
        )
        enterprise = _section(payload, "enterprise", errors, form)
        if not errors:
            enterprise["region"] = region
            if kind == ApplicationType.COMMITTEE_SETUP:
                enterprise["has_union"] = enterprise["union_status"] != "none"
            application = Application(
                application_type=kind,
                region=region,
                applicant={
                    "kind": PartyKind.EMPLOYER,
                    "name": enterprise["name"],
                    "credit_code": enterprise.get("credit_code") or "",
                    "contact_name": enterprise["contact_name"],
                    "phone": enterprise["phone"],
                    "email": enterprise.get("email", ""),
                    "address": enterprise.get("address", ""),
                },
                enterprise={key: value for key, value in enterprise.items() if key != "region"},
                preferred_organization=organization,
            )
    if errors:
        raise IntakeErrors(errors)
    return application
