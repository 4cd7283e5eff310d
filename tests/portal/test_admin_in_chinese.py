"""The back office is Chinese throughout (issue #17, item 6): each demo staff role signs in
and renders the admin pages a clerk uses; any visible text or read-aloud attribute with an
English word outside the allow-list of proper nouns and codes fails the test."""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.portal.english_text import english_findings

# Proper nouns, codes and key names a Chinese clerk sees as they are.
ALLOWED_WORDS = {
    "wagtail",
    "ctrl",
    "shift",
    "alt",
    "esc",
    "tab",
    "enter",
    "id",
    "url",
    "pdf",
    "sms",
    "api",
    "csv",
    "xlsx",
    "excel",
    "email",
    "microsoft",
    "google",
    "authenticator",
    "freeotp",
    "totp",
    "qr",
    "avif",
    "gif",
    "jpg",
    "jpeg",
    "png",
    "webp",
    "svg",
    "mb",
    "kb",
    "sz",
    "http",
    "https",
    "localhost",
    "utc",
    "icp",
    "javascript",
}
# Hard-coded in Wagtail 8.0.1 and not translatable: the submit button of the dashboard's
# search form (wagtailadmin/home.html, "w-sr-only"), the empty issue counter of the page
# status panel ("None" inside a `hidden` element until a script fills it) and, on a new
# page, "To be created by <user>" in the workflow panel (side_panels/includes/status/
# workflow.html), and the hidden label "Page" of the page field in the group and workflow
# forms (a form field without a label: users/forms.py, admin/forms/workflows.py).
# The promoted-result form's "External link text" is a field of Wagtail's SearchPromotion
# with no verbose_name (Django derives the English label from the field name).
# Everything else is fixed, not listed.
UNTRANSLATABLE = {
    ("@value", "Search"),
    ("text", "None"),
    ("text", "Page"),
    ("text", "External link text"),
}
UNTRANSLATABLE_PREFIXES = ("To be created by ",)

ROLES = ["admin", "editor", "reviewer", "hrss-zengdu", "hrss-zengdu-head"]


def data_words():
    """Words that are data, not interface: usernames, e-mail addresses, agency codes."""
    from directory.models import Agency

    words = set()
    for value in get_user_model().objects.values_list("username", "email"):
        words |= _words(" ".join(value))
    for code in Agency.objects.values_list("code", flat=True):
        words |= _words(code)
    return words


def _words(text):
    return {word.lower() for word in re.findall(r"[A-Za-z]+", text)}


LISTINGS = [
    "/admin/documents/",
    "/admin/images/",
    "/admin/snippets/cases/routingrule/",
    "/admin/cases/",
    "/admin/cases/?tab=all",
    "/admin/cases/referrals/",
    "/admin/cases/referrals/register/",
    "/admin/cases/referrals/tokens/",
    "/admin/cases/walk-in/",
    "/admin/cases/audit/",
    "/admin/statistics/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/directory/agencies/",
    "/admin/directory/organizations/",
    "/admin/directory/mediators/",
    "/admin/directory/memberships/",
    "/admin/directory/training/",
    "/admin/notifications/",
    "/admin/routing-preview/",
    "/admin/two-factor/",
    "/admin/reports/locked/",
    "/admin/reports/workflow/",
    "/admin/workflows/list/",
    "/admin/searchpicks/",
    "/admin/searchpicks/add/",
    "/admin/searchpicks/reports/search-terms/",
    "/admin/snippets/sitesearch/synonym/",
]
# From a listing, the first link to one item's form or record (what a clerk opens next).
ITEM_LINK = re.compile(r'href="(/admin/[\w/-]+/(?:edit|inspect)/\d+/|/admin/cases/SZ-[\w-]+/)"')
# From a case page, its action forms and printable documents.
CASE_LINK = re.compile(r'href="(/admin/cases/SZ-[\w-]+/(?:actions|documents)/[\w-]+/)"')


def clerk_pages():
    """The fixed pages; the item pages are found by following links (`ITEM_LINK`)."""
    from wagtail.models import Page, Site

    from guidance.models import GuidanceIndexPage

    pages = ["/admin/", "/admin/pages/", "/admin/account/", "/admin/pages/search/?q=调解"]
    seen_types = set()
    for page in Page.objects.filter(depth__gte=2).order_by("path"):
        if page.get_children_count():
            pages.append(f"/admin/pages/{page.pk}/")
        if page.content_type_id not in seen_types:
            seen_types.add(page.content_type_id)
            pages.append(f"/admin/pages/{page.pk}/edit/")
    guides = GuidanceIndexPage.objects.get()
    pages.append(f"/admin/pages/add/guidance/guidancepage/{guides.pk}/")
    site = Site.objects.get(is_default_site=True)
    pages.append(f"/admin/settings/home/sitesettings/{site.pk}/")
    return pages + LISTINGS


@pytest.mark.usefixtures("demo_site")
def test_every_admin_page_a_clerk_uses_is_in_chinese(client):
    allowed = ALLOWED_WORDS | data_words()
    findings, rendered = [], {}
    for username in ROLES:
        client.force_login(get_user_model().objects.get(username=username))
        queue, seen = clerk_pages(), set()
        while queue:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            response = client.get(url)
            if response.status_code != 200:
                continue
            html = response.content.decode()
            rendered.setdefault(username, []).append(url)
            if url in LISTINGS:
                queue += ITEM_LINK.findall(html)[:1]
            queue += CASE_LINK.findall(html)
            for where, text in english_findings(html, allowed):
                if (where, text) not in UNTRANSLATABLE and not text.startswith(
                    UNTRANSLATABLE_PREFIXES
                ):
                    findings.append(f"{username} {url} {where}: {text!r}")
    pages = clerk_pages()
    assert set(pages) <= set(rendered["admin"]), set(pages) - set(rendered["admin"])
    assert all(rendered.get(username) for username in ROLES)
    # Item pages were reached: a case page with its actions, and edit forms.
    assert any("/actions/" in url for url in rendered["hrss-zengdu-head"])
    assert sum("/edit/" in url for url in rendered["admin"]) > len(ROLES)
    assert not findings, "\n".join(sorted(set(findings)))
