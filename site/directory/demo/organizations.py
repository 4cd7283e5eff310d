"""Demo mediation organizations with opening hours.

The center and the litigation service station at the center exist (the seed document
sets them up); the workrooms and committees here are invented and marked 示例. All
addresses and phone numbers are fictional (示例).
"""

from datetime import time

from directory.models import Agency, MediationOrganization, OpeningPeriod
from directory.models.organizations import OrganizationKind as Kind
from directory.regions import Region
from home.center_contact import center_contact

from .agencies import align_with_settings

OFFICE_HOURS = [(time(8, 30), time(12, 0)), (time(14, 30), time(17, 30))]

# Organizations housed in the center: its address and hotline (the site settings').
AT_CENTER = {"center", "center-litigation-station", "center-judge-workroom"}

# code, name, kind, host agency, region, introduction, accepts online applications
ORGANIZATIONS = [
    (
        "center",
        '随州市劳动人事争议"一站式"多元联调联处中心',
        Kind.CENTER,
        "center-city",
        Region.CITY,
        "中心由市人社局、市中级人民法院、市总工会、市司法局共同设立，集中办理案前调解、"
        "裁前调解、诉前委派调解、诉中委托调解和仲裁裁决后的诉讼立案。调解不收费。",
        True,
    ),
    (
        "center-litigation-station",
        "曾都区人民法院驻中心诉讼服务站",
        Kind.LITIGATION_STATION,
        "court-zengdu",
        Region.ZENGDU,
        "办理不服仲裁裁决的诉讼立案（裁诉衔接），接受法院委派、委托的调解案件。",
        True,
    ),
    (
        "center-judge-workroom",
        "驻中心法官工作室（示例）",
        Kind.JUDGE_WORKROOM,
        "court-city",
        Region.CITY,
        "法官定期驻中心指导调解、开展司法确认。（示例）",
        False,
    ),
    (
        "hrss-city-workroom",
        "市人社局劳动争议调解工作室（示例）",
        Kind.WORKROOM,
        "hrss-city",
        Region.CITY,
        "受理市直单位劳动者和用人单位的案前调解申请。（示例）",
        True,
    ),
    (
        "hrss-zengdu-workroom",
        "曾都区人社局劳动争议调解工作室（示例）",
        Kind.WORKROOM,
        "hrss-zengdu",
        Region.ZENGDU,
        "受理曾都区劳动争议案前调解申请。（示例）",
        True,
    ),
    (
        "hrss-guangshui-workroom",
        "广水市人社局劳动争议调解工作室（示例）",
        Kind.WORKROOM,
        "hrss-guangshui",
        Region.GUANGSHUI,
        "受理广水市劳动争议案前调解申请。（示例）",
        True,
    ),
    (
        "arbitration-city-court",
        "随州市劳动人事争议仲裁院（示例）",
        Kind.ARBITRATION_COURT,
        "arbitration-city",
        Region.CITY,
        "开展裁前调解，办理仲裁案件。（示例）",
        True,
    ),
    (
        "union-city-workroom",
        "市总工会职工维权调解工作室（示例）",
        Kind.WORKROOM,
        "union_federation-city",
        Region.CITY,
        "为职工提供劳动争议调解和法律援助。（示例）",
        True,
    ),
    (
        "union-suixian-workroom",
        "随县总工会职工维权调解工作室（示例）",
        Kind.WORKROOM,
        "union_federation-suixian",
        Region.SUIXIAN,
        "为随县职工提供劳动争议调解。（示例）",
        True,
    ),
    (
        "justice-zengdu-committee",
        "曾都区劳动争议人民调解委员会（示例）",
        Kind.PEOPLES_COMMITTEE,
        "justice-zengdu",
        Region.ZENGDU,
        "司法局指导设立的人民调解组织，调解劳动争议等纠纷。（示例）",
        True,
    ),
]


def load(stdout):
    changes = []
    agencies = {a.code: a for a in Agency.objects.all()}
    existing = set(MediationOrganization.objects.values_list("code", flat=True))
    center = center_contact()
    for index, (code, name, kind, host, region, intro, online) in enumerate(ORGANIZATIONS, 1):
        if code in existing:
            continue
        at_center = code in AT_CENTER
        organization = MediationOrganization.objects.create(
            code=code,
            name=name,
            kind=kind,
            host_agency=agencies[host],
            region=region,
            address=center["address"] if at_center else f"随州市示例路{index}号（示例地址）",
            phone=center["hotline"] if at_center else f"0722-{index:02d}00000（示例）",
            introduction=intro,
            accepts_online_applications=online,
            hours_note="工作时间以外可电话预约。（示例）" if kind == Kind.WORKROOM else "",
        )
        weekdays = [1, 3] if kind == Kind.JUDGE_WORKROOM else range(5)
        OpeningPeriod.objects.bulk_create(
            OpeningPeriod(organization=organization, weekday=day, opens=opens, closes=closes)
            for day in weekdays
            for opens, closes in OFFICE_HOURS
        )
        changes.append(f"organization {code}")
    at_center = MediationOrganization.objects.filter(code__in=AT_CENTER)
    changes.extend(align_with_settings(at_center))
    return changes
