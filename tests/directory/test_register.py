"""Register export and import: round trip, dry-run preview, and every kind of bad file."""

import csv
import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from stdnum.cn import ric

from directory.models import Mediator, MediatorStatusChange, RegisterTransfer, Specialty
from directory.register import export, importer, reader
from directory.register.columns import HEADERS

pytestmark = pytest.mark.django_db


def id_number(seed):
    body = f"42900119800101{seed:03d}"
    return body + ric.calc_check_digit(body + "0")


@pytest.fixture
def register(agencies, organizations, make_mediator):
    wages = Specialty.objects.get(slug="wages")
    injury = Specialty.objects.get(slug="work_injury")
    first = make_mediator(
        agencies["hrss"],
        name="王建国",
        id_number=id_number(1),
        organizations=[organizations["hrss"], organizations["city"]],
        specialties=[wages, injury],
        certificate_number="SZ-001",
        certificate_issuer="随州市人社局",
        certificate_valid_until=date(2028, 1, 31),
        joined_on=date(2024, 3, 1),
        is_public=True,
        public_introduction="退休法官，擅长工资争议。",
        phone="13907220001",
    )
    second = make_mediator(agencies["union"], name="刘芳", category="union_expert")
    return [first, second]


def snapshot():
    rows = []
    for m in Mediator.objects.order_by("code").prefetch_related("organizations", "specialties"):
        rows.append(
            (
                m.code,
                m.name,
                m.id_number,
                m.category,
                m.agency_id,
                m.status,
                m.is_public,
                m.certificate_number,
                m.certificate_valid_until,
                m.joined_on,
                m.phone,
                sorted(o.code for o in m.organizations.all()),
                sorted(s.slug for s in m.specialties.all()),
            )
        )
    return rows


def csv_bytes(rows, headers=HEADERS):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows, headers=HEADERS):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def exported_rows():
    content, _count = export.write_csv()
    lines = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    return lines[0], lines[1:]


def test_export_has_documented_columns_and_one_row_per_mediator(register):
    header, rows = exported_rows()
    assert header == HEADERS
    assert len(rows) == 2
    first = dict(zip(header, rows[0], strict=True))
    assert first["姓名"] == "王建国"
    assert first["管理单位编码"] == "hrss-zengdu"
    assert first["调解组织编码"] == "city-room；hrss-room"
    assert first["类别"] == "律师"
    assert first["状态"] == "在册"
    assert first["证书有效期至"] == "2028-01-31"
    assert first["公开展示"] == "是"


def test_export_counts_training_hours(register, agencies):
    from directory.models import TrainingSession

    session = TrainingSession.objects.create(date=date.today(), topic="培训", hours=4)
    session.organizers.set([agencies["hrss"]])
    session.attendees.set([register[0]])
    header, rows = exported_rows()
    first = dict(zip(header, rows[0], strict=True))
    assert first["本年培训学时"] == "4.0" and first["累计培训学时"] == "4.0"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_changes_nothing(register, center_admin, fmt):
    before = snapshot()
    content, count = (export.write_xlsx if fmt == "xlsx" else export.write_csv)()
    assert count == 2
    plan = importer.plan(reader.read(content, fmt), center_admin)
    assert [row.action for row in plan.rows] == ["unchanged", "unchanged"], [
        row.errors for row in plan.rows
    ]
    importer.apply(plan, center_admin)
    assert snapshot() == before
    assert not MediatorStatusChange.objects.exists()


