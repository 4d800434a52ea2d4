"""Shared fixtures: Qt offscreen, a fresh initialised street data folder per test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests check behaviour, not speed: on a loaded 2-core machine input generation can be slow,
# and a timing health check or deadline failing there says nothing about the code.
settings.register_profile("yichao", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("yichao")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # pytest-qt has no ini option for this

from yichao.app.core.workspace import CurrentUser, Workspace, open_workspace  # noqa: E402

PASSWORD = "secret123"
ADMIN = CurrentUser("admin", "admin", "管理员")


def _make_template(root: Path, role: str, code: str, name: str, parent: str) -> Path:
    from yichao.app.core.setup import initialize

    target = root / f"template-{role}-{code}-{len(list(root.iterdir()))}"
    parent_name = {"street": "历下区", "community": "甸柳街道"}.get(role, "") if parent else ""
    ws = initialize(target, role, code, name, "admin", PASSWORD, parent, parent_name)
    ws.close()
    return target


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Initialised data folders made once per session, copied per test (schema built once)."""
    root = tmp_path_factory.mktemp("templates")
    made: dict[tuple[str, str, str, str], Path] = {}

    def get(role: str = "street", code: str = "370102001", name: str = "甸柳街道", parent: str = "370102") -> Path:
        key = (role, code, name, parent)  # two sites with one code but other names are other templates
        if key not in made:
            made[key] = _make_template(root, role, code, name, parent if role in ("street", "community") else "")
        return made[key]

    return get


@pytest.fixture
def make_workspace(tmp_path: Path, templates: Callable[..., Path]) -> Iterator[Callable[..., Workspace]]:
    """Open a fresh copy of an initialised site: ``make_workspace(role=..., code=..., name=...)``."""
    opened: list[Workspace] = []

    def make(role: str = "street", code: str = "370102001", name: str = "甸柳街道",
             parent: str = "370102", user: CurrentUser | None = ADMIN, folder: str | None = None) -> Workspace:
        target = tmp_path / (folder or f"{role}-{code}")
        shutil.copytree(templates(role, code, name, parent), target)
        (target / "yichao.lock").unlink(missing_ok=True)
        ws = open_workspace(target)
        ws.user = user
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


@pytest.fixture
def workspace(make_workspace: Callable[..., Workspace]) -> Workspace:
    """An initialised street (甸柳街道 370102001 under 历下区 370102), signed in as admin."""
    return make_workspace()


@pytest.fixture
def data_dir(workspace: Workspace) -> Path:
    return workspace.data_dir


@pytest.fixture(autouse=True)
def _settle_gui_workers():
    """After each test, let `run_op` workers finish and collect their Qt objects on this thread
    (a Qt object freed on the worker thread can crash the process)."""
    yield
    import sys

    operations = sys.modules.get("yichao.ui.operations")
    if operations is not None and operations._pool is not None:
        operations._pool.waitForDone(30_000)
        import gc

        gc.collect()


@pytest.fixture(autouse=True)
def _untranslated_after_each_test():
    """Many GUI tests start the application as users do, which installs the Chinese translators;
    remove them afterwards so every test starts from the same language, whatever ran before it."""
    yield
    import sys

    i18n = sys.modules.get("yichao.ui.i18n")
    if i18n is not None and i18n._installed:
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication.instance()
        if app is not None:
            i18n.install_translators(app, "en")
