"""Every figure of the statistics, asserted exactly against cases with known histories
(histories.py), for the center and for one agency; and the queries stay constant."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from reporting import report
from reporting.filters import Filters
from reporting.periods import DateRange
from reporting.tables import Rate

from .histories import NOW, build

pytestmark = pytest.mark.django_db

MARCH = DateRange(datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))


@pytest.fixture
def histories(casework_data):
    cases = build()
    with time_machine.travel(NOW, tick=False):
        yield cases


def figures(**kwargs):
    filters = Filters(range=kwargs.pop("range", MARCH), today=NOW.date(), **kwargs)
    return report.tables(report.build(filters))


def values(table) -> dict:
    """{first cell: the rest of the row} (a single value when the row has one)."""
    result = {}
    for row in table.rows:
        rest = row[1:2] if table.headers[-1] == "说明" or len(table.headers) == 3 else row[1:]
        result[str(row[0])] = rest[0] if len(rest) == 1 else rest
    return result


def test_applications_and_decisions(histories):
    table = values(figures()["applications"])
    assert table == {
        "收到申请": 8,  # A-H; Z was received on 28 February, E at 23:30 on 31 March (Beijing)
        "受理案件": 5,  # A, B, F, G, H
        "不予受理": 1,  # C
        "转出": 1,  # D
        "转入": 1,
        "已撤回": 1,  # D
        "目前未结": 2,  # E and Z (whenever received)
        "涉及劳动者人数": 18,  # B is collective: 12 workers; A, C, D, E, F, G one each
    }
    declines = values(figures()["declines"])
    assert declines["不属于劳动人事争议"] == 1
    assert declines["合计"] == 1
    assert sum(v for k, v in declines.items() if k != "合计") == 1


def test_outcomes_and_agreement_rate(histories):
    ended = values(figures()["outcomes"])
    assert ended == {
        "已达成调解协议": 2,  # A, F
        "未达成调解协议": 2,  # B, G
        "已撤回": 1,
        "不予受理": 1,
        "已办结": 1,  # H
        "结束合计": 7,
    }
    agreement = values(figures()["agreement"])
    assert agreement["调解成功率"] == Rate(2, 4)
    assert str(agreement["调解成功率"]) == "50.0%"
    assert agreement["达成协议案件的申请金额（元）"] == Decimal("20000.00")  # A 12,000 + F 8,000
    assert agreement["协议金额（元）"] == Decimal("12000.00")  # 9,000 + 3,000
    assert str(agreement["协议金额 ÷ 申请金额"]) == "60.0%"


def test_timeliness_in_working_days(histories):
    table = values(figures()["timeliness"])
    # Acceptance: F, G same day (0), A 1, H 1, B 2 working days.
    assert table["受理用时（中位数）"] == 1
    assert table["受理用时（第90百分位）"] == 2
    # To the end: C 1, D 3, H 5, G 8, A 9, F 14, B 17 working days.
    assert table["结束用时（中位数）"] == 8
    assert table["结束用时（第90百分位）"] == 17
    # On the merits: A (13 Mar) and G (12 Mar) within 15 days of 2 March (17 March);
    # B ended 25 Mar within its extended period (4 Mar + 25 days = Sun 29 Mar -> Mon 30 Mar).
    assert table["法定15日内结束"] == Rate(2, 4)
    assert table["在（延长后的）调解期限内结束"] == Rate(3, 4)
    assert table["目前未结且已超期"] == 2  # E and Z: no acceptance decision in time
    assert table["目前未结且已超过法院反馈日期"] == 0


def test_court_referrals(histories):
    rows = figures()["referrals"].rows
    assert [row[1:4] + [str(row[4]), row[5]] for row in rows] == [
        [1, 1, 1, "100.0%", 0],  # delegated F: feedback 20 Mar, due 1 Apr
        [0, 0, 0, "—", 0],  # entrusted, ordinary procedure
        [1, 1, 0, "0.0%", 0],  # entrusted simple G: feedback 12 Mar, due 9 Mar
        [2, 2, 1, "50.0%", 0],
    ]


def test_usage_trends_and_setup_help(histories):
    tables = figures(range=DateRange(datetime.date(2026, 2, 1), datetime.date(2026, 3, 31)))
    usage = tables["usage"].rows
    assert [row[0] for row in usage] == ["2026-02", "2026-03", "合计"]
    # Columns: online form, API, walk-in, court referral, total, online share.
    assert usage[0][1:6] == [1, 0, 0, 0, 1]  # Z
    assert usage[1][1:6] == [6, 0, 0, 2, 8]
    assert str(usage[1][6]) == "75.0%"
    assert usage[2][1:6] == [7, 0, 0, 2, 9]
    trends = tables["trends"].rows
    assert [row[:4] for row in trends] == [["2026-02", 1, 0, 0], ["2026-03", 8, 7, 2]]
    assert str(trends[1][4]) == "50.0%"
    assert tables["trends"].chart["bars"][2].value == 8
    setup = {row[0]: row[1:] for row in tables["setup_help"].rows}
    assert setup["组建工会指导"] == [1, 0, 1, 0, 0]
    assert setup["组建企业调解委员会指导"] == [0, 0, 0, 0, 0]


def test_an_agency_sees_only_its_own_cases(histories):
    agency = histories["A"].agency
    own = [case for case in histories.values() if case.agency_id == agency.pk]
    table = values(figures(agency_ids=frozenset({agency.pk}))["applications"])
    received_in_march = [
        case
        for case in own
        if case.submitted_at >= datetime.datetime(2026, 3, 1, tzinfo=NOW.tzinfo)
    ]
    assert table["收到申请"] == len(received_in_march)
    assert table["转出"] == (1 if histories["D"].agency_id != agency.pk else 0)
    assert table["转入"] == (1 if histories["D"].agency_id == agency.pk else 0)
    # The receiver of D counts the transfer in, not out, and only its own cases.
    receiver = histories["D"].agency
    theirs = values(figures(agency_ids=frozenset({receiver.pk}))["applications"])
    assert theirs["转入"] == 1
    assert theirs["转出"] == 0
    assert theirs["已撤回"] == 1
    assert theirs["收到申请"] == 1


def test_filters_narrow_every_figure(histories):
    by_region = values(figures(region="suixian")["applications"])
    assert by_region["收到申请"] == 1  # H
    referrals_only = values(figures(channel="court_referral")["applications"])
    assert referrals_only["收到申请"] == 2
    assert referrals_only["涉及劳动者人数"] == 2
    before_filing = values(figures(phase="before_filing")["outcomes"])
    assert before_filing["已达成调解协议"] == 1  # F, delegated
    assert before_filing["结束合计"] == 1
    in_litigation = values(figures(phase="in_litigation")["outcomes"])
    assert in_litigation["未达成调解协议"] == 1  # G, entrusted
    unions = values(figures(application_type="union_setup")["outcomes"])
    assert unions["结束合计"] == 1
    receiver = histories["D"].agency
    by_agency = values(figures(agency=receiver)["applications"])
    assert (by_agency["收到申请"], by_agency["转入"], by_agency["转出"]) == (1, 1, 0)
    by_kind = values(figures(agency_kind=receiver.kind)["applications"])
    assert by_kind["转入"] == 1
    sender_kind = "hrss" if receiver.kind != "hrss" else "justice"
    assert values(figures(agency_kind=sender_kind)["applications"])["转入"] == 0


def test_an_empty_range_gives_zeros_not_errors(histories):
    tables = figures(range=DateRange(datetime.date(2025, 1, 1), datetime.date(2025, 1, 31)))
    assert values(tables["applications"])["收到申请"] == 0
    assert values(tables["timeliness"])["结束用时（中位数）"] is None
    assert str(values(tables["agreement"])["调解成功率"]) == "—"


def test_queries_do_not_grow_with_the_range(histories, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one_month:
        figures()
    with CaptureQueriesContext(connection) as ten_years:
        figures(range=DateRange(datetime.date(2017, 1, 1), datetime.date(2026, 12, 31)))
    assert len(ten_years) == len(one_month)
    assert len(one_month) <= 30


def test_every_table_is_known_to_its_section(histories):
    built = figures()
    assert set(report.TABLE_SECTIONS) == set(built)
    filters = Filters(range=MARCH, today=NOW.date())
    for key, table in built.items():
        assert report.table(filters, key).rows == table.rows
    assert report.table(filters, "nope") is None
