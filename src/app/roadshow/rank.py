"""Roadshow arithmetic (DESIGN.md section 7): weighted totals, trimmed means, ties and ranks.

Pure functions over plain data, so `yichao roadshow rank`, the GUI's result sheet and the tests all
rank the same way. Numbers are taken as the decimals the user typed (``Fraction(repr(x))``) and
rounded half-up to two decimals, so a hand-computed example gives exactly the printed figure.

The rule the user sees (:data:`TIE_RULE`): results are compared to two decimals; a tie is broken
by the higher untrimmed mean of all non-recused judges (also to two decimals); still equal, the
projects share a rank and the next rank is skipped (1, 2, 2, 4).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, TypeGuard

from yichao.app.core.errors import UserError

TRIM_FROM = 5  # with this many judges or more, the highest and the lowest total are dropped
WEIGHT_TOLERANCE = Fraction(1, 1_000_000)
TIE_RULE = ("同分（保留两位小数）时，比较全部未回避评委的平均分（不去掉最高最低分），高者在前；"
            "仍相同则并列同一名次，下一名次顺延（如 1、2、2、4）。")


@dataclass(frozen=True)
class Criterion:
    name: str
    weight: float
    max: float


@dataclass(frozen=True)
class RankInput:
    """The validated shape of section 7: every counted judge has one score per criterion."""

    criteria: tuple[Criterion, ...]
    judges: tuple[str, ...]
    projects: tuple[str, ...]
    scores: Mapping[str, Mapping[str, tuple[float, ...]]]
    recusals: frozenset[tuple[str, str]]  # (judge, project)


@dataclass(frozen=True)
class RankedProject:
    project: str
    score: float  # the (trimmed) mean, two decimals
    rank: int
    judges_counted: int
    untrimmed: float  # the tie-break figure, two decimals
    totals: Mapping[str, float]  # judge -> weighted total, two decimals (recused judges absent)
    dropped: tuple[str, ...]  # the judges whose total was trimmed (highest, lowest)

    def as_json(self) -> dict[str, Any]:
        return {"project": self.project, "score": self.score, "rank": self.rank,
                "judges_counted": self.judges_counted}


def exact(value: float | int | Fraction) -> Fraction:
    """The decimal the user wrote, as an exact fraction (0.1 is one tenth, not its binary cousin)."""
    if isinstance(value, Fraction):
        return value
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def round2(value: Fraction) -> Decimal:
    """Half-up to two decimals, the way a judge rounds on paper."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP)


def judge_total(criteria: Sequence[Criterion], scores: Sequence[float]) -> Fraction:
    """``100 * sum(weight_i * score_i / max_i)``, exactly."""
    return 100 * sum((exact(c.weight) * exact(s) / exact(c.max) for c, s in zip(criteria, scores)),
                     Fraction(0))


def _is_number(value: Any) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _names(data: Mapping[str, Any], key: str, label: str) -> tuple[str, ...]:
    names = data.get(key)
    if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
        raise UserError(f"“{key}”必须是{label}名称的列表。")
    if len(set(names)) != len(names):
        raise UserError(f"{label}名称“{_first_duplicate(names)}”重复出现。")
    return tuple(names)


def _first_duplicate(names: Sequence[str]) -> str:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            return name
        seen.add(name)
    return ""


def _criteria(data: Mapping[str, Any]) -> tuple[Criterion, ...]:
    raw = data.get("criteria")
    if not isinstance(raw, list) or not raw:
        raise UserError("“criteria”必须是至少包含一项评分标准的列表。")
    out = []
    for i, item in enumerate(raw, 1):
        if not isinstance(item, dict):
            raise UserError(f"第 {i} 项评分标准的格式不对。")
        name, weight, top = item.get("name"), item.get("weight"), item.get("max")
        if not isinstance(name, str) or not name:
            raise UserError(f"第 {i} 项评分标准缺少名称。")
        if not _is_number(weight) or weight < 0:
            raise UserError(f"评分标准“{name}”的权重必须是不小于 0 的数。")
        if not _is_number(top) or top <= 0:
            raise UserError(f"评分标准“{name}”的满分必须是大于 0 的数。")
        out.append(Criterion(name, weight, top))
    total = sum((exact(c.weight) for c in out), Fraction(0))
    if abs(total - 1) > WEIGHT_TOLERANCE:
        raise UserError(f"各项评分标准的权重之和必须等于 1，现在是 {float(total):g}。")
    return tuple(out)


