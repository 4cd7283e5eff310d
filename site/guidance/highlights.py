"""The home page's latest notices and featured guidance, fetched in one query.

The home page has a budget of 8 SQL queries (ADR 0005), so both lists come from a single
query on the base Page table (title, url_path, search_description and first_published_at
live there): the newest notices by first publication, and the first guidance pages in the
order editors arranged them in the admin. Pages under a view restriction are left out.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, Q, Window
from django.db.models.functions import RowNumber
from wagtail.models import Page, PageViewRestriction

LATEST_NOTICES = 5
FEATURED_GUIDANCE = 6


def home_highlights() -> dict:
    from .models import GuidancePage, NoticePage

    notice_type = ContentType.objects.get_for_model(NoticePage)  # cached per process
    guidance_type = ContentType.objects.get_for_model(GuidancePage)
    target = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    restricted = PageViewRestriction.objects.annotate(target=target).filter(
        target__startswith=F("page__path")
    )
    pages = (
        Page.objects.filter(live=True, content_type__in=[notice_type, guidance_type])
        .exclude(Exists(restricted))
        .annotate(
            newest=Window(
                RowNumber(), partition_by=F("content_type"), order_by=F("first_published_at").desc()
            ),
            in_order=Window(RowNumber(), partition_by=F("content_type"), order_by=F("path").asc()),
        )
        .filter(
            Q(content_type=notice_type, newest__lte=LATEST_NOTICES)
            | Q(content_type=guidance_type, in_order__lte=FEATURED_GUIDANCE)
        )
        .only(
            "title", "path", "url_path", "search_description", "first_published_at", "content_type"
        )
        .order_by("-first_published_at")
    )
    notices, guides = [], []
    for page in pages:
        (notices if page.content_type_id == notice_type.pk else guides).append(page)
    guides.sort(key=lambda page: page.path)
    return {"notices": notices, "guides": guides}
