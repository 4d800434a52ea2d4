"""Roadshow arithmetic of DESIGN.md section 7, against cases worked out by hand."""

from __future__ import annotations

import copy

import pytest

from yichao.app.core.errors import UserError
from yichao.app.roadshow.rank import parse_rank_input, rank, rank_json


def one_criterion(scores: dict, judges: list[str], recusals: list | None = None, top: float = 100) -> dict:
    return {
        "criteria": [{"name": "综合", "weight": 1, "max": top}],
        "judges": judges,
        "projects": list(scores),
        "scores": {p: {j: [s] for j, s in row.items()} for p, row in scores.items()},
        "recusals": recusals or [],
    }


THREE_JUDGES = {
    "criteria": [{"name": "需求", "weight": 0.6, "max": 10}, {"name": "可行", "weight": 0.4, "max": 20}],
    "judges": ["甲", "乙", "丙"],
    "projects": ["P1", "P2", "P3"],
    "scores": {
        # 100*(0.6*8/10 + 0.4*15/20) = 78; (9,10) -> 74; (7,20) -> 82; mean 78
        "P1": {"甲": [8, 15], "乙": [9, 10], "丙": [7, 20]},
        # 丙 recused: (10,20) -> 100, (5,10) -> 50; mean 75 over two judges; 丙's sheet ignored
        "P2": {"甲": [10, 20], "乙": [5, 10], "丙": [10, 20]},
        "P3": {"甲": [6, 16], "乙": [6, 16], "丙": [6, 16]},  # 68 each
    },
    "recusals": [["丙", "P2"]],
}


def test_weighted_totals_fewer_than_five_judges_and_recusal():
    assert rank_json(THREE_JUDGES) == [
        {"project": "P1", "score": 78.0, "rank": 1, "judges_counted": 3},
        {"project": "P2", "score": 75.0, "rank": 2, "judges_counted": 2},
        {"project": "P3", "score": 68.0, "rank": 3, "judges_counted": 3},
    ]


def test_recused_judge_needs_no_sheet():
    data = copy.deepcopy(THREE_JUDGES)
    del data["scores"]["P2"]["丙"]
    assert rank_json(data)[1] == {"project": "P2", "score": 75.0, "rank": 2, "judges_counted": 2}


def test_per_judge_totals_are_kept_for_the_result_sheet():
    result = {r.project: r for r in rank(parse_rank_input(THREE_JUDGES))}
    assert result["P1"].totals == {"甲": 78.0, "乙": 74.0, "丙": 82.0}
    assert result["P2"].totals == {"甲": 100.0, "乙": 50.0}


def test_five_judges_drop_highest_and_lowest_and_ties_break_on_untrimmed_mean():
    judges = ["J1", "J2", "J3", "J4", "J5"]
    data = one_criterion({
        "P": {"J1": 90, "J2": 80, "J3": 70, "J4": 60, "J5": 10},   # trimmed (80+70+60)/3 = 70, untrimmed 62
        "Q": {"J1": 70, "J2": 70, "J3": 70, "J4": 70, "J5": 70},   # 70, untrimmed 70
        "R": {"J1": 75, "J2": 65, "J3": 70, "J4": 72, "J5": 68},   # trimmed (70+72+68)/3 = 70, untrimmed 70
    }, judges)
    assert rank_json(data) == [
        {"project": "Q", "score": 70.0, "rank": 1, "judges_counted": 3},
        {"project": "R", "score": 70.0, "rank": 1, "judges_counted": 3},
        {"project": "P", "score": 70.0, "rank": 3, "judges_counted": 3},
    ]
    dropped = {r.project: r.dropped for r in rank(parse_rank_input(data))}
    assert dropped["P"] == ("J1", "J5")


def test_shared_ranks_skip_the_next_place():
    data = one_criterion({
        "A": {"J1": 9, "J2": 9},  # 90
        "B": {"J1": 8, "J2": 7},  # 75
        "C": {"J1": 7, "J2": 8},  # 75, same untrimmed mean -> shares rank 2
        "D": {"J1": 6, "J2": 6},  # 60 -> rank 4
    }, ["J1", "J2"], top=10)
    assert [(r["project"], r["rank"]) for r in rank_json(data)] == [("A", 1), ("B", 2), ("C", 2), ("D", 4)]


