"""The base of every page type on this site: Wagtail's Page, with its per-request privacy
lookups answered from the shared cache while no page is private.

Wagtail checks view restrictions on every page served (two queries: the page's ancestors,
then their restrictions) and `.public()` listings read every restriction (one query). The
demo and most installations restrict nothing, so whether any restriction exists is kept
per content generation: adding or removing one (the admin's privacy setting) purges the
generation (home/page_cache/invalidation.py) and the full checks resume at once.
"""

from wagtail.models import Page, PageViewRestriction

from home.page_cache.memo import per_generation


def restrictions_exist() -> bool:
    return per_generation("page-restrictions", PageViewRestriction.objects.exists)


def public(queryset):
    """`queryset.public()`, without the query when no page is restricted."""
    return queryset.public() if restrictions_exist() else queryset


class SitePage(Page):
    class Meta:
        abstract = True

    def get_view_restrictions(self):
        if not restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def cached_child_route(self, request, path_components):
        """Route to a child of any type with one query: which type each child slug has is
        kept per content generation (the home page's sections rarely change)."""
        from django.contrib.contenttypes.models import ContentType

        if not path_components:
            return super().route(request, path_components)
        children = per_generation(
            f"page-children:{self.pk}",
            lambda: {
                slug: (content_type, pk)
                for slug, content_type, pk in self.get_children().values_list(
                    "slug", "content_type_id", "pk"
                )
            },
        )
        found = children.get(path_components[0])
        if found is None:
            return super().route(request, path_components)
        model = ContentType.objects.get_for_id(found[0]).model_class()
        child = model.objects.filter(pk=found[1]).first() if model else None
        if child is None:  # gone since the map was made: let Wagtail decide
            return super().route(request, path_components)
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def typed_child_route(self, request, path_components, model):
        """Route to a child of a known type with one query (Wagtail's default fetches the
        child, then its specific row). For index pages whose children are all `model`."""
        from django.http import Http404

        if not path_components:
            return super().route(request, path_components)
        child = model.objects.child_of(self).filter(slug=path_components[0]).first()
        if child is None:
            raise Http404
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])
