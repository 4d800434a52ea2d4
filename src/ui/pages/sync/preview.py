"""The import preview: who sent the bundle, when, and what it would change per kind of record."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from yichao.app.sync import ImportResult, kind_label, report_lines
from yichao.ui.models.rows_model import RowsModel, text_columns
from yichao.ui.widgets.table_view import make_table_view


class PreviewDialog(QDialog):
    """Shown after the dry run; accepting it applies the bundle."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import bundle"))
        self.resize(680, 460)
        layout = QVBoxLayout(self)
        try:
            made = datetime.fromisoformat(result.created_at).astimezone().strftime("%Y-%m-%d %H:%M")
        except ValueError:
            made = result.created_at[:16]
        head = self.tr("Bundle no. %1 from %2 (%3), made %4: %5 records.")
        for key, value in (("%1", str(result.seq)), ("%2", result.from_name), ("%3", result.from_code),
                           ("%4", made), ("%5", f"{result.records:,}")):
            head = head.replace(key, value)
        label = QLabel(head)
        label.setWordWrap(True)
        layout.addWidget(label)
        model = RowsModel(text_columns([self.tr("Kind"), self.tr("New"), self.tr("Changed"), self.tr("Deleted"),
                                        self.tr("Held"), self.tr("Unchanged")], numbers=range(1, 6)), self)
        model.set_rows([[kind_label(k), str(c.new), str(c.changed), str(c.deleted), str(c.held), str(c.unchanged)]
                        for k, c in result.kinds.items()])
        self.table = make_table_view(self)
        self.table.setSortingEnabled(False)
        self.table.setModel(model)
        self.table.resizeColumnsToContents()
        for column in range(1, 6):
            self.table.setColumnWidth(column, max(self.table.columnWidth(column), 90))
        layout.addWidget(self.table)
        if result.attachments:
            layout.addWidget(QLabel(self.tr("Attachments: %1").replace("%1", str(result.attachments))))
        # held records and overlaps, named: the same lines the import writes to the log
        details = report_lines(result)[1 + len(result.kinds) + (1 if result.attachments else 0):]
        details = [line for line in details if not line.startswith("（试运行")]
        self.details = QPlainTextEdit("\n".join(details), self)
        self.details.setReadOnly(True)
        self.details.setVisible(bool(details))
        self.details.setMaximumHeight(160)
        layout.addWidget(self.details)
        note = QLabel(self.tr("Nothing has been changed yet. Import applies all of it at once, or nothing."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
