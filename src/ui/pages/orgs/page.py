"""组织档案: the list of every organization beside the selected one's file, with a toolbar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from yichao.app import orgs
from yichao.app.core import Workspace, list_communities
from yichao.app.orgs import export_orgs
from yichao.ui.icons import icon
from yichao.ui.operations import call, run_op
from yichao.ui.pages.orgs.detail import OrgDetailView
from yichao.ui.pages.orgs.list_view import OrgListPanel
from yichao.ui.widgets.confirm import confirm
from yichao.ui.widgets.empty_state import EmptyState, no_match_state, open_admin_tab, show_list_states
from yichao.ui.widgets.list_keys import searchable_list


class OrgsPage(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.list = OrgListPanel(ws, self)
        self.detail = OrgDetailView(ws, self)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, name, text, slot, shortcut in (
            ("new", "add", self.tr("&New..."), self.add, QKeySequence.StandardKey.New),
            ("edit", "edit", self.tr("&Edit..."), self.edit, None),
            ("stage", "next", self.tr("Change &stage..."), self.change_stage, None),
            ("residency", "key", self.tr("&Residency..."), self.residency, None),
            ("delete", "delete", self.tr("Delete"), self.delete, None),
            ("rating", "certificates", self.tr("Record &grade..."), self.record_grade, None),
            (None, None, None, None, None),
            ("lists", "settings", self.tr("&Lists..."), self.edit_lists, None),
            ("overdue", "warning", self.tr("&Overdue follow-ups"), self.show_overdue, None),
            ("import", "import", self.tr("&Import..."), self.import_file, None),
            ("export", "export", self.tr("E&xport list..."), self.export, None),
        ):
            if key is None:
                bar.addStretch()
                continue
            b = QPushButton(icon(name), text or "", self)
            b.clicked.connect(slot)
            if shortcut is not None:
                b.setShortcut(QKeySequence(shortcut))
            self.buttons[key] = b
            bar.addWidget(b)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([900, 600])
        # day one: say what to do next, with the button that does it
        self.no_communities = EmptyState(self.tr(
            "This street has no communities yet. Organizations and residents belong to a community: "
            "add the street's communities first."), [(self.tr("Add &communities..."),
                                                      lambda: open_admin_tab(self, "communities_tab"))], self)
        self.no_orgs = EmptyState(self.tr(
            "No organization files yet. Add the first one, or import the street's organization roster."),
            [(self.tr("New organization..."), self.add), (self.tr("Import roster..."), self.import_file)], self)
        self.no_match = no_match_state(self.tr(
            "No organization matches the search and filters. The street has organization files: clear the "
            "filter to see them all."), self.list.clear_filters, self)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.no_communities)
        layout.addWidget(self.no_orgs)
        layout.addWidget(self.no_match)
        layout.addWidget(split, 1)
        self.list.current_changed.connect(self.on_current)
        self.list.model.modelReset.connect(self.update_list_states)
        self.list.view.doubleClicked.connect(lambda _i: self.edit())
        searchable_list(self.list.search, self.list.view, open_row=self.edit, delete_row=self.delete,
                        apply=self.list.apply_filter)
        is_admin = ws.user is not None and ws.user.role == "admin"
        self.buttons["lists"].setVisible(is_admin)
        self.buttons["rating"].setVisible(ws.site.role == "district")  # grades are the district's records
        self.on_current("")
        self.update_empty_states()

    def update_empty_states(self) -> None:
        self.no_communities.show_when(not list_communities(self.ws))
        self.update_list_states()

    def update_list_states(self) -> None:
        """None recorded yet (what to do) or none that matches the filter (clear it); as the list changes."""
        show_list_states(self.no_orgs, self.no_match, self.list.model.rowCount(),
                         lambda: bool(orgs.org_uids(self.ws, orgs.OrgFilter(), limit=1)))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.update_empty_states()  # communities may have been added in 系统管理 meanwhile

    def on_current(self, uid: str) -> None:
        self.detail.show_org(uid)
        org = self.detail.org
        for key in ("edit", "delete", "residency", "rating"):
            self.buttons[key].setEnabled(org is not None)
        self.buttons["stage"].setEnabled(org is not None and org.stage != "graduated")
        if org is not None:
            self.buttons["residency"].setText(self.tr("End &residency...") if org.resident
                                              else self.tr("Start &residency..."))

    def show_records(self, target: str, uids: tuple[str, ...] | None, caption: str) -> None:
        """The dashboard's protocol: list only ``uids`` under ``caption``; a single one opens its file."""
        self.list.show_records(uids, caption)

    def _after(self, saved: object) -> None:
        self.update_empty_states()
        if saved is not None:
            uid = getattr(saved, "uid", "")
            self.list.reload(uid)
            self.detail.show_org(uid)

    # -- actions ----------------------------------------------------------------------------
    def add(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.orgs.edit_dialog import OrgDialog

        dialog = OrgDialog(self.ws, None, self)
        dialog.exec()
        self._after(dialog.saved)

    def edit(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.orgs.edit_dialog import OrgDialog

        if self.detail.org is None:
            return
        dialog = OrgDialog(self.ws, self.detail.org, self)
        dialog.exec()
        self._after(dialog.saved)

    def change_stage(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.orgs.stage_dialogs import StageDialog

        if self.detail.org is not None:
            dialog = StageDialog(self.ws, self.detail.org, self)
            dialog.exec()
            self._after(dialog.saved)

    def residency(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.orgs.stage_dialogs import ResidencyDialog

        if self.detail.org is not None:
            dialog = ResidencyDialog(self.ws, self.detail.org, self)
            dialog.exec()
            self._after(dialog.saved)

    def record_grade(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.orgs.records_dialogs import RatingDialog

        if self.detail.org is not None:
            dialog = RatingDialog(self.ws, self.detail.org.uid, self)
            dialog.exec()
            if dialog.saved is not None:
                self.detail.show_org(self.detail.org.uid)
                self.list.reload(self.detail.org.uid)

    def delete(self) -> None:
        org = self.detail.org
        if org is None:
            return
        if confirm(self, self.tr("Delete organization"),
                   self.tr("Delete the file of %1? It stays in the journal.").replace("%1", org.name),
                   self.tr("Delete")):
            call(self, orgs.delete_org, self.ws, org.uid)
            self.list.reload()

    def edit_lists(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.orgs.lookups_dialog import LookupsDialog

        LookupsDialog(self.ws, self).exec()
        self.list.reload_lists()
        self.list.reload()  # category names may have changed
        self.detail.show_org(self.detail.org.uid if self.detail.org else "")

    def show_overdue(self) -> None:
        rows = orgs.overdue_follow_ups(self.ws)
        if not rows:
            QMessageBox.information(self, self.tr("Overdue follow-ups"), self.tr("No follow-up is overdue."))
            return
        lines = [f"{m.follow_up_on.isoformat() if m.follow_up_on else ''}　{m.org_name}　{m.mentor}：{m.findings}"
                 for m in rows[:40]]
        if len(rows) > 40:
            lines.append(self.tr("... and %1 more").replace("%1", str(len(rows) - 40)))
        QMessageBox.information(self, self.tr("Overdue follow-ups (%1)").replace("%1", str(len(rows))),
                                "\n".join(lines))

    def import_file(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.orgs.import_dialog import OrgImportDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import organizations"), "",
                                              self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return
        dialog = OrgImportDialog(self.ws, path, self)
        if dialog.table is not None:
            dialog.exec()
            if dialog.applied:
                self.list.reload_lists()
                self.list.reload()
                self.update_empty_states()

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the list"), "组织档案.xlsx",
                                              self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return
        flt, model = self.list.filter(), self.list.model
        run_op(self, lambda: export_orgs(self.ws, path, flt, model._sort_key or "name", model._descending),
               lambda n: QMessageBox.information(self, self.tr("Export"),
                                                 self.tr("%1 organizations written.").replace("%1", str(n))),
               label=self.tr("Exporting..."))
