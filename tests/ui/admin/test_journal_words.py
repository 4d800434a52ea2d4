"""No table name, field name, UUID, None or False reaches a label of the journal views."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.unit.history.test_describe import _org_story
from tests.unit.history.words import leaks, schema_words
from yichao.app.core.workspace import CLI_USER
from yichao.ui.pages.admin.journal import JournalTab
from yichao.ui.pages.orgs.detail import OrgDetailView


def _texts(model) -> list[str]:
    out = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            out.append(str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole) or ""))
    return out


def test_the_journal_tab_and_its_detail_speak_chinese(qtbot, workspace) -> None:
    workspace.user = CLI_USER
    _org_story(workspace)
    tab = JournalTab(workspace)
    qtbot.addWidget(tab)
    words = schema_words()
    texts = _texts(tab.model)
    assert "命令行" in texts and "社会组织" in texts and "百合邻里互助会" in texts
    for row in range(tab.model.rowCount()):
        tab.view.setCurrentIndex(tab.model.index(row, 0))
        texts += [tab.detail.item(r, c).text() for r in range(tab.detail.rowCount()) for c in range(3)]
    texts += [tab.user.itemText(i) for i in range(tab.user.count())]
    texts += [tab.entity.itemText(i) for i in range(tab.entity.count())]
    assert "阶段变更" in texts and "培育阶段" in texts
    bad = {t: leaks(t, words) for t in texts if leaks(t, words)}
    assert bad == {}


def test_an_organizations_journal_tab_speaks_chinese(qtbot, workspace) -> None:
    org = _org_story(workspace)
    view = OrgDetailView(workspace)
    qtbot.addWidget(view)
    view.show_org(org.uid)
    texts = _texts(view.journal)
    assert any("类别：（空） → " in t for t in texts)
    words = schema_words()
    assert {t: leaks(t, words) for t in texts if leaks(t, words)} == {}
