"""Joint training sessions (联合培训) and who attended them."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from .agencies import Agency
from .mediators import Mediator


class TrainingSession(index.Indexed, models.Model):
    date = models.DateField(verbose_name=_("Date"))
    topic = models.CharField(max_length=200, verbose_name=_("Topic"))
    hours = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("200"))],
        verbose_name=_("Hours"),
    )
    location = models.CharField(max_length=200, blank=True, verbose_name=_("Location"))
    organizers = models.ManyToManyField(
        Agency, related_name="training_sessions", verbose_name=_("Organizing agencies")
    )
    attendees = models.ManyToManyField(
        Mediator, related_name="training_sessions", blank=True, verbose_name=_("Attendees")
    )
    notes = models.TextField(blank=True, verbose_name=_("Notes"))

    search_fields = [
        index.SearchField("topic"),
        index.AutocompleteField("topic"),
        index.FilterField("date"),
    ]

    class Meta:
        ordering = ["-date", "topic"]
        verbose_name = _("Training session")
        verbose_name_plural = _("Training sessions")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.topic}"
