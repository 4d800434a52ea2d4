"""The import's report in Chinese: the same lines for the preview, the dry run, the CLI and the log.

By kind (named in Chinese, never by table), with what is held and why, and the overlaps found,
each named (an organization by its name and credit code, a resident by name and masked number).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from yichao.app.core.paths import logs_dir
from yichao.app.core.workspace import Workspace
from yichao.app.sync.labels import kind_label
from yichao.app.sync.plan import ConflictItem, HeldItem, KindCounts

if TYPE_CHECKING:
    from yichao.app.sync.importer import ImportResult

log = logging.getLogger(__name__)
SHOWN = 20  # named items per list; the rest are counted


def _counts_line(kind: str, c: KindCounts) -> str:
    parts = [(c.new, "新增"), (c.changed, "修改"), (c.deleted, "删除"),
             (c.held, "暂存"), (c.unchanged, "未变")]
    return f"  {kind_label(kind)}：" + "，".join(f"{label} {n}" for n, label in parts if n)


def _held_lines(title: str, items: Iterable[HeldItem]) -> list[str]:
    items = list(items)
    if not items:
        return []
    out = [f"{title}（{len(items)} 条）："]
    for h in items[:SHOWN]:
        out.append(f"  {kind_label(h.entity)}“{h.name}”：{h.reason}。" if h.reason != "已补入"
                   else f"  {kind_label(h.entity)}“{h.name}”")
    if len(items) > SHOWN:
        out.append(f"  ……另有 {len(items) - SHOWN} 条")
    return out


def _conflict_lines(items: Iterable[ConflictItem], names: dict[str, str]) -> list[str]:
    items = [c for c in items if c.new]
    if not items:
        return []
    out = [f"与其他站点记录重合（已导入，待区里在“数据冲突”里认定，{len(items)} 处）："]
    for c in items[:SHOWN]:
        who = "；".join(f"{names.get(m.origin, m.origin)}：{m.name}" for m in c.members)
        out.append(f"  {kind_label(c.entity)}，{c.key_name} {c.shown_key}：{who}")
    if len(items) > SHOWN:
        out.append(f"  ……另有 {len(items) - SHOWN} 处")
    return out


def report_lines(r: ImportResult, names: dict[str, str] | None = None) -> list[str]:
    """Every line a clerk reads about one bundle, dry run or applied."""
    if r.already:
        return [r.message]
    names = dict(names or {})
    names.setdefault(r.from_code, r.from_name)
    verb = "已导入" if r.applied else "将导入"
    made = r.created_at[:19].replace("T", " ")
    lines = [f"{verb}来自 {r.from_name}（{r.from_code}）的第 {r.seq} 号数据包（{made}），共 {r.records} 条记录："]
    lines += [_counts_line(kind, c) for kind, c in r.kinds.items()]
    if r.attachments:
        lines.append(f"  附件 {r.attachments} 个")
    lines += _held_lines("暂存（其余记录照常导入，缺少的记录已在下一个数据包里向对方索取）", r.held)
    lines += _held_lines("以前暂存、现在补入", r.released)
    lines += _held_lines("以前暂存、仍在等待", r.still_held)
    lines += _conflict_lines(r.conflicts, names)
    if r.asked_back:
        lines.append("本站点的数据比对方记得的旧（可能从备份恢复过）：下一个数据包会请对方把本站点的记录全部发回。")
    if not r.applied:
        lines.append("（试运行，没有任何改动）")
    return lines


def write_report(ws: Workspace, file_name: str, lines: list[str]) -> None:
    """Append the import's report to the site's sync log (and the program log)."""
    for line in lines:
        log.info("%s", line)
    try:
        folder = logs_dir(ws.data_dir)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S")
        user = ws.user.username if ws.user else ""
        with open(folder / "sync.log", "a", encoding="utf-8") as fh:
            fh.write(f"[{stamp}] {user} 导入 {file_name}\n" + "\n".join(lines) + "\n\n")
    except OSError as exc:  # the import itself is committed; a full disk must not undo it
        log.warning("could not write the sync log: %s", exc)
