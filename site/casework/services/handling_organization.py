"""The mediation organization (调解组织) in whose name an agreement is made: the workroom,
committee or center that handled the case, never the bureau that hosts it (ADR 0046).

The case's own organization when staff named one; otherwise the organization of the
case's mediator that the handling agency hosts. None when neither is known: an agreement
is then refused until staff name the organization."""

from directory.models import MediationOrganization, OrganizationKind


def handling_organization(case) -> MediationOrganization | None:
    if case.organization_id:
        return case.organization
    if case.mediator_id is None:
        return None
    return (
        case.mediator.organizations.filter(host_agency_id=case.agency_id)
        .order_by("name", "pk")
        .first()
    )


def offers_judicial_confirmation(organization: MediationOrganization | None) -> bool:
    """司法确认 (人民调解法 art. 33) is for agreements of people's mediation committees."""
    return organization is not None and organization.kind == OrganizationKind.PEOPLES_COMMITTEE
