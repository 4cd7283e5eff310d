"""Publish the seed policy document (随人社函〔2023〕57号) in full as a plain page."""

import re
from html import escape
from pathlib import Path

from home.models import HomePage, StandardPage

SOURCE = Path(__file__).resolve().parent / "content" / "sui-ren-she-han-2023-57.txt"
SLUG = "sui-ren-she-han-2023-57"
TITLE = '关于印发《关于推进劳动人事争议纠纷"一站式"多元联调处置机制的补充意见》的通知'
DOCUMENT_NUMBER = "随人社函〔2023〕57号"
ISSUERS = "随州市人力资源和社会保障局；湖北省随州市中级人民法院；随州市总工会；随州市司法局"
DATE_SIGNED = "2023年7月27日"
REFERENCE = "随人社发〔2023〕7号《关于构建劳动人事争议纠纷“一站式”多元联调处置机制的意见》"

HEADING = re.compile(r"^[一二三四五六七八九十]+、")
# The masthead of the source (issuers, the word 文件, the number and the title) is
# replaced by the metadata block; the body starts at the salutation.
BODY_START = "各县、市、区"
OPINION_TITLE = "关于推进劳动人事争议纠纷"


def document_html() -> str:
    lines = [line.strip() for line in SOURCE.read_text(encoding="utf-8").splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith(BODY_START))
    parts = [
        "<p><b>文号：</b>" + escape(DOCUMENT_NUMBER) + "</p>",
        "<p><b>发文机关：</b>" + escape(ISSUERS) + "</p>",
        "<p><b>成文日期：</b>" + DATE_SIGNED + "</p>",
        "<p><b>有效性：</b>有效</p>",
        "<p><b>相关文件：</b>" + escape(REFERENCE) + "（原文暂未收录）</p>",
    ]
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
    home = HomePage.objects.get()
    section = home.get_children().get(slug="policies")
    if section.get_children().filter(slug=SLUG).exists():
        return []
    page = StandardPage(
        title=TITLE,
        slug=SLUG,
        intro=f"{DOCUMENT_NUMBER}　{DATE_SIGNED}",
        body=document_html(),
        list_children=False,
        search_description="随州市人社局、中级人民法院、总工会、司法局关于推进劳动人事争议纠纷"
        "“一站式”多元联调处置机制的补充意见。",
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    return [f"seed policy {DOCUMENT_NUMBER}"]