def test_import_creates_and_updates_and_records_status(register, center_admin):
    header, rows = exported_rows()
    rows[0][header.index("状态")] = "暂停"
    rows[0][header.index("专长")] = "劳动报酬"
    new = [""] * len(header)
    values = {
        "姓名": "新调解员",
        "类别": "公证员",
        "管理单位编码": "union-zengdu".replace("union", "union_federation"),
        "状态": "在册",
        "身份证号": id_number(7),
        "调解组织编码": "union-room",
        "入册日期": "2026-01-02",
        "公开展示": "否",
    }
    for key, value in values.items():
        new[header.index(key)] = value
    plan = importer.plan(reader.read(csv_bytes(rows + [new]), "csv"), center_admin)
    assert [row.action for row in plan.rows] == ["update", "unchanged", "create"]
    assert set(plan.rows[0].changes) == {"status", "specialties"}
    importer.apply(plan, center_admin)
    first = Mediator.objects.get(pk=register[0].pk)
    assert first.status == "suspended"
    assert [s.slug for s in first.specialties.all()] == ["wages"]
    change = first.status_changes.get()
    assert change.changed_by == center_admin and change.reason == importer.IMPORT_REASON
    created = Mediator.objects.get(name="新调解员")
    assert created.code.startswith("M") and created.joined_on == date(2026, 1, 2)
    assert created.status_changes.get().from_status == ""


def test_rows_match_by_id_number_when_the_register_number_is_blank(register, center_admin):
    header, rows = exported_rows()
    rows[0][header.index("编号")] = ""
    rows[0][header.index("姓名")] = "王建国（改名）"
    plan = importer.plan(reader.read(csv_bytes(rows[:1]), "csv"), center_admin)
    assert plan.rows[0].action == "update"
    assert plan.rows[0].mediator.pk == register[0].pk


def test_same_name_alone_does_not_match(register, center_admin):
    header, rows = exported_rows()
    rows[1][header.index("编号")] = ""
    plan = importer.plan(reader.read(csv_bytes(rows[1:]), "csv"), center_admin)
    assert plan.rows[0].action == "create"


def plan_errors(content, user, fmt="csv"):
    plan = importer.plan(reader.read(content, fmt), user)
    return [error for row in plan.rows for error in row.errors]


def test_row_errors_are_reported_in_chinese(register, center_admin):
    header, rows = exported_rows()
    broken = [list(rows[0]) for _ in range(5)]
    broken[0][header.index("姓名")] = ""
    broken[1][header.index("调解组织编码")] = "no-such-room"
    broken[2][header.index("证书有效期至")] = "2028/01/31"
    broken[3][header.index("类别")] = "宇航员"
    broken[4][header.index("身份证号")] = "429001198001010010"
    errors = plan_errors(csv_bytes(broken), center_admin)
    assert "姓名不能为空。" in errors
    assert "调解组织编码“no-such-room”不是已有的编码。" in errors
    assert any("证书有效期至：“2028/01/31”不是“年-月-日”格式的日期" in e for e in errors)
    assert "类别“宇航员”不是可选的值。" in errors
    assert any("不是有效的居民身份证号码" in e for e in errors)


def test_duplicate_rows_are_errors(register, center_admin):
    _header, rows = exported_rows()
    errors = plan_errors(csv_bytes([rows[0], rows[0]]), center_admin)
    assert "与第 2 行重复（编号相同）。" in errors


