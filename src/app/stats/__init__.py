"""Statistics (统计): figures, the report model, and its PDF and XLSX renderers.

Every number is computed by exactly one function in a ``fig_*`` module (registered in
:mod:`.figures`), so the 工作台, the PDF and the XLSX never disagree. Submodules are imported by
what needs them; nothing heavy (reportlab, openpyxl) is imported here.

The names below are the use cases pages and the CLI call; the modules behind them are private
to this package (tests may reach into them)."""

import importlib
from typing import TYPE_CHECKING, Any

from yichao.app.stats.build import build_report
from yichao.app.stats.dashboard import Card, Dashboard, TodoItem, dashboard_data, prepare
from yichao.app.stats.export import check_target, export_report, save_report
from yichao.app.stats.model import Chart, Report, Table, format_number
from yichao.app.stats.period import Period, current, parse_period

if TYPE_CHECKING:
    from yichao.app.stats.drill import DrillDown, drill_down

# imported on first use (PEP 562): the drills import every figure module and its models, which the
# dashboard's first paint need not wait for
_LAZY = {"DrillDown": "drill", "drill_down": "drill"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Card",
    "Chart",
    "Dashboard",
    "DrillDown",
    "Period",
    "Report",
    "Table",
    "TodoItem",
    "build_report",
    "check_target",
    "current",
    "dashboard_data",
    "drill_down",
    "export_report",
    "format_number",
    "parse_period",
    "prepare",
    "save_report",
]
