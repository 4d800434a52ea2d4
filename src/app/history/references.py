"""Uids in a change log, resolved to the names of the records they point to, one query per table.

A record is named by its own columns (:data:`OWN_NAME`); a record that only makes sense inside
another (an activity of an organization, a line of a passbook) is labelled with its parent's name
as well (:data:`PARENT`). A uid nothing here can name shows as "（已不存在的记录）", never as a UUID.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from yichao.models.base import Base

MISSING = "（已不存在的记录）"

# table -> the columns that name one of its records (the first non-empty one wins)
OWN_NAME: dict[str, tuple[str, ...]] = {
    "organization": ("name",), "person": ("name",), "project": ("title",), "program": ("name",),
    "need": ("title",), "proposal": ("title",), "roadshow": ("name",), "roadshow_judge": ("name",),
    "roadshow_criterion": ("name",), "passbook": ("number",), "passbook_item": ("name",),
    "passbook_rule": ("name",), "passbook_activity": ("title",), "certificate": ("serial",),
    "community": ("name",), "org_lookup": ("name",), "user_account": ("display_name", "username"),
    "site": ("name",), "rubric_template": ("name",), "fund_source": ("name",),
    "project_milestone": ("title",), "project_activity": ("title",), "org_activity": ("title",),
    "attachment": ("filename",), "passbook_entry": ("seq",), "passbook_printed_line": ("page",),
}
# how a bare column value reads as a name (a ledger entry is "第 3 笔")
_OWN_FORMAT: dict[str, Callable[[Any], str]] = {
    "passbook_entry": lambda seq: f"第 {seq} 笔",
    "passbook_printed_line": lambda page: f"第 {page} 页",
}

# table -> (field holding the parent's uid, parent table)
PARENT: dict[str, tuple[str, str]] = {
    "org_stage_change": ("org_uid", "organization"), "org_rating": ("org_uid", "organization"),
    "org_activity": ("org_uid", "organization"), "org_mentoring": ("org_uid", "organization"),
    "org_subsidy": ("org_uid", "organization"), "passbook_entry": ("passbook_uid", "passbook"),
    "passbook_printed_line": ("passbook_uid", "passbook"), "passbook_stock": ("item_uid", "passbook_item"),
    "need_step": ("need_uid", "need"), "project_transition": ("project_uid", "project"),
    "project_milestone": ("project_uid", "project"), "project_tranche": ("project_uid", "project"),
    "project_evaluation": ("project_uid", "project"), "project_activity": ("project_uid", "project"),
    "proposal_step": ("proposal_uid", "proposal"), "roadshow_entry": ("project_uid", "project"),
    "roadshow_recusal": ("judge_uid", "roadshow_judge"), "roadshow_judge": ("roadshow_uid", "roadshow"),
    "roadshow_criterion": ("roadshow_uid", "roadshow"), "score_sheet": ("judge_uid", "roadshow_judge"),
    "certificate_print": ("certificate_uid", "certificate"), "fund_source": ("program_uid", "program"),
}

# field -> the table its uid points to, wherever the field appears
REFERENCES: dict[str, str] = {
    "org_uid": "organization", "category_uid": "org_lookup", "domain_uid": "org_lookup",
    "domain_uids": "org_lookup", "community_uid": "community", "requester_uid": "person",
    "holder_uid": "person", "program_uid": "program", "project_uid": "project", "proposal_uid": "proposal",
    "passbook_uid": "passbook", "replaces_uid": "passbook", "replaced_by_uid": "passbook", "need_uid": "need",
    "roadshow_uid": "roadshow", "judge_uid": "roadshow_judge", "item_uid": "passbook_item",
    "certificate_uid": "certificate", "milestone_uid": "project_milestone", "entry_uid": "passbook_entry",
    "reverses_uid": "passbook_entry",
}
# fields whose table is named by another field of the same record
_CLAIMANT = {"organization": "organization", "household": "person", "volunteer": "person"}
_SOURCE = {"activity": "passbook_activity", "need": "need", "catalog": "passbook_item", "passbook": "passbook"}


def referenced_table(field: str, record: dict[str, Any]) -> str | None:
    """The table ``record[field]`` points into, or None when the field holds no reference."""
    if field in REFERENCES:
        return REFERENCES[field]
    if field == "claimant_uid":
        return _CLAIMANT.get(str(record.get("claimant_kind") or ""))
    if field == "source_uid":
        return _SOURCE.get(str(record.get("source_kind") or ""))
    if field == "subject_uid":
        return str(record.get("subject_type") or "") or None
    if field == "owner_uid":
        return str(record.get("owner_entity") or "") or None
    return None


def uids_of(value: Any) -> list[str]:
    """The uid(s) a field holds: one, a list, or a list stored as JSON text."""
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [str(v) for v in value if v]
    text = str(value)
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except ValueError:
            return [text]
        return [str(v) for v in parsed if v] if isinstance(parsed, list) else [text]
    return [text]


class Names:
    """Collects (table, uid) pairs, then reads every name in one query per table."""

    def __init__(self) -> None:
        self.wanted: dict[str, set[str]] = defaultdict(set)
        self.names: dict[tuple[str, str], str] = {}
        self.parents: dict[tuple[str, str], str] = {}  # (table, uid) -> the parent's uid
        self.loaded: dict[str, set[str]] = defaultdict(set)

    def want(self, table: str | None, uids: Iterable[str]) -> None:
        if table:
            self.wanted[table].update(u for u in uids if u)

    def want_record(self, table: str, record: dict[str, Any]) -> None:
        """Everything naming ``record`` and the fields it holds needs."""
        for field, value in record.items():
            self.want(referenced_table(field, record), uids_of(value))
        if table in PARENT:
            field, parent = PARENT[table]
            self.want(parent, uids_of(record.get(field)))

    def load(self, session: Session) -> None:
        """Read the wanted names; parents found on the way (a ledger entry's passbook) in a next round."""
        tables = Base.metadata.tables
        for _ in range(4):
            pending = {t: sorted(u - self.loaded[t]) for t, u in self.wanted.items() if t in tables}
            pending = {t: u for t, u in pending.items() if u}
            if not pending:
                return
            for table, uids in pending.items():
                self.loaded[table].update(uids)
                self._load_table(session, tables[table], uids)

    def _load_table(self, session: Session, table: Table, uids: list[str]) -> None:
        name_cols = [table.c[c] for c in OWN_NAME.get(table.name, ()) if c in table.c]
        parent = PARENT.get(table.name)
        parent_col = table.c[parent[0]] if parent and parent[0] in table.c else None
        cols = [table.c.uid, *name_cols] + ([parent_col] if parent_col is not None else [])
        fmt = _OWN_FORMAT.get(table.name, str)
        for start in range(0, len(uids), 500):
            for row in session.execute(select(*cols).where(table.c.uid.in_(uids[start:start + 500]))):
                values = list(row)
                own = next((v for v in values[1:1 + len(name_cols)] if v not in (None, "")), None)
                self.names[(table.name, row[0])] = fmt(own) if own is not None else ""
                if parent and parent_col is not None and values[-1]:
                    self.parents[(table.name, row[0])] = values[-1]
                    self.want(parent[1], [values[-1]])

    def name(self, table: str | None, uid: str) -> str:
        """The record's own name; with its parent's ("百合互助会：重阳节活动") where it has one."""
        if not table or not uid:
            return ""
        own = self.names.get((table, uid))
        parent_uid = self.parents.get((table, uid))
        if table in PARENT and parent_uid:
            parent_name = self.name(PARENT[table][1], parent_uid)
            return f"{parent_name}：{own}" if own else parent_name
        return own if own else MISSING

    def label(self, table: str, record: dict[str, Any], uid: str) -> str:
        """The name of the journaled record itself, from its stored values (it may be deleted since)."""
        own_cols = OWN_NAME.get(table, ())
        own = next((record[c] for c in own_cols if record.get(c) not in (None, "")), None)
        own_text = _OWN_FORMAT.get(table, str)(own) if own is not None else ""
        if table in PARENT:
            field, parent = PARENT[table]
            parent_uids = uids_of(record.get(field))
            parent_name = self.name(parent, parent_uids[0]) if parent_uids else ""
            if table == "score_sheet":
                project = uids_of(record.get("project_uid"))
                project_name = self.name("project", project[0]) if project else ""
                return f"{parent_name}对“{project_name}”的评分"
            if parent_name and own_text:
                return f"{parent_name}：{own_text}"
            return parent_name or own_text or self.name(table, uid)
        return own_text or (self.name(table, uid) if uid else "")
