"""Pick the screened projects that pitch at a roadshow, in pitching order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from yichao.app.projects import ProjectRow


class RoadshowProjectsDialog(QDialog):
    def __init__(self, candidates: list[ProjectRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Projects pitching at the roadshow"))
        self.resize(520, 480)
        self.list = QListWidget()
        for p in candidates:
            item = QListWidgetItem(f"{p.title}　—　{p.org_name}")
            item.setData(Qt.ItemDataRole.UserRole, p.uid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        text = self.tr("Screened projects (space ticks or unticks; they pitch in this order):") if candidates else \
            self.tr("No screened project is waiting for a roadshow.")
        layout.addWidget(QLabel(text))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]
