import re

from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls

from applications.api import api as public_api
from home import views as home_views
from portal.health import healthz
from search import views as search_views
from search.robots import robots_txt

# Styled pages, and JSON under /api/, for every error (portal.errors, ADR 0021).
handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler404 = "portal.errors.page_not_found"
handler500 = "portal.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("display-mode/", home_views.set_display_mode, name="display_mode"),
    path("api/v1/", public_api.urls),
    path("", include("applications.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("search/", search_views.search, name="search"),
]

if settings.SERVE_MEDIA:
    # Public editor uploads (images); private evidence never lives under MEDIA_ROOT.
    urlpatterns += [
        re_path(
            r"^" + re.escape(settings.MEDIA_URL.lstrip("/")) + r"(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [
    # Wagtail's page serving catches everything else; keep it last.
    path("", include(wagtail_urls)),
]
