"""StreamField blocks for guidance pages. Each has a template and an admin preview."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from home.center_contact import center_contact

TEMPLATES = "guidance/blocks/"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=60, label=_("Step"))
    detail = blocks.TextBlock(required=False, label=_("What happens"))


class StepsBlock(blocks.StructBlock):
    """办理流程: numbered steps."""

    heading = blocks.CharBlock(max_length=40, default="办理流程", label=_("Heading"))
    steps = blocks.ListBlock(StepBlock(), min_num=1, label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Steps")
        template = TEMPLATES + "steps.html"
        preview_value = {
            "heading": "办理流程",
            "steps": [
                {"title": "提交申请", "detail": "在线填写申请，或到中心窗口现场申请。"},
                {"title": "受理", "detail": "中心在3个工作日内决定是否受理。"},
            ],
        }
        description = _("Numbered steps of the procedure.")


class MaterialBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=100, label=_("Material"))
    note = blocks.CharBlock(max_length=200, required=False, label=_("Note"))
    required = blocks.BooleanBlock(required=False, default=True, label=_("Required"))


class MaterialsBlock(blocks.StructBlock):
    """所需材料: what to bring."""

    heading = blocks.CharBlock(max_length=40, default="所需材料", label=_("Heading"))
    materials = blocks.ListBlock(MaterialBlock(), min_num=1, label=_("Materials"))

    class Meta:
        icon = "doc-full"
        label = _("Required materials")
        template = TEMPLATES + "materials.html"
        preview_value = {
            "heading": "所需材料",
            "materials": [
                {"name": "申请人身份证件", "note": "复印件一份", "required": True},
                {"name": "劳动合同", "note": "如有", "required": False},
            ],
        }
        description = _("Documents the applicant needs.")


class TimeLimitBlock(blocks.StructBlock):
    stage = blocks.CharBlock(max_length=60, label=_("Stage"))
    limit = blocks.CharBlock(max_length=60, label=_("Time limit"))
    basis = blocks.CharBlock(max_length=120, required=False, label=_("Basis"))


class TimeLimitsBlock(blocks.StructBlock):
    """办理时限: the legal and service clocks."""

    heading = blocks.CharBlock(max_length=40, default="办理时限", label=_("Heading"))
    limits = blocks.ListBlock(TimeLimitBlock(), min_num=1, label=_("Time limits"))

    class Meta:
        icon = "time"
        label = _("Time limits")
        template = TEMPLATES + "time_limits.html"
        preview_value = {
            "heading": "办理时限",
            "limits": [
                {
                    "stage": "调解",
                    "limit": "自受理之日起15日内结束",
                    "basis": "劳动争议调解仲裁法第十四条",
                }
            ],
        }
        description = _("How long each stage may take, with its legal basis.")


class CitationBlock(blocks.StructBlock):
    source = blocks.CharBlock(max_length=100, label=_("Law or document"))
    article = blocks.CharBlock(max_length=40, required=False, label=_("Article"))
    excerpt = blocks.TextBlock(required=False, label=_("Text cited"))
    page = blocks.PageChooserBlock(
        required=False, page_type="guidance.PolicyPage", label=_("Policy page on this site")
    )


class LegalBasisBlock(blocks.StructBlock):
    """法律依据: cited articles, linked to policy pages where the site has them."""

    heading = blocks.CharBlock(max_length=40, default="法律依据", label=_("Heading"))
    citations = blocks.ListBlock(CitationBlock(), min_num=1, label=_("Citations"))

    class Meta:
        icon = "openquote"
        label = _("Legal basis")
        template = TEMPLATES + "legal_basis.html"
        preview_value = {
            "heading": "法律依据",
            "citations": [
                {
                    "source": "《中华人民共和国劳动争议调解仲裁法》",
                    "article": "第十四条",
                    "excerpt": "自劳动争议调解组织收到调解申请之日起十五日内未达成调解协议的，"
                    "当事人可以依法申请仲裁。",
                }
            ],
        }
        description = _("Laws and documents this guidance rests on.")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=120, label=_("Question"))
    answer = blocks.RichTextBlock(features=["bold", "link", "ol", "ul"], label=_("Answer"))


class QuestionsBlock(blocks.StructBlock):
    """常见问题: questions and answers as native <details> elements."""

    heading = blocks.CharBlock(max_length=40, default="常见问题", label=_("Heading"))
    questions = blocks.ListBlock(QuestionBlock(), min_num=1, label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        template = TEMPLATES + "questions.html"
        preview_value = {
            "heading": "常见问题",
            "questions": [{"question": "调解收费吗？", "answer": "<p>不收费。</p>"}],
        }
        description = _("Common questions, each opening to its answer.")


class CallToActionValue(blocks.StructValue):
    def href(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("url") or ""


class CallToActionBlock(blocks.StructBlock):
    """A prominent link to the application form (or another page)."""

    text = blocks.CharBlock(max_length=30, label=_("Button text"))
    description = blocks.CharBlock(max_length=120, required=False, label=_("Description"))
    page = blocks.PageChooserBlock(required=False, label=_("Target page"))
    url = blocks.CharBlock(
        max_length=200,
        required=False,
        label=_("Or a site path"),
        help_text=_("Use when the target is not a page, e.g. /apply/mediation/."),
    )

    def clean(self, value):
        value = super().clean(value)
        url = (value.get("url") or "").strip()
        errors = {}
        if bool(value.get("page")) == bool(url):
            message = _("Choose a target page or enter a site path, not both.")
            errors["page"] = ErrorList([ValidationError(message)])
        elif url and not (url.startswith("/") and not url.startswith("//")):
            message = _("A site path starts with a single slash, e.g. /track/.")
            errors["url"] = ErrorList([ValidationError(message)])
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "link"
        label = _("Call to action")
        value_class = CallToActionValue
        template = TEMPLATES + "call_to_action.html"
        preview_value = {
            "text": "在线申请调解",
            "description": "填写申请，中心在3个工作日内联系您。",
            "url": "/apply/",
        }
        description = _("A button leading to the application form.")


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=60, label=_("Name"))
    address = blocks.CharBlock(max_length=120, required=False, label=_("Address"))
    phone = blocks.CharBlock(max_length=40, required=False, label=_("Phone"))
    hours = blocks.CharBlock(max_length=120, required=False, label=_("Office hours"))
    note = blocks.CharBlock(max_length=200, required=False, label=_("Note"))

    class Meta:
        icon = "user"
        label = _("Contact card")
        template = TEMPLATES + "contact_card.html"
        preview_value = {
            "name": "中心受理窗口",
            "address": "随州市曾都区示例路1号（示例地址）",
            "phone": "0722-0000000（示例）",
            "hours": "周一至周五 8:30-12:00，14:30-17:30",
        }
        description = _("Where to go or whom to call.")


class CenterContactBlock(blocks.StructBlock):
    """The center's window. Address, hotline and hours are not stored in the page: they are
    read from the site settings when the page renders (home/center_contact.py), so every
    guide states what the footer states and an editor changes them in one place."""

    name = blocks.CharBlock(max_length=60, default="中心受理窗口", label=_("Name"))
    note = blocks.CharBlock(max_length=200, required=False, label=_("Note"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        chrome = (parent_context or {}).get("site_chrome")
        context["center"] = chrome if chrome else center_contact()
        return context

    class Meta:
        icon = "home"
        label = _("Center contact (from site settings)")
        template = TEMPLATES + "center_contact.html"
        preview_value = {"name": "中心受理窗口", "note": "可现场申请，也可口头申请。"}
        description = _("The center's address, hotline and hours as the site settings give them.")


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    note = blocks.CharBlock(max_length=120, required=False, label=_("Note"))


class DownloadsBlock(blocks.StructBlock):
    """文书模板下载: templates the applicant can fill in (Wagtail documents)."""

    heading = blocks.CharBlock(max_length=40, default="文书模板下载", label=_("Heading"))
    documents = blocks.ListBlock(DownloadBlock(), min_num=1, label=_("Documents"))

    class Meta:
        icon = "download"
        label = _("Downloads")
        template = TEMPLATES + "downloads.html"
        preview_value = {"heading": "文书模板下载", "documents": []}
        description = _("Document templates to download and fill in.")


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=60, label=_("Heading"))
    text = blocks.RichTextBlock(features=["bold", "link", "ol", "ul"], label=_("Text"))

    class Meta:
        icon = "pilcrow"
        label = _("Text section")
        template = TEMPLATES + "section.html"
        preview_value = {"heading": "适用范围", "text": "<p>用人单位与劳动者发生的劳动争议。</p>"}
        description = _("A heading with paragraphs.")


GUIDANCE_BLOCKS = [
    ("section", SectionBlock()),
    ("steps", StepsBlock()),
    ("materials", MaterialsBlock()),
    ("time_limits", TimeLimitsBlock()),
    ("legal_basis", LegalBasisBlock()),
    ("questions", QuestionsBlock()),
    ("call_to_action", CallToActionBlock()),
    (
        "contacts",
        blocks.ListBlock(
            ContactCardBlock(), label=_("Contact cards"), template=TEMPLATES + "contacts.html"
        ),
    ),
    ("center_contact", CenterContactBlock()),
    ("downloads", DownloadsBlock()),
]
