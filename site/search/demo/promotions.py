"""Demo promoted results: editor-chosen answers for the commonest queries."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

PROMOTIONS = [
    ("电话", "organizations", "中心和各调解组织的地址、联系电话。"),
    ("热线", "organizations", "中心和各调解组织的地址、联系电话。"),
    ("申请", "apply", "在线申请劳动争议调解。"),
]


def load(stdout):
    changes = []
    for query_string, slug, description in PROMOTIONS:
        page = Page.objects.filter(slug=slug, depth=3).first()
        if page is None:
            continue
        query = Query.get(query_string)
        if query.editors_picks.exists():
            continue
        SearchPromotion.objects.create(
            query=query, page=page, description=description, sort_order=0
        )
        changes.append(f"promoted result for {query_string}")
    return changes
