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

ID = make_id_number("370102", date(1955, 2, 2), 6)  # a woman's number (even sequence)


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


def test_the_ledgers_words_are_asked_once_and_next_months_ledger_asks_nothing(qtbot, workspace, tmp_path,
                                                                             monkeypatch):
    """值对照 from the passbook page: 女性 and the office's short name are proposed and confirmed;
    the next ledger of the same layout goes straight to the check."""
    from yichao.app.core.communities import add_community
    from yichao.ui.widgets.value_mapping import ValueMappingDialog

    make_application()
    add_community(workspace, "甸柳第一社区", "370102001001")
    first = ledger(tmp_path / "台账.xlsx", [[1, "ZG-21", "钱桂芳", "女性", ID, None, "60", "2", "1-3", None, "一社区"]])
    second = ledger(tmp_path / "下月台账.xlsx", [
        [1, "ZG-22", "孙秀英", "女性", make_id_number("370102", date(1949, 9, 9), 8), None, "5", "0", "1-2", None,
         "一社区"]])
    asked: list[list[tuple[str, str]]] = []

    def confirm(dialog: ValueMappingDialog) -> int:
        asked.append([(dialog.table.item(r, 1).text(), dialog.combos[r].currentText())
                      for r in range(dialog.table.rowCount())])
        return QDialog.DialogCode.Accepted

    chosen = [first]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(chosen[0]), "")))
    monkeypatch.setattr(ValueMappingDialog, "exec", confirm)
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    done: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text: done.append(text)))
    page = PassbookPage(workspace)
    qtbot.addWidget(page)
    page.take_over()
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    assert asked == [[("女性", "女"), ("一社区", "甸柳第一社区")]]
    assert get_passbook(workspace, "ZG-21").site_code == "370102001001"

    chosen[0] = second
    page.take_over()
    qtbot.waitUntil(lambda: len(done) == 2, timeout=20000)
    assert len(asked) == 1  # nothing asked the second time
    assert "已接管 1 本存折" in done[1]
    assert get_passbook(workspace, "ZG-22").site_code == "370102001001"
