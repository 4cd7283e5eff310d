"""The default routing table (docs/architecture.md, "Default routing"), as editable data.
Idempotent."""

from cases.models import RoutingRule, RoutingTarget
from cases.models.routing import Collective
from directory.models import Agency, MediationOrganization
from directory.models.organizations import OrganizationKind

# (priority, name, reason, conditions, target)
RULES = [
    (
        10,
        "申请人选择了调解组织",
        "申请人指定了调解工作室或调解组织，由该组织所属机构办理",
        {"requires_preferred_organization": True},
        {"target": RoutingTarget.PREFERRED_ORGANIZATION},
    ),
    (
        20,
        "企业组建工会",
        "组建工会的指导由所在地总工会负责",
        {"application_type": "union_setup"},
        {"target": RoutingTarget.KIND_IN_REGION, "target_agency_kind": "union_federation"},
    ),
    (
        30,
        "组建企业调解委员会",
        "企业劳动争议调解委员会的组建指导由所在地人社局负责，同时告知总工会",
        {"application_type": "committee_setup"},
        {
            "target": RoutingTarget.KIND_IN_REGION,
            "target_agency_kind": "hrss",
            "also_notify_kinds": ["union_federation"],
        },
    ),
    (
        40,
        "仲裁已裁决，拟起诉",
        "仲裁裁决已作出、当事人拟向法院起诉的，由中心的法院诉讼服务站办理裁诉衔接",
        {"application_type": "mediation", "dispute_stage": "award_issued"},
        {"target": "station"},
    ),
    (
        50,
        "已在诉讼中",
        "案件已在法院诉讼中的，由所在地人民法院办理",
        {"application_type": "mediation", "dispute_stage": "in_litigation"},
        {"target": RoutingTarget.KIND_IN_REGION, "target_agency_kind": "court"},
    ),
    (
        60,
        "仲裁申请已提出（裁前调解）",
        "已申请劳动仲裁、尚未裁决的，由所在地仲裁委开展裁前调解",
        {"application_type": "mediation", "dispute_stage": "arbitration_pending"},
        {"target": RoutingTarget.KIND_IN_REGION, "target_agency_kind": "arbitration"},
    ),
    (
        70,
        "集体争议",
        "涉及10人以上的集体争议由中心联合总工会办理",
        {"application_type": "mediation", "collective": Collective.YES},
        {"target": "center", "also_notify_kinds": ["union_federation"]},
    ),
    (
        80,
        "尚未立案（案前调解）",
        "尚未申请仲裁的争议，由所在地人社局开展案前调解",
        {"application_type": "mediation", "dispute_stage": "pre_case"},
        {"target": RoutingTarget.KIND_IN_REGION, "target_agency_kind": "hrss"},
    ),
    (90, "其他申请", "其他申请由中心受理窗口统一受理后分派", {}, {"target": "center"}),
]


def litigation_station():
    return MediationOrganization.objects.filter(
        kind=OrganizationKind.LITIGATION_STATION, host_agency__code="court-zengdu"
    ).first()


def _target_fields(target: dict) -> dict:
    fields = dict(target)
    if fields["target"] == "center":
        fields.update(
            target=RoutingTarget.AGENCY, target_agency=Agency.objects.get(code="center-city")
        )
    elif fields["target"] == "station":
        station = litigation_station()
        if station:
            fields.update(target=RoutingTarget.ORGANIZATION, target_organization=station)
        else:
            fields.update(
                target=RoutingTarget.AGENCY, target_agency=Agency.objects.get(code="court-zengdu")
            )
    return fields


def load(stdout):
    changes = []
    existing = {rule.name: rule for rule in RoutingRule.objects.all()}
    for priority, name, reason, conditions, target in RULES:
        rule = existing.get(name)
        if rule is None:
            RoutingRule.objects.create(
                priority=priority, name=name, reason=reason, **conditions, **_target_fields(target)
            )
            changes.append(f"routing rule {priority} {name}")
        elif (
            target["target"] == "station"
            and rule.target == RoutingTarget.AGENCY
            and rule.target_agency
            and rule.target_agency.code == "court-zengdu"
            and litigation_station()
        ):
            # The station was added after the rules: point the default rule at it.
            rule.target = RoutingTarget.ORGANIZATION
            rule.target_organization = litigation_station()
            rule.target_agency = None
            rule.save()
            changes.append(f"routing rule {priority} now targets the litigation service station")
    return changes
