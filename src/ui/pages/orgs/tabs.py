"""The record tabs of an organization's file: activities, mentoring, subsidies, attachments."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from yichao.app import core, orgs
from yichao.app.core import Workspace
from yichao.app.orgs import MENTORING_LABELS, SUBSIDY_LABELS, SUBSIDY_STATUS_LABELS, lookup_names
from yichao.ui.models.org_rows import CallSource, ListSource
from yichao.ui.models.paged_table_model import ROW_ROLE, Column, PagedTableModel
from yichao.ui.operations import call
from yichao.ui.widgets.buttons import button_row, new_button
from yichao.ui.widgets.confirm import ask_date, confirm
from yichao.ui.widgets.table_view import apply_column_widths, make_table_view


class _Tab(QWidget):
    """A table of one organization's records with buttons above it."""

    def __init__(self, ws: Workspace, columns: list[Column], widths: list[int], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ws, self.org_uid = ws, ""
        self.view = make_table_view(self)
        self.view.setSortingEnabled(False)
        self.model = PagedTableModel(ListSource([]), columns, self)
        self.view.setModel(self.model)
        apply_column_widths(self.view, widths)
        self.summary = QLabel()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 4, 4)

    def finish_layout(self, *buttons) -> None:
        self.layout_.addLayout(button_row(*buttons))
        self.layout_.addWidget(self.view, 1)
        self.layout_.addWidget(self.summary)

    def set_org(self, uid: str) -> None:
        self.org_uid = uid
        self.reload()

    def current(self):
        index = self.view.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def reload(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def run_dialog(self, dialog_class) -> None:
        if not self.org_uid:
            return
        dialog = dialog_class(self.ws, self.org_uid, self)
        dialog.exec()
        if dialog.saved is not None:
            self.reload()


class ActivitiesTab(_Tab):
    """The activities, each with how many photos it has; ``photos_changed`` after one is added."""

    photos_changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        self.domains = lookup_names(ws)
        self.photos: dict[str, int] = {}
        super().__init__(
            ws,
            [
                Column("", QCoreApplication.translate("OrgTabs", "Date"), lambda a: a.on.isoformat()),
                Column("", QCoreApplication.translate("OrgTabs", "Title"), lambda a: a.title),
                Column("", QCoreApplication.translate("OrgTabs", "Place"), lambda a: a.place),
                Column(
                    "",
                    QCoreApplication.translate("OrgTabs", "Domain"),
                    lambda a: self.domains.get(a.domain_uid or "", ""),
                ),
                Column("", QCoreApplication.translate("OrgTabs", "Participants"), lambda a: str(a.participants)),
                Column("", QCoreApplication.translate("OrgTabs", "Beneficiaries"), lambda a: str(a.beneficiaries)),
                Column(
                    "", QCoreApplication.translate("OrgTabs", "Volunteer hours"), lambda a: f"{a.volunteer_hours:g}"
                ),
                Column("", QCoreApplication.translate("OrgTabs", "Photos"), lambda a: str(self.photos.get(a.uid, ""))),
            ],
            [90, 160, 130, 70, 70, 70, 80, 50],
            parent,
        )
        self.finish_layout(
            new_button("add", self.tr("New &activity..."), self.add, self),
            new_button("attachment", self.tr("Add &photo..."), self.add_photo, self),
            new_button("delete", self.tr("Delete"), self.delete, self))

    def reload(self) -> None:
        uid = self.org_uid
        if not uid:
            self.model.set_source(ListSource([]))
            self.summary.setText("")
            return
        self.photos = orgs.photo_counts(self.ws, uid)
        self.model.set_source(CallSource(lambda: orgs.count_activities(self.ws, uid),
                                         lambda o, n: orgs.list_activities(self.ws, uid, o, n)))
        self.summary.setText(self.tr("%1 activities").replace("%1", f"{self.model.rowCount():,}"))

    def add(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.orgs.records_dialogs import ActivityDialog

        self.run_dialog(ActivityDialog)

    def add_photo(self) -> None:
        row = self.current()
        if row is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Photo of the activity"), "",
                                              self.tr("Images (*.jpg *.jpeg *.png)"))
        if path and call(self, orgs.add_activity_photo, self.ws, row.uid, path) is not None:
            self.reload()
            self.photos_changed.emit()

    def delete(self) -> None:
        row = self.current()
        if row is None:
            return
        text = self.tr("Delete the activity “%1” of %2?").replace("%1", row.title).replace("%2", row.on.isoformat())
        more = self.tr("It leaves the organization's record, its photos and the reports; the journal keeps it.")
        if confirm(self, self.tr("Delete activity"), text, self.tr("Delete"), more):
            call(self, orgs.delete_activity, self.ws, row.uid)
            self.reload()


class MentoringTab(_Tab):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        today = date.today()
        super().__init__(
            ws,
            [
                Column("", QCoreApplication.translate("OrgTabs", "Date"), lambda m: m.on.isoformat()),
                Column(
                    "", QCoreApplication.translate("OrgTabs", "Kind"), lambda m: MENTORING_LABELS.get(m.visit_kind, "")
                ),
                Column("", QCoreApplication.translate("OrgTabs", "Mentor"), lambda m: m.mentor),
                Column("", QCoreApplication.translate("OrgTabs", "Findings"), lambda m: m.findings),
                Column(
                    "",
                    QCoreApplication.translate("OrgTabs", "Follow-up"),
                    lambda m: (
                        (m.follow_up_on.isoformat() if m.follow_up_on else "")
                        + (
                            "　" + QCoreApplication.translate("OrgTabs", "done")
                            if m.follow_up_done
                            else ("　" + QCoreApplication.translate("OrgTabs", "overdue") if m.overdue(today) else "")
                        )
                    ),
                    color=lambda m: "#c62828" if m.overdue(today) else None,
                ),
            ],
            [90, 60, 80, 240, 130],
            parent,
        )
        self.finish_layout(
            new_button("add", self.tr("New &visit..."), self.add, self),
            new_button("ok", self.tr("Follow-up &done"), self.done, self))

    def reload(self) -> None:
        rows = orgs.list_mentoring(self.ws, self.org_uid) if self.org_uid else []
        self.model.set_source(ListSource(rows))
        overdue = sum(1 for m in rows if m.overdue(date.today()))
        self.summary.setText(self.tr("%1 overdue follow-ups").replace("%1", str(overdue)) if overdue else "")

    def add(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.orgs.records_dialogs import MentoringDialog

        self.run_dialog(MentoringDialog)

    def done(self) -> None:
        row = self.current()
        if row is not None and call(self, orgs.complete_follow_up, self.ws, row.uid) is not None:
            self.reload()


def _day(day: date | None) -> str:
    return day.isoformat() if day else ""


class SubsidiesTab(_Tab):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(
            ws,
            [
                Column("", QCoreApplication.translate("OrgTabs", "Year"), lambda s: str(s.year)),
                Column(
                    "", QCoreApplication.translate("OrgTabs", "Kind"), lambda s: SUBSIDY_LABELS.get(s.subsidy_kind, "")
                ),
                Column("", QCoreApplication.translate("OrgTabs", "Amount (yuan)"), lambda s: s.amount),
                Column(
                    "",
                    QCoreApplication.translate("OrgTabs", "Status"),
                    lambda s: SUBSIDY_STATUS_LABELS.get(s.status, ""),
                ),
                Column("", QCoreApplication.translate("OrgTabs", "Registered"), lambda s: _day(s.on)),
                Column("", QCoreApplication.translate("OrgTabs", "Approved on"), lambda s: _day(s.approved_on)),
                Column("", QCoreApplication.translate("OrgTabs", "Paid on"), lambda s: _day(s.paid_on)),
                Column("", QCoreApplication.translate("OrgTabs", "Notes"), lambda s: s.notes),
            ],
            [60, 100, 100, 70, 90, 90, 90, 160],
            parent,
        )
        self.finish_layout(
            new_button("add", self.tr("New &subsidy..."), self.add, self),
            new_button("ok", self.tr("A&pprove"), lambda: self.set_status("approved"), self),
            new_button("save", self.tr("Mark &paid"), lambda: self.set_status("paid"), self),
            new_button("revoke", self.tr("Ca&ncel"), lambda: self.set_status("cancelled"), self),
            new_button("export", self.tr("E&xport..."), self.export, self))

    def reload(self) -> None:
        self.model.set_source(ListSource(orgs.list_subsidies(self.ws, self.org_uid) if self.org_uid else []))
        totals = orgs.yearly_totals(self.ws, self.org_uid) if self.org_uid else []
        self.summary.setText("　".join(
            self.tr("%1: granted %2, paid %3 yuan").replace("%1", str(t.year))
            .replace("%2", orgs.format_yuan(t.granted_fen)).replace("%3", orgs.format_yuan(t.paid_fen))
            for t in totals))

    def add(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.orgs.records_dialogs import SubsidyDialog

        self.run_dialog(SubsidyDialog)

    def export(self) -> None:
        """This organization's subsidies, with the approval and payment dates, as .xlsx or .pdf."""
        if not self.org_uid:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export subsidies"), "组织补贴.xlsx",
                                              self.tr("Excel workbooks (*.xlsx);;PDF files (*.pdf)"))
        if not path:
            return
        count = call(self, orgs.export_subsidies, self.ws, path, self.org_uid)
        if count is not None:
            QMessageBox.information(self, self.tr("Export subsidies"),
                                    self.tr("%1 subsidies written to %2.").replace("%1", str(count))
                                    .replace("%2", Path(path).name))

    def set_status(self, status: str) -> None:
        """Approve, pay or cancel: each says what it means; approving and paying ask the day."""
        row = self.current()
        if row is None:
            return
        what = self.tr("the %1 subsidy of %2 yuan for %3").replace("%1", SUBSIDY_LABELS.get(row.subsidy_kind, "")) \
            .replace("%2", row.amount).replace("%3", str(row.year))
        day = None
        if status == "approved":
            day = ask_date(self, self.tr("Approve subsidy"), self.tr(
                "Approve %1? It then counts as granted in the yearly totals; it can still be cancelled until "
                "it is paid.").replace("%1", what), self.tr("Approve"), self.tr("Approved on"), latest=date.today())
            if day is None:
                return
        elif status == "paid":
            text = self.tr("Record that %1 was paid? A paid subsidy cannot be changed or cancelled afterwards.") \
                .replace("%1", what)
            if row.approved_on is not None:
                text += " " + self.tr("It was approved on %1; the payment date cannot be earlier.").replace(
                    "%1", row.approved_on.isoformat())
            day = ask_date(self, self.tr("Mark subsidy paid"), text, self.tr("Mark paid"), self.tr("Paid on"),
                           latest=date.today())
            if day is None:
                return
        elif not confirm(self, self.tr("Cancel subsidy"), self.tr(
                "Cancel %1? A cancelled subsidy cannot be approved or paid again.").replace("%1", what),
                self.tr("Cancel subsidy")):
            return
        if call(self, orgs.set_subsidy_status, self.ws, row.uid, status, day) is not None:
            self.reload()


class AttachmentsTab(_Tab):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, [
            Column("", QCoreApplication.translate("OrgTabs", "File"), lambda a: a.filename),
            Column("", QCoreApplication.translate("OrgTabs", "Size"), lambda a: a.size_label),
            Column("", QCoreApplication.translate("OrgTabs", "Caption"), lambda a: a.caption),
        ], [240, 80, 200], parent)
        self.finish_layout(
            new_button("attachment", self.tr("&Add file..."), self.add, self),
            new_button("preview", self.tr("&Open"), self.open, self),
            new_button("delete", self.tr("Remove"), self.remove, self))
        self.view.doubleClicked.connect(lambda _i: self.open())

    def reload(self) -> None:
        # the organization's own files and its activities' photos
        self.model.set_source(ListSource(orgs.org_attachments(self.ws, self.org_uid) if self.org_uid else []))
        self.summary.setText(self.tr("Up to %1 MB per file.").replace("%1", str(core.MAX_BYTES // 1024 // 1024)))

    def add(self) -> None:
        if not self.org_uid:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
        if path and call(self, core.add_attachment, self.ws, "organization", self.org_uid,
                         Path(path)) is not None:
            self.reload()

    def open(self) -> None:
        row = self.current()
        if row is None:
            return
        path = call(self, core.attachment_file, self.ws, row.uid)
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove(self) -> None:
        row = self.current()
        if row is None:
            return
        text = self.tr("Remove the file “%1” from this organization?").replace("%1", row.filename)
        more = self.tr("It no longer shows here or travels in bundles; the journal records the removal.")
        if confirm(self, self.tr("Remove file"), text, self.tr("Remove"), more):
            call(self, core.remove_attachment, self.ws, row.uid)
            self.reload()
