"""The case queues at /admin/cases/: isolation, tabs, filters, search, sorting, paging,
masking, bad input, query counts, the menu item and the dashboard counts."""

import datetime

import pytest
from django.utils import timezone

from cases import references
from cases.models import Case
from casework.services.actions import perform
from directory.models import MediationOrganization, Mediator
from tests.casework.factories import make_case, mediation_payload, staff, union_payload

QUEUE = "/admin/cases/"


def listed(response) -> set[str]:
    """References of the cases a queue page lists."""
    html = response.content.decode()
    return {
        reference
        for reference in Case.objects.values_list("reference", flat=True)
        if f'class="casework-reference">{reference}<' in html
    }


def named(name, **kwargs):
    payload = mediation_payload(**kwargs)
    payload["applicant"]["name"] = name
    if kwargs.get("workers", 1) >= 10:
        payload["dispute"]["representative"] = "吴代表（示例）"
    return make_case(payload)


def copies(case, count, **changes):
    """`count` more cases like `case` (bulk-created: the queue does not care how)."""
    rows = []
    for _number in range(count):
        values = {
            field.attname: getattr(case, field.attname)
            for field in Case._meta.concrete_fields
            if field.attname not in ("id", "reference", "submission_key")
        }
        values.update(changes)
        rows.append(Case(reference=references.generate(), **values))
    return Case.objects.bulk_create(rows)


@pytest.fixture
def three_agencies(case_staff):
    return {
        "zengdu": named("王示例", region="zengdu"),
        "suixian": named("赵示例", region="suixian"),
        "union": make_case(union_payload(region="suixian")),
    }


def test_a_handler_sees_only_their_agencys_cases(login, three_agencies):
    response = login("hrss-zengdu").get(QUEUE)
    assert response.status_code == 200
    assert listed(response) == {three_agencies["zengdu"].reference}
    response = login("hrss-suixian-head").get(QUEUE)
    assert listed(response) == {three_agencies["suixian"].reference}
    response = login("union_federation-suixian").get(QUEUE)
    assert listed(response) == {three_agencies["union"].reference}


def test_center_admins_see_every_case_under_an_all_cases_tab(login, three_agencies):
    response = login("center-city-head").get(QUEUE)
    assert listed(response) == {case.reference for case in three_agencies.values()}
    html = response.content.decode()
    assert "全部案件" in html
    assert "本机构案件" not in html
    assert "随州市总工会" in html or "随县总工会" in html  # the agency column is shown


@pytest.mark.parametrize("username", ["hrss-zengdu-liaison", "outsider"])
def test_people_who_are_not_case_staff_are_refused(login, client, outsider, username):
    make_case()
    client.force_login(staff(username))
    response = client.get(QUEUE)
    # Wagtail answers PermissionDenied in the admin with a redirect to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    followed = client.get(QUEUE, follow=True).content.decode()
    assert "SZ-" not in followed
    assert "没有权限" in followed


def test_anonymous_visitors_are_sent_to_the_login_page(client, case_staff):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_tabs_mine_unassigned_due_soon_and_overdue(login, hrss_case):
    user = staff("hrss-zengdu")
    other = named("钱示例")
    due_soon = named("孙示例")
    overdue = named("李示例")
    perform(hrss_case, "accept", user, {}, hrss_case.version)  # assigns it to the acceptor
    today = timezone.localdate()
    Case.objects.filter(pk=due_soon.pk).update(next_due=today + datetime.timedelta(days=1))
    Case.objects.filter(pk=overdue.pk).update(next_due=today - datetime.timedelta(days=2))
    Case.objects.filter(pk=other.pk).update(next_due=today + datetime.timedelta(days=20))
    Case.objects.filter(pk=hrss_case.pk).update(next_due=today + datetime.timedelta(days=14))
    client = login("hrss-zengdu")

    assert listed(client.get(QUEUE + "?tab=mine")) == {hrss_case.reference}
    assert listed(client.get(QUEUE + "?tab=unassigned")) == {
        other.reference,
        due_soon.reference,
        overdue.reference,
    }
    due = client.get(QUEUE + "?tab=due_soon")
    assert listed(due) == {due_soon.reference}
    assert "即将到期" in due.content.decode()
    late = client.get(QUEUE + "?tab=overdue")
    assert listed(late) == {overdue.reference}
    assert "casework-badge--overdue" in late.content.decode()
    assert len(listed(client.get(QUEUE + "?tab=agency"))) == 4
    # Each tab shows its count.
    html = client.get(QUEUE).content.decode()
    assert (
        'href="?tab=mine" class="casework-tabs__tab">我的案件 <span class="casework-count">1<'
        in (html)
    )
    assert '本机构案件 <span class="casework-count">4<' in html


