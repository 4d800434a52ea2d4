"""An open data folder: engine, sessions, the local site and the signed-in user.

Every service takes a :class:`Workspace` and owns its unit of work through :meth:`Workspace.unit`
(one session, committed or rolled back as a whole) and returns plain data.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import NoReturn

from sqlalchemy import Engine, select
from sqlalchemy.exc import ArgumentError, DatabaseError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from yichao.app.core.backup import backup_database, integrity_problem
from yichao.app.core.blob_upkeep import SETTING as BLOBS_SHARED
from yichao.app.core.blob_upkeep import share_folder_blobs
from yichao.app.core.datakey import load_data_key
from yichao.app.core.db_errors import LostRace, translate
from yichao.app.core.errors import PermissionDenied, UserError
from yichao.app.core.instance_lock import InstanceLock
from yichao.app.core.levels import refusal as level_refusal
from yichao.app.core.paths import backups_dir, db_path, ensure_writable, sweep_work_folders
from yichao.app.core.settings import Settings
from yichao.app.core.storage import location_warning
from yichao.app.core.vault import (
    DATA_KEY,
    NotAuthorized,
    any_pc,
    create_vault,
    ensure_data_key,
    open_vault,
    read_secret,
    still_authorized,
    this_pc,
)
from yichao.models import migrate
from yichao.models.db import MIGRATE_LOCK, locked, make_engine, make_session_factory, sqlite_url
from yichao.models.errors import StaleRecord
from yichao.models.journal import record_event
from yichao.models.registry import import_startup
from yichao.models.sealed_column import attach_key, seal_clear_numbers
from yichao.models.site import Site

log = logging.getLogger(__name__)

ROLE_RANK = {"viewer": 0, "staff": 1, "admin": 2}


@dataclass(frozen=True)
class CurrentUser:
    username: str
    role: str
    display_name: str = ""


# The operator of in-process scripts and tests (demo of sync, benchmarks); the `yichao` command
# signs in as a real user instead (DESIGN.md section 6).
CLI_USER = CurrentUser("cli", "admin", "命令行")
# The operator of the few commands that stay open without sign-in (verify, check, users unlock).
OPEN_CLI_USER = CurrentUser("cli", "viewer", "命令行")


@dataclass(frozen=True)
class SiteInfo:
    code: str
    name: str
    role: str
    parent_code: str


class DatabaseProblem(UserError):
    """The database file is corrupt or foreign; the GUI offers to restore the newest backup."""


class NoDatabase(UserError):
    """The data folder holds no initialised database yet (a fresh install, a missing file)."""


class Workspace:
    """The open data folder. Create with :func:`open_workspace`; close when done."""

    def __init__(self, data_dir: Path, engine: Engine, lock: InstanceLock | None) -> None:
        self.data_dir = data_dir
        self.engine = engine
        self.settings = Settings(data_dir)
        self._sessions: sessionmaker[Session] = make_session_factory(engine)
        self._lock = lock
        self.user: CurrentUser | None = None
        self._site: SiteInfo | None = None
        self._gate = threading.Condition()
        self._active = 0  # sessions open now, on any thread
        self._exclusive = False
        # a sentence when the folder is on a network share, a stick or a synced folder (no WAL then)
        self.location_warning: str | None = None
        # this PC (journaled with every change) and, on a database several PCs share, the key of
        # the site's secrets kept in it (yichao.app.core.vault)
        self.pc_id, self.pc_name = this_pc(self.settings)
        self.vault_key: bytes | None = None
        self._secrets: dict[str, bytes] = {}
        # the sentence of a refusal because this PC was revoked while it ran (the window signs out)
        self.revoked: str | None = None

    # -- site -------------------------------------------------------------------------------
    @property
    def site(self) -> SiteInfo:
        if self._site is None:
            self._site = self._load_site()
            if self._site is None:
                raise NoDatabase("这个数据文件夹还没有初始化，请先运行首次设置（yichao init）。")
        return self._site

    @property
    def is_initialized(self) -> bool:
        if self._site is None:
            self._site = self._load_site()
        return self._site is not None

    def _load_site(self) -> SiteInfo | None:
        with self.read() as session:
            row = session.scalars(select(Site).where(Site.is_local.is_(True))).first()
            if row is None:
                return None
            return SiteInfo(row.code, row.name, row.role, row.parent_code)

    def forget_site(self) -> None:
        self._site = None

    @property
    def is_shared(self) -> bool:
        """True when the database is a server several PCs may use (a district's PostgreSQL)."""
        return not self.is_sqlite

    def secret(self, name: str) -> bytes | None:
        """A site secret kept in a shared database (None when this PC's folder keeps its own)."""
        if self.vault_key is None:
            return None
        if name not in self._secrets:
            with self.read() as session:
                value = read_secret(session, self.vault_key, name)
            if value is None:
                raise UserError(f"区级数据库里缺少站点密钥“{name}”，请从 pg_dump 备份恢复数据库。")
            self._secrets[name] = value
        return self._secrets[name]

    # -- units of work ----------------------------------------------------------------------
    def _enter(self) -> None:
        with self._gate:
            while self._exclusive:  # a restore is swapping the file: wait, then use the new one
                self._gate.wait()
            self._active += 1

    def _leave(self) -> None:
        with self._gate:
            self._active -= 1
            self._gate.notify_all()

    @contextmanager
    def exclusive(self, timeout: float = 60.0) -> Iterator[None]:
        """No session open on any thread while the block runs, and every connection closed (on
        Windows an open connection keeps the database file from being replaced). Waits up to
        ``timeout`` seconds for background work to finish; new sessions wait until the block ends.
        Must not be entered from inside a session of this workspace (it would wait for itself)."""
        with self._gate:
            if self._exclusive:
                raise UserError("另一项恢复或维护正在进行，请稍候。")
            self._exclusive = True
            try:
                if not self._gate.wait_for(lambda: self._active == 0, timeout):
                    raise UserError("后台任务仍在运行，请等它完成（或关闭正在进行的导入、打印）后再试。")
            except BaseException:
                self._exclusive = False
                self._gate.notify_all()
                raise
        try:
            self.engine.dispose()
            yield
        finally:
            with self._gate:
                self._exclusive = False
                self._gate.notify_all()

    @contextmanager
    def unit(self, user: CurrentUser | None = None) -> Iterator[Session]:
        """One transaction: commit on success, roll back on any error."""
        self._enter()
        try:
            with self._unit(user) as session:
                yield session
        finally:
            self._leave()

    @contextmanager
    def _unit(self, user: CurrentUser | None) -> Iterator[Session]:
        session = self._sessions()
        who = user or self.user
        session.info["user"] = who.username if who else ""
        session.info["site"] = self._site.code if self._site else (self._load_site() or _NO_SITE).code
        session.info["pc"] = self.pc_id
        if self.vault_key is not None:
            session.info["vault"] = self.vault_key
        try:
            yield session
            if self.vault_key is not None:  # a shared database: this PC may have been revoked meanwhile
                still_authorized(session, self.pc_id)
            session.commit()
        except NotAuthorized as exc:
            _rollback_quietly(session)
            self.revoked = exc.message
            raise
        except DBAPIError as exc:
            _rollback_quietly(session)
            raise translate(exc) from None  # the SQL and its parameters stay out of any traceback
        except StaleRecord as exc:  # another PC changed the record first: a use case may try again
            _rollback_quietly(session)
            raise LostRace(exc.message) from None
        except BaseException:
            _rollback_quietly(session)
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session; nothing it does is committed."""
        self._enter()
        session = self._sessions()
        if self.vault_key is not None:
            session.info["vault"] = self.vault_key
        try:
            yield session
        except DBAPIError as exc:
            raise translate(exc) from None
        finally:
            session.close()  # ends the transaction without expiring what was read
            self._leave()

    # -- roles ------------------------------------------------------------------------------
    def require(self, role: str, action: str, work: str = "") -> CurrentUser:
        """The signed-in user, if their role reaches ``role`` and, for ``work`` another level of
        site owns (:mod:`yichao.app.core.levels`), this site's level may do it; else journal the
        refusal and refuse."""
        user = self.user
        if user is None or ROLE_RANK.get(user.role, -1) < ROLE_RANK[role]:
            self._refuse(action)
        assert user is not None
        if work:
            sentence = level_refusal(self.site.role, work, action)
            if sentence:
                self._refuse(action, sentence, work)
        return user

    def _refuse(self, action: str, sentence: str = "", work: str = "") -> NoReturn:
        """Journal a permission refusal in its own transaction, then raise it."""
        detail = {"action": action, "role": self.user.role if self.user else ""}
        if work:
            detail |= {"work": work, "site_role": self.site.role}
        with self.unit() as session:
            record_event(session, "denied", "", "", detail)
        raise PermissionDenied(sentence or f"您的账号没有“{action}”的权限，请联系管理员。")

    # -- life -------------------------------------------------------------------------------
    @property
    def holds_lock(self) -> bool:
        """True when this workspace holds the data folder's instance lock."""
        return self._lock is not None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        if self.is_sqlite:
            try:  # keeps planner statistics fresh as the data grows (cheap when nothing changed)
                with self.engine.begin() as conn:
                    conn.exec_driver_sql("PRAGMA optimize")
            except Exception:  # noqa: BLE001 - closing must not fail over statistics
                log.warning("PRAGMA optimize failed", exc_info=True)
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None


_NO_SITE = SiteInfo("", "", "", "")


def _rollback_quietly(session: Session) -> None:
    """Roll back; a connection that already failed (full disk, lost server) must not hide why."""
    try:
        session.rollback()
    except DBAPIError:
        log.warning("rollback after a database error failed too")


def open_workspace(
    data_dir: Path,
    *,
    create: bool = False,
    database_url: str | None = None,
    lock: bool = True,
    backup_keep: int | None = None,
    check_pc: bool = True,
    data_key: bytes | None = None,
) -> Workspace:
    """Open (and with ``create``, make) a data folder: lock, check, back up, migrate.

    ``data_key`` stands in for the folder's identity-number key when that cannot be read here
    (``yichao keys import-data-key`` after a Windows reinstall); nothing else passes it.

    Raises :class:`UserError` with one sentence for an unwritable folder, a second instance, a
    corrupt or foreign file, or a database from a newer Yichao; on a database server also for a
    missing driver, an unreachable server, a refused password, a database that is not Yichao's,
    and (``check_pc``) a PC not authorized on it. Nothing is changed in those cases.
    """
    import_startup()  # the rest of the models load with their services
    data_dir = Path(data_dir)
    if not create and not data_dir.exists():
        raise NoDatabase(f"数据文件夹 {data_dir} 不存在，请先运行首次设置（yichao init）。")
    ensure_writable(data_dir)
    instance = InstanceLock(data_dir) if lock else None
    if instance:
        instance.acquire()
        sweep_work_folders(data_dir)  # what a killed demo left half-made (the lock is ours now)
    try:
        settings = Settings(data_dir)
        if settings.problem:  # it may hold the database address: never guess without it
            raise UserError(settings.problem)
        url = database_url or settings.get("database_url") or sqlite_url(db_path(data_dir))
        is_sqlite = url.startswith("sqlite")
        dbfile = db_path(data_dir)
        if is_sqlite and dbfile.exists():
            problem = integrity_problem(dbfile, thorough=False)
            if problem:
                raise DatabaseProblem(problem + "可以从最近的备份恢复。")
        elif is_sqlite and not create:
            raise NoDatabase(f"数据文件夹 {data_dir} 里没有数据库，请先运行首次设置（yichao init）。")
        risk = location_warning(data_dir) if is_sqlite else None
        engine = server_engine(url) if not is_sqlite else make_engine(url, wal=risk is None)
        if is_sqlite:
            attach_key(engine.dialect, data_key or load_data_key(data_dir))  # identity numbers sealed at rest
        try:
            _migrate(engine, dbfile if is_sqlite else None, data_dir,
                     backup_keep or int(settings.get("backup_keep")))
        except (OperationalError, DatabaseError) as exc:
            engine.dispose()
            raise DatabaseProblem(f"无法打开数据库：{translate(exc).message}") from None
        except BaseException:
            engine.dispose()
            raise
        ws = Workspace(data_dir, engine, instance)
        if not is_sqlite:  # the shared database's data key is in its vault, open once authorized
            attach_key(engine.dialect, partial(ws.secret, DATA_KEY))
        if risk:
            log.warning("data folder in an unsafe place, WAL off: %s", risk)
            ws.location_warning = risk
        if check_pc and ws.is_shared:
            try:
                _authorize(ws)
            except BaseException:
                engine.dispose()
                raise
        return ws
    except BaseException:
        if instance:
            instance.release()
        raise


class ServerProblem(UserError):
    """The database server cannot be used: no driver, unreachable, refused sign-in, wrong database.

    Not :class:`DatabaseProblem`: restoring a local backup would not help."""


DRIVER_MISSING = ("这台电脑上的益巢缺少 PostgreSQL 数据库驱动（psycopg），无法连接区级数据库：请安装带 PostgreSQL "
                  "支持的益巢（Windows 安装包已自带；用 pip 安装时为 pip install \"yichao[postgres]\"）。")
BAD_URL = ("数据库地址无法识别：区级数据库的地址形如 postgresql+psycopg://用户名:密码@服务器:5432/数据库名。")


def server_engine(url: str) -> Engine:
    """An engine for a database server whose first connection worked, or one sentence why not."""
    try:
        engine = make_engine(url)
    except ImportError:  # the dialect imports its driver module here
        raise ServerProblem(DRIVER_MISSING) from None
    except ArgumentError:
        raise ServerProblem(BAD_URL) from None
    try:
        with engine.connect():
            pass
    except ImportError:
        engine.dispose()
        raise ServerProblem(DRIVER_MISSING) from None
    except DBAPIError as exc:
        engine.dispose()
        raise ServerProblem(server_sentence(exc, engine)) from None
    return engine


def server_sentence(exc: DBAPIError, engine: Engine) -> str:
    """Why the server refused to connect, as one sentence naming the server (never the password)."""
    raw = str(getattr(exc, "orig", None) or exc)
    text_ = raw.lower()
    where = f"{engine.url.host or 'localhost'}:{engine.url.port or 5432}"
    user, name = engine.url.username or "", engine.url.database or ""
    log.info("database server refused: %s", text_[:300])
    if "password authentication failed" in text_ or "no password supplied" in text_ \
            or "authentication failed" in text_:
        return (f"数据库服务器 {where} 拒绝了用户“{user}”的密码：请检查数据库地址里的用户名和密码"
                "（与建库时 CREATE ROLE … PASSWORD 设的一致）。")
    if "does not exist" in text_ and "database" in text_:
        return (f"数据库服务器 {where} 上没有名为“{name}”的数据库：请先按说明书“区级数据库”一节用 "
                "createdb 创建它，或检查数据库地址里的库名。")
    if "does not exist" in text_ and "role" in text_:
        return f"数据库服务器 {where} 上没有用户“{user}”：请先按说明书“区级数据库”一节创建它，或检查数据库地址。"
    if "no pg_hba.conf entry" in text_:
        return (f"数据库服务器 {where} 不允许这台电脑连接：请在服务器的 pg_hba.conf 里允许本机的地址后重新加载 "
                "PostgreSQL。")
    return (f"无法连接数据库服务器 {where}：请检查服务器是否开机、PostgreSQL 服务是否在运行、网络是否通畅，"
            f"以及防火墙是否放行端口 {engine.url.port or 5432}。")


def _authorize(ws: Workspace) -> None:
    """A shared database opens only on a PC an administrator authorized (not revoked); the PC
    then holds the vault key of the site's secrets. A district that ran on PostgreSQL from one PC
    before PCs were recorded makes the PC that opens it first its first PC."""
    if not ws.is_initialized:
        return  # an empty database: `yichao init` makes the site and its first PC
    with ws.unit() as session:
        with locked(session, MIGRATE_LOCK):
            if not any_pc(session):
                ws.vault_key = create_vault(session, ws.data_dir, ws.pc_id, ws.pc_name, "",
                                            _folder_certificate_key(ws.data_dir))
            else:
                ws.vault_key = open_vault(session, ws.data_dir, ws.pc_id)
            # numbers an upgrade left in clear (the key was in the vault, not at hand): sealed now
            seal_clear_numbers(session.connection(), ensure_data_key(session, ws.vault_key, ws.data_dir))
            share_now = not ws.settings.get(BLOBS_SHARED)
            if share_now:  # files only this folder held before the database kept attachments' bytes
                share_folder_blobs(session, ws.data_dir)
    if share_now:
        ws.settings.set(BLOBS_SHARED, True)


def _folder_certificate_key(data_dir: Path) -> bytes | None:
    """The certificate key a district kept in its first PC's folder before issue 19 (the same file
    as ``yichao.app.certificates.verification.KEY_FILE``)."""
    try:
        return bytes.fromhex((Path(data_dir) / "keys" / "certificate.key").read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def _migrate(engine: Engine, dbfile: Path | None, data_dir: Path, keep: int) -> None:
    """Upgrade the schema; an existing SQLite database is backed up first. On a server the PCs
    take turns (an advisory lock): two starting the new version at once upgrade it once."""
    if dbfile is not None:
        _migrate_now(engine, dbfile, data_dir, keep)
        return
    with engine.connect() as guard:
        with locked(guard, MIGRATE_LOCK, session_level=True):
            _migrate_now(engine, None, data_dir, keep)


def _migrate_now(engine: Engine, dbfile: Path | None, data_dir: Path, keep: int) -> None:
    if migrate.is_empty(engine):
        migrate.upgrade(engine)
        return
    if dbfile is None and not migrate.current_revisions(engine):
        raise ServerProblem("这个数据库里已有别的程序的数据表，不是益巢的数据库：请换一个新建的空数据库，"
                            "或填写区里已在使用的益巢数据库的地址。")
    if not migrate.needs_upgrade(engine):
        return
    if dbfile is not None:
        backup_database(dbfile, backups_dir(data_dir), reason="before-upgrade", keep=keep)
    log.info("upgrading database schema")
    migrate.upgrade(engine)
    if dbfile is not None:  # pages an upgrade rewrote (clear identity numbers before 0016) leave the file
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
