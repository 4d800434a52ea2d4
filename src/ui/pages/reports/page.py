"""统计报表: pick a month, quarter or year, build the report off the GUI thread, save PDF/XLSX."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import USER_ERRORS, Cancelled, Workspace, message_of, safe_filename
from yichao.app.stats import Period, Report, build_report, current, save_report
from yichao.ui.icons import icon
from yichao.ui.models.report_table import ReportTableModel
from yichao.ui.operations import run_op, show_error
from yichao.ui.widgets.chart_view import ChartView
from yichao.ui.widgets.street_filter import StreetFilter

KINDS = ("month", "quarter", "year")


class ReportsPage(QWidget):
    report_ready = Signal(object)
    saved = Signal(str)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.report: Report | None = None
        today = current("month")

        self.kind = QComboBox()
        for key, text in zip(KINDS, (self.tr("Month"), self.tr("Quarter"), self.tr("Year"))):
            self.kind.addItem(text, key)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.setSuffix(self.tr(" (year)"))
        self.number = QSpinBox()
        self.number.setValue(today.number)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.number.setValue(today.number)
        self.street = StreetFilter(ws)  # a district: the report of one street, or of all and each
        self.build_button = QPushButton(icon("reports"), self.tr("&Build report"))
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build)
        self.pdf_button = QPushButton(icon("export"), self.tr("Save &PDF..."))
        self.xlsx_button = QPushButton(icon("export"), self.tr("Save &XLSX..."))
        self.pdf_button.clicked.connect(lambda: self.ask_save(".pdf"))
        self.xlsx_button.clicked.connect(lambda: self.ask_save(".xlsx"))
        self.status = QLabel(self.tr("Choose a period and build the report."))
        self.status.setStyleSheet("color: #607d8b;")

        controls = QHBoxLayout()
        for label, widget in ((self.tr("&Period:"), self.kind), (None, self.year), (None, self.number),
                              (None, self.street)):
            if label:
                caption = QLabel(label)
                caption.setBuddy(widget)
                controls.addWidget(caption)
            controls.addWidget(widget)
        controls.addWidget(self.build_button)
        controls.addStretch(1)
        controls.addWidget(self.pdf_button)
        controls.addWidget(self.xlsx_button)

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self._set_saving_enabled(False)

    # -- period ---------------------------------------------------------------------------------
    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.number.setVisible(kind != "year")
        if kind == "month":
            self.number.setRange(1, 12)
            self.number.setPrefix("")
            self.number.setSuffix(self.tr(" (month)"))
        elif kind == "quarter":
            self.number.setRange(1, 4)
            self.number.setPrefix(self.tr("Q"))
            self.number.setSuffix(self.tr(" (quarter)"))

    def period(self) -> Period:
        kind = self.kind.currentData()
        return Period(kind, self.year.value(), 1 if kind == "year" else self.number.value())

    def set_period(self, period: Period) -> None:
        self.kind.setCurrentIndex(KINDS.index(period.kind))
        self.year.setValue(period.year)
        if period.kind != "year":
            self.number.setValue(period.number)

    # -- build ----------------------------------------------------------------------------------
    def build(self) -> None:
        period = self.period()
        ws = self.ws
        origin = self.street.origin()
        self.build_button.setEnabled(False)
        self.status.setText(self.tr("Building the report of %1...").replace("%1", period.label))

        def work(progress, cancel):
            return build_report(ws, period, progress, cancel, origin)

        run_op(self, work, on_success=self.show_report, on_failure=self._build_failed,
               label=self.tr("Building the report..."), with_progress=True)

    def _build_failed(self, exc: Exception) -> None:
        self.build_button.setEnabled(True)
        self.status.setText(self.tr("The report was not built."))

        if isinstance(exc, USER_ERRORS):
            show_error(self, message_of(exc))
        elif not isinstance(exc, Cancelled):
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def show_report(self, report: Report) -> None:
        self.report = report
        self.build_button.setEnabled(True)
        self.title.setText(report.title)
        self.status.setText(report.subtitle)
        self.tabs.clear()
        for table in report.tables:
            view = QTableView()
            view.setModel(ReportTableModel(table, view))
            view.setAlternatingRowColors(True)
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few rows
            view.setObjectName(f"table_{table.key}")
            self.tabs.addTab(view, table.title)
        if report.charts:
            holder = QWidget()
            grid = QGridLayout(holder)
            for i, chart in enumerate(report.charts):
                grid.addWidget(ChartView(chart, holder), i // 2, i % 2)
            self.tabs.addTab(holder, icon("reports"), self.tr("Charts"))
        self._set_saving_enabled(True)
        self.report_ready.emit(report)

    # -- save -----------------------------------------------------------------------------------
    def _set_saving_enabled(self, enabled: bool) -> None:
        self.pdf_button.setEnabled(enabled)
        self.xlsx_button.setEnabled(enabled)

    def ask_save(self, suffix: str) -> None:
        if self.report is None:
            return
        name = safe_filename(self.report.site_name, suffix, tail=f"{self.report.period.code}统计报表")
        default = str(Path.home() / name)
        filters = self.tr("PDF files (*.pdf)") if suffix == ".pdf" else self.tr("Excel workbooks (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"), default, filters)
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Write the built report in the format its suffix names, off the GUI thread."""
        report, ws = self.report, self.ws
        if report is None:
            return
        self.status.setText(self.tr("Saving %1...").replace("%1", path.name))

        def done(written: Path) -> None:
            self.status.setText(self.tr("Saved %1").replace("%1", str(written)))
            self.saved.emit(str(written))

        run_op(self, lambda: save_report(ws, report, path), on_success=done,
               label=self.tr("Saving the report..."))
