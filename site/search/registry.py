"""The models site search looks in, with how to show each. Apps register their own.

In an app's `AppConfig.ready()`:

    from search.registry import register
    register("organization", _("Mediation organization"), "directory.MediationOrganization",
             queryset=lambda model: model.objects.filter(is_public=True),
             text=lambda obj: obj.description,
             url=lambda obj, request: obj.get_absolute_url())

Page models need only key, label and model: by default only live, public pages are
searched, the page URL is used and the date is the first publication. `title_field` names
the field shown as the result's title and used to rank title matches first (default:
`title`, else `name`); the search reads only that field for its ranking, and full objects
only for the page of results shown.
The model must be indexed (`index.Indexed` with `search_fields`); the backend segments
Chinese in every SearchField, so nothing else is needed.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.utils.html import strip_tags
from wagtail.models import Page

from search.stream_text import stream_text


def _default_queryset(model):
    if issubclass(model, Page):
        return model.objects.live().public()
    return model.objects.all()


def _default_url(obj, request):
    if isinstance(obj, Page):
        return obj.get_url(request)
    return obj.get_absolute_url()


def _default_date(obj):
    value = getattr(obj, "date_published", None) or getattr(obj, "first_published_at", None)
    return value


def _default_text(obj):
    parts = [getattr(obj, "search_description", ""), getattr(obj, "summary", "")]
    body = getattr(obj, "body", None)
    if body is not None:
        parts.append(strip_tags(str(body)) if isinstance(body, str) else _stream_text(body))
    return "\n".join(part for part in parts if part)


def _stream_text(stream):
    """Plain text of a StreamField value (its blocks' searchable content, from the stored
    data: see search/stream_text.py)."""
    try:
        return " ".join(stream_text(stream))
    except AttributeError:
        return strip_tags(str(stream))


@dataclass(frozen=True)
class SearchableType:
    key: str
    label: str
    model_label: str
    queryset: Callable = _default_queryset
    url: Callable = _default_url
    date: Callable = _default_date
    text: Callable = _default_text
    title_field: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def model(self):
        return apps.get_model(self.model_label)

    @property
    def title_field_name(self) -> str | None:
        """The model field holding the title, or None (then `str(obj)` is the title)."""
        if self.title_field:
            return self.title_field
        names = {f.name for f in self.model._meta.get_fields()}
        return next((name for name in ("title", "name") if name in names), None)

    def title_of(self, obj) -> str:
        """The title shown for a loaded object (a page's title, else its str())."""
        return getattr(obj, "title", None) or str(obj)

    def get_queryset(self):
        return self.queryset(self.model)


_registry: dict[str, SearchableType] = {}


def register(key, label, model_label, **options) -> SearchableType:
    """Add a searchable type (registering the same key again replaces it)."""
    entry = SearchableType(key=key, label=label, model_label=model_label, **options)
    _registry[key] = entry
    return entry


def searchable_types() -> list[SearchableType]:
    """Registered types, in registration order (the order of the type filter)."""
    return list(_registry.values())


def get_type(key) -> SearchableType | None:
    return _registry.get(key)


def searchable_querysets(entries) -> dict:
    """{key: queryset} for `entries`, reading the page view restrictions once.

    Wagtail's `public()` reads every view restriction each time it is called; the
    default queryset of each page type would read them again (three queries a search).
    """
    private = None
    querysets = {}
    for entry in entries:
        if entry.queryset is _default_queryset and issubclass(entry.model, Page):
            if private is None:
                private = Page.objects.all().private_q()
            querysets[entry.key] = entry.model.objects.live().exclude(private)
        else:
            querysets[entry.key] = entry.get_queryset()
    return querysets
