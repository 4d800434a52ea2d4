"""Build a report and save it as PDF or XLSX: the use case behind the CLI and the 统计报表 page."""

from __future__ import annotations

from pathlib import Path

from yichao.app.core.errors import UserError
from yichao.app.core.progress import CancelToken, ProgressFn, no_progress
from yichao.app.core.workspace import Workspace
from yichao.app.stats.build import build_report
from yichao.app.stats.model import Report
from yichao.app.stats.period import Period
from yichao.models.journal import record_event

FORMATS = (".pdf", ".xlsx")


def check_target(path: Path) -> Path:
    """Refuse a file type we do not write or a folder that does not exist, before any work."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise UserError(f"报表只能保存为 PDF 或 XLSX 文件，不能保存为“{path.name}”。")
    if not path.parent.exists() or not path.parent.is_dir():
        raise UserError(f"文件夹 {path.parent} 不存在。")
    return path


def save_report(ws: Workspace, report: Report, path: Path) -> Path:
    """Write an already built report (the page builds once, then saves in either format)."""
    ws.require("viewer", "导出统计报表")
    path = check_target(path)
    if path.suffix.lower() == ".pdf":
        # the renderers (reportlab, openpyxl) load on the first export, not with the dashboard
        from yichao.app.stats.render_pdf import write_pdf

        write_pdf(report, path)
    else:
        from yichao.app.stats.render_xlsx import write_xlsx

        write_xlsx(report, path)
    with ws.unit() as session:
        record_event(session, "export", "report", "", {"period": report.period.code, "file": path.name})
    return path


def export_report(ws: Workspace, period: Period, path: Path, progress: ProgressFn = no_progress,
                  cancel: CancelToken | None = None) -> Path:
    """Build the report of ``period`` and write it; the file type follows the suffix."""
    path = check_target(path)
    return save_report(ws, build_report(ws, period, progress, cancel), path)
