"""The demo's privacy notice at /privacy/ (PrivacyNoticePage; ADR 0039): real content an
editor then keeps up to date. The retention periods are shown from the settings by the
page itself; the contact details come from the site settings."""

import datetime

from cases.privacy import PRIVACY_NOTICE_VERSION
from home.models import PrivacyNoticePage

SLUG = "privacy"
TITLE = "个人信息保护告知"
INTRO = "我们如何处理您在申请调解、申请组建工会或调解委员会指导时提供的个人信息。"
EFFECTIVE = datetime.date(2024, 1, 1)

BODY = (
    "<h2>谁处理您的个人信息</h2>"
    "<p>个人信息处理者为随州市劳动人事争议“一站式”多元联调联处中心，以及共同设立中心的"
    "随州市人力资源和社会保障局、随州市中级人民法院、随州市总工会、随州市司法局。"
    "您的申请只交给负责办理的机构及其调解组织。</p>"
    "<h2>处理哪些个人信息</h2>"
    "<p>姓名、手机号码、电子邮箱（选填）、身份证件号码、工作单位、争议事实和请求，"
    "以及您上传的证据材料。</p>"
    "<h2>为什么处理</h2>"
    "<p>用于登记、分办和办理您的调解申请或指导申请，联系您、告知办理进度，"
    "并形成不含个人信息的统计数据。我们不将您的个人信息用于其他目的，不公开，"
    "不向其他单位提供，法律、行政法规另有规定的除外。</p>"
    "<h2>处理依据</h2>"
    "<p>《中华人民共和国个人信息保护法》第十三条：为订立、履行您作为一方当事人的合同"
    "（申请调解）所必需，为履行法定职责所必需，并经您同意。提交申请前您需阅读本告知并勾选同意。</p>"
    "<h2>敏感个人信息</h2>"
    "<p>身份证件号码属于敏感个人信息（个人信息保护法第二十八条）。我们只在确认当事人身份、"
    "办理调解和出具文书所必需时处理，并依照第二十九条取得您的单独同意。"
    "列表和文书中只显示部分号码；工作人员查看完整号码时均留有记录。</p>"
    "<h2>您的权利</h2>"
    "<p>您有权查阅、复制、更正、补充您的个人信息，有权请求删除（法律规定的保存期限未满的除外），"
    "有权要求我们解释处理规则。请拨打中心服务热线或到中心窗口提出，我们将在十五个工作日内答复。</p>"
)


def load(stdout):
    from home.models import HomePage

    home = HomePage.objects.first()
    if home is None or PrivacyNoticePage.objects.exists():
        return []
    page = PrivacyNoticePage(
        title=TITLE,
        slug=SLUG,
        intro=INTRO,
        body=BODY,
        version=PRIVACY_NOTICE_VERSION,
        effective_date=EFFECTIVE,
        search_description=INTRO,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return ["privacy notice"]
