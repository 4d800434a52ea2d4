"""Organizations from and to Excel: ``yichao xlsx import|export orgs`` and the GUI's import dialog.

An import checks every row with the same rules as the dialog (:func:`yichao.app.orgs.profile.clean_org`)
and reports each rejected row with its sheet row number. Nothing is applied when any row is
rejected, unless the user chose to import the valid rows; a dry run applies nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from yichao.app.core.community_match import RosterCommunities
from yichao.app.core.errors import USER_ERRORS, UserError, message_of
from yichao.app.core.excel import Column, ImportReport, Table, parse_date, read_table, write_xlsx
from yichao.app.core.import_memory import annotate_rejections, mapped_table, questions_for, recall, remember
from yichao.app.core.value_map import FixedList, ValueMap, ValueQuestion
from yichao.app.core.workspace import Workspace
from yichao.app.orgs.labels import KIND_LABELS, PARTY_FORM_LABELS, STAGE_LABELS
from yichao.app.orgs.lookups import seed_lookups
from yichao.app.orgs.profile import TODO_LABELS, OrgInput, clean_org, split_domains, split_todo, todo_sentences
from yichao.app.orgs.query import SORT_KEYS, OrgFilter, filter_statement
from yichao.models.base import new_uid
from yichao.models.journal import bulk_insert, record_event
from yichao.models.org_records import DEFAULT_CATEGORIES, DEFAULT_DOMAINS, OrgLookup, OrgStageChange
from yichao.models.organization import REGISTERED_KINDS, STAGES, Organization
from yichao.models.site import Community

# field key -> header variants seen in real street spreadsheets
ALIASES: dict[str, list[str]] = {
    "name": ["名称", "组织名称", "社会组织名称", "单位名称", "团队名称", "机构名称"],
    "short_name": ["简称", "组织简称"],
    "kind": ["组织类型", "类型", "登记类型", "组织形式"],
    "category": ["类别", "组织类别", "分类"],
    "domains": ["服务领域", "领域"],
    "stage": ["阶段", "孵化阶段", "培育阶段"],
    "credit_code": ["统一社会信用代码", "信用代码", "社会信用代码"],
    "filing_number": ["备案编号", "备案号"],
    "founded_on": ["成立日期", "成立时间"],
    "registered_on": ["登记日期", "注册日期", "登记时间"],
    "filed_on": ["备案日期"],
    "community": ["所属社区", "社区"],
    "address": ["地址", "办公地址", "活动地址", "住所"],
    "leader": ["负责人", "法定代表人", "法人代表", "联系人"],
    "phone": ["联系电话", "电话", "手机", "手机号码", "联系方式"],
    "members": ["成员人数", "成员数", "会员数", "人数"],
    "volunteers": ["志愿者人数", "志愿者数"],
    "party_members": ["党员人数", "党员数"],
    "party_form": ["党建形式", "党组织形式", "党组织"],
    "notes": ["备注", "说明"],
}
FIELD_LABELS = {key: names[0] for key, names in ALIASES.items()}

_KIND_WORDS = {**{v: k for k, v in KIND_LABELS.items()}, "社团": "association",
               "民办非企业单位": "service_agency", "民非": "service_agency",
               "社区社会组织": "filed_community_org", "备案": "filed_community_org",
               "备案社区社会组织": "filed_community_org", "未登记": "unregistered_team",
               "团队": "unregistered_team", "群众团队": "unregistered_team", **{k: k for k in KIND_LABELS}}
_STAGE_WORDS = {**{v: k for k, v in STAGE_LABELS.items()}, "苗圃": "nursery", "加速": "accelerating",
                "产业": "scaling", **{k: k for k in STAGES}}
_PARTY_WORDS = {**{v: k for k, v in PARTY_FORM_LABELS.items()}, "": "none", "none": "none"}
_SPLIT = re.compile(r"[、,，;；/／|\s]+")
_CODE_KIND = {"1": "association", "2": "service_agency", "3": "foundation"}


# the columns with a fixed list of values: the words the importer already knows are its synonyms
FIXED_LISTS = (
    FixedList("kind", "组织类型", tuple(KIND_LABELS.values()), accepted=frozenset(_KIND_WORDS)),
    FixedList("stage", "孵化阶段", tuple(STAGE_LABELS.values()), accepted=frozenset(_STAGE_WORDS)),
    FixedList("party_form", "党建形式", tuple(PARTY_FORM_LABELS.values()), accepted=frozenset(_PARTY_WORDS)),
)


def fixed_lists(ws: Workspace) -> tuple[FixedList, ...]:
    """The roster's fixed-list columns: the program's own, and the lists the center edits (类别,
    服务领域: a roster's 为老服务 is proposed as 为老). Read, never seeded: a dry run writes nothing,
    and a site without lists gets the default ones with its first import."""
    with ws.read() as session:
        entries = session.execute(select(OrgLookup.list_kind, OrgLookup.name).where(OrgLookup.deleted.is_(False))
                                  .order_by(OrgLookup.position, OrgLookup.name)).all()
    seeded = bool(entries)
    lists = list(FIXED_LISTS)
    for field, label, list_kind, multi, defaults in (("category", "组织类别", "category", False, DEFAULT_CATEGORIES),
                                                     ("domains", "服务领域", "domain", True, DEFAULT_DOMAINS)):
        names = tuple(n for k, n in entries if k == list_kind) if seeded else defaults
        other = next((n for n in names if n == "其他"), None)
        lists.append(FixedList(field, label, names, other=other, multi=multi))
    return tuple(lists)


def preview_file(path: str | Path, ws: Workspace | None = None) -> Table:
    """The sheet with its column mapping for the mapping dialog: the one confirmed for this layout
    before (``ws`` given), else the one guessed from the headers."""
    table = read_table(path, ALIASES)
    if ws is not None:
        columns, _values = recall(ws, "orgs", table.headers)
        if columns:
            return replace(table, mapping=columns)
    return table


def value_questions(ws: Workspace, path: str | Path, mapping: Mapping[int, str] | None = None) -> list[ValueQuestion]:
    """The values of the roster's fixed-list columns (under ``mapping``) the clerk must still map."""
    table = preview_file(path, ws)
    return questions_for(ws, "orgs", replace(table, mapping=dict(mapping or table.mapping)), fixed_lists(ws))


def _int(text: str, label: str) -> int:
    s = text.replace("人", "").replace("名", "").strip()
    if not s:
        return 0
    if not re.fullmatch(r"\d+", s):
        raise UserError(f"{label} “{text}” 应为整数。")
    return int(s)


class _Context:
    """Names -> uids and what is already taken, loaded once for the whole file."""

    def __init__(self, session: Any, add_communities: bool = False) -> None:
        lookups = session.execute(select(OrgLookup.list_kind, OrgLookup.name, OrgLookup.uid)
                                  .where(OrgLookup.deleted.is_(False))).all()
        self.categories = {n: u for k, n, u in lookups if k == "category"}
        self.domains = {n: u for k, n, u in lookups if k == "domain"}
        self.communities = RosterCommunities.load(session, add_communities)
        self.codes = dict(session.execute(select(Organization.credit_code, Organization.name)
                                          .where(Organization.credit_code.is_not(None),
                                                 Organization.origin == session.info.get("site", ""))).all())
        self.names = set(session.scalars(select(Organization.name).where(Organization.deleted.is_(False))))
        self.seen_codes: dict[str, int] = {}
        self.seen_names: dict[str, int] = {}



def _row_input(rec: Mapping[str, str], ctx: _Context) -> tuple[OrgInput, str]:
    """An OrgInput and the stage from one sheet row; UserError for the first bad cell."""
    code = rec.get("credit_code", "")
    kind_text = rec.get("kind", "").replace(" ", "")
    if kind_text:
        kind = _KIND_WORDS.get(kind_text) or next((v for k, v in _KIND_WORDS.items() if k and k in kind_text), "")
        if not kind:
            raise UserError(f"组织类型“{kind_text}”无法识别。")
    elif code:
        kind = _CODE_KIND.get(code.strip().upper()[1:2], "filed_community_org") if code.strip().startswith("5") \
            else "filed_community_org"
    else:
        kind = "filed_community_org" if rec.get("filing_number") else "unregistered_team"
    category = rec.get("category", "")
    if category and category not in ctx.categories:
        raise UserError(f"类别“{category}”不在组织类别列表中。")
    domains = []
    for word in (w for w in _SPLIT.split(rec.get("domains", "")) if w):
        if word not in ctx.domains:
            raise UserError(f"服务领域“{word}”不在列表中。")
        domains.append(ctx.domains[word])
    party = rec.get("party_form", "").replace(" ", "")
    if party not in _PARTY_WORDS:
        raise UserError(f"党建形式“{party}”无法识别，应为独立党支部、联合党支部、党建指导员或无。")
    stage_text = rec.get("stage", "").replace(" ", "")
    stage = _STAGE_WORDS.get(stage_text, "") if stage_text else "nursery"
    if not stage:
        raise UserError(f"阶段“{stage_text}”无法识别。")
    founded = parse_date(rec.get("founded_on", ""), "成立日期")
    registered = parse_date(rec.get("registered_on", ""), "登记日期")
    if kind in REGISTERED_KINDS and registered is None:
        registered = founded  # a registered group begins with its registration
    data = OrgInput(
        name=rec.get("name", ""), kind=kind, short_name=rec.get("short_name", ""),
        category_uid=ctx.categories.get(category), domain_uids=domains, credit_code=code,
        filing_number=rec.get("filing_number", ""),
        registered_on=registered, founded_on=founded,
        filed_on=parse_date(rec.get("filed_on", ""), "备案日期"),
        community_uid=ctx.communities.resolve(rec.get("community", "")), address=rec.get("address", ""),
        leader=rec.get("leader", ""), phone=rec.get("phone", ""),
        members=_int(rec.get("members", ""), "成员人数"), volunteers=_int(rec.get("volunteers", ""), "志愿者人数"),
        party_members=_int(rec.get("party_members", ""), "党员人数"), party_form=_PARTY_WORDS[party],
        notes=rec.get("notes", ""),
    )
    return data, stage


def _stage_problem(row: dict[str, Any], stage: str) -> str | None:
    if stage in ("accelerating", "scaling", "graduated") and not (row["leader"] and row["phone"]):
        return f"“{STAGE_LABELS[stage]}”阶段的组织须有负责人和联系电话。"
    if stage in ("scaling", "graduated") and row["kind"] == "unregistered_team":
        return f"未登记团队不能处于“{STAGE_LABELS[stage]}”阶段。"
    return None


def _warnings(row: dict[str, Any]) -> list[str]:
    """What the roster lacks for this row: imported all the same, the record marked 待补."""
    found = todo_sentences(row)
    if row["kind"] == "unregistered_team" and row["founded_on"]:
        found.append(f"未登记团队的成立日期 {row['founded_on']:%Y-%m-%d} 记为团队开始活动的日期（不是登记日期）。")
    return found


def import_orgs(ws: Workspace, path: str | Path, *, dry_run: bool = False, skip_invalid: bool = False,
                mapping: Mapping[int, str] | None = None, add_communities: bool = False,
                value_map: ValueMap | None = None) -> ImportReport:
    """Check every row of the file; apply all (or, with ``skip_invalid``, the valid ones).

    What a real roster lacks (a filed group's filing number) is a warning and a 待补 mark, never
    a refusal; communities the site lacks are created with the rows when ``add_communities``."""
    ws.require("staff", "导入组织档案", work="orgs")
    table = preview_file(path, ws)
    use = dict(table.mapping if mapping is None else mapping)
    lists = fixed_lists(ws)
    table, used_map = mapped_table(ws, "orgs", replace(table, mapping=use), lists, value_map)
    report = _import_rows(ws, path, table, use, dry_run, skip_invalid, add_communities, lists)
    if report.applied:
        remember(ws, "orgs", table.headers, use, used_map)
    return report


def _import_rows(ws: Workspace, path: str | Path, table: Table, use: dict[int, str], dry_run: bool,
                 skip_invalid: bool, add_communities: bool, lists: tuple[FixedList, ...]) -> ImportReport:
    if "name" not in use.values():
        raise UserError("表格中没有找到“名称”列，请确认表头（如“组织名称”）。")
    today = date.today()
    rejected: list[tuple[int, str]] = []
    warnings: list[tuple[int, str]] = []
    valid: list[tuple[int, dict[str, Any], str]] = []
    with ws.unit() as session:
        seed_lookups(session)
        session.flush()
        ctx = _Context(session, add_communities)
        ctx.communities.attach(session, ws.site.code)  # the row checks look communities up
        for number, rec in table.records(use):
            if not any(rec.values()):
                continue
            try:
                data, stage = _row_input(rec, ctx)
                row = clean_org(session, data, today=today, check_unique=False)
                problem = _stage_problem(row, stage) or _duplicate(ctx, row, number)
                if problem:
                    raise UserError(problem)
            except USER_ERRORS as exc:
                rejected.append((number, message_of(exc)))
                continue
            valid.append((number, row, stage))
            warnings.extend((number, w) for w in _warnings(row))
        rejected = annotate_rejections(rejected, table, lists)
        total = len(valid) + len(rejected)
        found: dict[str, Any] = dict(warnings=tuple(warnings), new_communities=ctx.communities.missing(),
                     communities_added=add_communities)
        if dry_run or (rejected and not skip_invalid) or not valid:
            session.rollback()
            return ImportReport(total, len(valid), 0, tuple(rejected), table.skipped, dry_run, **found)
        ctx.communities.create(session, ws.site.code)
        user = session.info.get("user", "")
        orgs = [{**row, "uid": new_uid(), "stage": stage, "stage_since": today} for _n, row, stage in valid]
        bulk_insert(session, Organization, orgs)
        bulk_insert(session, OrgStageChange, [
            {"org_uid": o["uid"], "from_stage": "", "to_stage": o["stage"], "on": today,
             "reason": f"从 {Path(path).name} 导入", "by_user": user} for o in orgs])
        record_event(session, "import", "organization", "", {"file": Path(path).name, "rows": len(orgs),
                                                            "rejected": len(rejected)})
        return ImportReport(total, len(valid), len(orgs), tuple(rejected), table.skipped, False, **found)


def _duplicate(ctx: _Context, row: dict[str, Any], number: int) -> str | None:
    code, name = row["credit_code"], row["name"]
    if code and code in ctx.seen_codes:
        return f"统一社会信用代码 {code} 与第{ctx.seen_codes[code]}行重复。"
    if code and code in ctx.codes:
        return f"统一社会信用代码 {code} 已被“{ctx.codes[code]}”使用。"
    if name in ctx.seen_names:
        return f"组织名称与第{ctx.seen_names[name]}行重复。"
    if name in ctx.names:
        return f"已有名为“{name}”的组织。"
    if code:
        ctx.seen_codes[code] = number
    ctx.seen_names[name] = number
    return None


EXPORT_COLUMNS = [
    Column("name", "组织名称", 30), Column("short_name", "简称", 12), Column("kind", "组织类型", 16),
    Column("category", "类别", 12), Column("domains", "服务领域", 18), Column("stage", "阶段", 10),
    Column("credit_code", "统一社会信用代码", 22), Column("filing_number", "备案编号", 16),
    Column("founded_on", "成立日期", 12), Column("registered_on", "登记日期", 12), Column("filed_on", "备案日期", 12),
    Column("community", "所属社区", 14), Column("address", "地址", 26), Column("leader", "负责人", 10),
    Column("phone", "联系电话", 15), Column("members", "成员人数", 9), Column("volunteers", "志愿者人数", 10),
    Column("party_members", "党员人数", 9), Column("party_form", "党建形式", 12),
    Column("workstation", "入驻工位", 10), Column("notes", "备注", 30), Column("todo", "待补", 14),
]


def export_orgs(ws: Workspace, path: str | Path, flt: OrgFilter = OrgFilter(), sort_key: str = "name",
                descending: bool = False) -> int:
    """Write the (filtered) list to .xlsx in the import's own column names, so it re-imports."""
    ws.require("viewer", "导出组织档案")
    today = date.today()
    column = SORT_KEYS.get(sort_key, Organization.name_sort)
    stmt = filter_statement(select(Organization, Community.name).outerjoin(
        Community, Community.uid == Organization.community_uid), OrgFilter() if flt is None else flt, today)
    stmt = stmt.order_by(column.desc() if descending else column.asc(), Organization.uid)
    with ws.read() as session:
        names = dict(session.execute(select(OrgLookup.uid, OrgLookup.name)).all())
        rows = [_export_row(o, cname or "", names) for o, cname in session.execute(stmt)]
    count = write_xlsx(path, EXPORT_COLUMNS, rows, sheet_title="组织档案")
    with ws.unit() as session:
        record_event(session, "export", "organization", "", {"file": Path(path).name, "rows": count})
    return count


def _export_row(o: Organization, community: str, names: dict[str, str]) -> dict[str, Any]:
    return {
        "name": o.name, "short_name": o.short_name, "kind": KIND_LABELS.get(o.kind, o.kind),
        "category": names.get(o.category_uid or "", ""),
        "domains": "、".join(names.get(u, "") for u in split_domains(o.domain_uids)),
        "stage": STAGE_LABELS.get(o.stage, o.stage), "credit_code": o.credit_code or "",
        "filing_number": o.filing_number, "founded_on": _iso(o.founded_on), "registered_on": _iso(o.registered_on),
        "filed_on": _iso(o.filed_on),
        "community": community, "address": o.address, "leader": o.leader, "phone": o.phone,
        "members": o.members, "volunteers": o.volunteers, "party_members": o.party_members,
        "party_form": PARTY_FORM_LABELS.get(o.party_form, "") if o.party_form != "none" else "",
        "workstation": o.workstation if o.resident else "", "notes": o.notes,
        "todo": "、".join(TODO_LABELS.get(k, k) for k in split_todo(o.todo)),
    }


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""

