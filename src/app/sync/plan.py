"""What an import will do, record by record, worked out before anything is written.

Each received record is applied, left (not newer), held (kept aside with its reason: it refers to a
record this site lacks, or repeats a key that must stay unique here) or applied and listed as a
conflict (it shares a natural key with another site's record). Records held by earlier imports are
tried again in the same pass. The dry run and the import use this one plan, so the preview says
exactly what the import does.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import UniqueConstraint, select, tuple_
from sqlalchemy.orm import Session

from yichao.app.core.progress import ProgressFn, no_progress
from yichao.app.sync.identity import PERSON, incoming_person_keys, stored_person_keys
from yichao.app.sync.labels import describe, kind_label
from yichao.app.sync.records import RecordError, TableCodec, canonical_json, decode_record, encode_row, table_codecs
from yichao.models.bulk import select_in
from yichao.models.sync import SyncConflict, SyncHeld

CHUNK = 500
STATES = ("new", "changed", "deleted", "unchanged", "held")
# natural keys: kind -> (column, Chinese name); people are matched by identity.py instead
NATURAL_KEYS: dict[str, tuple[str, str]] = {
    "organization": ("credit_code", "统一社会信用代码"),
    "passbook": ("number", "存折号"),
    "certificate": ("serial", "证书编号"),
}
PERSON_KEY_NAME = "身份证号码"


@dataclass(frozen=True)
class KindCounts:
    new: int = 0
    changed: int = 0
    deleted: int = 0
    unchanged: int = 0
    held: int = 0


@dataclass(frozen=True)
class HeldItem:
    """A record kept aside, and why (one Chinese sentence)."""

    entity: str
    uid: str
    origin: str
    name: str
    reason: str
    missing_entity: str = ""
    missing_uid: str = ""


@dataclass(frozen=True)
class ConflictMember:
    origin: str
    uid: str
    name: str


@dataclass(frozen=True)
class ConflictItem:
    """Records of different sites (or one site set up twice) sharing a natural key."""

    entity: str
    key_name: str
    match_key: str
    shown_key: str
    members: tuple[ConflictMember, ...]
    new: bool  # not listed before this import


@dataclass
class Plan:
    insert: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    update: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    counts: dict[str, KindCounts] = field(default_factory=dict)
    held: list[HeldItem] = field(default_factory=list)
    held_rows: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # stored form
    released: list[HeldItem] = field(default_factory=list)  # held before, applied now
    still_held: list[HeldItem] = field(default_factory=list)  # held before, still lacking
    drop_held: set[tuple[str, str]] = field(default_factory=set)  # held entries to remove
    conflicts: list[ConflictItem] = field(default_factory=list)
    superseded_sites: list[str] = field(default_factory=list)


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def stored_form(codec: TableCodec, row: dict[str, Any]) -> str:
    """A record as kept in :class:`SyncHeld`: its JSON values and the digests of private columns."""
    return canonical_json({"d": encode_row(codec, row), "h": row.get("__hashes__", {})})


def _from_stored(codec: TableCodec, text: str) -> dict[str, Any] | None:
    try:
        item = json.loads(text)
        row = decode_record(codec, item["d"])
    except (ValueError, KeyError, TypeError, RecordError):
        return None
    if item.get("h"):
        row["__hashes__"] = dict(item["h"])
    return row


class _Planner:
    def __init__(self, session: Session, me: str, peer: str, records: dict[str, list[dict[str, Any]]],
                 hashes: list[tuple[str, str, str, str]], ask_all: bool) -> None:
        self.s, self.me, self.peer = session, me, peer
        self.records, self.hashes, self.ask_all = records, hashes, ask_all
        self.codecs = table_codecs()
        self.plan = Plan()
        # candidates to write: (table, uid) -> (op, row, received_from, retried, state counted)
        self.cand: dict[tuple[str, str], tuple[str, dict[str, Any], str, bool, str]] = {}
        self.held: dict[tuple[str, str], HeldItem] = {}
        self.counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(STATES, 0))
        self.exists: dict[str, set[str]] = defaultdict(set)  # known present locally
        self.absent: dict[str, set[str]] = defaultdict(set)

    # -- classification ------------------------------------------------------------------------
    def local(self, table: str, uids: list[str]) -> dict[str, tuple[int, str, bool]]:
        t = self.codecs[table].model.__table__  # type: ignore[attr-defined]
        out = {uid: (rev, origin, bool(deleted))  # a bundle's uids: raw pages, not one Core query per chunk
               for uid, rev, origin, deleted in select_in(self.s, t, ("uid", "rev", "origin", "deleted"), "uid", uids)}
        self.exists[table].update(out)
        return out

    def classify(self, progress: ProgressFn) -> None:
        total = sum(len(v) for v in self.records.values())
        done = 0
        for name in self.codecs:
            rows = self.records.get(name)
            if not rows:
                continue
            local = self.local(name, [r["uid"] for r in rows])
            c = self.counts[name]
            for row in rows:
                have = local.get(row["uid"])
                key = (name, row["uid"])
                if have is not None and have[1] != row["origin"]:
                    self.hold(key, row, self.peer, "它与本站点另一来源的记录使用了同一个标识，不能合并")
                elif row["origin"] == self.me and have is not None:  # one of ours, given back
                    if self.ask_all and row["rev"] > have[0]:
                        self.cand[key] = ("update", row, self.peer, False, "changed")
                    else:
                        c["unchanged"] += 1
                elif have is None:
                    self.cand[key] = ("insert", row, self.peer, False, "deleted" if row["deleted"] else "new")
                elif row["rev"] > have[0]:
                    state = "deleted" if row["deleted"] and not have[2] else "changed"
                    self.cand[key] = ("update", row, self.peer, False, state)
                else:
                    c["unchanged"] += 1
            done += len(rows)
            progress(done, total)

    def retry_held(self) -> None:
        """Records held by earlier imports: try again, unless this bundle brings a newer one."""
        for h in self.s.scalars(select(SyncHeld)):
            key = (h.entity, h.uid)
            codec = self.codecs.get(h.entity)
            got = self.cand.get(key)  # this bundle brings the record again
            if key in self.held or (got is not None and got[1]["rev"] >= h.rev) or codec is None:
                self.plan.drop_held.add(key)
                continue
            row = _from_stored(codec, h.data)
            if row is None:
                self.plan.drop_held.add(key)
                continue
            have = self.local(h.entity, [h.uid]).get(h.uid)
            if have is not None and (have[1] != row["origin"] or have[0] >= row["rev"]):
                self.plan.drop_held.add(key)  # overtaken: the record arrived some other way
                continue
            self.cand[key] = ("insert" if have is None else "update", row, h.peer_code, True, "")
            self.plan.drop_held.add(key)

    def hold(self, key: tuple[str, str], row: dict[str, Any], peer: str, reason: str,
             missing: tuple[str, str] = ("", "")) -> None:
        table = key[0]
        item = HeldItem(table, key[1], row["origin"], describe(table, row), reason, *missing)
        self.held[key] = item
        self.plan.held_rows[key] = {"peer_code": peer, "origin": row["origin"], "rev": row["rev"],
                                    "data": stored_form(self.codecs[table], row)}

    # -- references ----------------------------------------------------------------------------
    def _present(self, table: str, uids: set[str]) -> None:
        unknown = sorted(uids - self.exists[table] - self.absent[table])
        if not unknown:
            return
        if table not in self.codecs:
            self.exists[table].update(unknown)  # a table that never travels: not ours to judge
            return
        found = self.local(table, unknown)
        self.absent[table].update(set(unknown) - set(found))

    def check_references(self) -> bool:
        """Hold every candidate that refers to a record neither here nor arriving (to a fixpoint)."""
        wanted: dict[str, set[str]] = defaultdict(set)
        for (table, _), (_, row, *_) in self.cand.items():
            for col, ref in self.codecs[table].foreign_keys:
                if row.get(col):
                    wanted[ref].add(row[col])
        for ref, uids in wanted.items():
            self._present(ref, {u for u in uids if (ref, u) not in self.cand})
        if not any(self._lacking(ref, uids) for ref, uids in wanted.items()):
            return False  # every reference is here or arrives: nothing to hold (no pass over the records)
        changed_any, changed = False, True
        while changed:
            changed = False
            for key, (_, row, peer, *_) in self.cand.items():
                if key in self.held:
                    continue
                for col, ref in self.codecs[key[0]].foreign_keys:
                    v = row.get(col)
                    if not v or v in self.exists[ref] or ((ref, v) in self.cand and (ref, v) not in self.held):
                        continue
                    other = self.held.get((ref, v))
                    if other is not None:
                        missing = (other.missing_entity, other.missing_uid)
                        reason = f"它引用的{kind_label(ref)}“{other.name}”也暂存未导入"
                    else:
                        missing = (ref, v)
                        reason = (f"它引用的{kind_label(ref)}（标识 {v[:8]}）本站点没有，"
                                  "已在下一个数据包里请对方重新发送")
                    self.hold(key, row, peer, reason, missing)
                    changed = changed_any = True
                    break
        return changed_any

    def _lacking(self, ref: str, uids: set[str]) -> bool:
        """Whether one of ``uids`` of table ``ref`` is neither here nor arriving unheld."""
        return any(u not in self.exists[ref] and ((ref, u) not in self.cand or (ref, u) in self.held) for u in uids)

    # -- keys that stay unique within one site -------------------------------------------------
    def _unique_sets(self, table: str) -> list[tuple[str, ...]]:
        codec = self.codecs[table]
        t = codec.model.__table__  # type: ignore[attr-defined]
        sets = [tuple(c.name for c in con.columns) for con in t.constraints if isinstance(con, UniqueConstraint)]
        sets += [(c.name,) for c in t.columns if c.unique]
        sets += [tuple(c.name for c in ix.columns) for ix in t.indexes if ix.unique]
        return [cols for cols in dict.fromkeys(sets) if not set(cols) & set(codec.private) and cols != ("uid",)]

    def check_unique(self) -> bool:
        changed = False
        by_table: dict[str, list[tuple[tuple[str, str], dict[str, Any]]]] = defaultdict(list)
        for key, (_, row, *_) in self.cand.items():
            if key not in self.held:
                by_table[key[0]].append((key, row))
        for table, items in by_table.items():
            t = self.codecs[table].model.__table__  # type: ignore[attr-defined]
            for cols in self._unique_sets(table):
                mine: dict[tuple[Any, ...], tuple[str, str]] = {}
                for key, row in items:
                    value = tuple(row.get(c) for c in cols)
                    if None in value or key in self.held:
                        continue
                    first = mine.setdefault(value, key)
                    if first != key:
                        self._hold_dup(key, row, table, cols)
                        changed = True
                values = list(mine)
                for chunk in _chunks(values):
                    expr = t.c[cols[0]].in_([v[0] for v in chunk]) if len(cols) == 1 else \
                        tuple_(*(t.c[c] for c in cols)).in_(chunk)
                    for local in self.s.execute(select(t.c.uid, *(t.c[c] for c in cols)).where(expr)):
                        value, clash = tuple(local[1:]), mine.get(tuple(local[1:]))
                        if clash is None or local[0] == clash[1] or clash in self.held:
                            continue
                        moving = self.cand.get((table, local[0]))
                        if moving is not None and tuple(moving[1].get(c) for c in cols) != value:
                            continue  # the local record changes its key in this same import
                        self._hold_dup(clash, self.cand[clash][1], table, cols)
                        changed = True
        return changed

    def _hold_dup(self, key: tuple[str, str], row: dict[str, Any], table: str, cols: tuple[str, ...]) -> None:
        self.hold(key, row, self.cand[key][2],
                  f"它与本站点已有的另一条{kind_label(table)}重复（{'、'.join(cols)} 相同），请对方核对后更正")

    # -- natural keys: apply, and list the overlap ----------------------------------------------
    def conflicts(self) -> None:
        # members are described (a name, a lookup) only for keys shared by two records or more: a
        # bundle of 200,000 people has a handful of those
        live: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)  # table -> uid -> row
        for (table, uid), v in self.cand.items():
            if not v[1].get("deleted") and (table, uid) not in self.held:
                live[table][uid] = v[1]
        for table, (col, key_name) in NATURAL_KEYS.items():
            rows = {uid: row for uid, row in live.get(table, {}).items() if row.get(col)}
            if not rows:
                continue
            t = self.codecs[table].model.__table__  # type: ignore[attr-defined]
            groups: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
            for uid, row in rows.items():
                groups[row[col]][uid] = row
            for chunk in _chunks(sorted(groups)):
                for local in self.s.execute(select(t).where(t.c[col].in_(chunk), t.c.deleted.is_(False))).mappings():
                    got = self.cand.get((table, local["uid"]))
                    moving = got[1] if got is not None and (table, local["uid"]) not in self.held else None
                    if moving and (moving.get(col) != local[col] or moving.get("deleted")):
                        continue
                    groups[local[col]].setdefault(local["uid"], dict(local))
            self._add(table, key_name, {k: (k, self._members(table, v)) for k, v in groups.items() if len(v) > 1})
        people = live.get(PERSON, {})
        incoming = {u: h for u, h in incoming_person_keys(self.hashes).items() if u in people}
        if incoming:
            stored = stored_person_keys(self.s, keys=incoming.values())
            t = self.codecs[PERSON].model.__table__  # type: ignore[attr-defined]
            rows_by_uid: dict[str, Any] = {u: people[u] for u in incoming}
            for chunk in _chunks(sorted(set(stored) - set(rows_by_uid))):
                for r in self.s.execute(select(t).where(t.c.uid.in_(chunk), t.c.deleted.is_(False))).mappings():
                    rows_by_uid[r["uid"]] = dict(r)
            keys = {**stored, **incoming}
            twice = {d for d, n in Counter(keys.values()).items() if n > 1}  # a handful of 200,000
            pgroups: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
            for uid, digest in keys.items():
                person = rows_by_uid.get(uid) if digest in twice else None
                if person is not None:
                    pgroups[digest][uid] = person
            shared = {d: m for d, m in pgroups.items() if len(m) > 1}
            self._add(PERSON, PERSON_KEY_NAME, {
                d: (next(p.get("id_masked") or "" for p in m.values()), self._members(PERSON, m))
                for d, m in shared.items()})

    @staticmethod
    def _members(table: str, rows: dict[str, dict[str, Any]]) -> dict[str, ConflictMember]:
        return {uid: ConflictMember(row["origin"], uid, describe(table, row)) for uid, row in rows.items()}

    def _add(self, table: str, key_name: str, groups: dict[str, tuple[str, dict[str, ConflictMember]]]) -> None:
        found = {k: v for k, v in groups.items() if len(v[1]) > 1}
        if not found:
            return
        listed: set[str] = set()
        for chunk in _chunks(sorted(found)):
            listed.update(self.s.scalars(select(SyncConflict.match_key).where(
                SyncConflict.entity == table, SyncConflict.match_key.in_(chunk))))
        for k in sorted(found):
            shown, members = found[k]
            ordered = tuple(sorted(members.values(), key=lambda m: (m.origin, m.uid)))
            self.plan.conflicts.append(ConflictItem(table, key_name, k, str(shown)[:64], ordered, k not in listed))

    # -- the street set up again ------------------------------------------------------------------
    def sites(self) -> None:
        # a tombstone (the old record of a street set up again, given back to it) stands for no site
        rows = [v[1] for k, v in self.cand.items()
                if k[0] == "site" and k not in self.held and v[0] == "insert" and not v[1].get("deleted")]
        if not rows:
            return
        t = self.codecs["site"].model.__table__  # type: ignore[attr-defined]
        codes = {r["code"]: r for r in rows}
        for uid, code, is_local in self.s.execute(select(t.c.uid, t.c.code, t.c.is_local).where(
                t.c.code.in_(sorted(codes)), t.c.deleted.is_(False))):
            new = codes[code]
            if uid == new["uid"]:
                continue
            if is_local:
                self.hold(("site", new["uid"]), new, self.peer, "它使用了本站点自己的代码")
            else:
                self.plan.superseded_sites.append(uid)

    def finish(self) -> Plan:
        plan = self.plan
        for key, (op, row, _, retried, state) in self.cand.items():
            if key in self.held:
                if retried:
                    plan.drop_held.discard(key)
                    plan.still_held.append(self.held[key])
                continue
            (plan.insert if op == "insert" else plan.update)[key[0]].append(row)
            if retried:
                plan.released.append(HeldItem(key[0], key[1], row["origin"], describe(key[0], row), "已补入"))
            else:
                self.counts[key[0]][state] += 1
        for key, item in self.held.items():
            if key not in self.cand or not self.cand[key][3]:
                plan.held.append(item)
                self.counts[key[0]]["held"] += 1
        plan.counts = {k: KindCounts(**v) for k, v in self.counts.items()}
        return plan


def make_plan(session: Session, me: str, peer: str, records: dict[str, list[dict[str, Any]]],
              hashes: list[tuple[str, str, str, str]], ask_all: bool = False,
              progress: ProgressFn = no_progress) -> Plan:
    """Classify a bundle's records (and earlier held ones) against this site's database."""
    p = _Planner(session, me, peer, records, hashes, ask_all)
    p.classify(progress)
    p.retry_held()
    p.sites()
    while True:
        a = p.check_references()
        b = p.check_unique()
        if not (a or b):
            break
    p.conflicts()
    return p.finish()
