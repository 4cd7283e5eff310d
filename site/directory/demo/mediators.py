"""Demo mediators (invented people, names marked 示例) and joint training sessions."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone
from stdnum.cn import ric

from directory import services
from directory.models import (
    Agency,
    MediationOrganization,
    Mediator,
    Specialty,
    TrainingSession,
)
from directory.models.mediators import MediatorCategory as Cat
from directory.models.mediators import MediatorStatus

# name, category, agency, organizations, specialties, certified (None = none,
# "soon" = expires within 60 days), status, public
MEDIATORS = [
    (
        "王建国（示例）",
        Cat.RETIRED_JUDGE,
        "court-zengdu",
        ["center-litigation-station", "center"],
        ["wages", "contract"],
        True,
        "active",
        True,
    ),
    (
        "李秀兰（示例）",
        Cat.RETIRED_ARBITRATOR,
        "hrss-city",
        ["hrss-city-workroom", "center"],
        ["social_insurance", "work_injury"],
        True,
        "active",
        True,
    ),
    (
        "张伟（示例）",
        Cat.LAWYER,
        "justice-zengdu",
        ["justice-zengdu-committee"],
        ["severance", "contract"],
        "soon",
        "active",
        True,
    ),
    (
        "刘芳（示例）",
        Cat.UNION_EXPERT,
        "union_federation-city",
        ["union-city-workroom", "center"],
        ["wages", "collective"],
        True,
        "active",
        True,
    ),
    (
        "陈明（示例）",
        Cat.NPC_DEPUTY,
        "hrss-zengdu",
        ["hrss-zengdu-workroom"],
        ["wages"],
        None,
        "active",
        True,
    ),
    (
        "杨静（示例）",
        Cat.CPPCC_MEMBER,
        "hrss-guangshui",
        ["hrss-guangshui-workroom"],
        ["personnel"],
        True,
        "active",
        True,
    ),
    (
        "赵磊（示例）",
        Cat.LEGAL_WORKER,
        "union_federation-suixian",
        ["union-suixian-workroom"],
        ["work_injury"],
        True,
        "active",
        True,
    ),
    (
        "黄丽（示例）",
        Cat.COMMUNITY_WORKER,
        "justice-zengdu",
        ["justice-zengdu-committee"],
        ["working_time"],
        None,
        "active",
        False,
    ),
    (
        "周强（示例）",
        Cat.NOTARY,
        "hrss-city",
        ["hrss-city-workroom"],
        ["contract"],
        True,
        "suspended",
        False,
    ),
    (
        "吴敏（示例）",
        Cat.RETIRED_JUDGE,
        "court-city",
        ["center-judge-workroom"],
        ["collective", "wages"],
        True,
        "left",
        False,
    ),
]
TRAINING = [
    ("劳动争议调解实务联合培训（示例）", 6, ["center-city", "hrss-city", "court-city"], 8),
    ("工伤保险待遇政策解读（示例）", 3, ["hrss-city", "union_federation-city"], 5),
]


def _id_number(index):
    """A well-formed, fictional resident ID number (429001 = Suizhou's pre-2000 code)."""
    body = f"429001{1960 + index:04d}0{(index % 9) + 1}1{index % 10}{index:03d}"
    return body + ric.calc_check_digit(body + "0")


# The migration directory 0004 adds these too; a flushed test database has lost them.
SPECIALTIES = [
    ("wages", "劳动报酬"),
    ("social_insurance", "社会保险"),
    ("work_injury", "工伤待遇"),
    ("contract", "劳动合同"),
    ("severance", "经济补偿和赔偿金"),
    ("working_time", "工作时间和休息休假"),
    ("personnel", "人事争议"),
    ("collective", "集体劳动争议"),
]


def load(stdout):
    changes = []
    for order, (slug, name) in enumerate(SPECIALTIES):
        _specialty, created = Specialty.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )
        if created:
            changes.append(f"specialty {slug}")
    if Mediator.objects.exists():
        return changes
    today = timezone.localdate()
    agencies = {a.code: a for a in Agency.objects.all()}
    organizations = {o.code: o for o in MediationOrganization.objects.all()}
    specialties = {s.slug: s for s in Specialty.objects.all()}
    created = []
    for index, row in enumerate(MEDIATORS, 1):
        name, category, agency, orgs, specs, certified, status, public = row
        mediator = Mediator(
            name=name,
            category=category,
            agency=agencies[agency],
            status=MediatorStatus.ACTIVE,
            joined_on=date(2023, 8, 1) + timedelta(days=30 * index),
            is_public=public,
            public_introduction=f"{name[:-4]}，{category.label}，从事劳动争议调解工作多年。（示例）",
            phone=f"1390722{index:04d}",
            id_number=_id_number(index),
        )
        if certified:
            mediator.certificate_number = f"SZTJ-2024-{index:04d}（示例）"
            mediator.certificate_issuer = "随州市人力资源和社会保障局"
            mediator.certificate_valid_until = (
                today + timedelta(days=30) if certified == "soon" else date(2028, 12, 31)
            )
        services.assign_code(mediator)
        mediator.save()
        mediator.organizations.set(organizations[code] for code in orgs)
        mediator.specialties.set(specialties[slug] for slug in specs)
        services.record_status(mediator, "", None, "入册（示例）")
        if status != MediatorStatus.ACTIVE:
            mediator.status = status
            mediator.save(update_fields=["status"])
            reason = "本人申请暂停（示例）" if status == "suspended" else "退休离册（示例）"
            services.record_status(mediator, MediatorStatus.ACTIVE, None, reason)
        created.append(mediator)
        changes.append(f"mediator {mediator.code}")
    for offset, (topic, hours, organizers, attendee_count) in enumerate(TRAINING):
        session = TrainingSession.objects.create(
            date=date(today.year, 3 + offset * 3, 15),
            topic=topic,
            hours=Decimal(hours),
            location="联调联处中心培训室（示例）",
        )
        session.organizers.set(agencies[code] for code in organizers)
        session.attendees.set(created[:attendee_count])
        changes.append(f"training {topic}")
    return changes
