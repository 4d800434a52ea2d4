"""Attachments of any record: scans, certificates, photos, stored once by content.

The bytes go to ``<data>/attachments/<sha[:2]>/<sha256>`` (the same file attached twice is stored
once; a bundle can carry it by hash); an :class:`Attachment` row names the owner and the original
file name. Files are written before the row is committed, so a failed save leaves at most an
unreferenced file, never a row without its bytes. Backups carry the folder (see backup.py).

On a database several PCs share (a district's PostgreSQL) the bytes also go into the database
(``attachment_blob``, in the same transaction as the row or the bundle that brings them), so every
PC of the district opens and sends them, and ``pg_dump`` backs them up with the records; a PC's own
folder then only caches what it added or opened.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.file_ops import describe_os_error, remove_quietly, replace_with_retry
from yichao.app.core.paths import attachments_dir, blob_path
from yichao.app.core.tempfiles import viewer_file
from yichao.app.core.workspace import Workspace
from yichao.models.base import utcnow
from yichao.models.org_attachment import Attachment, AttachmentBlob

MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class AttachmentRow:
    uid: str
    owner_entity: str
    owner_uid: str
    sha256: str
    filename: str
    size: int
    caption: str

    @property
    def size_label(self) -> str:
        if self.size >= 1024 * 1024:
            return f"{self.size / 1024 / 1024:.1f} MB"
        return f"{max(1, round(self.size / 1024))} KB"


def store_blob(data_dir: Path, source: Path, max_bytes: int = MAX_BYTES) -> tuple[str, int]:
    """Copy a file into the content store; returns (sha256, size). Refuses a too large file."""
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise UserError(f"无法读取文件 {source.name}：{exc.strerror or exc}。") from exc
    if not source.is_file():
        raise UserError(f"{source.name} 不是一个文件。")
    if size > max_bytes:
        raise UserError(f"文件 {source.name} 有 {size / 1024 / 1024:.1f} MB，"
                        f"超过了附件上限 {max_bytes // 1024 // 1024} MB，请压缩或缩小后再添加。")
    if size == 0:
        raise UserError(f"文件 {source.name} 是空的。")
    root = attachments_dir(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(dir=root, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                digest.update(chunk)
                out.write(chunk)
        sha = digest.hexdigest()
        target = blob_path(data_dir, sha)
        if target.exists():
            remove_quietly(tmp_name)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            replace_with_retry(tmp_name, target)  # antivirus scans a fresh scan of an ID card first
    except OSError as exc:
        remove_quietly(tmp_name)
        raise UserError(f"保存附件失败：{exc.strerror or exc}。") from exc
    except UserError:
        remove_quietly(tmp_name)
        raise
    return sha, size


def write_blob(data_dir: Path, sha: str, data: bytes) -> Path:
    """Bytes of a known hash into this folder's store (a half-written file never has the name)."""
    target = blob_path(data_dir, sha)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(sha + ".part")
        tmp.write_bytes(data)
        try:
            replace_with_retry(tmp, target)  # antivirus scans a fresh scan (an ID card) before it may move
        except UserError:
            remove_quietly(tmp)
            raise
    return target


def share_blobs(ws: Workspace, session: Session, shas: Iterable[str]) -> None:
    """On a shared database, the bytes of these hashes (in this folder) go into it too, inside
    ``session``'s transaction (a rolled-back import or attachment leaves none there), so every
    PC of the district finds them. Nothing to do for a database only this PC uses."""
    if not ws.is_shared:
        return
    wanted = sorted(set(shas))
    held = set(session.scalars(select(AttachmentBlob.sha256).where(AttachmentBlob.sha256.in_(wanted))))
    now = utcnow()
    for sha in wanted:
        if sha in held:
            continue
        try:
            data = blob_path(ws.data_dir, sha).read_bytes()  # one file at a time (20 MB at most when added)
        except OSError as exc:
            raise UserError(describe_os_error(exc, "无法读取附件")) from exc
        # another PC may store the same bytes at the same time
        session.execute(pg_insert(AttachmentBlob).values(sha256=sha, size=len(data), data=data, created_at=now)
                        .on_conflict_do_nothing(index_elements=["sha256"]))


