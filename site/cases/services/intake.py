"""Validate a JSON application with the web wizard's forms; errors keyed by dotted path."""

from django.utils.translation import gettext as _

from cases.choices import ApplicationType, PartyKind
from cases.forms.dispute import DisputeForm, organization_choices
from cases.forms.parties import PartyForm
from cases.forms.setup import SetupEnterpriseForm, SetupUnionEnterpriseForm
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


def _organization(value, errors):
    if value in (None, ""):
        return None
    choices = organization_choices()
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
    return found


def parse(payload) -> Application:
    """An Application from a JSON payload, or IntakeErrors naming every invalid field."""
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
    organization = _organization(payload.get("preferred_organization"), errors)

    application = None
    if kind == ApplicationType.MEDIATION:
        applicant = _section(payload, "applicant", errors, lambda d: PartyForm(d, role="applicant"))
        respondent = _section(
            payload, "respondent", errors, lambda d: PartyForm(d, role="respondent")
        )
        dispute = _section(payload, "dispute", errors, DisputeForm)
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
