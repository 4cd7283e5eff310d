"""Admin forms of publications: a notice or a policy is never published without its text.

Wagtail lets drafts be saved incomplete (required fields are deferred for drafts), and a
rich text editor emptied by the editor still posts `<p></p>`, which passes "required". So
publishing (and submitting for review) checks that the body has visible text; saving a
draft does not, as for every other required field.
"""

from html import unescape

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


def has_text(html: str) -> bool:
    return bool(unescape(strip_tags(html or "")).strip())


class PublicationPageForm(WagtailAdminPageForm):
    text_fields = ("body",)

    def clean(self):
        cleaned = super().clean()
        if self.is_deferred_validation:
            return cleaned
        for name in self.text_fields:
            if name in self.fields and name not in self.errors and not has_text(cleaned.get(name)):
                self.add_error(name, _("Write the text before publishing: it is empty."))
        return cleaned
