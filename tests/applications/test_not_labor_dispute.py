import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("reason", ["labor_service", "no_employer", "bogus"])
def test_page_names_the_wage_arrears_alternatives(client, reason):
    response = client.get(reverse("applications:not_labor_dispute"), {"reason": reason})
    assert response.status_code == 200
    html = response.content.decode()
    assert "可拨打12333" in html
    assert "劳动保障监察" in html
    assert "12348" in html
