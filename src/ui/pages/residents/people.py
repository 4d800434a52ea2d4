"""居民 and 能人库 tabs: the residents list (or the skills register) with filters and details.

The list is a PagedTableModel over the residents service, so it stays instant at 100,000 rows; a
keystroke in the search box re-counts and fetches one page after a short pause. Identity numbers are
masked; "Reveal" shows the full number to staff and admins and is journaled.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from yichao.app import people
from yichao.app.core import ImportReport, Workspace, community_names
from yichao.app.needs import NeedsFilter, query_needs
from yichao.app.people import PeopleFilter, PersonRow, export_people, import_people, value_questions
from yichao.ui.icons import icon
from yichao.ui.models.paged_table_model import ROW_ROLE, PagedTableModel
from yichao.ui.models.people_table import PeopleSource, people_columns
from yichao.ui.operations import call, run_op
from yichao.ui.widgets.confirm import confirm
from yichao.ui.widgets.empty_state import EmptyState, no_match_state, open_admin_tab, show_list_states
from yichao.ui.widgets.filter_banner import FilterBanner
from yichao.ui.widgets.list_keys import searchable_list
from yichao.ui.widgets.table_view import apply_column_widths, make_table_view
from yichao.ui.widgets.value_mapping import ValueAnswers

SEARCH_PAUSE_MS = 150


class PeopleTab(QWidget):
    """``skills=True`` makes it the skills register (能人库): only residents with skills or offers,
    filtered by skill tag."""

    def __init__(self, ws: Workspace, skills: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.skills_mode = ws, skills
        self.communities = community_names(ws)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search: name, pinyin initials (zjg), phone, volunteer number"))
        self.community = QComboBox()
        self.community.addItem(self.tr("All communities"), None)
        for uid, name in self.communities.items():
            self.community.addItem(name, uid)
        self.volunteers = QCheckBox(self.tr("Volunteers"))
        self.heads = QCheckBox(self.tr("Household heads"))
        self.skill = QComboBox()
        self.skill.setEditable(True)
        self.skill.setMinimumWidth(140)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        if skills:
            self.skill.addItem("")
            for tag, _count in people.skill_tag_counts(ws):
                self.skill.addItem(f"{tag}", tag)
            typed = self.skill.lineEdit()
            if typed is not None:  # the skill box is editable, so it has one
                typed.setPlaceholderText(self.tr("Any skill"))
            filters.addWidget(QLabel(self.tr("Skill:")))
            filters.addWidget(self.skill, 1)
        filters.addWidget(self.community, 1)
        filters.addWidget(self.volunteers)
        if not skills:
            filters.addWidget(self.heads)
        self.add_button = QPushButton(icon("add"), self.tr("&New resident..."))
        self.edit_button = QPushButton(icon("edit"), self.tr("&Edit..."))
        self.delete_button = QPushButton(icon("delete"), self.tr("Delete"))
        self.reveal_button = QPushButton(icon("eye"), self.tr("&Reveal identity number"))
        self.import_button = QPushButton(icon("import"), self.tr("&Import roster..."))
        self.export_button = QPushButton(icon("export"), self.tr("E&xport list..."))
        actions = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button, self.reveal_button):
            actions.addWidget(b)
        actions.addStretch()
        for b in (self.import_button, self.export_button):
            actions.addWidget(b)
        self.count_label = QLabel()
        self.uids: tuple[str, ...] | None = None  # the residents behind a dashboard figure, if shown
        self.banner = FilterBanner(self)
        self.banner.cleared.connect(self._show_all)
        self.view = make_table_view(self)
        self.model = PagedTableModel(PeopleSource(ws, self.filter()), people_columns(self.communities, skills), self)
        self.view.setModel(self.model)
        apply_column_widths(
            self.view, [90, 50, 120, 150, 140, 110, 100] if skills else [90, 50, 120, 160, 110, 130, 70, 100]
        )
        self.details = QLabel()
        self.details.setObjectName("personDetails")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumWidth(240)
        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        self.no_communities = EmptyState(self.tr(
            "This street has no communities yet. Every resident belongs to one: add the street's "
            "communities first."), [(self.tr("Add &communities..."),
                                     lambda: open_admin_tab(self, "communities_tab"))], self)
        if skills:
            self.no_people = EmptyState(self.tr(
                "No resident has skills or offers recorded yet. Record them in a resident's details on the "
                "Residents tab (skills, what they offer); they are listed here."),
                [(self.tr("Go to residents"), self._go_to_residents)], self)
        else:
            self.no_people = EmptyState(self.tr(
                "No residents registered yet. Register the first one, or import the street's residents roster "
                "(a spreadsheet with name, identity number, phone and community)."),
                [(self.tr("Register resident..."), self.add), (self.tr("Import roster..."), self.import_roster)],
                self)
        self.no_match = no_match_state(self.tr(
            "No resident matches the search and filters. Clear the filter to see everyone again."),
            self.clear_filters, self)
        layout.addWidget(self.no_communities)
        layout.addWidget(self.no_people)
        layout.addWidget(self.no_match)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)
        layout.addWidget(self.count_label)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_PAUSE_MS)
        self.timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.skill.currentTextChanged.connect(lambda _t: self.timer.start())
        for box in (self.volunteers, self.heads):
            box.toggled.connect(lambda _on: self.apply_filter())
        self.community.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self.show_details())
        self.view.doubleClicked.connect(lambda _i: self.edit())
        searchable_list(self.search, self.view, open_row=self.edit, delete_row=self.delete, apply=self.apply_filter)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.reveal_button.clicked.connect(self.reveal)
        self.import_button.clicked.connect(lambda: self.import_roster())
        self.export_button.clicked.connect(self.export)
        self.import_button.setVisible(not skills)
        # read-only users see everything masked and change nothing (the services refuse anyway)
        self.can_write = ws.user is not None and ws.user.role in ("staff", "admin")
        for b in (self.add_button, self.import_button):
            b.setEnabled(self.can_write)
        for b in self.no_people.buttons:
            b.setEnabled(self.can_write or skills)
        self.model.modelReset.connect(self.update_empty_states)
        self.update_count()
        self.show_details()
        self.update_empty_states()

    # -- day one ------------------------------------------------------------------------------
    def update_empty_states(self) -> None:
        """No communities yet; else no residents yet (what to do) or none that matches (clear the filter)."""
        self.no_communities.show_when(not self.communities)
        show_list_states(None if not self.communities else self.no_people, self.no_match, self.model.rowCount(),
                         lambda: people.count_people(self.ws, PeopleFilter(with_skills_only=self.skills_mode)) > 0)
        if not self.communities:
            self.no_people.hide()

    def refresh_communities(self) -> None:
        """Communities added in 系统管理 meanwhile: in the filter and the dialogs, and the states again."""
        found = community_names(self.ws)
        if found != self.communities:
            self.communities.clear()
            self.communities.update(found)  # the list's column reads this dict
            keep = self.community.currentData()
            self.community.blockSignals(True)
            self.community.clear()
            self.community.addItem(self.tr("All communities"), None)
            for uid, name in found.items():
                self.community.addItem(name, uid)
            self.community.setCurrentIndex(max(0, self.community.findData(keep)))
            self.community.blockSignals(False)
        self.update_empty_states()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh_communities()

    def clear_filters(self) -> None:
        """Everyone again: search, filters and a dashboard figure's selection cleared."""
        self.uids = None
        self.banner.hide()
        self._reset_filters()
        self.apply_filter()

    def _go_to_residents(self) -> None:
        tabs = self.parent()
        while tabs is not None and not isinstance(tabs, QTabWidget):
            tabs = tabs.parent()
        page = tabs.parent() if tabs is not None else None
        residents = getattr(page, "people_tab", None)
        if tabs is not None and residents is not None:
            tabs.setCurrentWidget(residents)

    # -- filtering ----------------------------------------------------------------------------
    def filter(self) -> PeopleFilter:
        return PeopleFilter(self.search.text(), self.community.currentData(), self.volunteers.isChecked(),
                            self.heads.isChecked() and not self.skills_mode,
                            self.skill.currentText().strip() if self.skills_mode else "", self.skills_mode,
                            uids=self.uids)

    def show_records(self, uids: tuple[str, ...] | None, caption: str) -> None:
        """Only ``uids`` (None: everyone), the other filters cleared, the caption above the list."""
        self._reset_filters()
        self.uids = uids
        if uids is None:
            self.banner.hide()
        else:
            self.banner.show_caption(caption)
        self.apply_filter()

    def _reset_filters(self) -> None:
        for widget in (self.search, self.community, self.volunteers, self.heads, self.skill):
            widget.blockSignals(True)
        self.search.clear()
        self.community.setCurrentIndex(0)
        self.volunteers.setChecked(False)
        self.heads.setChecked(False)
        self.skill.setCurrentIndex(0)
        for widget in (self.search, self.community, self.volunteers, self.heads, self.skill):
            widget.blockSignals(False)

    def _show_all(self) -> None:
        self.uids = None
        self.apply_filter()

    def apply_filter(self) -> None:
        self.model.set_source(PeopleSource(self.ws, self.filter()))
        self.update_count()
        self.show_details()

    def update_count(self) -> None:
        self.count_label.setText(self.tr("%1 residents").replace("%1", f"{self.model.rowCount():,}"))

    def reload(self, select_uid: str | None = None) -> None:
        self.model.refresh()
        self.update_count()
        if select_uid and not self._select(select_uid):
            # a record the active filters hide (a new one, say) is shown, not stranded: filters go
            self.uids = None
            self.banner.hide()
            self._reset_filters()
            self.apply_filter()
            self._select(select_uid)
        self.show_details()

    def _select(self, uid: str) -> bool:
        for row in range(min(self.model.rowCount(), 400)):
            if self.model.data(self.model.index(row, 0), ROW_ROLE).uid == uid:
                self.view.selectRow(row)
                return True
        return False

    # -- selection ------------------------------------------------------------------------------
    def current(self) -> PersonRow | None:
        index = self.view.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def show_details(self) -> None:
        p = self.current()
        for b in (self.edit_button, self.delete_button, self.reveal_button):
            b.setEnabled(p is not None and self.can_write)
        if p is None:
            self.details.setText(self.tr("Select a resident to see the details."))
            return
        asked = query_needs(self.ws, NeedsFilter(requester_uid=p.uid), 0, 5, sort="status_at", descending=True)
        served = query_needs(self.ws, NeedsFilter(claimant_uid=p.uid), 0, 5, sort="status_at", descending=True)
        lines = [f"<b>{p.name}</b>　{people.GENDER_LABELS.get(p.gender, '')}",
                 self.tr("Identity number: %1").replace("%1", p.id_masked or "—"),
                 self.tr("Phone: %1").replace("%1", p.phone or "—"),
                 self.tr("Community: %1").replace("%1", self.communities.get(p.community_uid or "", "—")),
                 self.tr("Address: %1").replace("%1", p.address or "—")]
        if p.household_head:
            lines.append(self.tr("Household head"))
        if p.is_volunteer:
            lines.append(self.tr("Volunteer %1").replace("%1", p.volunteer_number))
        if p.skills:
            lines.append(self.tr("Skills: %1").replace("%1", p.skills))
        if p.offers:
            lines.append(self.tr("Offers: %1").replace("%1", p.offers))
        if asked:
            lines.append("<br><b>" + self.tr("Needs asked") + "</b>")
            lines += [f"{n.title}（{n.status_label}）" for n in asked]
        if served:
            lines.append("<br><b>" + self.tr("Needs claimed") + "</b>")
            lines += [f"{n.title}（{n.status_label}）" for n in served]
        self.details.setText("<br>".join(lines))

    # -- actions --------------------------------------------------------------------------------
    def add(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.residents.person_dialog import PersonDialog

        dialog = PersonDialog(self.ws, self.communities, None, self)
        dialog.exec()
        if dialog.saved:
            self.reload(dialog.saved.uid)
        elif dialog.open_existing:
            self.open_person(dialog.open_existing)

    def open_person(self, uid: str) -> None:
        """Show one resident (the duplicate link): filter the list down to them and edit."""
        row = call(self, people.get_person, self.ws, uid)
        if row is None:
            return
        self.search.setText(row.phone or row.name)
        self.apply_filter()
        self.reload(uid)

    def edit(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.residents.person_dialog import PersonDialog

        p = self.current()
        if p is None:
            return
        dialog = PersonDialog(self.ws, self.communities, p, self)
        dialog.exec()
        if dialog.saved:
            self.reload(dialog.saved.uid)
        elif dialog.open_existing:
            self.open_person(dialog.open_existing)

    def delete(self) -> None:
        p = self.current()
        if p is None:
            return
        asked = confirm(self, self.tr("Delete resident"),
                        self.tr("Delete resident %1? The record is kept in the journal.").replace("%1", p.name),
                        self.tr("Delete"))
        if asked and call(self, people.delete_person, self.ws, p.uid) is None:
            self.reload()

    def reveal(self) -> None:
        p = self.current()
        if p is None:
            return
        number = call(self, people.reveal_id_number, self.ws, p.uid)
        if number is not None:
            QMessageBox.information(self, self.tr("Identity number"),
                                    self.tr("%1: %2\n\nThis look-up has been recorded in the journal.")
                                    .replace("%1", p.name).replace("%2", number or self.tr("(not recorded)")))

    def import_roster(self, path: str = "") -> None:
        """Check a roster the clerk picks (or ``path``), show the check, then import it."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import residents roster"), "",
                                                  self.tr("Excel files (*.xlsx)"))
        if not path:
            return

        answers = ValueAnswers()

        def check(add: bool, then) -> None:
            values = answers.value_map
            run_op(self, lambda: import_people(self.ws, Path(path), dry_run=True, skip_invalid=True,
                                               add_communities=add, value_map=values),
                   on_success=then, label=self.tr("Checking the roster..."), with_progress=True)

        def checked(report) -> None:
            # the dialog's module loads on first use
            from yichao.ui.pages.residents.import_dialog import ImportPreviewDialog

            def imported(done: ImportReport) -> None:
                self.reload()
                ImportPreviewDialog.announce(done, self)

            dialog = ImportPreviewDialog(report, self)
            dialog.set_recheck(lambda add: check(add, dialog.show_report))
            if dialog.exec() and dialog.report.valid:
                skip, add = dialog.skip_invalid(), dialog.add_communities()
                run_op(self, lambda progress: import_people(self.ws, Path(path), skip_invalid=skip,
                                                            add_communities=add, progress=progress,
                                                            value_map=answers.value_map),
                       on_success=imported,
                       label=self.tr("Importing residents..."), with_progress=True)

        answers.ask(self, lambda: value_questions(self.ws, Path(path)), lambda _values: check(False, checked))

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export residents"), self.tr("residents.xlsx"),
                                              self.tr("Excel files (*.xlsx)"))
        if not path:
            return

        flt = self.filter()
        run_op(
            self,
            lambda: export_people(self.ws, Path(path), flt),
            on_success=lambda n: QMessageBox.information(
                self,
                self.tr("Export"),
                self.tr("%1 residents written to %2.").replace("%1", str(n)).replace("%2", path),
            ),
            label=self.tr("Exporting..."),
            with_progress=True,
        )