def test_recusal_can_take_a_project_below_five_judges():
    judges = ["J1", "J2", "J3", "J4", "J5"]
    data = one_criterion({
        "X": {"J1": 100, "J2": 90, "J3": 80, "J4": 10},            # J5 recused: 4 count, no trim -> 70
        "Y": {"J1": 100, "J2": 90, "J3": 80, "J4": 10, "J5": 50},  # trim 100 and 10 -> 220/3 = 73.33
    }, judges, recusals=[["J5", "X"]])
    assert rank_json(data) == [
        {"project": "Y", "score": 73.33, "rank": 1, "judges_counted": 3},
        {"project": "X", "score": 70.0, "rank": 2, "judges_counted": 4},
    ]


def test_half_up_rounding_to_two_decimals():
    # 100*1/80 = 1.25 and 0 -> mean 0.625 -> 0.63 (banker's rounding would say 0.62)
    data = one_criterion({"A": {"J1": 1, "J2": 0}}, ["J1", "J2"], top=80)
    assert rank_json(data)[0]["score"] == 0.63


def test_decimal_weights_are_exact():
    data = {
        "criteria": [{"name": "a", "weight": 0.1, "max": 10}, {"name": "b", "weight": 0.2, "max": 10},
                     {"name": "c", "weight": 0.7, "max": 10}],
        "judges": ["J"], "projects": ["P"], "scores": {"P": {"J": [10, 10, 10]}}, "recusals": [],
    }
    assert rank_json(data) == [{"project": "P", "score": 100.0, "rank": 1, "judges_counted": 1}]


def test_ties_within_two_decimals_compare_equal():
    # 200/3 = 66.666.. and 66.67 both show 66.67; untrimmed means equal too -> shared rank
    data = one_criterion({"A": {"J1": 100, "J2": 100, "J3": 0}, "B": {"J1": 66.67, "J2": 66.67, "J3": 66.67}},
                         ["J1", "J2", "J3"])
    assert [(r["score"], r["rank"]) for r in rank_json(data)] == [(66.67, 1), (66.67, 1)]


@pytest.mark.parametrize("mutate, words", [
    (lambda d: d["scores"]["P1"]["甲"].__setitem__(0, 11), "超出"),
    (lambda d: d["scores"]["P1"]["甲"].__setitem__(1, -1), "超出"),
    (lambda d: d["scores"]["P1"]["甲"].__setitem__(0, None), "缺少"),
    (lambda d: d["scores"]["P1"].pop("乙"), "缺少"),
    (lambda d: d["scores"]["P1"]["甲"].pop(), "应有 2 项"),
    (lambda d: d["scores"]["P1"]["甲"].__setitem__(0, "8"), "不是数字"),
    (lambda d: d["criteria"][0].__setitem__("weight", 0.5), "权重之和"),
    (lambda d: d["criteria"][0].__setitem__("max", 0), "满分"),
    (lambda d: d["recusals"].append(["丁", "P1"]), "不在评委名单"),
    (lambda d: d["scores"]["P1"].__setitem__("丁", [1, 1]), "不在评委名单"),
    (lambda d: d["scores"].__setitem__("P9", {}), "不在项目名单"),
    (lambda d: d["recusals"].extend([["甲", "P2"], ["乙", "P2"]]), "全部回避"),
    (lambda d: d["judges"].append("甲"), "重复"),
])
def test_refusals(mutate, words):
    data = copy.deepcopy(THREE_JUDGES)
    mutate(data)
    with pytest.raises(UserError, match=words) as info:
        rank_json(data)
    assert "\n" not in str(info.value)


def test_score_at_the_bounds_is_accepted():
    data = copy.deepcopy(THREE_JUDGES)
    data["scores"]["P3"] = {"甲": [0, 0], "乙": [10, 20], "丙": [0, 20]}  # 0, 100, 40 -> 46.67
    assert rank_json(data)[-1] == {"project": "P3", "score": 46.67, "rank": 3, "judges_counted": 3}
