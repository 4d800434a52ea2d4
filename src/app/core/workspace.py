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
from pathlib import Path
from typing import NoReturn

from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from yichao.app.core.backup import backup_database, integrity_problem
from yichao.app.core.db_errors import translate
from yichao.app.core.errors import PermissionDenied, UserError
from yichao.app.core.instance_lock import InstanceLock
from yichao.app.core.paths import backups_dir, db_path, ensure_writable, sweep_work_folders
from yichao.app.core.settings import Settings
from yichao.app.core.storage import location_warning
from yichao.models import migrate
from yichao.models.db import make_engine, make_session_factory, sqlite_url
from yichao.models.journal import record_event
from yichao.models.registry import import_startup
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
        try:
            yield session
            session.commit()
        except DBAPIError as exc:
            _rollback_quietly(session)
            raise translate(exc) from None  # the SQL and its parameters stay out of any traceback
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
        try:
            yield session
        except DBAPIError as exc:
            raise translate(exc) from None
        finally:
            session.close()  # ends the transaction without expiring what was read
            self._leave()

    # -- roles ------------------------------------------------------------------------------
    def require(self, role: str, action: str) -> CurrentUser:
        """The signed-in user, if their role reaches ``role``; else journal the refusal and refuse."""
        user = self.user
        if user is None or ROLE_RANK.get(user.role, -1) < ROLE_RANK[role]:
            self._refuse(action)
        assert user is not None
        return user

    def _refuse(self, action: str) -> NoReturn:
        """Journal a permission refusal in its own transaction, then raise it."""
        with self.unit() as session:
            record_event(session, "denied", "", "", {"action": action, "role": self.user.role if self.user else ""})
        raise PermissionDenied(f"您的账号没有“{action}”的权限，请联系管理员。")

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
) -> Workspace:
    """Open (and with ``create``, make) a data folder: lock, check, back up, migrate.

    Raises :class:`UserError` with one sentence for an unwritable folder, a second instance, a
    corrupt or foreign file, or a database from a newer Yichao. Nothing is changed in those cases.
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
        engine = make_engine(url, wal=risk is None)
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
        if risk:
            log.warning("data folder in an unsafe place, WAL off: %s", risk)
            ws.location_warning = risk
        return ws
    except BaseException:
        if instance:
            instance.release()
        raise


def _migrate(engine: Engine, dbfile: Path | None, data_dir: Path, keep: int) -> None:
    """Upgrade the schema; an existing SQLite database is backed up first."""
    if migrate.is_empty(engine):
        migrate.upgrade(engine)
        return
    if not migrate.needs_upgrade(engine):
        return
    if dbfile is not None:
        backup_database(dbfile, backups_dir(data_dir), reason="before-upgrade", keep=keep)
    log.info("upgrading database schema")
    migrate.upgrade(engine)
