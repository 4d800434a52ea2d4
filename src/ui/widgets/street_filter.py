"""The street of each record in a district's own lists (issue 14): a 街道 filter above the list and
a 街道 column in it. A street's own site lists only its own records: the filter stays hidden and
the list has no such column."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from yichao.app.core import Workspace
from yichao.app.sync import street_names
from yichao.ui.models.paged_table_model import Column


class StreetFilter(QComboBox):
    """全部街道, then each street whose records this district holds; ``origin()`` is the chosen code."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("street-filter")
        self.district = ws.site.role == "district"
        self.streets: dict[str, str] = street_names(ws) if self.district else {}
        self.addItem(self.tr("All streets"), "")
        for code, name in sorted(self.streets.items()):
            self.addItem(name, code)
        self.setToolTip(self.tr("Only the records of one street"))
        self.setVisible(self.district)

    def origin(self) -> str:
        return str(self.currentData() or "")

    def column(self) -> list[Column]:
        """The 街道 column naming the street that keeps each row's record (none in a street's site)."""
        if not self.district:
            return []
        names = self.streets
        return [Column("origin", QCoreApplication.translate("StreetFilter", "Street"),
                       lambda r: names.get(r.origin, r.origin))]
