"""Editor-defined synonyms: a query word with equivalents finds pages with any of them."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from search.models import Synonym
from search.services import site_search
from search.synonyms import split_by_synonyms, synonym_groups

pytestmark = pytest.mark.django_db

WAGE_GUIDE = "申请劳动争议调解"


def titles(query):
    return [hit.title for hit in site_search(query).hits]


@pytest.mark.usefixtures("demo_site")
def test_everyday_words_find_the_pages_that_use_the_official_ones():
    assert WAGE_GUIDE in titles("讨薪")
    assert WAGE_GUIDE in titles("欠薪")
    assert titles("开除") and titles("开除") == titles("辞退")


@pytest.mark.usefixtures("demo_site")
def test_a_synonym_and_other_words_are_all_required():
    assert WAGE_GUIDE in titles("讨薪 调解")
    assert titles("讨薪 区块链") == []


@pytest.mark.usefixtures("demo_site")
def test_search_page_highlights_the_synonym_found(client):
    html = client.get(reverse("search"), {"q": "讨薪"}).content.decode()
    assert WAGE_GUIDE in html
    assert "<mark>" in html.split(WAGE_GUIDE, 1)[1]


def test_groups_sharing_a_word_merge_and_the_query_is_read_longest_first():
    Synonym.objects.create(term="讨薪", equivalents="欠薪")
    Synonym.objects.create(term="欠薪", equivalents="拖欠工资、工资拖欠")
    group = synonym_groups()["讨薪"]
    assert set(group) == {"讨薪", "欠薪", "拖欠工资", "工资拖欠"}
    found, rest = split_by_synonyms("怎么讨薪 工资拖欠")
    assert found == [group]
    assert rest.split() == ["怎么"]


def test_the_cache_follows_saves_and_deletes():
    assert synonym_groups() == {}
    synonym = Synonym.objects.create(term="热线", equivalents="电话")
    assert set(synonym_groups()["电话"]) == {"热线", "电话"}
    synonym.equivalents = "联系方式"
    synonym.save()
    assert "电话" not in synonym_groups()
    synonym.delete()
    assert synonym_groups() == {}


@pytest.mark.parametrize(
    "term, equivalents, field",
    [("讨 薪", "欠薪", "term"), ("讨薪", " ，、 ", "equivalents"), ("讨薪", "讨薪", "equivalents")],
)
def test_bad_synonyms_are_refused(term, equivalents, field):
    with pytest.raises(ValidationError) as error:
        Synonym(term=term, equivalents=equivalents).full_clean()
    assert field in error.value.message_dict
    assert not Synonym.objects.exists()


def test_editors_manage_synonyms_in_the_admin(admin_client):
    url = reverse("wagtailsnippets_sitesearch_synonym:add")
    response = admin_client.post(url, {"term": "讨薪", "equivalents": "欠薪，拖欠工资"})
    assert response.status_code == 302
    assert set(synonym_groups()["拖欠工资"]) == {"讨薪", "欠薪", "拖欠工资"}
    response = admin_client.post(url, {"term": "讨薪", "equivalents": ""})
    assert response.status_code == 200
    assert Synonym.objects.count() == 1
