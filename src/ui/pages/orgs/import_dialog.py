"""Import organizations from .xlsx: map the sheet's columns (guessed from the Chinese headers),
check every row (dry run: errors and warnings apart with their counts, the communities the file
would add), then import all rows, or only the valid ones when the clerk ticks that; ticking
新建这些社区 checks again with those communities created."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import ImportReport, Table, Workspace, message_of
from yichao.app.orgs import FIELD_LABELS, import_orgs, preview_file, value_questions
from yichao.ui.operations import call, run_op
from yichao.ui.widgets.import_check import ImportCheckView
from yichao.ui.widgets.value_mapping import ValueAnswers


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class OrgImportDialog(QDialog):
    """``table`` is None when the file could not be read (the reason was already shown)."""

    def __init__(self, ws: Workspace, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.path, self.applied = ws, path, 0
        self.setWindowTitle(self.tr("Import organizations"))
        self.table: Table | None = call(parent, preview_file, path, ws)  # the mapping confirmed before, if any
        if self.table is None:
            return
        t = self.table
        info = self.tr("%1: sheet “%2”, header in row %3, %4 data rows.").replace("%1", Path(path).name) \
            .replace("%2", t.sheet).replace("%3", str(t.header_row)).replace("%4", str(len(t.rows)))
        if t.skipped:
            info += " " + self.tr("Left out: %1.").replace("%1", "、".join(
                self.tr("row %1 (%2)").replace("%1", str(n)).replace("%2", why) for n, why in t.skipped[:5]))
        self.info = QLabel(info)
        self.info.setWordWrap(True)
        self.combos: dict[int, QComboBox] = {}
        form = QFormLayout()
        sample = t.rows[0] if t.rows else None
        for col, header in enumerate(t.headers):
            if not header and not any(r.get(col) for r in t.rows[:20]):
                continue
            box = QComboBox()
            box.addItem(self.tr("(ignore)"), "")
            for key, label in FIELD_LABELS.items():
                box.addItem(label, key)
            box.setCurrentIndex(max(0, box.findData(t.mapping.get(col, ""))))
            example = sample.get(col) if sample else ""
            text = f"{_column_letter(col)}  {header or '—'}" + (f"　（{example[:16]}）" if example else "")
            form.addRow(QLabel(text), box)
            self.combos[col] = box
        holder = QWidget()
        holder.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        mapping_box = QGroupBox(self.tr("Columns"))
        QVBoxLayout(mapping_box).addWidget(scroll)
        self.add_communities = False
        self.check_view = ImportCheckView()
        self.check_view.add_communities_toggled.connect(self._recheck)
        self.skip = QCheckBox(self.tr("Import the valid rows and leave out the rows with errors"))
        self.check_button = QPushButton(self.tr("&Check"))
        self.check_button.clicked.connect(self.check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        self.skip.toggled.connect(lambda _on: self._enable())
        for box in self.combos.values():
            box.currentIndexChanged.connect(lambda _i: self._stale())
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(mapping_box, 2)
        layout.addWidget(self.check_view, 2)
        layout.addWidget(self.skip)
        layout.addWidget(self.buttons)
        self.report: ImportReport | None = None
        self.answers = ValueAnswers()  # the 值对照 answers of this import
        self.resize(640, 640)

    def mapping(self) -> dict[int, str]:
        return {col: box.currentData() for col, box in self.combos.items() if box.currentData()}

    def _stale(self) -> None:
        self.report = None
        self._enable()

    def _enable(self) -> None:
        r = self.report
        self.import_button.setEnabled(r is not None and r.valid > 0 and (not r.rejected or self.skip.isChecked()))

    def _recheck(self, add: bool) -> None:
        self.add_communities = add
        self.report = None
        self._enable()
        self.check()

    def check(self) -> None:
        """Dry run off the GUI thread: every row checked, nothing written."""
        mapping = self.mapping()
        used = list(mapping.values())
        if len(used) != len(set(used)):
            QMessageBox.warning(self, self.windowTitle(), self.tr("Two columns are mapped to the same field."))
            return
        self.check_button.setEnabled(False)
        add = self.add_communities
        self.answers.ask(self, lambda: value_questions(self.ws, self.path, mapping), lambda values: run_op(
            self, lambda: import_orgs(self.ws, self.path, dry_run=True, mapping=mapping, add_communities=add,
                                      value_map=values),
            self._checked, lambda exc: self._failed(exc), label=self.tr("Checking...")))
        self.check_button.setEnabled(True)

    def _failed(self, exc: Exception) -> None:
        self.check_button.setEnabled(True)
        self.import_button.setEnabled(self.report is not None)
        QMessageBox.warning(self, self.windowTitle(), message_of(exc))

    def _checked(self, report: ImportReport) -> None:
        self.check_button.setEnabled(True)
        self.report = report
        self.check_view.show_report(report)
        self._enable()

    def run_import(self) -> None:
        """Apply off the GUI thread: all rows, or the valid ones when ticked; one transaction."""
        skip, mapping, add = self.skip.isChecked(), self.mapping(), self.add_communities
        self.import_button.setEnabled(False)
        values = self.answers.value_map
        run_op(self, lambda: import_orgs(self.ws, self.path, skip_invalid=skip, mapping=mapping, add_communities=add,
                                         value_map=values),
               self._imported,
               lambda exc: self._failed(exc), label=self.tr("Importing..."))

    def _imported(self, report: ImportReport) -> None:
        if report.applied == 0 and report.rejected:
            self._checked(report)
            return
        self.applied = report.applied
        QMessageBox.information(self, self.windowTitle(),
                                self.tr("%1 organizations imported.").replace("%1", str(report.applied)))
        self.accept()
