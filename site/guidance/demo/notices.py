# ruff: noqa: E501 - long Chinese sentences read better unbroken
"""Demo notices: fictional announcements, visibly marked 示例."""

import datetime

from django.utils import timezone

from home.center_contact import center_contact

from ..models import NoticeIndexPage, NoticePage

NOTICES = [
    (
        "center-opens-online-applications",
        "关于开通劳动争议调解网上申请的通知（示例）",
        datetime.date(2026, 9, 1),
        "劳动者和用人单位可以通过本网站在线申请劳动争议调解，并凭申请编号查询办理进度。",
        "<p>为方便群众办事，即日起，劳动者和用人单位可以通过本网站“在线申请”栏目申请劳动争议调解，"
        "申请组建工会或企业劳动争议调解委员会的指导，并凭申请编号和手机号码查询办理进度。"
        "中心受理窗口的现场申请照常办理。调解不收费。</p><p>（本通知为演示内容，示例）</p>",
    ),
    (
        "joint-mediator-training-2026",
        "关于举办2026年劳动人事争议调解员联合培训的通知（示例）",
        datetime.date(2026, 10, 15),
        "市人社局、市中级人民法院、市总工会、市司法局联合举办调解员培训。",
        "<p>为推进调解队伍建设，市人社局、市中级人民法院、市总工会、市司法局定于示例日期在中心联合举办"
        "劳动人事争议调解员培训，内容包括劳动争议调解仲裁法、特邀调解工作规范和调解技巧。"
        "请各调解组织推荐参训人员。</p><p>（本通知为演示内容，示例）</p>",
    ),
    (
        "litigation-station-hours",
        "关于诉讼服务站办公时间的公告（示例）",
        datetime.date(2026, 11, 2),
        "中心诉讼服务站受理对仲裁裁决不服的诉讼立案，工作日办公。",
        "<p>曾都区人民法院设在中心的诉讼服务站受理当事人对仲裁裁决不服的诉讼立案，办公时间为"
        "{office_hours}，咨询电话{hotline}。</p><p>（本公告为演示内容，示例）</p>",
    ),
]


def load(stdout):
    index = NoticeIndexPage.objects.get()
    existing = set(index.get_children().values_list("slug", flat=True))
    changes = []
    center = center_contact()  # the center's hours and hotline, as the site settings give
    for slug, title, date, summary, body in NOTICES:
        body = body.format(**center)
        if slug in existing:
            continue
        page = NoticePage(
            title=title,
            slug=slug,
            date_published=date,
            summary=summary,
            body=body,
            search_description=summary,
            first_published_at=timezone.make_aware(
                datetime.datetime.combine(date, datetime.time(9))
            ),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        changes.append(f"notice {title}")
    return changes
