"""Merging two communities (two spellings of one, or two that became one): every record of this
site that names the merged one moves to the kept one, each move journaled as the record's own
change, in one transaction.

The records that may name a community are found from the schema (every synced table with a
foreign key to ``community.uid``), so a module that adds such a table needs no change here.
Records another site owns cannot be changed here (single writer); if any name the merged
community it is retired rather than removed, so they keep showing its name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yichao.app.core.communities import CommunityRow, community_row, live_community
from yichao.app.core.errors import UserError
from yichao.app.core.workspace import Workspace
from yichao.models.journal import journaled_models, record_event

# what a clerk calls the records of each table, for the result sentence
RECORD_WORDS = {"person": "居民", "organization": "组织档案", "need": "需求", "proposal": "提案"}


@dataclass(frozen=True)
class MergeResult:
    kept: CommunityRow
    moved: dict[str, int]  # table -> records moved
    foreign: int  # records of other sites still naming the merged community
    removed: bool  # False: retired, because foreign records still name it

    def sentence(self, merged_name: str) -> str:
        parts = [f"{RECORD_WORDS.get(t, t)} {n} 条" for t, n in self.moved.items() if n]
        moved = "、".join(parts) if parts else "没有记录"
        text = f"已把“{merged_name}”并入“{self.kept.name}”：移过去{moved}。"
        if self.foreign:
            text += f"另有 {self.foreign} 条其他站点的记录仍写着“{merged_name}”，所以它保留为已撤销。"
        return text


def _referring() -> list[tuple[Any, str]]:
    """(model, column) of every synced column that refers to a community."""
    found = []
    for model in journaled_models():
        table = model.__table__
        for column in table.columns:
            if any(fk.column.table.name == "community" for fk in column.foreign_keys):
                found.append((model, column.key))
    return found


def community_usage(ws: Workspace) -> dict[str, int]:
    """uid -> how many live records name each community (the 社区 page shows it)."""
    counts: Counter[str] = Counter()
    with ws.read() as session:
        for model, column in _referring():
            col = getattr(model, column)
            stmt = select(col, func.count()).where(col.is_not(None), model.deleted.is_(False)).group_by(col)
            for uid, n in session.execute(stmt):
                counts[uid] += n
    return dict(counts)


def merge_communities(ws: Workspace, merged_uid: str, into_uid: str) -> MergeResult:
    """Move every record naming ``merged_uid`` to ``into_uid``; the merged one then goes."""
    ws.require("staff", "合并社区", work="communities")
    if merged_uid == into_uid:
        raise UserError("请选择两个不同的社区合并。")
    with ws.unit() as session:
        merged, kept = live_community(session, merged_uid), live_community(session, into_uid)
        if kept.retired:
            raise UserError(f"“{kept.name}”已撤销，不能把别的社区并入它；请先恢复使用。")
        moved, foreign = _move(session, ws.site.code, merged_uid, into_uid)
        removed = foreign == 0
        if removed:
            merged.deleted = True
        elif not merged.retired:
            merged.retired = True
        session.flush()
        record_event(session, "merge", "community", merged_uid,
                     {"merged": merged.name, "into": kept.name, "into_uid": into_uid, "moved": moved,
                      "foreign": foreign})
        return MergeResult(community_row(kept), moved, foreign, removed)


def _move(session: Session, site: str, merged_uid: str, into_uid: str) -> tuple[dict[str, int], int]:
    moved: dict[str, int] = {}
    foreign = 0
    for model, column in _referring():
        col = getattr(model, column)
        rows: list[Any] = list(session.scalars(select(model).where(col == merged_uid, model.deleted.is_(False))))
        n = 0
        for record in rows:
            if record.origin and record.origin != site:
                foreign += 1
                continue
            setattr(record, column, into_uid)
            n += 1
        moved[model.__tablename__] = moved.get(model.__tablename__, 0) + n
        session.flush()
    return moved, foreign

