# ruff: noqa: E501 - long Chinese sentences read better unbroken
"""The downloadable document templates (仲裁申请书, 调解申请书, 授权委托书), stored as Wagtail
documents (.docx, plain_docx.py) and linked from the guides. The 仲裁申请书 follows the
items 劳动争议调解仲裁法 art. 28 requires; blanks are underscores."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from .plain_docx import docx_bytes

BLANK = "＿＿＿＿＿＿＿＿"

# key: (title, file name, paragraphs)
FORM_TEMPLATES = {
    "arbitration": (
        "劳动人事争议仲裁申请书（模板）",
        "zhongcai-shenqingshu.docx",
        [
            f"申请人：姓名{BLANK} 性别＿＿ 出生日期{BLANK} 民族＿＿",
            f"职业{BLANK} 工作单位{BLANK} 住所{BLANK} 联系电话{BLANK}",
            f"被申请人：单位名称{BLANK} 住所{BLANK}",
            f"法定代表人（主要负责人）：姓名{BLANK} 职务{BLANK} 联系电话{BLANK}",
            "仲裁请求：",
            f"一、{BLANK}{BLANK}",
            f"二、{BLANK}{BLANK}",
            "事实和理由：",
            f"{BLANK}{BLANK}{BLANK}{BLANK}",
            "证据和证据来源、证人姓名和住所：",
            f"1. {BLANK}{BLANK}",
            f"2. {BLANK}{BLANK}",
            "此致",
            f"{BLANK}劳动人事争议仲裁委员会",
            f"申请人（签名）：{BLANK}",
            "＿＿＿＿年＿＿月＿＿日",
            "说明：本申请书按照被申请人人数提交副本（劳动争议调解仲裁法第二十八条）。书写确有困难的，可以口头申请，由仲裁委员会记入笔录。劳动争议仲裁不收费（第五十三条）。",
        ],
    ),
    "mediation": (
        "劳动争议调解申请书（模板）",
        "tiaojie-shenqingshu.docx",
        [
            f"申请人：姓名（单位名称）{BLANK} 身份证件号码（统一社会信用代码）{BLANK}",
            f"住所{BLANK} 联系电话{BLANK}",
            f"被申请人：姓名（单位名称）{BLANK} 住所{BLANK} 联系电话{BLANK}",
            "调解请求：",
            f"{BLANK}{BLANK}{BLANK}",
            "争议事实和理由：",
            f"{BLANK}{BLANK}{BLANK}{BLANK}",
            "申请人自愿申请调解，保证所述事实真实。",
            "此致",
            f"{BLANK}（调解组织）",
            f"申请人（签名或盖章）：{BLANK}",
            "＿＿＿＿年＿＿月＿＿日",
            "说明：调解不收费。也可以口头申请，由调解组织当场记录（劳动争议调解仲裁法第十二条）。自调解组织收到调解申请之日起15日内未达成调解协议的，当事人可以依法申请仲裁（第十四条）。",
        ],
    ),
    "power_of_attorney": (
        "授权委托书（模板）",
        "shouquan-weituoshu.docx",
        [
            f"委托人：姓名（单位名称）{BLANK} 身份证件号码（统一社会信用代码）{BLANK}",
            f"住所{BLANK} 联系电话{BLANK}",
            f"受托人：姓名{BLANK} 工作单位{BLANK} 身份证件号码{BLANK}",
            f"住所{BLANK} 联系电话{BLANK}",
            f"现委托上列受托人在委托人与{BLANK}劳动争议一案中，作为委托人的代理人。",
            "代理权限：□一般代理 □特别授权（代为承认、放弃、变更请求，进行和解，提起或撤回申请）",
            f"特别授权的具体事项：{BLANK}{BLANK}",
            f"委托期限：自{BLANK}起至{BLANK}止。",
            f"委托人（签名或盖章）：{BLANK} 受托人（签名）：{BLANK}",
            "＿＿＿＿年＿＿月＿＿日",
            "说明：委托代理人参加仲裁活动，应当向仲裁委员会提交有委托人签名或者盖章的授权委托书，委托书应当载明委托事项和权限（劳动争议调解仲裁法第二十四条）。",
        ],
    ),
}


def _read(storage, path):
    with storage.open(path) as handle:
        return handle.read()


def load_documents() -> tuple[dict, list[str]]:
    """{key: Document} for every template, creating the missing ones; and what changed."""
    Document = get_document_model()
    # A database emptied by a test flush has no root collection; Wagtail's migration
    # makes it (home/0003 names it 根目录).
    collection = Collection.get_first_root_node() or Collection.add_root(name="根目录")
    documents, changes = {}, []
    for key, (title, filename, paragraphs) in FORM_TEMPLATES.items():
        document = Document.objects.filter(title=title).first()
        if document is None:
            document = Document(title=title, collection=collection)
            content = docx_bytes(title, paragraphs)
            path = f"documents/{filename}"
            storage = document.file.storage
            if storage.exists(path) and _read(storage, path) == content:
                document.file.name = path  # the same file from an earlier load: reuse it
            else:
                document.file.save(filename, ContentFile(content), save=False)
            document._set_document_file_metadata()  # size and hash, as the admin form does
            document.save()
            changes.append(f"document {title}")
        documents[key] = document
    return documents, changes
