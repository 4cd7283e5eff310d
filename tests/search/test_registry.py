"""Other apps add their models to site search through the registry."""

import pytest

from home.models import StandardPage
from search import registry
from search.services import load_objects, site_search

pytestmark = pytest.mark.django_db


def test_a_registered_model_is_searched_labelled_and_filterable(client, demo_site, monkeypatch):
    monkeypatch.setattr(registry, "_registry", dict(registry._registry))
    registry.register("section", "栏目", "home.StandardPage")
    outcome = site_search("进度")
    sections = [hit for hit in outcome.hits if hit.type.key == "section"]
    assert [hit.pk for hit in sections] == [StandardPage.objects.get(slug="track").pk]
    html = client.get("/search/", {"q": "进度", "type": "section"}).content.decode()
    assert 'href="/track/"' in html and "栏目 (1)" in html


def test_non_page_models_use_their_own_queryset_and_url(demo_site, monkeypatch):
    from directory.models import Agency

    monkeypatch.setattr(registry, "_registry", dict(registry._registry))
    registry.register(
        "agency",
        "机构",
        "directory.Agency",
        queryset=lambda model: model.objects.filter(region="city"),
        url=lambda obj, request: f"/agencies/{obj.code}/",
        text=lambda obj: obj.name,
        date=lambda obj: None,
    )
    hits = [hit for hit in site_search("总工会").hits if hit.type.key == "agency"]
    assert [hit.pk for hit in hits] == [Agency.objects.get(code="union_federation-city").pk]
    assert hits[0].title == "随州市总工会"  # the model's `name` field serves as its title
    [shown] = load_objects(hits)
    assert shown.type.url(shown.obj, None) == "/agencies/union_federation-city/"
