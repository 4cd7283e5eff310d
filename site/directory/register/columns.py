"""The register file's columns (documented in docs/register-format.md).

Values are written as text so a re-import reads back exactly what was exported.
"""

from dataclasses import dataclass

YES, NO = "是", "否"
# The mediator's own fields the register carries one to one (the importer compares and
# writes them, the exporter reads them).
SCALAR_FIELDS = [
    "name",
    "id_number",
    "category",
    "certificate_number",
    "certificate_issuer",
    "certificate_valid_until",
    "status",
    "joined_on",
    "is_public",
    "public_introduction",
    "phone",
    "email",
]
LIST_SEPARATORS = ["；", ";", "，", ",", "、"]


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    header: str
    importable: bool = True
    required: bool = False


COLUMNS = [
    ColumnSpec("code", "编号"),
    ColumnSpec("name", "姓名", required=True),
    ColumnSpec("id_number", "身份证号"),
    ColumnSpec("category", "类别", required=True),
    ColumnSpec("agency", "管理单位编码", required=True),
    ColumnSpec("organizations", "调解组织编码"),
    ColumnSpec("organization_names", "调解组织名称", importable=False),
    ColumnSpec("specialties", "专长"),
    ColumnSpec("certificate_number", "证书编号"),
    ColumnSpec("certificate_issuer", "发证机关"),
    ColumnSpec("certificate_valid_until", "证书有效期至"),
    ColumnSpec("status", "状态", required=True),
    ColumnSpec("joined_on", "入册日期"),
    ColumnSpec("is_public", "公开展示"),
    ColumnSpec("public_introduction", "公开简介"),
    ColumnSpec("phone", "联系电话"),
    ColumnSpec("email", "电子邮箱"),
    ColumnSpec("training_hours_year", "本年培训学时", importable=False),
    ColumnSpec("training_hours_total", "累计培训学时", importable=False),
]
HEADERS = [column.header for column in COLUMNS]
BY_HEADER = {column.header: column for column in COLUMNS}
IMPORTABLE = [column for column in COLUMNS if column.importable]


def split_list(value: str) -> list[str]:
    for separator in LIST_SEPARATORS[1:]:
        value = value.replace(separator, LIST_SEPARATORS[0])
    return [item.strip() for item in value.split(LIST_SEPARATORS[0]) if item.strip()]


def join_list(values) -> str:
    return "；".join(values)
