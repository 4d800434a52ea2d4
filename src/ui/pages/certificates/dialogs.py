"""Dialogs of the 证书打印 page: issue (one or a batch), revoke, verify, printing setup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from yichao.app.certificates import (
    candidates,
    get_setup,
    kinds,
    layout_names,
    load_layout,
    save_setup,
    set_image,
    verify_certificate,
)
from yichao.app.core import Workspace
from yichao.ui.operations import call
from yichao.ui.widgets.form import Field, FormDialog
from yichao.ui.widgets.form_style import ERROR_COLOR


def kind_label(kind: str) -> str:
    return dict(kinds()).get(kind, kind)


class IssueDialog(QDialog):
    """Choose a kind and its recipients (one or many), the layout and the paper; then print."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, batch: bool = False) -> None:
        super().__init__(parent)
        self.ws = ws
        self.batch = batch
        self.setWindowTitle(self.tr("Print certificates (batch)") if batch else self.tr("Issue a certificate"))
        self.resize(560, 560)
        self.kind = QComboBox()
        for key, label in kinds(ws.site.role):  # an office: the kinds it may issue
            self.kind.addItem(label, key)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name or pinyin initials"))
        self.year = QSpinBox()
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(self.tr("Any year"))
        self.year.setValue(0)
        self.stars = QSpinBox()
        self.stars.setRange(0, 5)
        self.stars.setSpecialValueText(self.tr("As recorded"))
        self.list = QListWidget()
        self.select_all = QPushButton(self.tr("Select &all"))
        self.select_all.setVisible(batch)
        self.select_all.clicked.connect(lambda: self._check_all(True))
        self.layout_box = QComboBox()
        self.layout_box.addItem(self.tr("Default for the kind"), "")
        for name in layout_names():
            self.layout_box.addItem(load_layout(name).label, name)
        self.preprinted = QCheckBox(self.tr("Pre-printed paper (print only the variable text)"))
        self.preprinted.setChecked(get_setup(ws).preprinted)
        self.hint = QLabel()
        self.hint.setStyleSheet(f"color: {ERROR_COLOR};")
        form = QFormLayout()
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Find:"), self.search)
        form.addRow(self.tr("Graduated in &year:"), self.year)
        form.addRow(self.tr("&Stars (rating):"), self.stars)
        form.addRow(self.tr("&Layout:"), self.layout_box)
        form.addRow("", self.preprinted)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Print..."))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Recipients:")))
        row.addStretch()
        row.addWidget(self.select_all)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.year.valueChanged.connect(lambda _v: self._timer.start())
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.list.itemChanged.connect(lambda _i: self._validate())
        self.list.itemSelectionChanged.connect(self._validate)
        self._kind_changed()

    @property
    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.current_kind
        self.year.setEnabled(kind == "graduation")
        self.stars.setEnabled(kind == "rating")
        self.reload()

    def reload(self) -> None:
        found = call(self, candidates, self.ws, self.current_kind, self.search.text(),
                     self.year.value() or None) or []
        self.list.blockSignals(True)
        self.list.clear()
        for c in found:
            item = QListWidgetItem(f"{c.name}    {c.detail}".rstrip())
            item.setData(Qt.ItemDataRole.UserRole, c.uid)
            if self.batch:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if not found:
            self.hint.setText(self.tr("Nobody can receive this kind of certificate with this filter."))
        self._validate()

    def _check_all(self, on: bool) -> None:
        for n in range(self.list.count()):
            self.list.item(n).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def subject_uids(self) -> list[str]:
        items = [self.list.item(n) for n in range(self.list.count())]
        if self.batch:
            chosen = [i for i in items if i.checkState() == Qt.CheckState.Checked]
        else:
            chosen = self.list.selectedItems()[:1]
        return [str(i.data(Qt.ItemDataRole.UserRole)) for i in chosen]

    def _validate(self) -> None:
        count = len(self.subject_uids())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(count > 0)
        if self.list.count():
            self.hint.setText("" if count else self.tr("Choose who receives the certificate."))
        if self.batch and count:
            self.hint.setStyleSheet("color: #37474f;")
            self.hint.setText(self.tr("%1 selected").replace("%1", str(count)))
        else:
            self.hint.setStyleSheet(f"color: {ERROR_COLOR};")

    def options(self) -> dict[str, object]:
        extra = {"stars": self.stars.value()} if self.current_kind == "rating" and self.stars.value() else {}
        return {"layout": self.layout_box.currentData() or None, "preprinted": self.preprinted.isChecked(),
                "extra": extra}


