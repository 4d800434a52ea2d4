"""The administrator keeps the identity numbers' key: export it wrapped, import it back (issue 18 point 5).

Export writes the folder's key wrapped with a passphrase (``key_export.py``). Import makes an
exported key the folder's key again, after a Windows reinstall or on a new PC, so the backups
made with it read their numbers again. Nothing is imported that would leave a number unreadable:
every sealed number in the database must open with the imported key or with the present one,
and a key that opens none of them is refused (the backups need the present one); those sealed
with the present key (records made since the reinstall) are sealed again with the imported key in
one transaction. The key file is replaced after that transaction commits (the
previous one is kept beside it): a failure in between leaves numbers the same import, run again,
finishes. Both are journaled.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from yichao.app.core.atomic import write_atomic
from yichao.app.core.datakey import DataKeyUnavailable, folder_data_key, store_data_key
from yichao.app.core.errors import UserError
from yichao.app.core.file_ops import describe_os_error
from yichao.app.core.key_export import MAX_FILE, NOT_A_KEY_FILE, WrappedKey, unwrap_key, wrap_key
from yichao.app.core.workspace import Workspace
from yichao.models.base import utcnow
from yichao.models.journal import record_event
from yichao.models.sealed_column import PREFIX, attach_key, attached_key, keyed_digest, open_value, seal_value

PURPOSE = b"person.id_number"  # the purpose Person.id_number seals with (SealedString)
SHARED = "区级共享数据库的身份证号码密钥保存在数据库里（各台电脑共用），不需要也不能导入。"


@dataclass(frozen=True)
class KeyImportResult:
    changed: bool  # False: the folder already used this key
    numbers: int  # sealed identity numbers in the database, all readable with the key now
    resealed: int  # of them, sealed with the previous key and sealed again with the imported one
    kept: Path | None  # where the replaced key file now lies
    message: str


def export_data_key(ws: Workspace, path: Path | str, passphrase: str) -> Path:
    """Write the folder's identity-number key, wrapped with ``passphrase``, to ``path``."""
    ws.require("admin", "导出身份证号码密钥")
    path = Path(path)
    if path.is_dir() or not path.parent.is_dir():
        raise UserError(f"无法写入 {path}：请给出一个文件名，放在已有的文件夹里（最好是U盘等电脑之外的地方）。")
    key = attached_key(ws.engine.dialect)
    if not key:
        raise UserError("身份证号码的加密密钥不可用，无法导出。")
    site = ws.site
    data = wrap_key(key, passphrase, site.code, site.name, utcnow().isoformat())
    with ws.unit() as session:
        record_event(session, "data_key_export", "", "", {"file": path.name})
        session.flush()
        try:  # inside the transaction: a file that cannot be written leaves no journal row
            write_atomic(path, data)
        except OSError as exc:
            raise UserError(describe_os_error(exc, "无法写入密钥备份文件")) from exc
    return path


def read_key_export(path: Path | str, passphrase: str) -> WrappedKey:
    """What an export file holds (a wrong passphrase or a changed file: one sentence)."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE + 1)
    except FileNotFoundError:
        raise UserError(f"找不到密钥备份文件 {path}。") from None
    except OSError as exc:
        raise UserError(describe_os_error(exc, "无法读取密钥备份文件")) from exc
    if len(data) > MAX_FILE:
        raise UserError(NOT_A_KEY_FILE)
    return unwrap_key(data, passphrase)


def import_data_key(ws: Workspace, path: Path | str, passphrase: str) -> KeyImportResult:
    """Make the key exported to ``path`` the folder's key (see the module's docstring)."""
    ws.require("admin", "导入身份证号码密钥")
    if not ws.is_sqlite:
        raise UserError(SHARED)
    path = Path(path)
    wrapped = read_key_export(path, passphrase)
    site = ws.site
    if wrapped.site_code != site.code:
        raise UserError(f"这个密钥备份属于站点 {wrapped.site_name}（{wrapped.site_code}），"
                        f"不是本站点 {site.name}（{site.code}），没有导入。")
    new = wrapped.key
    try:
        present = folder_data_key(ws.data_dir)
    except DataKeyUnavailable:
        present = None  # unreadable here (another Windows account): nothing sealed with it can be opened
    with ws.unit() as session:
        rows = session.execute(text("SELECT uid, id_number FROM person WHERE id_number LIKE :p"),
                               {"p": PREFIX + "%"}).all()
        again: list[tuple[str, str]] = []
        lost = 0
        for uid, value in rows:
            if _opens(new, value) is not None:
                continue
            number = _opens(present, value) if present and present != new else None
            if number is None:
                lost += 1
            else:
                again.append((uid, number))
        if rows and len(again) == len(rows):  # a key these numbers never used: old backups need the present one
            raise UserError(f"这个密钥打不开数据库里的任何一个身份证号码（共 {len(rows)} 个，"
                            "本数据文件夹现有的密钥都能打开），没有导入：请确认密钥备份是本站点这些号码当时使用的密钥。")
        if lost:
            raise UserError(f"数据库里有 {lost} 个身份证号码用这个密钥和本数据文件夹现有的密钥都打不开，没有导入："
                            "请确认密钥备份是本站点这些号码当时使用的密钥。")
        if present == new:
            return KeyImportResult(False, len(rows), 0, None, "这个密钥就是本数据文件夹正在使用的密钥，没有改动。")
        for uid, number in again:
            session.execute(text("UPDATE person SET id_number = :n WHERE uid = :u"),
                            {"n": seal_value(new, number, PURPOSE), "u": uid})
            session.execute(text("UPDATE sync_hash SET digest = :d WHERE entity = 'person' AND uid = :u "
                                 "AND \"column\" = 'id_number'"),
                            {"d": keyed_digest(new, number.strip().upper(), PURPOSE), "u": uid})
        record_event(session, "data_key_import", "", "", {"file": path.name, "numbers": len(rows),
                                                          "resealed": len(again)})
    try:
        kept = store_data_key(ws.data_dir, new)
    except OSError as exc:
        raise UserError(describe_os_error(exc, "密钥文件写入失败，请再导入一次")) from exc
    attach_key(ws.engine.dialect, new)
    return KeyImportResult(True, len(rows), len(again), kept,
                           f"已导入身份证号码密钥：数据库里的 {len(rows)} 个身份证号码都能读取"
                           + (f"，其中 {len(again)} 个已改用导入的密钥重新加密" if again else "") + "。")


def _opens(key: bytes | None, value: str) -> str | None:
    """The number ``value`` holds when sealed with ``key``, else None."""
    if not key:
        return None
    try:
        return open_value(key, value, PURPOSE)
    except UserError:
        return None
