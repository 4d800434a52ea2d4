"""系统管理: users, communities, journal, settings and backups, as tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from yichao.app.core import Workspace, offers
from yichao.ui.icons import icon
from yichao.ui.pages.admin.backups import BackupsTab
from yichao.ui.pages.admin.communities import CommunitiesTab
from yichao.ui.pages.admin.journal import JournalTab
from yichao.ui.pages.admin.settings import SettingsTab
from yichao.ui.pages.admin.users import UsersTab


class AdminPage(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.tabs = QTabWidget()

        self.users_tab = UsersTab(ws, self)
        # the street keeps the list of communities; an office is not offered it (the services refuse too)
        self.communities_tab = CommunitiesTab(ws, self) if offers(ws.site.role, "communities") else None
        self.journal_tab = JournalTab(ws, self)
        self.tabs.addTab(self.users_tab, icon("users"), self.tr("Users"))
        if self.communities_tab is not None:
            self.tabs.addTab(self.communities_tab, icon("communities"), self.tr("Communities"))
        self.tabs.addTab(self.journal_tab, icon("journal"), self.tr("Journal"))

        self.settings_tab = SettingsTab(ws, self)
        self.backups_tab = BackupsTab(ws, self)
        self.tabs.addTab(self.settings_tab, icon("settings"), self.tr("Settings"))
        self.tabs.addTab(self.backups_tab, icon("backup"), self.tr("Backups"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
