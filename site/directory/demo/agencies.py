"""Demo agencies: five kinds in city, zengdu, suixian and guangshui, plus the center.

Names are the real institutions'; addresses and phone numbers are fictional (示例).
"""

from directory.models import Agency
from directory.regions import AgencyKind, Region
from home.center_contact import center_contact

REGION_PREFIX = {
    Region.CITY: "随州市",
    Region.ZENGDU: "随州市曾都区",
    Region.SUIXIAN: "随县",
    Region.GUANGSHUI: "广水市",
}
REGION_SHORT = {
    Region.CITY: "市",
    Region.ZENGDU: "曾都区",
    Region.SUIXIAN: "随县",
    Region.GUANGSHUI: "广水市",
}

KIND_NAMES = {
    AgencyKind.HRSS: ("人力资源和社会保障局", "人社局"),
    AgencyKind.ARBITRATION: ("劳动人事争议仲裁委员会", "仲裁委"),
    AgencyKind.COURT: ("人民法院", "法院"),
    AgencyKind.UNION_FEDERATION: ("总工会", "总工会"),
    AgencyKind.JUSTICE: ("司法局", "司法局"),
}


def agency_rows():
    center = center_contact()
    rows = []
    for index, (region, prefix) in enumerate(REGION_PREFIX.items(), start=1):
        for kind, (name, short) in KIND_NAMES.items():
            full, short_name = f"{prefix}{name}", f"{REGION_SHORT[region]}{short}"
            if kind == AgencyKind.COURT and region == Region.CITY:
                full, short_name = "湖北省随州市中级人民法院", "市中院"
            rows.append(
                {
                    "code": f"{kind}-{region}",
                    "kind": kind,
                    "region": region,
                    "name": full,
                    "short_name": short_name,
                    "address": f"{prefix}示例路{index}号（示例地址）",
                    "phone": f"0722-{index}000000（示例）",
                    "office_hours": "周一至周五 8:30-12:00，14:30-17:30",
                }
            )
    rows.append(
        {
            "code": "center-city",
            "kind": AgencyKind.CENTER,
            "region": Region.CITY,
            "name": '随州市劳动人事争议"一站式"多元联调联处中心',
            "short_name": "联调联处中心",
            # The center's facts are the site settings' (home/center_contact.py).
            "address": center["address"],
            "phone": center["hotline"],
            "office_hours": center["office_hours"],
        }
    )
    return rows


def load(stdout):
    changes = []
    existing = set(Agency.objects.values_list("code", flat=True))
    for row in agency_rows():
        if row["code"] not in existing:
            Agency.objects.create(**row)
            changes.append(f"agency {row['code']}")
    changes.extend(align_with_settings(Agency.objects.filter(code="center-city"), "office_hours"))
    return changes


def align_with_settings(rows, *extra_fields):
    """Rows at the center still holding demo contact details (marked 示例) that differ from
    the site settings take the settings' (ADR 0047); details an editor wrote stay."""
    center = center_contact()
    wanted = {"address": center["address"], "phone": center["hotline"]}
    wanted.update({name: center[name] for name in extra_fields})
    changes = []
    for row in rows:
        if not row.phone.endswith("（示例）") or not center["hotline"]:
            continue
        stale = [name for name, value in wanted.items() if getattr(row, name) != value]
        if stale:
            for name in stale:
                setattr(row, name, wanted[name])
            row.save(update_fields=stale)
            changes.append(f"{row.code}: contact details from the site settings")
    return changes