def parse_rank_input(data: Any) -> RankInput:
    """Validate the section-7 JSON shape; refuse with one sentence naming what is wrong."""
    if not isinstance(data, dict):
        raise UserError("评分文件必须是一个 JSON 对象。")
    criteria = _criteria(data)
    judges = _names(data, "judges", "评委")
    projects = _names(data, "projects", "项目")
    judge_set, project_set = set(judges), set(projects)
    recusals: set[tuple[str, str]] = set()
    for pair in data.get("recusals") or []:
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
            raise UserError("“recusals”的每一项必须是 [评委, 项目]。")
        judge, project = pair
        if judge not in judge_set:
            raise UserError(f"回避名单里的评委“{judge}”不在评委名单中。")
        if project not in project_set:
            raise UserError(f"回避名单里的项目“{project}”不在项目名单中。")
        recusals.add((judge, project))
    raw_scores = data.get("scores")
    if not isinstance(raw_scores, dict):
        raise UserError("“scores”必须是 {项目: {评委: [各项得分]}} 的对象。")
    for project, by_judge in raw_scores.items():
        if project not in project_set:
            raise UserError(f"评分里的项目“{project}”不在项目名单中。")
        if not isinstance(by_judge, dict):
            raise UserError(f"项目“{project}”的评分格式不对。")
        for judge in by_judge:
            if judge not in judge_set:
                raise UserError(f"项目“{project}”的评分里有不在评委名单中的评委“{judge}”。")
    scores: dict[str, dict[str, tuple[float, ...]]] = {}
    for project in projects:
        by_judge = raw_scores.get(project) or {}
        counted: dict[str, tuple[float, ...]] = {}
        for judge in judges:
            if (judge, project) in recusals:
                continue  # a recused judge's sheet, if any, never counts
            row = by_judge.get(judge)
            if row is None:
                raise UserError(f"缺少评委“{judge}”对项目“{project}”的评分。")
            counted[judge] = _score_row(row, criteria, judge, project)
        if not counted:
            raise UserError(f"项目“{project}”没有可计分的评委（全部回避）。")
        scores[project] = counted
    return RankInput(criteria, judges, projects, scores, frozenset(recusals))


def _score_row(row: Any, criteria: Sequence[Criterion], judge: str, project: str) -> tuple[float, ...]:
    if not isinstance(row, list) or len(row) != len(criteria):
        raise UserError(f"评委“{judge}”对项目“{project}”的评分应有 {len(criteria)} 项。")
    for value, criterion in zip(row, criteria):
        if value is None:
            raise UserError(f"缺少评委“{judge}”对项目“{project}”的“{criterion.name}”得分。")
        if not _is_number(value):
            raise UserError(f"评委“{judge}”对项目“{project}”的“{criterion.name}”得分不是数字。")
        if not 0 <= exact(value) <= exact(criterion.max):
            raise UserError(f"评委“{judge}”对项目“{project}”的“{criterion.name}”得分 {value:g} "
                            f"超出 0～{criterion.max:g} 的范围。")
    return tuple(row)


def _result(data: RankInput, project: str) -> tuple[Fraction, Fraction, dict[str, Fraction], tuple[str, ...]]:
    totals = {j: judge_total(data.criteria, s) for j, s in data.scores[project].items()}
    values = list(totals.values())
    untrimmed = sum(values, Fraction(0)) / len(values)
    dropped: tuple[str, ...] = ()
    if len(values) >= TRIM_FROM:
        high = max(totals, key=lambda j: totals[j])
        low = min((j for j in totals if j != high), key=lambda j: totals[j])
        dropped = (high, low)
        kept = [t for j, t in totals.items() if j not in dropped]
        return sum(kept, Fraction(0)) / len(kept), untrimmed, totals, dropped
    return untrimmed, untrimmed, totals, dropped


def rank(data: RankInput) -> list[RankedProject]:
    """Rank every project: result desc, then untrimmed mean desc; equal pairs share a rank."""
    rows = []
    for index, project in enumerate(data.projects):
        score, untrimmed, totals, dropped = _result(data, project)
        counted = len(totals) - len(dropped)
        rows.append((round2(score), round2(untrimmed), index, project, counted, totals, dropped))
    rows.sort(key=lambda r: (-r[0], -r[1], r[2]))
    out: list[RankedProject] = []
    for position, (score2, untrimmed2, _i, project, counted, totals, dropped) in enumerate(rows, 1):
        if out and (Decimal(str(out[-1].score)), Decimal(str(out[-1].untrimmed))) == (score2, untrimmed2):
            place = out[-1].rank
        else:
            place = position
        out.append(RankedProject(project, float(score2), place, counted, float(untrimmed2),
                                 {j: float(round2(t)) for j, t in totals.items()}, dropped))
    return out


def rank_json(data: Any) -> list[dict[str, Any]]:
    """Validate the section-7 JSON and return the output list in rank order."""
    return [r.as_json() for r in rank(parse_rank_input(data))]
