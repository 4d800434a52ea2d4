"""`yichao xlsx export passbooks FILE`: every passbook with holder, status, balance, hours, pending lines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from yichao.app.core.excel import Column, write_xlsx
from yichao.app.core.workspace import Workspace
from yichao.app.passbook.labels import STATUS_LABELS
from yichao.app.passbook.query import PassbookFilter, count_passbooks, query_passbooks
from yichao.models.journal import record_event

PAGE = 5000
EXPORT_COLUMNS = [
    Column("number", "存折号码", 20), Column("holder", "持折人", 10), Column("volunteer_number", "志愿者编号", 14),
    Column("phone", "电话", 14), Column("site", "发折网点", 14), Column("status", "状态", 8),
    Column("balance", "余额（分）", 10), Column("hours", "本折服务时长（小时）", 12),
    Column("pending", "待补登行数", 10), Column("next", "下一打印位置", 14), Column("opened_on", "开户日期", 12),
]


def export_passbooks(ws: Workspace, path: Path) -> int:
    ws.require("viewer", "导出爱心存折")

    def rows() -> Iterator[dict[str, Any]]:
        total = count_passbooks(ws, PassbookFilter())
        for offset in range(0, total, PAGE):
            for b in query_passbooks(ws, PassbookFilter(), offset, PAGE, "number"):
                yield {"number": b.number, "holder": b.holder_name, "volunteer_number": b.volunteer_number,
                       "phone": b.holder_phone, "site": b.site_code, "status": STATUS_LABELS.get(b.status, b.status),
                       "balance": b.balance, "hours": round(b.hours, 2), "pending": b.pending_lines,
                       "next": f"第{b.next_page}页第{b.next_line}行", "opened_on": b.opened_on}

    title = f"{ws.site.name} 爱心存折（{date.today():%Y-%m-%d} 导出）"
    count = write_xlsx(path, EXPORT_COLUMNS, rows(), sheet_title="爱心存折", title=title)
    with ws.unit() as session:
        record_event(session, "export", "passbook", "", {"file": Path(path).name, "rows": count})
    return count
