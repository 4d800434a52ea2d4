"""What an import check found, the same in every import dialog: the counts, the communities the file
would add (with the 新建这些社区 tick box), the errors and the warnings apart, each with its count."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QListWidget, QVBoxLayout, QWidget

from yichao.app.core import ImportReport, communities_line, counts_line, rejection_lines, warning_lines


class ImportCheckView(QWidget):
    """Shows one :class:`ImportReport`; ``add_communities_toggled`` asks the owner to check again."""

    add_communities_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self.tr("Check the file first; nothing is written until you import."))
        self.summary.setObjectName("import-summary")
        self.communities = QLabel()
        self.communities.setObjectName("import-communities")
        self.add_communities = QCheckBox(self.tr("Create these &communities"))
        self.add_communities.setObjectName("add-communities")
        self.add_communities.toggled.connect(self.add_communities_toggled)
        self.errors_title = QLabel()
        self.errors = QListWidget()
        self.errors.setObjectName("import-errors")
        self.warnings_title = QLabel()
        self.warnings = QListWidget()
        self.warnings.setObjectName("import-warnings")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label in (self.summary, self.communities, self.errors_title, self.warnings_title):
            label.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self.communities)
        layout.addWidget(self.add_communities)
        layout.addWidget(self.errors_title)
        layout.addWidget(self.errors, 2)
        layout.addWidget(self.warnings_title)
        layout.addWidget(self.warnings, 1)
        self.show_report(None)

    def show_report(self, report: ImportReport | None) -> None:
        """Fill the view from ``report`` (None: nothing checked yet)."""
        if report is None:
            for w in (self.communities, self.add_communities, self.errors_title, self.errors, self.warnings_title,
                      self.warnings):
                w.setVisible(False)
            return
        self.summary.setText(counts_line(report))
        line = communities_line(report)
        self.communities.setText(line)
        self.communities.setVisible(bool(line))
        self.add_communities.setVisible(bool(report.new_communities))
        self.add_communities.blockSignals(True)
        self.add_communities.setChecked(report.communities_added)
        self.add_communities.blockSignals(False)
        self.errors_title.setText(self.tr("Errors (%1 rows): nothing is imported while any row has one")
                                  .replace("%1", str(len(report.rejected))))
        self.errors.clear()
        self.errors.addItems(rejection_lines(report))
        rows = len({row for row, _ in report.warnings})
        self.warnings_title.setText(self.tr("Warnings (%1 rows): imported all the same, the record marked to complete")
                                    .replace("%1", str(rows)))
        self.warnings.clear()
        self.warnings.addItems(warning_lines(report))
        for w in (self.errors_title, self.errors):
            w.setVisible(bool(report.rejected))
        for w in (self.warnings_title, self.warnings):
            w.setVisible(bool(report.warnings))
