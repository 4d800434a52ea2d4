"""A district PC revoked while its window is open (issue 19, gap C): the next change is refused,
the window says why once and signs out, and signing in again is refused with the same reason."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from tests.e2e.conftest_pg import pg_database  # noqa: F401 - the fixture
from tests.ui.modal import answer
from yichao.app.core import CurrentUser, add_community, join, list_communities, revoke_pc
from yichao.app.core.setup import initialize
from yichao.ui import main_window as mw
from yichao.ui import operations

PASSWORD = "secret123"


@pytest.fixture
def two_pcs(tmp_path, pg_database):  # noqa: F811
    url = pg_database()
    a = initialize(tmp_path / "A", "district", "370102", "历下区", "admin", PASSWORD, database_url=url)
    a.user = CurrentUser("admin", "admin")
    b = join(tmp_path / "B", url, "admin", PASSWORD)
    yield a, b
    b.close()
    a.close()


def test_the_window_of_a_revoked_pc_says_why_and_signs_out(qtbot, monkeypatch, two_pcs):
    a, b = two_pcs
    window = mw.MainWindow(b, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    assert operations.call(window, add_community, b, "甸柳第一社区") is not None  # authorized: stored
    told: list[str] = []
    monkeypatch.setattr(mw.QMessageBox, "warning", lambda _parent, _title, text: told.append(text))
    revoke_pc(a, b.pc_id)  # on PC A
    login_said: list[str] = []

    def sign_in_again(dialog) -> None:
        dialog.username.setText("admin")
        dialog.password.setText(PASSWORD)
        dialog._try_login()
        login_said.append(dialog.error.text())
        if dialog.isVisible():  # refused: the clerk gives up
            dialog.reject()

    answer(None, fill=sign_in_again)
    assert operations.call(window, add_community, b, "甸柳第二社区") is None  # refused, no box of its own
    qtbot.waitUntil(lambda: not window.isVisible() and b.user is None, timeout=10_000)
    assert len(told) == 1 and "撤销授权" in told[0] and "没有保存" in told[0]
    assert login_said and "撤销授权" in login_said[0]
    assert [c.name for c in list_communities(a)] == ["甸柳第一社区"]
    assert not [t for t in window.findChildren(QTimer) if t.isActive()]  # closed: it polls nothing more
