"""Attachments a district PC kept only in its data folder: their bytes go into the shared database once.

Before the district's database held attachment bytes (issue 19), a district ran on PostgreSQL from
one PC, and every file that PC received or added stayed in its folder: another PC that joins would
list those attachments and fail to open them. The first time a PC opens the shared database with
this version, the files it holds that the database lacks are put into it (inside the sign-in's
transaction); the PC's settings then remember it, so later starts do not look again (files added
since are shared when they are added: ``share_blobs``).

Plain SQL over the two tables: the workspace opens without mapping the attachment models.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from yichao.app.core.paths import attachments_dir, blob_path
from yichao.models.base import utcnow

log = logging.getLogger(__name__)

SETTING = "blobs_shared"  # per PC: this folder's files are in the shared database


def share_folder_blobs(session: Session, data_dir: Path) -> int:
    """Put the bytes this folder holds of attachments the database lacks into it; how many."""
    referenced = set(session.scalars(text("SELECT DISTINCT sha256 FROM attachment")))
    missing = referenced - set(session.scalars(text("SELECT sha256 FROM attachment_blob")))
    shared = 0
    now = utcnow()
    for sha in sorted(missing):
        data = _local_bytes(data_dir, sha)
        if data is None:
            continue  # not here either: `yichao check` names it
        session.execute(text("INSERT INTO attachment_blob (sha256, size, data, created_at) "
                             "VALUES (:sha, :size, :data, :at) ON CONFLICT (sha256) DO NOTHING"),
                        {"sha": sha, "size": len(data), "data": data, "at": now})
        shared += 1
    if shared:
        log.info("put %d attachment files of this folder into the shared database", shared)
    return shared


def _local_bytes(data_dir: Path, sha: str) -> bytes | None:
    """The file's bytes when this folder holds them whole (a damaged copy is not spread)."""
    for path in (blob_path(data_dir, sha), attachments_dir(data_dir) / sha):  # and the older flat layout
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == sha:
            return data
    return None