def test_filters_by_status_type_source_region_stage_and_dates(login, case_staff):
    pending = named("周示例", region="city", stage="arbitration_pending")
    union = make_case(union_payload(region="city"))
    collective = named("吴示例", region="city", workers=12)
    perform(collective, "accept", staff("center-city"), {}, collective.version)
    client = login("center-city-head")

    def only(query):
        return listed(client.get(QUEUE + "?tab=agency&" + query))

    assert only("status=accepted") == {collective.reference}
    assert only("status=open") == {pending.reference, union.reference, collective.reference}
    assert only("type=union_setup") == {union.reference}
    assert only("stage=arbitration_pending") == {pending.reference}
    assert only("source=online") == {pending.reference, union.reference, collective.reference}
    assert only("source=walk_in") == set()
    assert only("region=city&type=mediation") == {pending.reference, collective.reference}
    Case.objects.filter(pk=pending.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=40)
    )
    since = (timezone.localdate() - datetime.timedelta(days=10)).isoformat()
    assert only(f"submitted_from={since}") == {union.reference, collective.reference}
    assert only(f"submitted_to={since}") == {pending.reference}


def test_filter_by_assigned_mediator_or_organization(login, hrss_case):
    other = named("郑示例")
    mediator = Mediator.objects.filter(status="active").first()
    organization = MediationOrganization.objects.first()
    head = staff("hrss-zengdu-head")
    perform(hrss_case, "assign", head, {"mediator": mediator}, hrss_case.version)
    perform(other, "assign", head, {"organization": organization}, other.version)
    client = login("hrss-zengdu")
    assert listed(client.get(QUEUE + f"?assignee=m{mediator.pk}")) == {hrss_case.reference}
    assert listed(client.get(QUEUE + f"?assignee=o{organization.pk}")) == {other.reference}
    html = client.get(QUEUE).content.decode()
    assert f'<option value="m{mediator.pk}">{mediator.name}</option>' in html


def test_search_by_reference_party_name_or_phone(login, case_staff):
    first = named("欧阳示例", phone="13912345678")
    second = named("上官示例", phone="13800009999")
    client = login("hrss-zengdu")

    def found(text):
        return listed(client.get(QUEUE, {"q": text}))

    assert found(first.reference) == {first.reference}
    assert found(first.reference.lower().replace("-", " ")) == {first.reference}
    assert found("上官") == {second.reference}
    assert found("13912345678") == {first.reference}
    assert found("139-1234-5678") == {first.reference}
    assert found("9999") == {second.reference}
    assert found("随州示例制造") == {first.reference, second.reference}  # the respondent
    assert found("没有这个人") == set()


def test_sorting_by_deadline_or_submission(login, case_staff):
    early, late, none = named("甲示例"), named("乙示例"), named("丙示例")
    today = timezone.localdate()
    Case.objects.filter(pk=early.pk).update(next_due=today + datetime.timedelta(days=1))
    Case.objects.filter(pk=late.pk).update(next_due=today + datetime.timedelta(days=9))
    Case.objects.filter(pk=none.pk).update(next_due=None)
    client = login("hrss-zengdu")

    def order(query):
        html = client.get(QUEUE + query).content.decode()
        return sorted((early, late, none), key=lambda case: html.index(f">{case.reference}<"))

    assert order("") == [early, late, none]  # nearest deadline first, none last
    assert order("?sort=newest") == [none, late, early]
    assert order("?sort=oldest") == [early, late, none]


def test_deadline_order_runs_on_across_pages_into_cases_without_a_deadline(login, hrss_case):
    """27 cases with a deadline, then 30 without: page 2 holds the last 2 with a deadline and
    the first 23 without, page 3 the rest; nothing is listed twice or left out."""
    today = timezone.localdate()
    now = timezone.now()
    cases = [hrss_case, *copies(hrss_case, 56)]
    for number, case in enumerate(cases):
        due = today + datetime.timedelta(days=number % 9 - 3) if number < 27 else None
        submitted = now - datetime.timedelta(hours=number % 7)  # ties broken by id
        Case.objects.filter(pk=case.pk).update(next_due=due, submitted_at=submitted)
    rows = list(Case.objects.filter(pk__in=[case.pk for case in cases]))
    dated = sorted(
        (case for case in rows if case.next_due),
        key=lambda case: (case.next_due, -case.submitted_at.timestamp(), -case.pk),
    )
    undated = sorted(
        (case for case in rows if not case.next_due),
        key=lambda case: (-case.submitted_at.timestamp(), -case.pk),
    )
    client = login("hrss-zengdu")

    def page(number):
        html = client.get(QUEUE, {"sort": "deadline", "p": number}).content.decode()
        shown = [case for case in rows if f">{case.reference}<" in html]
        return sorted(shown, key=lambda case: html.index(f">{case.reference}<"))

    pages = [page(1), page(2), page(3)]
    assert [len(listing) for listing in pages] == [25, 25, 7]
    assert [case.pk for listing in pages for case in listing] == [
        case.pk for case in dated + undated
    ]


