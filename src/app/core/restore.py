"""Restoring a backup without losing what is already on paper.

A backup is older than the database it replaces. Whatever was handed out on paper since then must
survive the restore, or the next certificate would take a serial already printed and the next
补登 would print over lines already on a passbook. So a restore works on a copy of the backup:

1. the backup is checked (a SQLite Yichao database, sound, not from a newer Yichao, the same site);
2. the copy is brought to this program's schema;
3. the paper records of the current database that are newer than the backup's are carried into the
   copy, with the records they need (a new passbook's holder): certificates and their prints,
   passbooks with their ledger and printed lines. Their journal rows come along, and journal ids
   continue above the current database's, so a peer's acknowledgement never covers a new change;
4. the copy is checked, the current file is set aside (a consistent copy when it is sound, moved as
   it is when it is damaged) and the copy takes its place.

Anything refused before step 4 leaves the data folder as it was. :func:`plan_restore` tells the user
beforehand what the restore keeps and what it drops (changes since the backup, by kind, with a count).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError, OperationalError

from yichao.app.core.backup import (
    ATTACHMENTS,
    KEYS,
    backup_database,
    copy_attachments,
    copy_missing_files,
    fold_wal,
    integrity_problem,
    readonly_uri,
)
from yichao.app.core.datakey import DataKeyUnavailable, folder_data_key, load_data_key
from yichao.app.core.db_errors import translate
from yichao.app.core.errors import UserError
from yichao.app.core.file_ops import (
    copy_with_retry,
    describe_os_error,
    remove_quietly,
    remove_with_retry,
    replace_with_retry,
)
from yichao.app.core.instance_lock import InstanceLock
from yichao.app.core.paths import RESTORING_SUFFIX, attachments_dir, backups_dir, db_path
from yichao.models import migrate
from yichao.models.db import make_engine, sqlite_url
from yichao.models.journal import dumps
from yichao.models.migrate import known_revisions
from yichao.models.sealed_column import PREFIX as SEALED
from yichao.models.sealed_column import attach_key, open_value

# what reaches paper, in the order a carry inserts them (parents first)
PAPER_TABLES = ("passbook", "passbook_entry", "passbook_printed_line", "certificate", "certificate_print")
# tables that are not records (sync bookkeeping, schema version, the journal itself)
NOT_RECORDS = {"journal", "alembic_version", "sync_key", "sync_peer", "sync_bundle", "sync_hash", "sqlite_sequence"}

KIND_LABELS = {
    "site": "站点", "community": "社区", "user_account": "用户账号", "person": "居民", "organization": "社会组织",
    "org_lookup": "组织选项", "org_stage_change": "组织阶段变更", "org_rating": "组织评级", "org_activity": "组织活动",
    "org_mentoring": "督导咨询", "org_subsidy": "补贴", "attachment": "附件", "need": "居民需求",
    "need_step": "需求进展", "program": "创投计划", "fund_source": "资金来源", "project": "项目",
    "project_transition": "项目状态变更", "project_milestone": "项目里程碑", "project_tranche": "项目拨付",
    "project_evaluation": "项目评估", "project_activity": "项目活动", "proposal": "社区提案",
    "proposal_step": "提案进展",
    "rubric_template": "评分模板", "roadshow": "路演", "roadshow_judge": "路演评委", "roadshow_criterion": "评分项",
    "roadshow_entry": "路演项目", "roadshow_recusal": "评委回避", "score_sheet": "评分表", "passbook": "爱心存折",
    "passbook_entry": "存折记账", "passbook_printed_line": "存折已打印行", "passbook_rule": "积分规则",
    "passbook_item": "兑换物品", "passbook_stock": "兑换库存", "passbook_activity": "志愿活动",
    "certificate": "证书", "certificate_print": "证书打印记录",
}
UNFINISHED = "恢复没有完成，原数据库未被改动。"


@dataclass(frozen=True)
class RestorePlan:
    """What restoring ``backup`` would do to the data folder, told before anything changes."""

    backup: Path
    backup_made_at: datetime | None
    current_readable: bool  # False: the database is damaged or missing and is set aside as it is
    dropped: tuple[tuple[str, int], ...]  # (kind, count) of records changed since the backup, lost
    carried: tuple[str, ...]  # sentences: paper records kept although newer than the backup
    problems: tuple[str, ...] = ()  # when not empty the restore is refused with this list

    @property
    def dropped_total(self) -> int:
        return sum(n for _, n in self.dropped)

    def summary(self) -> str:
        """The plan in Chinese sentences, for a confirmation or the CLI."""
        lines: list[str] = []
        if not self.current_readable:
            lines.append("当前数据库已损坏或不存在，将原样移到备份文件夹保存，再换上这个备份。")
        elif self.dropped:
            kinds = "、".join(f"{label} {count} 条" for label, count in self.dropped)
            lines.append(f"恢复后将丢失备份之后的改动，共 {self.dropped_total} 条：{kinds}。")
        else:
            lines.append("备份之后没有其他改动会丢失。")
        if self.carried:
            lines.append("已经打印在纸上的内容会保留到恢复后的数据库：" + "；".join(self.carried) + "。")
        return "\n".join(lines)


@dataclass(frozen=True)
class RestoreResult:
    plan: RestorePlan
    previous: Path | None  # where the replaced database now lies (None: there was none)
    warning: str = ""  # restored, but something needs the administrator (the identity numbers' key)


# -- checking a backup file -------------------------------------------------------------------------
def check_backup_file(backup_file: Path) -> None:
    """Refuse, with one sentence, a file that is not a sound backup this program can use."""
    backup_file = Path(backup_file)
    if not backup_file.is_file():
        raise UserError(f"找不到备份文件 {backup_file}。")
    problem = integrity_problem(backup_file)
    if problem:
        raise UserError(f"不能用这个文件恢复：{problem}")
    conn = _connect_ro(backup_file)
    try:
        tables = _tables(conn, "main")
        if not {"alembic_version", "journal", "site"} <= tables:
            raise UserError("不能用这个文件恢复：这不是益巢的备份文件。")
        revisions = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
    finally:
        conn.close()
    if revisions - known_revisions():
        raise UserError("不能用这个文件恢复：这个备份来自更新版本的益巢，请先升级本程序。")


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(readonly_uri(path), uri=True)


def _tables(conn: sqlite3.Connection, schema: str) -> set[str]:
    return {r[0] for r in conn.execute(f"SELECT name FROM {schema}.sqlite_master WHERE type='table'")}


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]


def _local_site(conn: sqlite3.Connection, schema: str) -> tuple[str, str] | None:
    row = conn.execute(f"SELECT code, name FROM {schema}.site WHERE is_local = 1 AND deleted = 0").fetchone()
    return (row[0], row[1]) if row else None


def _current_is_readable(data_dir: Path) -> bool:
    target = db_path(data_dir)
    return target.exists() and integrity_problem(target) is None


# -- comparing the current database with the backup ---------------------------------------------------
def _newer(conn: sqlite3.Connection, table: str, new: str, old: str) -> list[str]:
    """uids of ``new.table`` missing from ``old.table`` or with a higher revision there."""
    if table not in _tables(conn, old):
        return [r[0] for r in conn.execute(f'SELECT uid FROM {new}."{table}"')]
    return [r[0] for r in conn.execute(
        f'SELECT n.uid FROM {new}."{table}" n LEFT JOIN {old}."{table}" o ON o.uid = n.uid '
        "WHERE o.uid IS NULL OR n.rev > o.rev")]


def _record_tables(conn: sqlite3.Connection, schema: str) -> list[str]:
    return sorted(t for t in _tables(conn, schema)
                  if t not in NOT_RECORDS and {"uid", "rev"} <= set(_columns(conn, schema, t)))


def _paper_closure(conn: sqlite3.Connection, new: str, old: str) -> tuple[dict[str, set[str]], list[str]]:
    """The paper records of ``new`` newer than ``old``, plus every parent ``old`` lacks."""
    carry: dict[str, set[str]] = {t: set(_newer(conn, t, new, old)) for t in PAPER_TABLES if t in _tables(conn, new)}
    # a book's balance and next line are derived from its entries and lines (several counters write
    # one ledger, so a new entry no longer raises the book's revision): the book comes with them
    for child in ("passbook_entry", "passbook_printed_line"):
        uids = sorted(carry.get(child, ()))
        if uids:
            carry.setdefault("passbook", set()).update(
                str(r[0]) for r in _select_in(conn, f"SELECT passbook_uid FROM {new}.{child} WHERE uid IN", uids))
    problems: list[str] = []
    pending = [(t, uid) for t, uids in carry.items() for uid in uids]
    old_tables = _tables(conn, old)
    while pending:
        table, uid = pending.pop()
        for fk in conn.execute(f'PRAGMA {new}.foreign_key_list("{table}")').fetchall():
            parent, column, target = fk[2], fk[3], fk[4] or "uid"
            row = conn.execute(f'SELECT "{column}" FROM {new}."{table}" WHERE uid = ?', (uid,)).fetchone()
            ref = row[0] if row else None
            if ref is None or ref in carry.get(parent, ()):
                continue
            if parent in old_tables and conn.execute(
                    f'SELECT 1 FROM {old}."{parent}" WHERE "{target}" = ?', (ref,)).fetchone():
                continue
            if conn.execute(f'SELECT 1 FROM {new}."{parent}" WHERE "{target}" = ?', (ref,)).fetchone() is None:
                problems.append(f"{KIND_LABELS.get(table, table)} {uid} 引用的{KIND_LABELS.get(parent, parent)}不存在")
                continue
            carry.setdefault(parent, set()).add(ref)
            pending.append((parent, ref))
    return carry, problems


def _describe_carry(conn: sqlite3.Connection, new: str, carry: dict[str, set[str]]) -> tuple[str, ...]:
    """The paper records kept, as the clerk knows them: serials, passbook numbers, line counts."""
    out: list[str] = []
    certs = sorted(carry.get("certificate", ()))
    if certs:
        serials = [str(r[0]) for r in _select_in(conn, f"SELECT serial FROM {new}.certificate WHERE uid IN", certs)]
        shown = "、".join(sorted(serials)[:8]) + ("等" if len(serials) > 8 else "")
        out.append(f"证书 {len(serials)} 张（{shown}）")
    books = sorted(carry.get("passbook", ()))
    if books:
        numbers = sorted(str(r[0]) for r in _select_in(conn, f"SELECT number FROM {new}.passbook WHERE uid IN", books))
        lines = len(carry.get("passbook_printed_line", ()))
        shown = "、".join(numbers[:8]) + ("等" if len(numbers) > 8 else "")
        out.append(f"爱心存折 {len(numbers)} 本（{shown}）及其记账和已打印的 {lines} 行")
    others = {t: uids for t, uids in carry.items() if t not in ("certificate", "passbook", "passbook_entry",
                                                                "passbook_printed_line", "certificate_print")}
    for table, uids in sorted(others.items()):
        if uids:
            out.append(f"它们用到的{KIND_LABELS.get(table, table)} {len(uids)} 条")
    return tuple(out)


def _select_in(conn: sqlite3.Connection, sql: str, values: list[str]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for i in range(0, len(values), 500):
        chunk = values[i:i + 500]
        rows += conn.execute(f"{sql} ({','.join('?' * len(chunk))})", chunk).fetchall()
    return rows


def _dropped(conn: sqlite3.Connection, new: str, old: str, carry: dict[str, set[str]]) -> tuple[tuple[str, int], ...]:
    counts: Counter[str] = Counter()
    for table in _record_tables(conn, new):
        lost = len(set(_newer(conn, table, new, old)) - carry.get(table, set()))
        if lost:
            counts[KIND_LABELS.get(table, table)] += lost
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _made_at(backup_file: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(Path(backup_file).stat().st_mtime)
    except OSError:
        return None


def _site_problem(conn: sqlite3.Connection, current: str, backup: str) -> str | None:
    here, there = _local_site(conn, current), _local_site(conn, backup)
    if here and there and here[0] != there[0]:
        return f"这个备份属于 {there[1]}（{there[0]}），不是本站点 {here[1]}（{here[0]}）的数据，不能恢复到这里。"
    return None


def plan_restore(data_dir: Path, backup_file: Path) -> RestorePlan:
    """What a restore of ``backup_file`` would keep and drop; reads both files, changes nothing."""
    check_backup_file(backup_file)
    target = db_path(data_dir)
    if not _current_is_readable(data_dir):
        return RestorePlan(Path(backup_file), _made_at(backup_file), False, (), ())
    conn = _connect_ro(target)
    try:
        conn.execute("ATTACH DATABASE ? AS bak", (readonly_uri(backup_file),))
        problem = _site_problem(conn, "main", "bak")
        if problem:
            raise UserError(problem)
        carry, problems = _paper_closure(conn, "main", "bak")
        return RestorePlan(Path(backup_file), _made_at(backup_file), True, _dropped(conn, "main", "bak", carry),
                           _describe_carry(conn, "main", carry), tuple(problems))
    finally:
        conn.close()


# -- doing it ---------------------------------------------------------------------------------------
def restore_database(data_dir: Path, backup_file: Path, *, locked: bool = False, user: str = "") -> RestoreResult:
    """Replace the database with a checked backup, keeping what is on paper (module docstring).

    Holds the instance lock while it works (``locked``: the caller's open workspace holds it and
    has let go of its connections). Refused with one sentence, and nothing changed, for a file
    that is not a sound Yichao backup, one from a newer Yichao or another site, paper records that
    cannot be carried over, or a file step that fails (a full disk, a file antivirus holds).
    A backup whose identity numbers the folder's key cannot open is restored with a ``warning``
    saying to import the key they were sealed with.
    """
    data_dir = Path(data_dir)
    backup_file = Path(backup_file)
    check_backup_file(backup_file)
    lock = None if locked else InstanceLock(data_dir)
    if lock is not None:
        _file_step(lock.acquire)  # another Yichao in the folder, or a folder that cannot be written
    try:
        result = _restore(data_dir, backup_file, user)
    finally:
        if lock is not None:
            lock.release()
    _bring_files(data_dir, backup_file)
    return replace(result, warning=key_problem(data_dir) or "")


KEY_ELSEWHERE = ("恢复的备份里的身份证号码是用另一个密钥加密的（例如重装 Windows 之前的密钥），本数据文件夹现有的密钥"
                 "打不开它们：请用管理员账号导入当时导出的身份证号码密钥（系统管理 → 备份 → 导入身份证号码密钥，"
                 "或 yichao keys import-data-key 密钥备份文件 --passphrase-file 口令文件）。")


def key_problem(data_dir: Path) -> str | None:
    """:data:`KEY_ELSEWHERE` when the folder's database holds identity numbers that the folder's
    key cannot open (a sample of them is tried), else None."""
    try:
        key = folder_data_key(data_dir)
    except DataKeyUnavailable:
        key = None
    try:
        conn = _connect_ro(db_path(data_dir))
        try:
            values = [v for (v,) in conn.execute(
                "SELECT id_number FROM person WHERE id_number LIKE ? LIMIT 50", (SEALED + "%",))]
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    for value in values:
        try:
            if key is None:
                raise UserError(KEY_ELSEWHERE)
            open_value(key, value, b"person.id_number")
        except UserError:
            return KEY_ELSEWHERE
    return None


def _restore(data_dir: Path, backup_file: Path, user: str) -> RestoreResult:
    target = db_path(data_dir)
    fold_wal(target)  # the current database whole in its file: read, set aside and replaced as such
    readable = _current_is_readable(data_dir)
    work = target.with_suffix(RESTORING_SUFFIX)
    try:
        _file_step(_copy, backup_file, work)
        _copy_step(_upgrade, work, data_dir)
        plan = _copy_step(_carry_into, work, target if readable else None, backup_file, user)
        problem = integrity_problem(work)
        if problem:
            raise UserError(f"恢复没有完成，原数据库未被改动：{problem}")
        previous = _file_step(_set_aside, data_dir, target, readable)
        try:
            for suffix in ("-wal", "-shm"):
                _file_step(remove_with_retry, Path(str(target) + suffix))
            _file_step(replace_with_retry, work, target)
        except UserError:
            if previous is not None and not readable:
                _put_back(previous, target)  # the damaged file was moved aside: it goes back, nothing changed
            raise
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            remove_quietly(Path(str(work) + suffix))
    return RestoreResult(plan, previous)


T = TypeVar("T")


def _file_step(action: Callable[..., T], *args: Any) -> T:
    """A step on files: what fails (full disk, a file held by antivirus) is one sentence."""
    try:
        return action(*args)
    except UserError as exc:
        if exc.message.startswith(UNFINISHED):
            raise
        raise UserError(f"{UNFINISHED}{exc.message}") from exc
    except (OSError, DBAPIError, sqlite3.Error) as exc:
        raise _unfinished(exc) from exc


def _copy_step(action: Callable[..., T], *args: Any) -> T:
    """A step on the copy: its own refusals stay as they are; a failing disk or database (full,
    read-only, a damaged page) is one sentence."""
    try:
        return action(*args)
    except (OSError, DBAPIError, sqlite3.Error) as exc:
        raise _unfinished(exc) from exc


def _unfinished(exc: OSError | DBAPIError | sqlite3.Error) -> UserError:
    if isinstance(exc, OSError):
        return UserError(f"{UNFINISHED}{describe_os_error(exc, '恢复')}")
    # the copy is worked on through SQLAlchemy (the upgrade) and through sqlite3 directly (the carry)
    wrapped = exc if isinstance(exc, DBAPIError) else OperationalError(None, None, exc)
    return UserError(f"{UNFINISHED}{translate(wrapped).message}")


def _put_back(aside: Path, target: Path) -> None:
    """Move a database set aside as it was (with its log files) back in place; best effort."""
    for suffix in ("", "-wal", "-shm"):
        moved, home = Path(str(aside) + suffix), Path(str(target) + suffix)
        if moved.exists() and not home.exists():
            try:
                shutil.move(str(moved), str(home))
            except OSError:
                continue


def _copy(source: Path, work: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        remove_with_retry(Path(str(work) + suffix))
    copy_with_retry(source, work)


def _upgrade(work: Path, data_dir: Path) -> None:
    """Bring the copy to this program's schema (a backup made before an upgrade is older).

    A backup from before identity numbers were sealed (0016) holds them in clear: the migration
    seals them with the folder's key, taken only then (a newer backup needs no key here)."""
    engine = make_engine(sqlite_url(work))
    attach_key(engine.dialect, lambda: load_data_key(data_dir))
    try:
        if migrate.needs_upgrade(engine):
            migrate.upgrade(engine)
    finally:
        engine.dispose()


