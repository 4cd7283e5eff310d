"""Write the register (one row per mediator) as CSV or XLSX."""

import csv
import io
from datetime import date
from decimal import Decimal

from django.db.models import DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from directory.models import MediationOrganization, Mediator

from .columns import HEADERS, NO, YES, join_list

ZERO = Value(Decimal("0"), output_field=DecimalField(max_digits=8, decimal_places=1))


def register_queryset(year: int | None = None):
    year = year or timezone.localdate().year
    return (
        Mediator.objects.select_related("agency")
        .prefetch_related(
            "specialties",
            models_prefetch_organizations(),
        )
        .annotate(
            hours_year=Coalesce(
                Sum("training_sessions__hours", filter=Q(training_sessions__date__year=year)),
                ZERO,
            ),
            hours_total=Coalesce(Sum("training_sessions__hours"), ZERO),
        )
        .order_by("code")
    )


def models_prefetch_organizations():
    from django.db.models import Prefetch

    return Prefetch(
        "organizations",
        queryset=MediationOrganization.objects.only("code", "name").order_by("code"),
    )


def _date(value: date | None) -> str:
    return value.isoformat() if value else ""


def mediator_row(mediator) -> list[str]:
    organizations = list(mediator.organizations.all())
    return [
        mediator.code,
        mediator.name,
        mediator.id_number,
        mediator.get_category_display(),
        mediator.agency.code,
        join_list(o.code for o in organizations),
        join_list(o.name for o in organizations),
        join_list(sorted(s.name for s in mediator.specialties.all())),
        mediator.certificate_number,
        mediator.certificate_issuer,
        _date(mediator.certificate_valid_until),
        mediator.get_status_display(),
        _date(mediator.joined_on),
        YES if mediator.is_public else NO,
        mediator.public_introduction,
        mediator.phone,
        mediator.email,
        f"{mediator.hours_year:.1f}",
        f"{mediator.hours_total:.1f}",
    ]


def rows(queryset=None):
    for mediator in (queryset if queryset is not None else register_queryset()).iterator(
        chunk_size=1000
    ):
        yield mediator_row(mediator)


def write_csv(queryset=None) -> tuple[bytes, int]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    count = 0
    for row in rows(queryset):
        writer.writerow(row)
        count += 1
    # UTF-8 with a byte-order mark so Excel on Chinese Windows opens it correctly.
    return buffer.getvalue().encode("utf-8-sig"), count


def write_xlsx(queryset=None) -> tuple[bytes, int]:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("调解员名册")
    bold = Font(bold=True)
    header = []
    for title in HEADERS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows(queryset):
        sheet.append(row)
        count += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), count
