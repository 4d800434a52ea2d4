"""Print pending lines (补登): preview, print page by page asking to turn the page, then confirm.

Nothing is marked until the operator answers that the paper came out right; "No" leaves every line
pending, so the same lines print again. The printer page is the passbook page at 1:1 (full page, no
fitting), so the layout profile and this PC's calibration offset decide where the ink lands.

Printing lines again (重打) is deliberate: reprinting a page, or sending the same pending lines to the
printer a second time from this dialog, says what happens and asks why (损坏 / 遗失 / 更正), and the
journal keeps the reason (:func:`ask_reprint_reason`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import USER_ERRORS, Workspace, message_of, temp_file
from yichao.app.passbook import (
    PRINT_LAYOUT_SETTING,
    REPRINT_REASON_LABELS,
    PrintJob,
    calibration_page,
    calibration_sheet,
    confirm_printed,
    layout_names,
    load_layout,
    offset_from_ruler,
    offset_of,
    print_pending,
    record_reprint,
    reprint_job,
    set_offset,
    set_paper_layout,
    write_statement,
)
from yichao.ui.dialogs.pdf_preview import PdfPreviewDialog
from yichao.ui.icons import icon
from yichao.ui.operations import call, show_error
from yichao.ui.printing import PrintFailed, paper_problem, print_sheets, sheet_printer
from yichao.ui.widgets.confirm import ask_choice


def _temp_pdf(name: str) -> Path:
    return temp_file(name)  # this run's temporary folder, removed when Yichao closes


def ask_reprint_reason(parent: QWidget | None, text: str) -> tuple[str, str] | None:
    """Why lines are printed again: (reason, note), None when cancelled. ``text`` says what happens."""
    return ask_choice(parent, QCoreApplication.translate("PassbookPrint", "Reprint"), text,
                      QCoreApplication.translate("PassbookPrint", "Reprint"),
                      QCoreApplication.translate("PassbookPrint", "Reason"), list(REPRINT_REASON_LABELS.values()),
                      QCoreApplication.translate("PassbookPrint", "Note"))


class PassbookPrintDialog(QDialog):
    def __init__(self, ws: Workspace, number: str, parent: QWidget | None = None, layout_name: str = "standard",
                 reprint: int | None = None, reason: tuple[str, str] = ("", "")) -> None:
        """Pending lines; with ``reprint``, that already printed page exactly as it was (nothing to
        confirm), for ``reason`` (reason, note), which the journal keeps; without one it is refused."""
        super().__init__(parent)
        self.ws = ws
        self.number = number
        self.layout_name = layout_name
        self.reprint = reprint
        self.reason = reason
        self.confirmed = False
        self.sent = 0  # pages sent to the printer from this dialog: sending them again is a reprint
        self.setWindowTitle(self.tr("Print pending lines — %1").replace("%1", number))
        self.resize(820, 640)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.document = QPdfDocument(self)
        if reprint is None:
            self.job: PrintJob | None = call(self, print_pending, ws, number, _temp_pdf(f"{number}.pdf"))
        else:
            self.job = self._reprint_job(reprint)
        if self.job is not None and self.job.path is not None:
            self.document.load(str(self.job.path))  # before the view gets it, or the view stays blank
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        # a scroll bar that comes and goes re-fits the page for ever (the view stays blank): keep it
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.print_button = QPushButton(icon("print"), self.tr("Print..."))
        self.print_button.clicked.connect(self.print_pages)
        self.ok_button = QPushButton(icon("ok"), self.tr("Paper came out right"))
        self.ok_button.clicked.connect(self.confirm)
        self.again_button = QPushButton(icon("warning"), self.tr("Not right — print again later"))
        self.again_button.clicked.connect(self.reject)
        self.print_button.setDefault(True)  # print first; confirming is a separate, deliberate click
        self.ok_button.setAutoDefault(False)
        buttons = QDialogButtonBox()
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self._describe()

    def _reprint_job(self, page: int) -> PrintJob | None:
        job = call(self, reprint_job, self.ws, self.number, page, _temp_pdf(f"{self.number}-p{page}.pdf"),
                   *self.reason)
        if job is not None:
            self.setWindowTitle(self.tr("Reprint page %1 — %2").replace("%1", str(page)).replace("%2", self.number))
        return job

    def _describe(self) -> None:
        job = self.job
        if self.reprint is not None:
            self.ok_button.hide()
            self.again_button.setText(self.tr("Close"))
            self.print_button.setEnabled(job is not None)
            if job is not None:
                self.info.setText(self.tr("Page %1 as it was printed (%2 lines), for a damaged or spoiled page.")
                                  .replace("%1", str(job.start_page)).replace("%2", str(job.entry_lines)))
            return
        if job is None or job.empty:
            self.info.setText(self.tr("Passbook %1 has no pending lines.").replace("%1", self.number))
            for b in (self.print_button, self.ok_button):
                b.setEnabled(False)
            self.again_button.setText(self.tr("Close"))
            return
        text = self.tr("%1 lines from page %2, line %3.").replace("%1", str(job.entry_lines)).replace(
            "%2", str(job.start_page)).replace("%3", str(job.start_line))
        if job.page_turns:
            text += " " + self.tr("They fill passbook pages %1: you will be asked to turn the page.").replace(
                "%1", ", ".join(str(p) for p in job.pages))
        text += " " + self.tr("Lines count as printed only when you confirm the paper came out right.")
        self.info.setText(text)

    def print_pages(self) -> int:
        """Choose the printer once (it opens on the passbook's paper), then send each passbook page
        at 1:1, asking to turn the page between. Once the lines went to the printer, printing them
        again is a reprint: it asks why first, and the reason is journaled."""
        if self.job is None or self.job.empty or not self.job.sheets:
            return 0
        reason = None
        if self.sent:
            reason = ask_reprint_reason(self, self.tr(
                "These %1 lines of passbook %2 were already sent to the printer. Print them again? The reprint "
                "and its reason are recorded in the journal.").replace("%1", str(self.job.entry_lines))
                .replace("%2", self.number))
            if reason is None:
                return 0
        printer = sheet_printer(self.job.sheets[0], self.windowTitle())
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return 0
        problem = paper_problem(printer, self.job.sheets[0])
        if problem:
            show_error(self, problem)
            return 0
        sent = self.print_to(printer, ask=True)
        if sent and reason is not None:
            call(self, record_reprint, self.ws, self.job, *reason)
        return sent

    def print_to(self, printer: QPrinter, ask: bool = False) -> int:
        """Each passbook page as its own job (the operator turns the page between); without
        ``ask`` all pages go in one job (a PDF printer)."""
        assert self.job is not None
        sheets = self.job.sheets
        sent = 0
        try:
            if not ask:
                sent = print_sheets(printer, sheets)
                return sent
            for index, (page, sheet) in enumerate(zip(self.job.pages, sheets)):
                if index and QMessageBox.question(self, self.tr("Turn the page"), self.tr(
                        "Turn the passbook to page %1 and insert it again, then press Yes.").replace("%1", str(page))
                        ) != QMessageBox.StandardButton.Yes:
                    break
                sent += print_sheets(printer, [sheet])
            return sent
        except PrintFailed as exc:
            show_error(self, exc.message)
            return 0
        finally:
            self.sent += sent  # pages that went out before a failure count too: printing them again is a reprint

    def confirm(self) -> None:
        if (
            self.reprint is None
            and self.job is not None
            and not self.job.empty
            and call(self, confirm_printed, self.ws, self.job) is not None
        ):
            self.confirmed = True
            self.accept()

    def closeEvent(self, event) -> None:
        self.document.close()
        super().closeEvent(event)


def show_statement(ws: Workspace, number: str, parent: QWidget | None = None) -> None:
    """The A4 statement in the shared preview (print or save from there)."""
    info = call(parent, write_statement, ws, number, _temp_pdf(f"statement-{number}.pdf"))
    if info is not None:
        title = QCoreApplication.translate("PassbookPrint", "Statement %1").replace("%1", number)
        PdfPreviewDialog(info.path, title, parent).exec()


class CalibrationDialog(QDialog):
    """This PC's printer offset: print the calibration page, measure cross A with a ruler, save."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, layout_name: str = "standard") -> None:
        super().__init__(parent)
        self.ws = ws
        self.layout_name = layout_name
        self.setWindowTitle(self.tr("Passbook printer calibration"))
        x, y = offset_of(ws)
        self.dx, self.dy = self._spin(-20, 20, x), self._spin(-20, 20, y)
        self.left, self.top = self._spin(0, 60, 20.0), self._spin(0, 60, 20.0)
        form = QFormLayout(self)
        hint = QLabel(self.tr("1. Print the calibration page on the paper the passbooks go through.\n"
                              "2. With a ruler, measure how far the centre of cross A lies from the left and "
                              "the top edge of the paper, and enter both numbers.\n"
                              "3. Save; print the page again to check that cross A is now 20 mm from both edges."))
        hint.setWordWrap(True)
        form.addRow(hint)
        self.paper = QComboBox()
        self.paper.addItem(self.tr("Passbook printer (the passbook's own layout)"), "")
        for name in layout_names():
            if name != "standard":
                self.paper.addItem(load_layout(name).label, name)
        self.paper.setCurrentIndex(max(0, self.paper.findData(ws.settings.get(PRINT_LAYOUT_SETTING) or "")))
        form.addRow(self.tr("This PC prints on"), self.paper)
        pages = QHBoxLayout()
        print_page = QPushButton(icon("print"), self.tr("Print calibration page..."))
        print_page.clicked.connect(self.print_page)
        preview = QPushButton(icon("preview"), self.tr("Preview..."))
        preview.clicked.connect(self.show_page)
        pages.addWidget(print_page)
        pages.addWidget(preview)
        form.addRow(pages)
        form.addRow(self.tr("Cross A from the left edge"), self.left)
        form.addRow(self.tr("Cross A from the top edge"), self.top)
        for spin in (self.left, self.top):
            spin.valueChanged.connect(self._from_ruler)
        form.addRow(self.tr("Move right by"), self.dx)
        form.addRow(self.tr("Move down by"), self.dy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(480)
        self._stored = (x, y)  # the offset the last calibration page was printed with

    @staticmethod
    def _spin(low: float, high: float, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setSuffix(" mm")
        spin.setValue(value)
        return spin

    def _from_ruler(self) -> None:
        """The offset that brings cross A to 20 mm from both edges, from where the ruler shows it."""
        dx, dy = offset_from_ruler(self._stored, self.left.value(), self.top.value())
        self.dx.setValue(dx)
        self.dy.setValue(dy)

    def _store(self) -> bool:
        try:
            set_offset(self.ws, self.dx.value(), self.dy.value())
            set_paper_layout(self.ws, self.paper.currentData() or "")
        except USER_ERRORS as exc:
            show_error(self, message_of(exc))
            return False
        self._stored = (self.dx.value(), self.dy.value())
        for spin in (self.left, self.top):  # a new page is measured afresh
            spin.blockSignals(True)
            spin.setValue(20.0)
            spin.blockSignals(False)
        return True

    def save(self) -> None:
        if self._store():
            self.accept()

    def print_page(self) -> int:
        """The calibration page straight to the printer at 1:1, with the offset as it stands."""
        if not self._store():
            return 0
        sheet = call(self, calibration_sheet, self.ws, self.layout_name)
        if sheet is None:
            return 0
        printer = sheet_printer(sheet, self.tr("Calibration page"))
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return 0
        problem = paper_problem(printer, sheet)
        if problem:
            show_error(self, problem)
            return 0
        try:
            return print_sheets(printer, [sheet])
        except PrintFailed as exc:
            show_error(self, exc.message)
            return 0

    def show_page(self) -> None:
        if not self._store():
            return
        path = call(self, calibration_page, self.ws, _temp_pdf("calibration.pdf"), self.layout_name)
        if path is not None:
            PdfPreviewDialog(path, self.tr("Calibration page"), self).exec()
