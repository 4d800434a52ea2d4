"""接管纸质存折 from the passbook page: the file is checked first, the clerk confirms, the books appear."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from tests.unit.passbook.test_takeover_xlsx import ledger
from yichao.app.passbook import get_passbook
from yichao.models.identifiers import make_id_number
from yichao.ui.launch import make_application
from yichao.ui.pages.passbook.page import PassbookPage
from yichao.ui.pages.residents.import_dialog import ImportPreviewDialog

ID = make_id_number("370102", date(1955, 2, 2), 5)


def test_take_over_from_the_passbook_page(qtbot, workspace, tmp_path, monkeypatch):
    make_application()  # installs the Chinese translation, as the program does
    path = ledger(tmp_path / "台账.xlsx", [
        [1, "ZG-7", "钱桂芳", "女", ID, None, "860", "40", "2-5", None, None],
        [2, "ZG-8", "无名氏", "", None, None, "10", "0", "1-1", None, None],  # not registered: an error
    ])
    shown: list[tuple[int, int, int]] = []

    def accept_with_skip(dialog: ImportPreviewDialog) -> int:
        shown.append((dialog.check.errors.count(), 0, 0))
        dialog.skip.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(ImportPreviewDialog, "exec", accept_with_skip)
    done: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text: done.append(text)))
    page = PassbookPage(workspace)
    qtbot.addWidget(page)
    page.take_over()
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    assert shown == [(1, 0, 0)]  # the one refused row was listed before anything was written
    assert "已接管 1 本存折" in done[0]
    book = get_passbook(workspace, "ZG-7")
    assert (book.balance, book.next_page, book.next_line) == (860, 2, 5)
