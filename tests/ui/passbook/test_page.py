"""The passbook page: counter keystrokes, refusals shown as sentences, print/confirm, catalog, models."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from yichao.app.passbook import accounts as pb
from yichao.app.passbook.catalog import ItemInput, restock, save_item
from yichao.app.people.residents import PersonInput, create_person
from yichao.models.journal import bulk_insert
from yichao.models.passbook import CatalogItem


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    import yichao.ui.operations as ops
    import yichao.ui.pages.passbook.counter as counter_mod
    import yichao.ui.pages.passbook.print_dialogs as dialog_mod
    import yichao.ui.pages.passbook.tabs as tabs_mod

    for mod in (ops, counter_mod, tabs_mod, dialog_mod):
        monkeypatch.setattr(mod, "show_error", lambda parent, message: shown.append(message))
    return shown


@pytest.fixture
def book(workspace):
    holder = create_person(workspace, PersonInput(name="刘芳", is_volunteer=True, volunteer_number="V9"))
    row = pb.open_passbook(workspace, holder.uid)
    pb.deposit(workspace, row.number, 40, "楼道清扫", hours=2)
    return row


@pytest.fixture
def page(qtbot, workspace):
    from yichao.ui.pages.passbook.page import PassbookPage

    widget = PassbookPage(workspace)
    qtbot.addWidget(widget)
    widget.resize(1100, 750)
    widget.show()
    return widget


def test_counter_lookup_and_deposit_by_keyboard(qtbot, page, book, workspace, errors):
    counter = page.counter
    qtbot.keyClicks(counter.number, book.number)
    qtbot.keyClick(counter.number, Qt.Key.Key_Return)
    assert counter.balance.text() == "40"
    assert counter.model.rowCount() == 1
    assert counter.hours_in.hasFocus() or not counter.isActiveWindow()
    counter.hours_in.setValue(1.5)
    counter.deposit_points.setValue(15)
    counter.deposit_memo.setText("助老陪诊")
    qtbot.keyClick(counter.deposit_memo, Qt.Key.Key_Return)
    assert errors == []
    assert counter.balance.text() == "55"
    assert counter.model.rowCount() == 2
    assert counter.model.index(0, 3).data() == "助老陪诊"  # newest first
    assert pb.get_passbook(workspace, book.number).minutes == 210


def test_counter_refusals_are_one_sentence(qtbot, page, book, errors):
    counter = page.counter
    counter.open_number("NOPE-1")
    assert errors and "找不到" in errors[-1]
    counter.open_number(book.number)
    counter.redeem_points.setValue(41)
    counter.redeem_memo.setText("兑换大米")
    counter.post_redeem()
    assert "余额只有 40 分" in errors[-1]
    assert counter.balance.text() == "40"


def test_counter_redeems_a_catalog_item(qtbot, page, book, workspace, errors):
    item = save_item(workspace, ItemInput("洗衣液", 30))
    restock(workspace, item.uid, 1)
    page.counter.item.addItem("洗衣液", item.uid)
    page.counter.open_number(book.number)
    page.counter.item.setCurrentIndex(page.counter.item.count() - 1)
    assert page.counter.redeem_points.value() == 30
    page.counter.post_redeem()
    assert errors == []
    assert page.counter.balance.text() == "10"


def test_print_dialog_marks_only_after_confirmation(qtbot, workspace, book, tmp_path):
    from yichao.ui.pages.passbook.print_dialogs import PassbookPrintDialog

    dialog = PassbookPrintDialog(workspace, book.number)
    qtbot.addWidget(dialog)
    assert dialog.job is not None and dialog.job.entry_lines == 1
    assert dialog.document.pageCount() == 1
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    assert dialog.print_to(printer) == 1
    dialog.reject()  # "not right": nothing marked
    assert pb.get_passbook(workspace, book.number).pending_lines == 1
    again = PassbookPrintDialog(workspace, book.number)
    qtbot.addWidget(again)
    again.confirm()
    assert again.confirmed
    assert pb.get_passbook(workspace, book.number).pending_lines == 0
    empty = PassbookPrintDialog(workspace, book.number)
    qtbot.addWidget(empty)
    assert not empty.print_button.isEnabled() and not empty.ok_button.isEnabled()


def test_district_items_are_read_only_in_the_catalog_tab(qtbot, page, workspace, errors):
    with workspace.unit() as session:
        bulk_insert(session, CatalogItem, [{"name": "大米", "points": 100, "origin": "370102"}])
    page.catalog.refresh()
    assert page.catalog.model.rowCount() == 1
    page.catalog.table.setCurrentIndex(page.catalog.model.index(0, 0))
    assert page.catalog.editable_selected() is None
    assert "district" in errors[-1] or "区里发布" in errors[-1]  # untranslated in tests
    assert "只读" in page.catalog.model.index(0, 5).data() or "read-only" in page.catalog.model.index(0, 5).data()


def test_bulk_credit_dialog(qtbot, workspace, monkeypatch):
    import yichao.ui.pages.passbook.bulk_dialog as bulk_mod

    monkeypatch.setattr(bulk_mod.QMessageBox, "information", lambda *a, **k: None)
    numbers = [pb.open_passbook(workspace, create_person(workspace, PersonInput(name=f"人{i}")).uid).number
               for i in range(3)]
    dialog = bulk_mod.BulkCreditDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.title.setText("河道捡拾垃圾")
    dialog.kind.setEditText("环境清洁")
    dialog.hours.setValue(2)
    dialog.points.setValue(16)
    dialog.numbers.setPlainText("\n".join(numbers + [numbers[0]]))
    assert "4" in dialog.count.text() and "3" in dialog.count.text()
    dialog.save()
    assert dialog.saved is not None and dialog.saved.credited == 3
    assert all(pb.get_passbook(workspace, n).balance == 16 for n in numbers)
    assert dialog.saved.points_each == 16 and date.today()


def test_models_pass_the_model_tester(qtmodeltester, workspace, book):
    from yichao.app.passbook.query import PassbookFilter
    from yichao.ui.models.paged_table_model import PagedTableModel
    from yichao.ui.models.passbook_tables import EntrySource, PassbookSource, entry_columns, passbook_columns

    qtmodeltester.check(PagedTableModel(EntrySource(workspace, book.number), entry_columns()))
    model = PagedTableModel(PassbookSource(workspace, PassbookFilter("刘")), passbook_columns())
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.index(0, 3).data() == "40"


def test_reprint_mode_shows_the_page_and_confirms_nothing(qtbot, workspace, book):
    from yichao.app.passbook.printing import confirm_printed, print_pending
    from yichao.ui.pages.passbook.print_dialogs import PassbookPrintDialog

    confirm_printed(workspace, print_pending(workspace, book.number, workspace.data_dir / "p.pdf"))
    dialog = PassbookPrintDialog(workspace, book.number, reprint=1, reason=("损坏", ""))
    qtbot.addWidget(dialog)
    assert dialog.job is not None and dialog.job.entry_lines == 1
    assert dialog.document.pageCount() == 1
    assert dialog.ok_button.isHidden() and dialog.print_button.isEnabled()
    dialog.confirm()
    assert not dialog.confirmed


def test_typing_a_name_at_the_counter_searches_the_list(qtbot, page, book, errors):
    page.counter.open_number("刘")
    assert errors == []
    assert page.tabs.currentWidget() is page.passbooks
    assert page.passbooks.model.rowCount() == 1


def test_expire_runs_off_the_gui_thread(qtbot, page, book, workspace, errors, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from yichao.app.passbook.rules import RuleInput, save_rule

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    page.expire()
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "有效期" in errors[-1]
    save_rule(workspace, RuleInput("三年有效", "expiry", years=3))
    page.expire()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert "0" in told[-1]
    assert pb.get_passbook(workspace, book.number).balance == 40  # nothing is that old


def test_dashboard_filter_opens_passbooks_with_pending_lines(qtbot, page, book, workspace):
    other = pb.open_passbook(workspace, create_person(workspace, PersonInput(name="无待打")).uid)
    page.show_filtered({"pending": "1"})
    assert page.tabs.currentWidget() is page.passbooks
    shown = {page.passbooks.model.index(r, 0).data() for r in range(page.passbooks.model.rowCount())}
    assert shown == {book.number} and other.number not in shown


def test_issuing_a_second_passbook_is_refused_and_the_form_stays(qtbot, workspace):
    from yichao.ui.pages.passbook.open_dialog import OpenPassbookDialog

    holder = create_person(workspace, PersonInput(name="李桂兰"))
    first = pb.open_passbook(workspace, holder.uid)
    dialog = OpenPassbookDialog(workspace)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled() and dialog.problem_key == "holder"
    assert not dialog.number.isEnabled()
    dialog.takeover.setChecked(True)
    assert dialog.number.isEnabled()
    dialog.takeover.setChecked(False)
    dialog.search.setText("李桂兰")
    assert dialog.holder.count() == 1 and dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result() == 0 and first.number in dialog.error.text()
    assert dialog.search.text() == "李桂兰" and dialog.holder.currentItem() is not None