class RevokeDialog(FormDialog):
    """Ask why; OK waits for a reason (revocation is recorded and cannot be undone). ``revoke`` takes
    the reason and revokes while the dialog is open, so a refusal keeps the reason typed."""

    def __init__(self, serial: str, parent: QWidget | None = None,
                 revoke: Callable[[str], object] | None = None) -> None:
        super().__init__(self.tr("Revoke certificate %1").replace("%1", serial), [
            Field("warning", "", "label",
                  self.tr("The serial stays used and verification will fail. This cannot be undone.")),
            Field("reason", self.tr("Reason"), "multiline", required=True, height=90,
                  placeholder=self.tr("Why is this certificate revoked? (required)"),
                  check=lambda v, _: "" if len(v) >= 2 else self.tr("say in a few words why.")),
        ], parent, submit=(lambda v: revoke(v["reason"])) if revoke else None, ok_text=self.tr("&Revoke"))

    def text(self) -> str:
        return self.reason.toPlainText().strip()


class VerifyDialog(QDialog):
    """Type or scan a verification code; the register answers offline."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Verify a certificate"))
        self.resize(520, 260)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Verification code, e.g. ABCD-2345, or the QR text"))
        self.check_button = QPushButton(self.tr("&Check"))
        self.check_button.setDefault(True)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button.clicked.connect(self.check)
        self.code.returnPressed.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.check_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.verdict, 1)
        layout.addWidget(close)

    def check(self) -> None:
        verdict = call(self, verify_certificate, self.ws, self.code.text())
        if verdict is None:
            self.verdict.clear()
            return
        color = "#1b5e20" if verdict.valid else ERROR_COLOR
        head = self.tr("Valid") if verdict.valid else self.tr("Not valid")
        self.verdict.setText(f"<b style='color:{color}; font-size:16px'>{head}</b><br>{verdict.message}")


class SetupDialog(FormDialog):
    """This PC's paper mode and calibration; the site's serial prefix, issuer, seal and logo."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        self.ws = ws
        setup = get_setup(ws)
        super().__init__(self.tr("Certificate printing setup"), [
            Field("preprinted", "", "check", setup.preprinted, text=self.tr("Print on pre-printed paper by default")),
            Field("dx", self.tr("Move &right by:"), "float", setup.offset_x_mm, minimum=-30, maximum=30,
                  suffix=" mm"),
            Field("dy", self.tr("Move &down by:"), "float", setup.offset_y_mm, minimum=-30, maximum=30,
                  suffix=" mm"),
            Field("prefix", self.tr("Serial &prefix:"), default=setup.prefix),
            Field("issuer", self.tr("&Issuer:"), default=setup.issuer),
            Field("center", self.tr("Incubation &center:"), default=setup.center),
        ], parent, ok=FormDialog.Std.Save, submit=lambda v: save_setup(
            ws, preprinted=v["preprinted"], offset_x_mm=v["dx"], offset_y_mm=v["dy"], prefix=v["prefix"],
            issuer=v["issuer"], center=v["center"]))
        self.seal_label, self.logo_label = QLabel(), QLabel()
        for which, label in (("seal", self.seal_label), ("logo", self.logo_label)):
            choose = QPushButton(self.tr("Choose..."))
            clear = QPushButton(self.tr("Remove"))
            choose.clicked.connect(lambda _c=False, w=which: self.choose_image(w))
            clear.clicked.connect(lambda _c=False, w=which: self._set_image(w, None))
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(choose)
            row.addWidget(clear)
            self.forms[0].addRow(self.tr("Seal image:") if which == "seal" else self.tr("Logo image:"), row)
        self._show_images(setup.seal, setup.logo)

    def _show_images(self, seal: Path | None, logo: Path | None) -> None:
        none = self.tr("(none)")
        self.seal_label.setText(self.tr("set") if seal else none)
        self.logo_label.setText(self.tr("set") if logo else none)

    def choose_image(self, which: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose image"), str(Path.home()),
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self._set_image(which, Path(path))

    def _set_image(self, which: str, path: Path | None) -> None:
        setup = call(self, set_image, self.ws, which, path)
        if setup is not None:
            self._show_images(setup.seal, setup.logo)

