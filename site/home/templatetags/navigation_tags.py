"""Main navigation with the current section marked."""

from django import template

from home.site_chrome import site_chrome

register = template.Library()


def _current_state(item_url_path, page):
    if page is None or not item_url_path:
        return ""
    if page.url_path == item_url_path:
        return "page"
    if page.url_path.startswith(item_url_path):
        return "true"
    return ""


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_navigation(context):
    request = context.get("request")
    page = context.get("page")
    entries = []
    if request is not None:
        for item in site_chrome(request).get("menu", []):
            entries.append(
                {
                    "label": item["label"],
                    "href": item["href"],
                    "current": _current_state(item["url_path"], page),
                }
            )
    home_current = "page" if page is not None and page.depth == 2 else ""
    return {"entries": entries, "home_current": home_current}
