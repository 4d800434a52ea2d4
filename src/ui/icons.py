"""Icons by meaning (after Spyder's icon manager): code asks for ``icon("save")``.

qtawesome must not be touched before a QApplication exists (DESIGN.md section 8), so nothing here
runs at import time.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

ICONS: dict[str, str] = {
    "dashboard": "mdi6.view-dashboard-outline",
    "orgs": "mdi6.account-group-outline",
    "projects": "mdi6.presentation",
    "residents": "mdi6.home-heart",
    "passbook": "mdi6.book-open-variant",
    "certificates": "mdi6.certificate-outline",
    "sync": "mdi6.usb-flash-drive-outline",
    "reports": "mdi6.chart-bar",
    "admin": "mdi6.cog-outline",
    "users": "mdi6.account-key-outline",
    "journal": "mdi6.history",
    "backup": "mdi6.backup-restore",
    "settings": "mdi6.tune",
    "add": "mdi6.plus",
    "edit": "mdi6.pencil-outline",
    "delete": "mdi6.delete-outline",
    "save": "mdi6.content-save-outline",
    "search": "mdi6.magnify",
    "refresh": "mdi6.refresh",
    "import": "mdi6.file-import-outline",
    "export": "mdi6.file-export-outline",
    "print": "mdi6.printer-outline",
    "preview": "mdi6.file-eye-outline",
    "lock": "mdi6.lock-outline",
    "unlock": "mdi6.lock-open-variant-outline",
    "key": "mdi6.key-variant",
    "eye": "mdi6.eye-outline",
    "ok": "mdi6.check-circle-outline",
    "warning": "mdi6.alert-outline",
    "error": "mdi6.alert-circle-outline",
    "logout": "mdi6.logout",
    "user": "mdi6.account-circle-outline",
    "calendar": "mdi6.calendar",
    "filter": "mdi6.filter-outline",
    "attachment": "mdi6.paperclip",
    "needs": "mdi6.clipboard-list-outline",
    "previous": "mdi6.chevron-left",
    "next": "mdi6.chevron-right",
    "zoom-in": "mdi6.magnify-plus-outline",
    "zoom-out": "mdi6.magnify-minus-outline",
    "fit": "mdi6.fit-to-page-outline",
    "fit-width": "mdi6.arrow-expand-horizontal",
    "verify": "mdi6.shield-check-outline",
    "revoke": "mdi6.cancel",
    "reprint": "mdi6.printer-pos-refresh-outline",
}


@lru_cache(maxsize=None)
def icon(meaning: str, color: str = "#37474f") -> QIcon:
    import qtawesome

    return qtawesome.icon(ICONS.get(meaning, "mdi6.help-circle-outline"), color=color)
