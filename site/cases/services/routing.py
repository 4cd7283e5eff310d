"""Decide where an application goes: the first active rule that matches and resolves wins."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

from cases.choices import COLLECTIVE_THRESHOLD, ApplicationType, DisputeStage
from cases.models import RoutingRule, RoutingTarget
from cases.models.routing import Collective
from directory.models import Agency, MediationOrganization
from directory.regions import AgencyKind, Region


@dataclass(frozen=True)
class ApplicationFacts:
    """What routing may look at; built from a validated application."""

    application_type: str
    region: str
    dispute_stage: str = ""
    categories: tuple = ()
    workers_involved: int = 1
    amount_claimed: Decimal | None = None
    preferred_organization: MediationOrganization | None = None

    @property
    def is_collective(self) -> bool:
        return (self.workers_involved or 0) >= COLLECTIVE_THRESHOLD


@dataclass
class Decision:
    agency: Agency
    organization: MediationOrganization | None
    rule: RoutingRule | None
    explanation: str
    also_notify: list = field(default_factory=list)


def matches(rule: RoutingRule, facts: ApplicationFacts) -> bool:
    if rule.application_type and rule.application_type != facts.application_type:
        return False
    if rule.dispute_stage and rule.dispute_stage != facts.dispute_stage:
        return False
    if rule.regions and facts.region not in rule.regions:
        return False
    if rule.categories and not set(rule.categories) & set(facts.categories):
        return False
    if rule.collective == Collective.YES and not facts.is_collective:
        return False
    if rule.collective == Collective.NO and facts.is_collective:
        return False
    if rule.amount_min is not None or rule.amount_max is not None:
        if facts.amount_claimed is None:
            return False
        if rule.amount_min is not None and facts.amount_claimed < rule.amount_min:
            return False
        if rule.amount_max is not None and facts.amount_claimed > rule.amount_max:
            return False
    if rule.requires_preferred_organization and facts.preferred_organization is None:
        return False
    return not (
        rule.target == RoutingTarget.PREFERRED_ORGANIZATION and facts.preferred_organization is None
    )


def _resolve(rule: RoutingRule, facts: ApplicationFacts):
    """(agency, organization, note) for a matching rule, or None when it cannot resolve."""
    if rule.target == RoutingTarget.AGENCY:
        return (rule.target_agency, None, "") if rule.target_agency else None
    if rule.target == RoutingTarget.ORGANIZATION:
        org = rule.target_organization
        return (org.host_agency, org, "") if org else None
    if rule.target == RoutingTarget.PREFERRED_ORGANIZATION:
        org = facts.preferred_organization
        return (org.host_agency, org, "")
    agency = Agency.objects.of_kind_in_region(rule.target_agency_kind, facts.region)
    if agency is None:
        return None
    note = ""
    if agency.region != facts.region:
        note = _(
            "The applicant's region has no such agency of its own, so the city-level one handles it."  # noqa: E501
        )
    return agency, None, note


def _also_notify(rule, facts, main_agency):
    agencies = []
    for kind in rule.also_notify_kinds or []:
        agency = Agency.objects.of_kind_in_region(kind, facts.region)
        if agency and agency != main_agency and agency not in agencies:
            agencies.append(agency)
    return agencies


def describe(rule: RoutingRule, agency: Agency, organization, note: str) -> str:
    target = agency.name if organization is None else f"{organization.name}（{agency.name}）"
    parts = [
        _('Rule %(priority)s "%(name)s" matched: %(reason)s')
        % {"priority": rule.priority, "name": rule.name, "reason": rule.reason.rstrip("。.")},
        _("Sent to %(target)s.") % {"target": target},
    ]
    if note:
        parts.append(note)
    return " ".join(parts)


def decide(facts: ApplicationFacts, rules=None) -> Decision:
    """Route an application. `rules` lets the preview tool pass unsaved rules."""
    if rules is None:
        # No select_related: most rules target "the agency of a kind in the region", and
        # joining three tables for every rule costs more than loading the one target used.
        rules = RoutingRule.objects.filter(is_active=True)
    for rule in rules:
        if not rule.is_active or not matches(rule, facts):
            continue
        resolved = _resolve(rule, facts)
        if resolved is None:
            continue
        agency, organization, note = resolved
        return Decision(
            agency=agency,
            organization=organization,
            rule=rule,
            explanation=describe(rule, agency, organization, note),
            also_notify=_also_notify(rule, facts, agency),
        )
    return _fallback()


def _fallback() -> Decision:
    center = Agency.objects.of_kind_in_region(AgencyKind.CENTER, Region.CITY)
    if center is None:
        raise ImproperlyConfigured("No center agency (center-city) exists to receive applications.")
    return Decision(
        agency=center,
        organization=None,
        rule=None,
        explanation=_("No routing rule matched, so the center's intake desk handles it."),
    )


__all__ = ["ApplicationFacts", "Decision", "decide", "ApplicationType", "DisputeStage"]
