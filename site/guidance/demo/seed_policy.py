"""Publish the seed policy document (随人社函〔2023〕57号) in full as a policy page."""

import datetime
import re
from html import escape
from pathlib import Path

from directory.models import Agency
from guidance.choices import Topic, Validity
from guidance.models import PolicyIndexPage, PolicyPage

SOURCE = Path(__file__).resolve().parent / "content" / "sui-ren-she-han-2023-57.txt"
SLUG = "sui-ren-she-han-2023-57"
TITLE = '关于印发《关于推进劳动人事争议纠纷"一站式"多元联调处置机制的补充意见》的通知'
DOCUMENT_NUMBER = "随人社函〔2023〕57号"
ISSUER_CODES = ["hrss-city", "court-city", "union_federation-city", "justice-city"]
SIGNED = datetime.date(2023, 7, 27)
REFERENCE = "随人社发〔2023〕7号《关于构建劳动人事争议纠纷“一站式”多元联调处置机制的意见》"

HEADING = re.compile(r"^[一二三四五六七八九十]+、")
# The masthead of the source (issuers, the word 文件, the number and the title) is
# replaced by the metadata block; the body starts at the salutation.
BODY_START = "各县、市、区"
OPINION_TITLE = "关于推进劳动人事争议纠纷"


def document_html() -> str:
    """The document's text from the salutation on; the metadata are the page's fields."""
    lines = [line.strip() for line in SOURCE.read_text(encoding="utf-8").splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith(BODY_START))
    parts = []
    body = lines[start:]
    index = 0
    while index < len(body):
        line = body[index]
        if not line:
            index += 1
            continue
        if line == OPINION_TITLE and index + 1 < len(body):
            parts.append("<h2>" + escape(line + body[index + 1]) + "</h2>")
            index += 2
            continue
        if HEADING.match(line):
            parts.append("<h3>" + escape(line) + "</h3>")
        else:
            parts.append("<p>" + escape(line) + "</p>")
        index += 1
    return "".join(parts)


def load(stdout):
    section = PolicyIndexPage.objects.get()
    if PolicyPage.objects.filter(slug=SLUG).exists():
        return []
    page = PolicyPage(
        title=TITLE,
        slug=SLUG,
        document_number=DOCUMENT_NUMBER,
        date_signed=SIGNED,
        date_published=SIGNED,
        validity=Validity.IN_FORCE,
        topic=Topic.MEDIATION,
        summary="随州市人社局、中级人民法院、总工会、司法局关于完善多元调解、裁诉衔接、"
        "调解队伍建设和工作保障的补充意见。",
        body=document_html(),
        references=REFERENCE,
        search_description="随州市人社局、中级人民法院、总工会、司法局关于推进劳动人事争议纠纷"
        "“一站式”多元联调处置机制的补充意见。",
    )
    page.issuers = list(Agency.objects.filter(code__in=ISSUER_CODES).order_by("kind"))
    section.add_child(instance=page)
    page.save_revision().publish()
    return [f"seed policy {DOCUMENT_NUMBER}"]
