"""What editors tell the search: synonyms (promoted results live in Wagtail's
search_promotions app)."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

# Equivalents may be separated by spaces, commas (both widths), 、, ；, = or new lines.
SEPARATORS = re.compile(r"[\s,，、;；=]+")
MAX_TERM_LENGTH = 20


def split_terms(text: str) -> list[str]:
    """The distinct terms of `text` in order, lower-cased."""
    terms = []
    for term in SEPARATORS.split(text or ""):
        term = term.strip().lower()
        if term and term not in terms:
            terms.append(term)
    return terms


class Synonym(index.Indexed, models.Model):
    """A term and the words that mean the same to a visitor: a search for any of them
    finds pages with any of them (search/synonyms.py)."""

    term = models.CharField(_("Term"), max_length=MAX_TERM_LENGTH, unique=True)
    equivalents = models.TextField(
        _("Equivalents"),
        help_text=_("Words with the same meaning, separated by spaces, commas or 、."),
    )

    search_fields = [index.SearchField("term"), index.SearchField("equivalents")]

    class Meta:
        ordering = ["term"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return f"{self.term} = {'、'.join(self.equivalent_terms())}"

    def equivalent_terms(self) -> list[str]:
        return [t for t in split_terms(self.equivalents) if t != self.term.strip().lower()]

    def clean(self):
        self.term = self.term.strip()
        if SEPARATORS.search(self.term):
            raise ValidationError({"term": _("Enter one word, without spaces or commas.")})
        terms = self.equivalent_terms()
        if not terms:
            raise ValidationError({"equivalents": _("Enter at least one other word.")})
        if any(len(t) > MAX_TERM_LENGTH for t in terms):
            raise ValidationError(
                {"equivalents": _("Each word can be at most 20 characters long.")}
            )
