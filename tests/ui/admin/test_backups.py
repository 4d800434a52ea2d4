"""The restore question names what the restore drops and keeps; Cancel changes nothing."""

from __future__ import annotations

from tests.ui.modal import answer, seen
from yichao.app.core import maintenance
from yichao.app.core.communities import add_community, list_communities
from yichao.app.core.workspace import open_workspace
from yichao.ui.pages.admin import backups as page


def test_restore_asks_with_the_counts_and_cancel_keeps_everything(qtbot, workspace, monkeypatch):
    tab = page.BackupsTab(workspace)
    qtbot.addWidget(tab)
    backup = maintenance.make_backup(workspace)
    add_community(workspace, "燕山社区")
    add_community(workspace, "千佛山社区")
    answer("confirm-cancel")
    tab.restore_file(backup)
    assert "社区 2 条" in seen[-1]
    assert len(list_communities(workspace)) == 2

    quits: list[bool] = []
    monkeypatch.setattr(page.QApplication, "quit", lambda: quits.append(True))
    monkeypatch.setattr(page.QMessageBox, "information", lambda *a, **k: None)
    answer("confirm-action")
    tab.restore_file(backup)
    qtbot.waitUntil(lambda: quits == [True], timeout=20_000)
    folder = workspace.data_dir
    workspace.close()
    ws = open_workspace(folder)
    try:
        assert list_communities(ws) == []
    finally:
        ws.close()
