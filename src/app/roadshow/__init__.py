"""Roadshows (路演): set-up, double-entry score sheets, the arithmetic of DESIGN.md section 7, results.

The names below are the use cases pages and the CLI call; the modules behind them are private
to this package (tests may reach into them)."""

from yichao.app.roadshow.awards import award_winners, project_award_subject
from yichao.app.roadshow.rank import TIE_RULE, rank_json
from yichao.app.roadshow.result_pdf import result_sheet_pdf
from yichao.app.roadshow.scores import (
    RoadshowResult,
    ScoreGrid,
    confirm_sheet,
    enter_sheet,
    load_grid,
    roadshow_result,
    weighted_total,
)
from yichao.app.roadshow.setup import (
    DEFAULT_CRITERIA,
    CriterionSpec,
    add_entries,
    add_judge,
    check_criteria,
    create_roadshow,
    declare_recusal,
    list_roadshows,
    list_templates,
    save_template,
    set_criteria,
)
from yichao.app.roadshow.xlsx import export_blank_sheet, export_scores, import_sheet

__all__ = [
    "CriterionSpec",
    "DEFAULT_CRITERIA",
    "RoadshowResult",
    "ScoreGrid",
    "TIE_RULE",
    "add_entries",
    "add_judge",
    "award_winners",
    "check_criteria",
    "confirm_sheet",
    "create_roadshow",
    "declare_recusal",
    "enter_sheet",
    "export_blank_sheet",
    "export_scores",
    "import_sheet",
    "list_roadshows",
    "list_templates",
    "load_grid",
    "project_award_subject",
    "rank_json",
    "result_sheet_pdf",
    "roadshow_result",
    "save_template",
    "set_criteria",
    "weighted_total",
]
