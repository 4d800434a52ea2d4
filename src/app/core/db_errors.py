"""Database failures as one Chinese sentence, and a lost race retried (issue 18 point 3).

A full disk, a read-only file, damaged pages or another PC's simultaneous write reach the clerk
as a sentence that says what happened and that nothing was saved. The SQL and its parameters
(which may hold identity numbers) never become part of the message; a redacted diagnosis goes to
the log.
"""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from yichao.app.core.errors import UserError
from yichao.app.core.redaction import redact

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

RACE_ATTEMPTS = 4


class DatabaseFailure(UserError):
    """The database refused a read or a write for a reason outside the program (disk, file, server)."""


class LostRace(DatabaseFailure):
    """Another PC or process changed the same record at the same moment; nothing was saved."""


# (words in the driver's message, lower case) -> sentence; the first match wins
_SENTENCES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("disk is full", "no space left", "disk full", "could not extend file"),
     "磁盘已满，数据库无法写入，这次操作没有保存。请腾出磁盘空间后再试。"),
    (("readonly database", "read-only", "read only"),
     "数据库文件是只读的，这次操作没有保存。请检查数据文件夹的写入权限（或是否在只读的U盘上）。"),
    (("malformed", "not a database", "disk i/o error", "corrupt", "checksum"),
     "数据库文件已损坏，这次操作没有完成。请运行“yichao check”检查，或从最近的备份恢复。"),
    (("database is locked", "database table is locked", "busy"),
     "数据库正被另一个程序占用，这次操作没有保存，请稍后再试。"),
    (("could not serialize", "deadlock", "serialization failure"),
     "另一台电脑同时修改了同一条记录，这次操作没有保存，请再试一次。"),
    (("connection", "could not connect", "server closed", "terminating"),
     "无法连接数据库服务器，这次操作没有保存。请检查网络和数据库服务器后再试。"),
)


def translate(exc: DBAPIError) -> DatabaseFailure:
    """The sentence for a driver error; logs the error's kind and redacted text, never parameters."""
    text = str(getattr(exc, "orig", None) or "").lower()
    log.info("database error %s: %s", type(getattr(exc, "orig", exc)).__name__, redact(text)[:300])
    if isinstance(exc, IntegrityError):
        return LostRace("另一台电脑同时修改了同一条记录（或记录已经存在），这次操作没有保存，请再试一次。")
    for words, sentence in _SENTENCES:
        if any(w in text for w in words):
            kind = LostRace if "另一台电脑" in sentence or "占用" in sentence else DatabaseFailure
            return kind(sentence)
    if isinstance(exc, OperationalError):
        return DatabaseFailure("数据库暂时无法完成这次操作，没有保存任何改动，请稍后再试。")
    return DatabaseFailure("数据库拒绝了这次操作，没有保存任何改动。请运行“yichao check”检查数据库。")


def retry_lost_race(fn: Callable[P, T]) -> Callable[P, T]:
    """Run a whole use case again when it lost a race (a short random pause between tries).

    Only for use cases that read what they change inside their own unit of work (a ledger posting
    reads the balance and the next line again), so a retry decides afresh; after the last try the
    clerk gets the sentence and nothing is saved.
    """

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        for attempt in range(1, RACE_ATTEMPTS + 1):
            try:
                return fn(*args, **kwargs)
            except LostRace:
                if attempt == RACE_ATTEMPTS:
                    raise
                time.sleep(random.uniform(0.02, 0.1) * attempt)
        raise AssertionError("unreachable")

    return run
