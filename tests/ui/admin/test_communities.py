"""系统管理 → 社区: add, rename, merge and retire as a clerk does it, through the dialogs."""

from __future__ import annotations

from tests.ui.modal import answer
from yichao.app.core.communities import list_communities
from yichao.app.orgs.profile import OrgInput, create_org, get_org
from yichao.ui.pages.admin import communities as page
from yichao.ui.pages.admin.communities import CommunitiesTab


def _form(name: str, code: str = ""):
    def fill(dialog) -> None:
        dialog.name.setText(name)
        dialog.code.setText(code)
        dialog.ok_button.setObjectName("ok")
    return fill


def _select(tab: CommunitiesTab, name: str) -> None:
    row = next(i for i, c in enumerate(tab.rows) if c.name == name)
    tab.table.selectRow(row)


def test_add_rename_merge_retire(qtbot, workspace, tmp_path, monkeypatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(page.QMessageBox, "information", lambda _p, _t, text: told.append(text))
    tab = CommunitiesTab(workspace)
    qtbot.addWidget(tab)
    tab.resize(900, 500)
    assert tab.empty.isVisibleTo(tab) and not tab.table.isVisibleTo(tab)
    answer("ok", _form("燕山社区", "370102001001"))
    tab.add()
    answer("ok", _form("燕山居委会"))
    tab.add()
    answer("ok", _form("千佛山社区"))
    tab.add()
    assert [c.name for c in tab.rows] == ["千佛山社区", "燕山居委会", "燕山社区"] and tab.table.isVisibleTo(tab)

    _select(tab, "燕山居委会")
    org = create_org(workspace, OrgInput(name="燕山舞蹈队", community_uid=tab.current().uid))
    tab.reload(tab.current().uid)
    assert tab.table.item(tab.table.currentRow(), 2).text() == "1"

    def choose(dialog) -> None:
        from PySide6.QtWidgets import QComboBox

        combo = dialog.findChild(QComboBox, "ask-choice")
        combo.setCurrentIndex(combo.findText("燕山社区"))
    answer("confirm-action", choose)
    tab.merge()
    assert [c.name for c in tab.rows] == ["千佛山社区", "燕山社区"]
    assert get_org(workspace, org.uid).community_uid == tab.current().uid
    assert "并入“燕山社区”" in told[-1] and "组织档案 1 条" in told[-1]

    _select(tab, "燕山社区")
    answer("ok", _form("燕山新村社区", "370102001001"))
    tab.edit()
    _select(tab, "千佛山社区")
    answer("confirm-action")
    tab.toggle_retired()
    assert [(c.name, c.retired) for c in list_communities(workspace, include_retired=True)] == [
        ("千佛山社区", True), ("燕山新村社区", False)]
    tab.grab().save(str(tmp_path / "communities.png"))
