"""robots.txt, sitemap, descriptions, canonical URLs and Open Graph tags."""

import pytest

pytestmark = pytest.mark.django_db


def test_robots_txt(client, demo_site):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "User-agent: *" in text and "Disallow: /admin/" in text and "Disallow: /search/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_sitemap_lists_publishing_pages(client, demo_site):
    xml = client.get("/sitemap.xml").content.decode()
    for path in [
        "/policies/",
        "/policies/sui-ren-she-han-2023-57/",
        "/notices/",
        "/guidance/union-setup/",
    ]:
        assert f"<loc>http://localhost{path}</loc>" in xml or f"{path}</loc>" in xml


@pytest.mark.parametrize(
    ("path", "og_type"),
    [
        ("/policies/sui-ren-she-han-2023-57/", "article"),
        ("/guidance/apply-for-mediation/", "article"),
        ("/notices/", "website"),
    ],
)
def test_pages_have_description_canonical_and_open_graph(client, demo_site, path, og_type):
    html = client.get(path).content.decode()
    assert '<meta name="description" content="' in html
    assert f'<link rel="canonical" href="http://localhost{path}">' in html
    assert f'<meta property="og:url" content="http://localhost{path}">' in html
    assert f'<meta property="og:type" content="{og_type}">' in html
    assert '<meta property="og:title" content="' in html
    assert '<meta property="og:description" content="' in html
    assert '<meta property="og:locale" content="zh_CN">' in html


def test_guidance_description_falls_back_to_summary(client, demo_site):
    from guidance.models import GuidancePage

    page = GuidancePage.objects.get(slug="union-setup")
    page.search_description = ""
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert f'<meta name="description" content="{page.summary}">' in html