def test_staff_cannot_import_into_another_agencys_register(register, hrss_handler):
    header, rows = exported_rows()
    # Re-importing another agency's unchanged rows is fine (a whole export comes back).
    plan = importer.plan(reader.read(csv_bytes(rows), "csv"), hrss_handler)
    assert [row.action for row in plan.rows] == ["unchanged", "unchanged"]
    rows[1][header.index("姓名")] = "改名"
    plan = importer.plan(reader.read(csv_bytes(rows), "csv"), hrss_handler)
    assert plan.rows[1].action == "error"
    assert "您无权修改名册中的 M90002。" in plan.rows[1].errors
    assert "您无权修改曾都区总工会的名册。" in plan.rows[1].errors
    # Nor move an own mediator to another agency, nor create one for it.
    header, rows = exported_rows()
    rows[0][header.index("管理单位编码")] = "union_federation-zengdu"
    new = list(rows[1])
    new[header.index("编号")] = ""
    new[header.index("姓名")] = "新人"
    plan = importer.plan(reader.read(csv_bytes([rows[0], new]), "csv"), hrss_handler)
    assert [row.action for row in plan.rows] == ["error", "error"]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (csv_bytes([["x"]], headers=["姓名", "电话"]), "r.csv", "文件的列与名册格式不符"),
        (b"PK\x03\x04 not really a zip", "r.xlsx", "不是有效的 Excel 工作簿"),
        ("姓名,类别\n".encode() * 3, "r.xlsx", "不是有效的 Excel 工作簿"),
        (b"", "r.csv", "所提交的是空文件"),
        (csv_bytes([]), "r.csv", "文件中没有数据行"),
        (b"\xff\xfe\x00\x00garbage\x00", "r.csv", "CSV 文件无法识别为文本"),
    ],
    ids=["wrong-columns", "fake-zip", "csv-renamed-xlsx", "empty", "header-only", "binary-csv"],
)
def test_bad_files_are_refused_through_the_admin_and_write_nothing(
    client, register, center_admin, content, name, message
):
    before = snapshot()
    client.force_login(center_admin)
    response = client.post(
        reverse("directory_register:import"), {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert snapshot() == before
    assert not RegisterTransfer.objects.filter(kind="import").exists()


def test_a_50_mb_file_is_refused(client, register, center_admin):
    client.force_login(center_admin)
    big = SimpleUploadedFile("big.xlsx", b"0" * (50 * 1024 * 1024))
    response = client.post(reverse("directory_register:import"), {"file": big})
    assert "文件太大：最大 5 MB。" in response.content.decode()
    assert not RegisterTransfer.objects.exists()


def test_other_file_types_are_refused(client, register, center_admin):
    client.force_login(center_admin)
    response = client.post(
        reverse("directory_register:import"),
        {"file": SimpleUploadedFile("r.pdf", b"%PDF-1.4")},
    )
    assert "请上传 .xlsx 或 .csv 文件。" in response.content.decode()


def test_dry_run_preview_then_confirm_through_the_admin(client, register, center_admin):
    header, rows = exported_rows()
    rows[1][header.index("姓名")] = "刘芳芳"
    client.force_login(center_admin)
    response = client.post(
        reverse("directory_register:import"),
        {"file": SimpleUploadedFile("r.xlsx", xlsx_bytes(rows))},
    )
    assert response.status_code == 302
    preview_url = response.url
    preview = client.get(preview_url).content.decode()
    assert "尚未保存任何数据" in preview and "更新" in preview
    assert Mediator.objects.get(pk=register[1].pk).name == "刘芳"  # dry run wrote nothing
    done = client.post(preview_url, {"confirm": "1"})
    assert done.status_code == 302
    assert Mediator.objects.get(pk=register[1].pk).name == "刘芳芳"
    transfer = RegisterTransfer.objects.get(kind="import")
    assert transfer.applied_at is not None and bytes(transfer.content) == b""
    assert client.get(preview_url).status_code == 404  # cannot be applied twice


def test_a_file_with_errors_cannot_be_confirmed(client, register, center_admin):
    header, rows = exported_rows()
    rows[0][header.index("姓名")] = "改了名"
    rows[1][header.index("管理单位编码")] = "nowhere"
    client.force_login(center_admin)
    response = client.post(
        reverse("directory_register:import"),
        {"file": SimpleUploadedFile("r.csv", csv_bytes(rows))},
    )
    before = snapshot()
    result = client.post(response.url, {"confirm": "1"})
    assert "文件有错误，没有导入任何数据。" in result.content.decode()
    assert snapshot() == before


def test_someone_elses_pending_import_is_not_reachable(
    client, register, center_admin, hrss_handler
):
    _header, rows = exported_rows()
    client.force_login(center_admin)
    response = client.post(
        reverse("directory_register:import"),
        {"file": SimpleUploadedFile("r.csv", csv_bytes(rows))},
    )
    client.force_login(hrss_handler)
    assert client.get(response.url).status_code in (302, 403)


def test_exports_are_recorded_and_served_as_attachments(client, register, hrss_handler):
    client.force_login(hrss_handler)
    response = client.get(reverse("directory_register:export_xlsx"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="mediator-register-')
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    assert [c.value for c in next(workbook.worksheets[0].iter_rows())] == HEADERS
    transfer = RegisterTransfer.objects.get(kind="export")
    assert transfer.user == hrss_handler and transfer.row_count == 2
