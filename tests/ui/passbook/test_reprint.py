"""重打 is deliberate (issue 15 point 2): reprinting a page or sending the same pending lines to the
printer again says what happens and asks why (损坏 / 遗失 / 更正); the journal keeps the reason; a
double-click never prints."""

from __future__ import annotations

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit

from tests.ui.modal import answer, seen
from yichao.app.core import JournalFilter
from yichao.app.history import described_journal
from yichao.app.passbook import accounts as pb
from yichao.app.passbook.printing import confirm_printed, print_pending
from yichao.app.people.residents import PersonInput, create_person


@pytest.fixture
def book(workspace):
    holder = create_person(workspace, PersonInput(name="周敏", is_volunteer=True))
    row = pb.open_passbook(workspace, holder.uid)
    pb.deposit(workspace, row.number, 12, "社区义诊")
    return row


@pytest.fixture
def page(qtbot, workspace):
    from yichao.ui.pages.passbook.page import PassbookPage

    widget = PassbookPage(workspace)
    qtbot.addWidget(widget)
    return widget


def reprints(workspace):
    return described_journal(workspace, JournalFilter(ops=("reprint",)), descending=False)


def choose(reason: str, note: str = ""):
    def fill(dialog) -> None:
        combo = dialog.findChild(QComboBox, "ask-choice")
        combo.setCurrentIndex(combo.findData(reason))
        dialog.findChild(QLineEdit, "ask-note").setText(note)

    return fill


@pytest.fixture
def pdf_printing(monkeypatch, tmp_path):
    """The print dialog accepted at once, and the pages going to a PDF file."""
    import yichao.ui.pages.passbook.print_dialogs as dialogs

    class Accepting:
        def __init__(self, *_a) -> None:
            pass

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    def printer(sheet, title):
        p = QPrinter(QPrinter.PrinterMode.HighResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(tmp_path / f"sent-{len(list(tmp_path.glob('sent-*')))}.pdf"))
        return p

    monkeypatch.setattr(dialogs, "QPrintDialog", Accepting)
    monkeypatch.setattr(dialogs, "sheet_printer", printer)
    return tmp_path


def test_reprinting_a_page_asks_why_and_cancel_prints_nothing(qtbot, page, workspace, book, monkeypatch):
    import yichao.ui.pages.passbook.counter as counter_mod

    confirm_printed(workspace, print_pending(workspace, book.number, workspace.data_dir / "p.pdf"))
    monkeypatch.setattr(counter_mod.QInputDialog, "getInt", lambda *a, **k: (1, True))
    counter = page.counter
    counter.open_number(book.number)

    answer("confirm-cancel")
    counter.reprint_page()
    assert book.number in seen[-1] and "1" in seen[-1]
    assert reprints(workspace) == []

    opened: list[QDialog] = []

    def then_close(dialog) -> None:
        choose("损坏", "被雨淋湿")(dialog)
        answer(None, fill=lambda d: (opened.append(d), d.reject()))

    answer("confirm-action", fill=then_close)
    counter.reprint_page()
    assert opened and opened[0].job is not None and opened[0].job.start_page == 1
    (entry,) = reprints(workspace)
    assert entry.record == book.number and "原因：损坏" in entry.summary() and "被雨淋湿" in entry.summary()


def test_the_reason_is_required_before_the_action_is_enabled(qtbot, workspace, book):
    from yichao.ui.pages.passbook.print_dialogs import ask_reprint_reason

    enabled: list[bool] = []

    def look(dialog) -> None:
        go = dialog.go
        enabled.append(go.isEnabled())
        choose("更正")(dialog)
        enabled.append(go.isEnabled())

    answer("confirm-action", fill=look)
    assert ask_reprint_reason(None, "再打一次？") == ("更正", "")
    assert enabled == [False, True]


def test_sending_the_same_pending_lines_again_asks_why(qtbot, workspace, book, pdf_printing):
    from yichao.ui.pages.passbook.print_dialogs import PassbookPrintDialog

    dialog = PassbookPrintDialog(workspace, book.number)
    qtbot.addWidget(dialog)
    assert dialog.print_pages() == 1  # the first time: no question
    assert reprints(workspace) == []

    answer("confirm-cancel")
    assert dialog.print_pages() == 0  # asked, cancelled: nothing sent, nothing journaled
    assert book.number in seen[-1]
    assert len(list(pdf_printing.glob("sent-*.pdf"))) == 1 and reprints(workspace) == []

    answer("confirm-action", fill=choose("遗失"))
    assert dialog.print_pages() == 1
    (entry,) = reprints(workspace)
    assert "原因：遗失" in entry.summary() and "补登尚未确认：是" in entry.summary()
    assert pb.get_passbook(workspace, book.number).pending_lines == 1  # printing confirms nothing


def test_a_reprint_without_a_reason_is_refused_in_one_sentence(qtbot, workspace, book, monkeypatch):
    import yichao.ui.operations as ops
    from yichao.ui.pages.passbook.print_dialogs import PassbookPrintDialog

    shown: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda parent, message: shown.append(message))
    confirm_printed(workspace, print_pending(workspace, book.number, workspace.data_dir / "p.pdf"))
    dialog = PassbookPrintDialog(workspace, book.number, reprint=1)
    qtbot.addWidget(dialog)
    assert dialog.job is None and not dialog.print_button.isEnabled()
    assert shown == ["重打须说明原因：损坏、遗失、更正。"] and reprints(workspace) == []


def test_double_clicking_a_passbook_opens_it_and_prints_nothing(qtbot, page, workspace, book, monkeypatch):
    import yichao.ui.pages.passbook.print_dialogs as dialogs

    built: list[object] = []
    monkeypatch.setattr(dialogs.PassbookPrintDialog, "__init__",
                        lambda self, *a, **k: built.append(a) or QDialog.__init__(self))
    tab = page.passbooks
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    tab.table.doubleClicked.emit(tab.model.index(0, 0))
    assert page.counter.current is not None and page.counter.current.number == book.number
    assert page.tabs.currentWidget() is page.counter
    assert built == [] and reprints(workspace) == []
    assert pb.get_passbook(workspace, book.number).pending_lines == 1