def test_personal_data_is_masked_in_the_list(login, case_staff):
    case = named("冯示例", phone="13712345678")
    html = login("hrss-zengdu").get(QUEUE).content.decode()
    assert "137****5678" in html
    assert "13712345678" not in html
    assert case.answers["applicant"]["id_number"] not in html


def test_invalid_filter_values_are_ignored_and_named(login, hrss_case):
    response = login("hrss-zengdu").get(
        QUEUE,
        {
            "tab": "nonsense",
            "status": "bogus",
            "type": "x",
            "assignee": "m999999",
            "submitted_from": "2024-02-30",
            "submitted_to": "yesterday",
            "sort": "random",
            "p": "-3",
            "q": "x" * 500,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "以下筛选条件无法识别，已忽略" in html
    for label in ("状态", "申请类型", "调解员或调解组织", "提交日期自", "提交日期至", "排序"):
        assert label in html.split("以下筛选条件无法识别，已忽略")[1].split("</p>")[0]


def test_pages_of_25(login, hrss_case):
    copies(hrss_case, 29)
    client = login("hrss-zengdu")
    first = client.get(QUEUE)
    assert len(listed(first)) == 25
    assert "页码： 1 / 2" in first.content.decode()
    second = client.get(QUEUE + "?p=2")
    assert len(listed(second)) == 5
    assert not listed(first) & listed(second)
    assert len(listed(client.get(QUEUE + "?p=99"))) == 5  # past the end: the last page


def test_the_queue_costs_a_constant_number_of_queries(
    login, hrss_case, django_assert_max_num_queries, django_assert_num_queries
):
    mediator = Mediator.objects.filter(status="active").first()
    organization = MediationOrganization.objects.first()
    perform(hrss_case, "accept", staff("hrss-zengdu"), {}, hrss_case.version)
    hrss_case.refresh_from_db()
    perform(
        hrss_case,
        "assign",
        staff("hrss-zengdu-head"),
        {"mediator": mediator, "organization": organization},
        hrss_case.version,
    )
    hrss_case.refresh_from_db()
    client = login("hrss-zengdu")
    url = QUEUE + "?tab=agency&status=open&q=示例&sort=deadline"
    client.get(url)  # warm up per-process caches (content types, site root)
    with django_assert_max_num_queries(15) as small:
        client.get(url)
    copies(hrss_case, 60)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert len(listed(response)) == 25
    admin = login("center-city-head")
    admin.get(QUEUE)
    with django_assert_max_num_queries(15):
        admin.get(QUEUE + "?tab=overdue")


def test_menu_item_and_dashboard_counts_for_case_staff_only(login, client, hrss_case, outsider):
    overdue = named("陈示例")
    Case.objects.filter(pk=overdue.pk).update(
        next_due=timezone.localdate() - datetime.timedelta(days=1)
    )
    perform(hrss_case, "accept", staff("hrss-zengdu"), {}, hrss_case.version)
    html = login("hrss-zengdu").get("/admin/").content.decode()
    assert "案件办理" in html
    assert '/admin/cases/"' in html  # the menu item (sidebar props), not a dashboard link
    counts = html.split('id="case-counts"')[1].split("</ul>")[0]
    assert '<span class="w-summary__count casework-dashboard-count">1</span>我的案件' in counts
    assert '<span class="w-summary__count casework-dashboard-count">1</span>未分配' in counts
    assert '<span class="w-summary__count casework-dashboard-count">1</span>逾期' in counts
    assert "?tab=overdue" in counts
    for username in ("hrss-zengdu-liaison", "outsider"):
        client.force_login(staff(username))
        html = client.get("/admin/").content.decode()
        assert 'id="case-counts"' not in html
        assert "/admin/cases/" not in html
