"""StreamField blocks used on the home page."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

ICON_CHOICES = [
    ("apply", _("Apply")),
    ("union", _("Union")),
    ("committee", _("Committee")),
    ("track", _("Track")),
    ("directory", _("Directory")),
    ("document", _("Document")),
]


class QuickActionValue(blocks.StructValue):
    def href(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("url") or ""


class QuickActionBlock(blocks.StructBlock):
    """A tile on the home page that sends a visitor straight to a task."""

    title = blocks.CharBlock(max_length=20, label=_("Title"))
    description = blocks.CharBlock(max_length=60, required=False, label=_("Description"))
    page = blocks.PageChooserBlock(required=False, label=_("Target page"))
    url = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Or a site path"),
        help_text=_("Use when the target is not a page, e.g. /track/."),
    )
    icon = blocks.ChoiceBlock(choices=ICON_CHOICES, default="document", label=_("Icon"))

    def clean(self, value):
        value = super().clean(value)
        has_page, url = bool(value.get("page")), (value.get("url") or "").strip()
        errors = {}
        if has_page == bool(url):
            message = _("Choose a target page or enter a site path, not both.")
            errors["page"] = ErrorList([ValidationError(message)])
        elif url and not (url.startswith("/") and not url.startswith("//")):
            errors["url"] = ErrorList(
                [ValidationError(_("A site path starts with a single slash, e.g. /track/."))]
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "link"
        label = _("Quick action")
        value_class = QuickActionValue
        template = "blocks/quick_action.html"
        preview_value = {
            "title": "申请调解",
            "description": "在线提交劳动争议调解申请",
            "url": "/",
            "icon": "apply",
        }
        description = _("A tile linking to a common task.")