def _carry_into(work: Path, current: Path | None, backup_file: Path, user: str) -> RestorePlan:
    """Carry the current database's paper records into ``work``; journal the restore there."""
    # opened as a URI, so that ATTACH reads its URI too wherever SQLite was built without SQLITE_USE_URI
    conn = sqlite3.connect(Path(work).resolve().as_uri(), uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        next_id = conn.execute("SELECT coalesce(max(id), 0) FROM journal").fetchone()[0] + 1
        if current is None:
            plan = RestorePlan(backup_file, _made_at(backup_file), False, (), ())
        else:
            conn.execute("ATTACH DATABASE ? AS cur", (readonly_uri(current),))
            problem = _site_problem(conn, "cur", "main")
            if problem:
                raise UserError(problem)
            carry, problems = _paper_closure(conn, "cur", "main")
            plan = RestorePlan(backup_file, _made_at(backup_file), True, _dropped(conn, "cur", "main", carry),
                               _describe_carry(conn, "cur", carry), tuple(problems))
            conn.execute("BEGIN")
            problems += _copy_rows(conn, carry)
            if problems:
                conn.execute("ROLLBACK")
                raise UserError("不能恢复这个备份，下列已打印的内容无法保留：" + "；".join(problems[:20]) + "。")
            cur_max = conn.execute("SELECT coalesce(max(id), 0) FROM cur.journal").fetchone()[0]
            next_id = max(next_id, cur_max + 1)
            next_id = _copy_journal(conn, carry, next_id)
            _bump_sync_counters(conn)
        site = _local_site(conn, "main")
        detail = {"file": str(backup_file), "dropped": dict(plan.dropped), "carried": list(plan.carried),
                  "damaged_database_set_aside": not plan.current_readable}

        if not conn.in_transaction:
            conn.execute("BEGIN")
        conn.execute(
            'INSERT INTO journal (id, at, site, "user", entity, uid, rev, op, data, "before", origin) '
            "VALUES (?, ?, ?, ?, '', '', 0, 'restore', ?, '{}', ?)",
            (next_id, datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f"),
             site[0] if site else "", user, dumps(detail), site[0] if site else ""))
        conn.execute("COMMIT")
        return plan
    finally:
        conn.close()


def _copy_rows(conn: sqlite3.Connection, carry: dict[str, set[str]]) -> list[str]:
    """Insert or update the carried rows in ``main``; a clash with a backup record is a problem."""
    problems: list[str] = []
    order = [t for t in carry if t not in PAPER_TABLES] + [t for t in PAPER_TABLES if t in carry]
    for table in order:
        cols = [c for c in _columns(conn, "cur", table) if c in set(_columns(conn, "main", table))]
        names = ", ".join(f'"{c}"' for c in cols)
        for uid in sorted(carry[table]):
            try:
                if conn.execute(f'SELECT 1 FROM main."{table}" WHERE uid = ?', (uid,)).fetchone():
                    conn.execute(f'UPDATE main."{table}" SET ({names}) = (SELECT {names} FROM cur."{table}" '
                                 "WHERE uid = ?) WHERE uid = ?", (uid, uid))
                else:
                    conn.execute(f'INSERT INTO main."{table}" ({names}) SELECT {names} FROM cur."{table}" '
                                 "WHERE uid = ?", (uid,))
            except sqlite3.IntegrityError:
                problems.append(f"{KIND_LABELS.get(table, table)} {_name_of(conn, table, uid)} 与备份里的记录冲突")
    bad = conn.execute("PRAGMA main.foreign_key_check").fetchall()
    problems += [f"{KIND_LABELS.get(r[0], r[0])} 缺少它引用的{KIND_LABELS.get(r[2], r[2])}" for r in bad[:10]]
    return problems


def _name_of(conn: sqlite3.Connection, table: str, uid: str) -> str:
    for column in ("serial", "number", "name"):
        if column in _columns(conn, "cur", table):
            row = conn.execute(f'SELECT "{column}" FROM cur."{table}" WHERE uid = ?', (uid,)).fetchone()
            if row:
                return str(row[0])
    return uid


def _copy_journal(conn: sqlite3.Connection, carry: dict[str, set[str]], next_id: int) -> int:
    """The carried records' journal rows since the backup, numbered above every id given out."""
    cols = [c for c in _columns(conn, "cur", "journal") if c != "id" and c in set(_columns(conn, "main", "journal"))]
    names = ", ".join(f'"{c}"' for c in cols)
    for table, uids in carry.items():
        for (row_id,) in _select_in(conn, f"SELECT j.id FROM cur.journal j WHERE j.entity = '{table}' "
                                          "AND NOT EXISTS (SELECT 1 FROM main.journal m WHERE m.entity = j.entity "
                                          "AND m.uid = j.uid AND m.rev = j.rev AND m.op = j.op) AND j.uid IN",
                                    sorted(uids)):
            conn.execute(f"INSERT INTO main.journal (id, {names}) SELECT ?, {names} FROM cur.journal WHERE id = ?",
                         (next_id, row_id))
            next_id += 1
    return next_id


def _bump_sync_counters(conn: sqlite3.Connection) -> None:
    """Bundle numbers already sent and acknowledgements already received are never given out again."""
    if "sync_peer" not in _tables(conn, "main") or "sync_peer" not in _tables(conn, "cur"):
        return
    conn.execute(
        "UPDATE main.sync_peer SET "
        "out_seq = max(out_seq, coalesce((SELECT c.out_seq FROM cur.sync_peer c WHERE c.code = sync_peer.code), 0)), "
        "acked_journal_id = max(acked_journal_id, coalesce((SELECT c.acked_journal_id FROM cur.sync_peer c "
        "WHERE c.code = sync_peer.code), 0))")


def _set_aside(data_dir: Path, target: Path, readable: bool) -> Path | None:
    """Keep the database being replaced: a consistent copy when sound, the file itself when damaged."""
    if not target.exists():
        return None
    folder = backups_dir(data_dir)
    if readable:
        return backup_database(target, folder, reason="before-restore")
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    aside = folder / f"damaged-{stamp}-{target.name}"
    for suffix in ("-wal", "-shm"):
        extra = Path(str(target) + suffix)
        if extra.exists():
            shutil.move(str(extra), str(aside) + suffix)
    shutil.move(str(target), str(aside))
    return aside


def _bring_files(data_dir: Path, backup_file: Path) -> None:
    """Attachments and keys lying beside the backup that the data folder lacks."""
    sources = [backup_file.parent / ATTACHMENTS]
    if backup_file.parent.name == backups_dir(data_dir).name:
        sources.append(backup_file.parent.parent / ATTACHMENTS)
    for source in sources:
        copy_attachments(source, attachments_dir(data_dir))
        copy_missing_files(source.parent / KEYS, data_dir / KEYS)