def blob_file(ws: Workspace, session: Session, sha: str) -> Path | None:
    """The bytes of a hash as a file of this folder; on a shared database taken from it (and
    cached here) when this PC lacks them. None when nobody kept them."""
    for path in (blob_path(ws.data_dir, sha), attachments_dir(ws.data_dir) / sha):  # and an older flat layout
        if path.is_file():
            return path
    if not ws.is_shared:
        return None
    data = session.scalar(select(AttachmentBlob.data).where(AttachmentBlob.sha256 == sha))
    if data is None or hashlib.sha256(data).hexdigest() != sha:
        return None
    try:
        return write_blob(ws.data_dir, sha, bytes(data))
    except OSError as exc:
        raise UserError(describe_os_error(exc, "无法取出附件")) from exc


def missing_blobs(ws: Workspace, session: Session, hashes: set[str]) -> list[str]:
    """The hashes whose bytes neither this folder nor (shared) the database holds."""
    missing = [h for h in hashes if not blob_path(ws.data_dir, h).exists()]
    if ws.is_shared and missing:
        held = set(session.scalars(select(AttachmentBlob.sha256).where(AttachmentBlob.sha256.in_(missing))))
        missing = [h for h in missing if h not in held]
    return missing


def attachment_row(a: Attachment) -> AttachmentRow:
    return AttachmentRow(a.uid, a.owner_entity, a.owner_uid, a.sha256, a.filename, a.size, a.caption)


def add_attachment(ws: Workspace, owner_entity: str, owner_uid: str, source: str | Path,
                   caption: str = "", max_bytes: int = MAX_BYTES) -> AttachmentRow:
    """Attach a file to a record (``owner_entity`` is the owner's table name)."""
    ws.require("staff", "添加附件")
    source = Path(source)
    sha, size = store_blob(ws.data_dir, source, max_bytes)
    with ws.unit() as session:
        share_blobs(ws, session, [sha])  # a district's shared database: every PC opens it
        a = Attachment(owner_entity=owner_entity, owner_uid=owner_uid, sha256=sha,
                       filename=source.name[:255], size=size, caption=caption.strip()[:200])
        session.add(a)
        session.flush()
        return attachment_row(a)


def list_attachments(ws: Workspace, owner_uid: str) -> list[AttachmentRow]:
    with ws.read() as session:
        stmt = (select(Attachment).where(Attachment.owner_uid == owner_uid, Attachment.deleted.is_not(True))
                .order_by(Attachment.updated_at))
        return [attachment_row(a) for a in session.scalars(stmt)]


def remove_attachment(ws: Workspace, uid: str) -> None:
    """Tombstone the row; the bytes stay (other rows or older backups may still name them)."""
    ws.require("staff", "删除附件")
    with ws.unit() as session:
        a = session.get(Attachment, uid)
        if a is None or a.deleted:
            raise NotFound("找不到这个附件。")
        a.deleted = True


def attachment_file(ws: Workspace, uid: str) -> Path:
    """A readable copy of an attachment under its original name, for the system viewer.

    The stored blob has no extension (and must never be edited in place), so the viewer gets a
    copy in this run's temporary folder, removed once its viewer lets it go (the GUI sweeps every few
    minutes), when Yichao closes, or at a later start.
    """
    with ws.read() as session:
        a = session.get(Attachment, uid)
        if a is None or a.deleted:
            raise NotFound("找不到这个附件。")
        sha, name = a.sha256, a.filename
        blob = blob_file(ws, session, sha)
    if blob is None:
        raise UserError(f"附件“{name}”的文件不在数据文件夹里（可能尚未从数据包收到），无法打开。")
    shown = Path(Path(name.replace("\\", "/")).name or sha)
    target = viewer_file(shown.stem, shown.suffix, key=sha[:16])
    try:
        if not target.exists() or target.stat().st_size != blob.stat().st_size:
            shutil.copyfile(blob, target)
        else:
            os.utime(target)  # opened again: the sweep gives the viewer its minutes again
    except OSError as exc:
        raise UserError(describe_os_error(exc, f"无法打开附件“{name}”")) from exc
    return target
