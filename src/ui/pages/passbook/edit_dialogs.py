"""Small forms: a catalog item (兑换物品) and a points rule (积分规则) of the street."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from yichao.app.core import Workspace
from yichao.app.passbook import ItemInput, ItemRow, RuleInput, RuleRow, save_item, save_rule
from yichao.ui.operations import call


def _buttons(dialog: QDialog, form: QFormLayout) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.submit)  # type: ignore[attr-defined]
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)


class ItemDialog(QDialog):
    def __init__(self, ws: Workspace, item: ItemRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.item = ws, item
        self.setWindowTitle(self.tr("Catalog item"))
        self.name = QLineEdit(item.name if item else "")
        self.category = QLineEdit(item.category if item else "")
        self.points = QSpinBox()
        self.points.setRange(1, 100_000)
        self.points.setValue(item.points if item else 50)
        self.unit = QLineEdit(item.unit if item else "件")
        self.active = QCheckBox(self.tr("Offered at the counter"))
        self.active.setChecked(item.active if item else True)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Points"), self.points)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.active)
        _buttons(self, form)

    def submit(self) -> None:
        data = ItemInput(self.name.text(), self.points.value(), self.category.text(), self.unit.text(),
                         self.active.isChecked())
        if call(self, save_item, self.ws, data, self.item.uid if self.item else None) is not None:
            self.accept()


class RuleDialog(QDialog):
    def __init__(self, ws: Workspace, rule: RuleRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.rule = ws, rule
        self.setWindowTitle(self.tr("Points rule"))
        self.name = QLineEdit(rule.name if rule else "")
        self.kind = QComboBox()
        for key, label in (("hourly", self.tr("Points per service hour")), ("need", self.tr("Fixed points for a need")),
                           ("expiry", self.tr("Points expire after years"))):
            self.kind.addItem(label, key)
        if rule:
            self.kind.setCurrentIndex(max(0, self.kind.findData(rule.kind)))
        self.activity = QLineEdit(rule.activity_type if rule else "")
        self.points = QSpinBox()
        self.points.setRange(0, 10_000)
        self.points.setValue(rule.points if rule else 10)
        self.years = QSpinBox()
        self.years.setRange(0, 20)
        self.years.setValue(rule.years if rule else 0)
        self.active = QCheckBox(self.tr("In force"))
        self.active.setChecked(rule.active if rule else True)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Activity type"), self.activity)
        form.addRow(self.tr("Points"), self.points)
        form.addRow(self.tr("Years"), self.years)
        form.addRow(self.active)
        _buttons(self, form)

    def submit(self) -> None:
        data = RuleInput(self.name.text(), self.kind.currentData(), self.activity.text(), self.points.value(),
                         self.years.value(), self.active.isChecked())
        if call(self, save_rule, self.ws, data, self.rule.uid if self.rule else None) is not None:
            self.accept()
