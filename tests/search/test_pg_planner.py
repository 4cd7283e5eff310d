"""PostgreSQL: the search statements are planned with sequential scans (and JIT) off,
and the settings are back to what they were as soon as the statement has run (inside the
caller's transaction too), so no other statement of the request is planned differently."""

import pytest
from django.db import connection, transaction

from guidance.models import GuidancePage, PolicyPage
from search import pg_planner
from search.ranking import ranked_ids

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL planner setting (CI runs both)"
    ),
]


def seqscan() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan')")
        return cursor.fetchone()[0]


def settings() -> tuple:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan'), current_setting('jit')")
        return cursor.fetchone()


def test_sequential_scans_are_off_inside_and_restored_after():
    before = settings()
    with transaction.atomic():
        with pg_planner.index_scans():
            assert settings() == ("off", "off")
        assert settings() == before
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        with pg_planner.index_scans():
            assert seqscan() == "off"
        assert seqscan() == "off"  # the caller's own choice is kept


def plain_fetch(sql, params, using="default"):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@pytest.mark.parametrize("binding", ["client-side", "server-side setting"])
def test_one_statement_is_planned_without_sequential_scans(monkeypatch, binding):
    if binding != "client-side":
        options = {**connection.settings_dict.get("OPTIONS", {}), "server_side_binding": True}
        monkeypatch.setitem(connection.settings_dict, "OPTIONS", options)
    before = settings()
    seen = "SELECT current_setting('enable_seqscan'), current_setting('jit'), %s::text"
    assert pg_planner.fetch_with_index_scans(seen, ["a'b"]) == [("off", "off", "a'b")]
    assert settings() == before
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        assert pg_planner.fetch_with_index_scans(seen, ["x"]) == [("off", "off", "x")]
        assert seqscan() == "off"  # the caller's own choice is kept
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = on")
        pg_planner.fetch_with_index_scans(seen, ["x"])
        assert seqscan() == "on"


def test_a_search_leaves_the_setting_alone_and_ranks_as_before(demo_site, monkeypatch):
    querysets = {
        "policy": PolicyPage.objects.live().public(),
        "guidance": GuidancePage.objects.live().public(),
    }
    with transaction.atomic():
        planned = ranked_ids("调解", querysets, 20)
        assert seqscan() == "on"
    assert seqscan() == "on"
    monkeypatch.setattr(pg_planner, "fetch_with_index_scans", plain_fetch)
    assert ranked_ids("调解", querysets, 20) == planned
    assert planned["policy"] and planned["guidance"]


def test_wagtails_own_searches_are_planned_on_the_indexes_and_leave_the_settings(demo_site):
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    before = settings()
    with CaptureQueriesContext(connection) as queries:
        found = [page.title for page in Page.objects.autocomplete("委员会")]
        counted = PolicyPage.objects.search("调解").count()
    assert settings() == before
    assert "组建企业劳动争议调解委员会" in found and counted == 1
    switched = [
        q["sql"] for q in queries.captured_queries if "set_config('enable_seqscan'" in q["sql"]
    ]
    assert len(switched) == 4  # switched off and back, once for each search


def test_a_common_query_lists_body_matches_newest_first(demo_site, monkeypatch):
    from search import pg_ranking

    from .test_ranking_cost import publish_policy

    older = publish_policy("规则甲（测试）", body="<p>本规则适用于调解工作。" * 8 + "</p>")
    newer = publish_policy("规则乙（测试）", body="<p>调解。</p>")
    titled = publish_policy("调解工作规则")
    live = {"policy": PolicyPage.objects.live()}
    ranked = ranked_ids("调解", live, 200)["policy"]
    # Rare query (the demo): ts_rank orders the body tier; the repeated word ranks higher.
    assert ranked.index(titled.pk) < ranked.index(older.pk) < ranked.index(newer.pk)
    monkeypatch.setattr(pg_ranking, "COMMON_MATCHES", 3)
    common = ranked_ids("调解", live, 200)["policy"]
    assert sorted(common) == sorted(ranked)  # the same pages, only the order differs
    assert common.index(titled.pk) < common.index(newer.pk) < common.index(older.pk)
    titles = [pk for pk in common if "调解" in PolicyPage.objects.get(pk=pk).title]
    assert common[: len(titles)] == titles  # title matches still first
    assert common[: len(titles)] == ranked[: len(titles)]  # in the same order (shorter first)
