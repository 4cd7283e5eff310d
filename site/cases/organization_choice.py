"""Which mediation organizations an online applicant may choose, for their region and stage.

Choosing an organization routes the application to it (routing rule 1), so the list offers
only those that can take the case (ADR 0049):
- region: the organizations of the applicant's county-level region and the city-level ones,
  which serve every region (the high-tech zone and Dahongshan have none of their own); the
  one-stop center and the litigation service station inside it serve the whole city;
- stage: before any case is filed, the workrooms and people's and enterprise mediation
  committees (pre-case mediation); while an arbitration application is pending, the
  arbitration court (pre-arbitration mediation, 劳动争议调解仲裁法 art. 42); after an award
  or in litigation, the court's litigation service station and judge workrooms (court-
  entrusted mediation); the center takes every stage.
"""

from django.db.models import Q

from cases.choices import DisputeStage
from directory.models import MediationOrganization, OrganizationKind
from directory.regions import Region

CITYWIDE_KINDS = (OrganizationKind.CENTER, OrganizationKind.LITIGATION_STATION)
KINDS_BY_STAGE = {
    DisputeStage.PRE_CASE: (
        OrganizationKind.WORKROOM,
        OrganizationKind.PEOPLES_COMMITTEE,
        OrganizationKind.ENTERPRISE_COMMITTEE,
        OrganizationKind.CENTER,
    ),
    DisputeStage.ARBITRATION_PENDING: (
        OrganizationKind.ARBITRATION_COURT,
        OrganizationKind.CENTER,
    ),
    DisputeStage.AWARD_ISSUED: (
        OrganizationKind.LITIGATION_STATION,
        OrganizationKind.JUDGE_WORKROOM,
        OrganizationKind.CENTER,
    ),
    DisputeStage.IN_LITIGATION: (
        OrganizationKind.LITIGATION_STATION,
        OrganizationKind.JUDGE_WORKROOM,
        OrganizationKind.CENTER,
    ),
}


def online_organizations():
    """Every organization taking online applications (staff intake offers them all)."""
    return MediationOrganization.objects.filter(
        is_public=True, accepts_online_applications=True
    ).select_related("host_agency")


def organizations_for(region: str = "", stage: str = ""):
    """The organizations an applicant in `region` at `stage` may choose; an unknown region
    or stage does not narrow the list."""
    found = online_organizations()
    if region in Region.values:
        found = found.filter(Q(region__in=(region, Region.CITY)) | Q(kind__in=CITYWIDE_KINDS))
    if stage in KINDS_BY_STAGE:
        found = found.filter(kind__in=KINDS_BY_STAGE[stage])
    return found
