"""Attachments of any record: scans, certificates, photos, stored once by content.

The bytes go to ``<data>/attachments/<sha[:2]>/<sha256>`` (the same file attached twice is stored
once; a bundle can carry it by hash); an :class:`Attachment` row names the owner and the original
file name. Files are written before the row is committed, so a failed save leaves at most an
unreferenced file, never a row without its bytes. Backups carry the folder (see backup.py).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.file_ops import describe_os_error, remove_quietly, replace_with_retry
from yichao.app.core.paths import attachments_dir
from yichao.app.core.tempfiles import viewer_file
from yichao.app.core.workspace import Workspace
from yichao.models.org_attachment import Attachment

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


def blob_path(data_dir: Path, sha256: str) -> Path:
    """Where the bytes of a hash live in a data folder."""
    return attachments_dir(data_dir) / sha256[:2] / sha256


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


def attachment_row(a: Attachment) -> AttachmentRow:
    return AttachmentRow(a.uid, a.owner_entity, a.owner_uid, a.sha256, a.filename, a.size, a.caption)


def add_attachment(ws: Workspace, owner_entity: str, owner_uid: str, source: str | Path,
                   caption: str = "", max_bytes: int = MAX_BYTES) -> AttachmentRow:
    """Attach a file to a record (``owner_entity`` is the owner's table name)."""
    ws.require("staff", "添加附件")
    source = Path(source)
    sha, size = store_blob(ws.data_dir, source, max_bytes)
    with ws.unit() as session:
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
    blob = blob_path(ws.data_dir, sha)
    if not blob.exists():
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
