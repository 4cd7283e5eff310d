"""The demo page tree: home page, section pages, navigation and contact settings."""

from django.apps import apps
from django.conf import settings
from wagtail.models import Locale, Page, Site

from home.models import HomePage, NavigationItem, SiteSettings, StandardPage

HOME_TITLE = '随州市劳动人事争议"一站式"多元联调联处中心'
HOME_INTRO = (
    "<p>中心由随州市人力资源和社会保障局、随州市中级人民法院、随州市总工会、随州市司法局"
    "共同设立，为劳动者和用人单位提供案前调解、裁前调解、法院委派和委托调解、"
    "仲裁裁决后诉讼立案等<b>一站式</b>服务。调解不收费。</p>"
)

# (slug, title, summary, body) for each top-level section, in menu order.
SECTIONS = [
    (
        "policies",
        "政策文件",
        "劳动人事争议多元联调机制的政策依据。",
        "<p>本栏目发布市人社局、市中级人民法院、市总工会、市司法局联合制发的政策文件。</p>",
    ),
    (
        "notices",
        "通知公告",
        "中心的工作通知和公告。",
        "<p>本栏目发布中心的工作通知、培训安排和公告。</p>",
    ),
    (
        "guidance",
        "办事指南",
        "申请调解、组建工会和调解委员会的办事指南。",
        "<p>本栏目介绍申请劳动争议调解、企业组建工会、组建企业劳动争议调解委员会等事项的"
        "办理流程、所需材料和办理时限。</p>",
    ),
    (
        "organizations",
        "调解组织",
        "调解工作室、法官工作室、诉讼服务站等调解组织。",
        "<p>中心设有调解工作室、法官工作室和诉讼服务站。各县、市、区人社局、总工会、"
        "司法局也设有劳动人事争议调解组织。</p>",
    ),
    (
        "apply",
        "在线申请",
        "申请劳动争议调解，或申请组建工会、调解委员会的指导。",
        "<p>劳动者或用人单位可以申请劳动争议调解；企业可以申请组建工会或"
        "企业劳动争议调解委员会的指导。也可以携带身份证件到中心窗口现场申请。</p>",
    ),
    (
        "track",
        "进度查询",
        "查询申请的办理进度。",
        "<p>提交申请后，凭申请编号和申请时填写的手机号码查询办理进度，"
        "也可以拨打中心服务热线查询。</p>",
    ),
]

# The public statistics (数据公开): a page of its own, outside the main navigation.
STATISTICS = (
    "statistics",
    "数据公开",
    "各地区劳动人事争议调解的季度数据。",
    "<p>本页按季度公开各地区劳动人事争议调解的收案、结案、调解成功率和办理时效。"
    "数据不含任何个人信息；少于5件的数字不予显示。</p>",
)

# Sections that have their own page type (an index page with `intro` rich text); the
# others are StandardPages.
SECTION_TYPES = {
    "policies": "guidance.PolicyIndexPage",
    "notices": "guidance.NoticeIndexPage",
    "guidance": "guidance.GuidanceIndexPage",
    "organizations": "directory.OrganizationIndexPage",
}


def new_section(slug, title, summary, body):
    """An unsaved page for a top-level section, of the section's own type."""
    if slug in SECTION_TYPES:
        model = apps.get_model(SECTION_TYPES[slug])
        return model(title=title, slug=slug, intro=body, search_description=summary)
    return StandardPage(title=title, slug=slug, intro=summary, body=body)


CONTACT = {
    "hotline": "0722-0000000（示例）",
    "address": "随州市曾都区示例路1号（示例地址）",
    "office_hours": "周一至周五 8:30-12:00，14:30-17:30（法定节假日除外）",
    "email": "",
    "record_number": "鄂ICP备00000000号（示例）",
}


def load(stdout):
    changes = []
    home = HomePage.objects.first()
    if home is None:
        root = _tree_root()
        # Wagtail's migrations create a placeholder "Welcome" page; replace it.
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        home = HomePage(title=HOME_TITLE, slug="home", intro=HOME_INTRO, seo_title=HOME_TITLE)
        root.add_child(instance=home)
        home.save_revision().publish()
        changes.append("home page")

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=HOME_TITLE,
        )
        changes.append("default site")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = HOME_TITLE
        site.save()
        changes.append("default site points at the home page")
    site = Site.objects.get(is_default_site=True)

    sections = {}
    for slug, title, summary, body in SECTIONS:
        page = home.get_children().filter(slug=slug).first()
        if page is None:
            page = new_section(slug, title, summary, body)
            home.add_child(instance=page)
            page.save_revision().publish()
            changes.append(f"section {title}")
        sections[slug] = page

    if not home.get_children().filter(slug=STATISTICS[0]).exists():
        model = apps.get_model("reporting.StatisticsPage")
        slug, title, summary, intro = STATISTICS
        page = model(title=title, slug=slug, intro=intro, search_description=summary)
        home.add_child(instance=page)
        page.save_revision().publish()
        changes.append(f"section {title}")

    site_settings = SiteSettings.for_site(site)
    if not site_settings.hotline and not site_settings.address:
        for field, value in CONTACT.items():
            setattr(site_settings, field, value)
        site_settings.save()
        changes.append("site contact details")
    if not site_settings.menu.exists():
        for order, (slug, title, _summary, _body) in enumerate(SECTIONS):
            NavigationItem.objects.create(
                settings=site_settings, sort_order=order, label=title, page=sections[slug]
            )
        changes.append("main navigation")

    if not home.quick_actions:
        changes.extend(_load_quick_actions(home, sections))
    return changes


def _tree_root():
    """Wagtail's root node and default locale; recreated if a database flush removed them."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", live=True))
    return root


# (title, description, section slug or a site path, icon). The application forms live at
# fixed paths served by the applications app (site/applications/urls.py).
QUICK_ACTIONS = [
    ("申请调解", "劳动者、用人单位申请劳动争议调解", "/apply/mediation/", "apply"),
    ("企业组建工会", "申请组建工会的指导", "/apply/union-setup/", "union"),
    ("组建调解委员会", "组建企业劳动争议调解委员会", "/apply/committee-setup/", "committee"),
    ("进度查询", "凭申请编号查询办理进度", "track", "track"),
    ("找调解组织", "就近找到调解工作室", "organizations", "directory"),
]


def _load_quick_actions(home, sections):
    home.quick_actions = [
        (
            "action",
            {
                "title": title,
                "description": text,
                "page": None if target.startswith("/") else sections[target],
                "url": target if target.startswith("/") else "",
                "icon": icon,
            },
        )
        for title, text, target, icon in QUICK_ACTIONS
    ]
    home.save_revision().publish()
    return ["home page quick actions"]
