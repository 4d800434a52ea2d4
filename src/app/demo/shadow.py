"""All or nothing: the demo fills a copy of the data folder, which replaces the real one only at the end.

``yichao demo`` takes minutes at district scale; killed half-way it must leave the folder as it was,
not a half-filled database that refuses a second run. So the steps run against a shadow folder
(``DATA/.work-demo-PID``: a consistent copy of the database, the settings and the keys) and the
stand-in district lives inside it too, never in the system's temporary folder. When every step has
succeeded the shadow database takes the real one's place in one rename and the keys it made are
copied over. An error, Ctrl+C or SIGTERM removes the shadow; after a hard kill the next opening of
the folder sweeps it (``sweep_work_folders``, at every opening), and the real database was never
touched.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from yichao.app.core import Workspace, attachments_dir, db_path, open_workspace
from yichao.app.core.backup import copy_attachments, copy_missing_files, copy_sqlite
from yichao.app.core.file_ops import remove_with_retry, replace_with_retry
from yichao.app.core.paths import sweep_work_folders, work_folder

CARRIED = ("settings.json",)


@contextmanager
def shadow_workspace(ws: Workspace) -> Iterator[Workspace]:
    """A workspace on a copy of ``ws``'s folder; on success its database replaces the real one."""
    data_dir = Path(ws.data_dir)
    sweep_work_folders(data_dir)
    shadow = work_folder(data_dir, "demo")
    shadow.mkdir()
    try:
        copy_sqlite(db_path(data_dir), db_path(shadow))
        for name in CARRIED:
            if (data_dir / name).is_file():
                shutil.copyfile(data_dir / name, shadow / name)
        copy_missing_files(data_dir / "keys", shadow / "keys")
        work = open_workspace(shadow)
        work.user = ws.user
        try:
            yield work
        finally:
            work.close()
        _swap_in(ws, shadow)
    finally:
        shutil.rmtree(shadow, ignore_errors=True)


def _swap_in(ws: Workspace, shadow: Path) -> None:
    """The filled database takes the real one's place in one rename; keys and files follow."""
    data_dir = Path(ws.data_dir)
    target = db_path(data_dir)
    ws.engine.dispose()  # its connections belong to the file being replaced
    for suffix in ("-wal", "-shm"):
        remove_with_retry(Path(str(target) + suffix))
    replace_with_retry(db_path(shadow), target)  # waits out antivirus holding the file (Windows)
    copy_missing_files(shadow / "keys", data_dir / "keys")
    copy_attachments(attachments_dir(shadow), attachments_dir(data_dir))
