"""需求清单 tab: needs as a board by status or as a paged list, with the selected need's details,
full history and matching suggestions beside it. Overdue needs are shown in red."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from yichao.app import needs
from yichao.app.core import Workspace, community_names
from yichao.app.needs import CATEGORIES, STATUS_LABELS, STATUSES, NeedRow, NeedsFilter, export_needs
from yichao.ui.icons import icon
from yichao.ui.models.need_table import OVERDUE_COLOR, NeedsSource, need_columns
from yichao.ui.models.paged_table_model import ROW_ROLE, PagedTableModel
from yichao.ui.operations import call, run_op
from yichao.ui.pages.residents.need_import import import_need_list
from yichao.ui.widgets.confirm import confirm
from yichao.ui.widgets.empty_state import EmptyState, no_match_state, show_list_states
from yichao.ui.widgets.filter_banner import FilterBanner
from yichao.ui.widgets.form import Field, ask
from yichao.ui.widgets.list_keys import row_keys, searchable_list
from yichao.ui.widgets.table_view import apply_column_widths, make_table_view

UID_ROLE = Qt.ItemDataRole.UserRole + 1
BOARD_PER_STATUS = 50


FLOW_KEYS = ("publish", "claim", "release", "start", "finish", "review", "cancel")


class NeedsBoard(QWidget):
    """One column per status: the first needs of each (soonest due first) and the full count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers: dict[str, QLabel] = {}
        self.lists: dict[str, QListWidget] = {}
        self.on_select = lambda uid: None
        layout = QHBoxLayout(self)
        layout.setSpacing(6)
        for status in STATUSES:
            column = QVBoxLayout()
            header = QLabel()
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setStyleSheet("font-weight: bold; padding: 4px; background: #eceff1; border-radius: 3px;")
            items = QListWidget()
            items.setWordWrap(True)
            items.setMinimumWidth(104)  # seven columns and the side panel fit a 1366-pixel screen
            items.setObjectName(f"board_{status}")
            items.setStyleSheet("QListWidget::item { border-bottom: 1px solid #dfe3e6; padding: 3px 2px; }"
                                "QListWidget::item:selected { background: #bbdefb; color: #0d47a1; }")
            items.currentItemChanged.connect(lambda item, _prev, s=status: self._picked(s, item))
            column.addWidget(header)
            column.addWidget(items, 1)
            layout.addLayout(column, 1)
            self.headers[status], self.lists[status] = header, items

    def fill(self, columns: dict[str, list[NeedRow]], counts: dict[str, int]) -> None:
        for status in STATUSES:
            self.headers[status].setText(f"{STATUS_LABELS[status]}  {counts.get(status, 0):,}")
            items = self.lists[status]
            items.blockSignals(True)
            items.clear()
            for n in columns.get(status, []):
                due = n.due_date.strftime("%m-%d") if n.due_date else ""
                line2 = "  ".join(x for x in (n.category, n.urgency_label if n.urgency != "normal" else "", due) if x)
                item = QListWidgetItem(f"{n.title}\n{line2}")
                item.setData(UID_ROLE, n.uid)
                item.setToolTip(n.description or n.title)
                if n.overdue:
                    item.setForeground(QBrush(QColor(OVERDUE_COLOR)))
                items.addItem(item)
            items.blockSignals(False)

    def _picked(self, status: str, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        for other, items in self.lists.items():
            if other != status:
                items.blockSignals(True)
                items.setCurrentRow(-1)
                items.clearSelection()
                items.blockSignals(False)
        self.on_select(item.data(UID_ROLE))


class NeedsTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.communities = community_names(ws)
        self.need: NeedRow | None = None
        # filters
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search: title, pinyin initials, claimant"))
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), "")
        for c in CATEGORIES:
            self.category.addItem(c, c)
        self.community = QComboBox()
        self.community.addItem(self.tr("All communities"), None)
        for uid, name in self.communities.items():
            self.community.addItem(name, uid)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), "")
        for s in STATUSES:
            self.status.addItem(STATUS_LABELS[s], s)
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.board_button = QPushButton(icon("dashboard"), self.tr("&Board"))
        self.list_button = QPushButton(icon("needs"), self.tr("&List"))
        views = QButtonGroup(self)
        for b in (self.board_button, self.list_button):
            b.setCheckable(True)
            views.addButton(b)
        self.board_button.setChecked(True)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for w in (self.category, self.community, self.status, self.overdue, self.board_button, self.list_button):
            filters.addWidget(w)
        # actions
        self.buttons: dict[str, QPushButton] = {
            "new": QPushButton(icon("add"), self.tr("&New need...")),
            "edit": QPushButton(icon("edit"), self.tr("&Edit...")),
            "delete": QPushButton(icon("delete"), self.tr("Delete")),
            "publish": QPushButton(self.tr("&Publish")),
            "claim": QPushButton(self.tr("&Claim...")),
            "release": QPushButton(self.tr("Re&lease")),
            "start": QPushButton(self.tr("&Start service")),
            "finish": QPushButton(self.tr("&Finish")),
            "review": QPushButton(self.tr("Re&view...")),
            "cancel": QPushButton(self.tr("Cancel need...")),
            "for_org": QPushButton(icon("orgs"), self.tr("For an &organization...")),
            "import": QPushButton(icon("import"), self.tr("&Import list...")),
            "export": QPushButton(icon("export"), self.tr("E&xport list...")),
        }
        actions = QHBoxLayout()  # record actions; the status flow gets a row of its own
        flow = QHBoxLayout()
        for key, b in self.buttons.items():
            if key == "for_org":
                actions.addStretch()
            (flow if key in FLOW_KEYS else actions).addWidget(b)
            b.clicked.connect(lambda _c=False, k=key: self.act(k))
        flow.addStretch()
        # views
        self.can_write = ws.user is not None and ws.user.role in ("staff", "admin")
        self.buttons["new"].setEnabled(self.can_write)
        self.buttons["import"].setEnabled(self.can_write)
        self.uids: tuple[str, ...] | None = None  # the needs behind a dashboard figure, if shown
        self.banner = FilterBanner(self)
        self.banner.cleared.connect(self._show_all)
        self.board = NeedsBoard(self)
        self.board.on_select = self.select
        self.view = make_table_view(self)
        self.model = PagedTableModel(NeedsSource(ws, self.filter()), need_columns(self.communities), self)
        self.view.setModel(self.model)
        apply_column_widths(self.view, [200, 70, 70, 70, 150, 110, 80, 150, 50])
        self.view.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # soonest due first
        self.view.selectionModel().currentRowChanged.connect(self._list_picked)
        self.stack = QStackedWidget()
        board_holder = QScrollArea()  # seven status columns scroll on a narrow screen
        board_holder.setWidgetResizable(True)
        board_holder.setFrameShape(QFrame.Shape.NoFrame)
        board_holder.setWidget(self.board)
        self.stack.addWidget(board_holder)
        self.stack.addWidget(self.view)
        # details
        self.details = QLabel()
        self.details.setObjectName("needDetails")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = QListWidget()
        self.history.setObjectName("needHistory")
        self.history.setWordWrap(True)
        self.suggestions = QListWidget()
        self.suggestions.setObjectName("needSuggestions")
        self.suggestions.setWordWrap(True)
        side_tabs = QTabWidget()
        side_tabs.addTab(self.history, icon("journal"), self.tr("History"))
        side_tabs.addTab(self.suggestions, icon("search"), self.tr("Suggestions"))
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.details)
        side_layout.addWidget(side_tabs, 1)
        side.setMinimumWidth(260)
        split = QSplitter()
        split.addWidget(self.stack)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addLayout(flow)
        # day one: what to do when nothing is recorded yet; when nothing matches, the way back
        self.no_needs = EmptyState(self.tr(
            "No needs recorded yet. Record a resident's need, or import the street's need list."),
            [(self.tr("New need..."), lambda: self.act("new")),
             (self.tr("Import list..."), lambda: self.act("import"))], self)
        for b in self.no_needs.buttons:
            b.setEnabled(self.can_write)
        self.no_match = no_match_state(self.tr(
            "No need matches the search and filters. Clear the filter to see every need again."),
            self.clear_filters, self)
        layout.addWidget(self.no_needs)
        layout.addWidget(self.no_match)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)
        layout.addWidget(self.count_label)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        for combo in (self.category, self.community, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.overdue.toggled.connect(lambda _on: self.reload())
        self.board_button.toggled.connect(lambda on: self.show_board(on))
        self.view.doubleClicked.connect(lambda _i: self.act("edit"))
        # the list keyboard on the list and on every column of the board: Enter opens, Delete deletes
        searchable_list(self.search, self.view, open_row=self.open_current, delete_row=self.delete,
                        apply=self.reload, results=self.results_view)
        for items in self.board.lists.values():
            row_keys(items, open_row=self.open_current, delete_row=self.delete)
        self.reload()

    # -- data -----------------------------------------------------------------------------------
    def filter(self) -> NeedsFilter:
        return NeedsFilter(self.search.text(), self.status.currentData() or "", self.category.currentData() or "",
                           self.community.currentData(), self.overdue.isChecked(), uids=self.uids)

    def show_records(self, uids: tuple[str, ...] | None, caption: str) -> None:
        """As a list: only ``uids`` (None: every need), the other filters cleared, the caption above."""
        self._reset_filters()
        self.uids = uids
        if uids is None:
            self.banner.hide()
        else:
            self.banner.show_caption(caption)
        self.list_button.setChecked(True)  # one row per counted need
        self.reload()

    def _reset_filters(self) -> None:
        widgets = (self.search, self.status, self.category, self.community, self.overdue)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.status, self.category, self.community):
            combo.setCurrentIndex(0)
        self.overdue.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)

    def _show_all(self) -> None:
        self.uids = None
        self.reload()

    def clear_filters(self) -> None:
        """Every need again: search, filters and a dashboard figure's selection cleared."""
        self.uids = None
        self.banner.hide()
        self._reset_filters()
        self.reload()

    def show_board(self, on: bool) -> None:
        self.stack.setCurrentIndex(0 if on else 1)
        self.status.setEnabled(not on)  # the board shows every status side by side
        self.reload()

    def reload(self) -> None:
        flt = self.filter()
        if self.stack.currentIndex() == 0:
            counts = needs.status_counts(self.ws, flt)
            self.board.fill(needs.board(self.ws, flt, BOARD_PER_STATUS), counts)
            total = sum(counts.values())
        else:
            self.model.set_source(NeedsSource(self.ws, flt))
            total = self.model.rowCount()
        self.count_label.setText(self.tr("%1 needs").replace("%1", f"{total:,}"))
        show_list_states(self.no_needs, self.no_match, total, lambda: needs.count_needs(self.ws) > 0)
        if self.need is not None:
            self.select(self.need.uid)
        else:
            self.show_need()

    def _list_picked(self, current, _previous) -> None:
        row = self.model.data(current, ROW_ROLE) if current.isValid() else None
        if row is not None:
            self.select(row.uid)

    def select(self, uid: str) -> None:
        self.need = call(self, needs.get_need, self.ws, uid)
        self.show_need()

    def show_need(self) -> None:
        n = self.need
        allowed = set(needs.allowed_actions(n.status)) if n else set()
        for key, b in self.buttons.items():
            if key in ("new", "import", "export", "for_org"):
                continue
            editable = key in allowed or (key == "edit" and n is not None and n.status in ("draft", "published")) \
                or (key == "delete" and n is not None and needs.deletable(n.status))
            b.setEnabled(n is not None and editable and self.can_write)
        self.history.clear()
        self.suggestions.clear()
        if n is None:
            self.details.setText(self.tr("Select a need to see its details and history."))
            return
        due = n.due_date.isoformat() if n.due_date else "—"
        if n.overdue:
            due = f"<span style='color:{OVERDUE_COLOR}'>{due} " + self.tr("(overdue)") + "</span>"
        lines = [f"<b>{n.title}</b>", f"{n.category} · {n.status_label} · {n.urgency_label}",
                 self.tr("Community: %1").replace("%1", self.communities.get(n.community_uid or "", "—")),
                 self.tr("Asked by: %1").replace("%1", n.requester_name or "—"),
                 self.tr("Due: %1").replace("%1", due),
                 self.tr("Reward points: %1").replace("%1", str(n.reward_points))]
        if n.claimant_name:
            lines.append(
                self.tr("Claimed by: %1").replace(
                    "%1", f"{needs.CLAIMANT_KIND_LABELS.get(n.claimant_kind, '')}“{n.claimant_name}”"
                )
            )
        if n.satisfaction:
            stars = self.tr("Satisfaction: %1").replace("%1", "★" * n.satisfaction)
            lines.append(stars + (f"　{n.review_comment}" if n.review_comment else ""))
        if n.description:
            lines.append(n.description)
        self.details.setText("<br>".join(lines))
        for step in needs.need_history(self.ws, n.uid):
            when = step.at.astimezone().strftime("%Y-%m-%d %H:%M")
            moved = f"{STATUS_LABELS.get(step.from_status, '')} → {STATUS_LABELS[step.to_status]}" if step.from_status \
                else STATUS_LABELS[step.to_status]
            self.history.addItem(f"{when}  {moved}  ({step.by_user})" + (f"\n{step.note}" if step.note else ""))
        if n.status in ("draft", "published"):
            for s in needs.orgs_for_need(self.ws, n.uid, 5) + needs.people_for_need(self.ws, n.uid, 8):
                self.suggestions.addItem(f"{s.name}（{s.score}）\n{s.reason}")
            if not self.suggestions.count():
                self.suggestions.addItem(self.tr("No organization or resident fits this need yet."))
        else:
            self.suggestions.addItem(self.tr("Suggestions are shown while a need waits for a claim."))

    # -- actions --------------------------------------------------------------------------------
    def act(self, key: str) -> None:
        n = self.need
        done: NeedRow | None = None
        if key == "new" or key == "edit":
            # the dialog's module loads on first use
            from yichao.ui.pages.residents.need_dialog import NeedDialog

            dialog = NeedDialog(self.ws, self.communities, n if key == "edit" else None, self)
            dialog.exec()
            done = dialog.saved
        elif key == "export":
            self.export()
            return
        elif key == "delete":
            self.delete()
            return
        elif key == "import":
            import_need_list(self, self.ws, self.reload)
            return
        elif key == "for_org":
            # the dialog's module loads on first use
            from yichao.ui.pages.residents.needs_for_org_dialog import NeedsForOrgDialog

            org_dialog = NeedsForOrgDialog(self.ws, self)
            if org_dialog.exec() and org_dialog.chosen:
                self.select(org_dialog.chosen)
            return
        elif n is None:
            return
        elif key == "claim":
            # the dialog's module loads on first use
            from yichao.ui.pages.residents.claim_dialog import ClaimDialog

            claim_dialog = ClaimDialog(self.ws, n, self)
            claim_dialog.exec()
            done = claim_dialog.saved
        elif key == "review":
            # the dialog's module loads on first use
            from yichao.ui.pages.residents.review_dialog import ReviewDialog

            review_dialog = ReviewDialog(self.ws, n, self)
            review_dialog.exec()
            done = review_dialog.saved
        elif key in ("cancel", "release"):
            label = self.tr("Why is the need cancelled?") if key == "cancel" else self.tr("Why is the claim released?")
            act = needs.cancel if key == "cancel" else needs.release
            done = ask(self, self.buttons[key].text().replace("&", "").rstrip("."),
                       [Field("reason", label, "multiline", required=True)],
                       submit=lambda v: act(self.ws, n.uid, v["reason"]))
        else:
            step = {"publish": needs.publish, "start": needs.start_service, "finish": needs.finish_service}[key]
            done = call(self, step, self.ws, n.uid)
        if done is not None:
            self.need = done
            if key == "new" and not self._shown(done):
                # saved while filters hide it: show it rather than strand it
                self.uids = None
                self.banner.hide()
                self._reset_filters()
            self.reload()
            self._select_row(done.uid)

    def results_view(self) -> QAbstractItemView:
        """Where Enter or Down in the search box goes: the list, or the board's first column with needs."""
        if self.stack.currentIndex() == 1:
            return self.view
        return next((items for items in self.board.lists.values() if items.count()),
                    next(iter(self.board.lists.values())))

    def open_current(self) -> None:
        """Enter on a need: edit it while it can be edited; otherwise its history, beside, takes the focus."""
        if self.need is None:
            return
        if self.buttons["edit"].isEnabled():
            self.act("edit")
        else:
            self.history.setFocus()

    def delete(self) -> None:
        n = self.need
        if n is None or not self.buttons["delete"].isEnabled():
            return
        if not confirm(self, self.tr("Delete need"),
                       self.tr("Delete the need %1? The journal keeps it.").replace("%1", f"“{n.title}”"),
                       self.tr("Delete")):
            return
        if call(self, lambda: needs.delete_need(self.ws, n.uid) or True):
            self.need = None
            self.reload()

    def _shown(self, row: NeedRow) -> bool:
        """Whether the current filters let ``row`` through."""
        if self.uids is not None and row.uid not in self.uids:
            return False
        return sum(needs.status_counts(self.ws, replace(self.filter(), uids=(row.uid,))).values()) > 0

    def _select_row(self, uid: str) -> None:
        if self.stack.currentIndex() == 1:
            for row in range(min(self.model.rowCount(), 400)):
                if self.model.data(self.model.index(row, 0), ROW_ROLE).uid == uid:
                    self.view.selectRow(row)
                    return

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export needs"), self.tr("needs.xlsx"),
                                              self.tr("Excel files (*.xlsx)"))
        if not path:
            return

        flt = self.filter()
        run_op(
            self,
            lambda: export_needs(self.ws, Path(path), flt),
            on_success=lambda count: QMessageBox.information(
                self,
                self.tr("Export"),
                self.tr("%1 needs written to %2.").replace("%1", str(count)).replace("%2", path),
            ),
            label=self.tr("Exporting..."),
            with_progress=True,
        )
