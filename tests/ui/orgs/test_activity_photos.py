"""An activity photo is attached to the activity, counted on its row and listed under 附件."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor, QImage

from yichao.app.orgs import OrgInput, add_activity, create_org, org_attachments
from yichao.ui.launch import make_application
from yichao.ui.pages.orgs.detail import OrgDetailView


def test_a_photo_shows_in_the_activity_and_under_attachments(qtbot, workspace, tmp_path, monkeypatch):
    make_application()
    org = create_org(workspace, OrgInput("百合邻里互助会"))
    activity = add_activity(workspace, org.uid, date(2026, 10, 1), "重阳节敬老活动", participants=30)
    photo = tmp_path / "重阳.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image.save(str(photo))
    view = OrgDetailView(workspace)
    qtbot.addWidget(view)
    view.show_org(org.uid)
    view.activities.view.selectRow(0)
    monkeypatch.setattr("yichao.ui.pages.orgs.tabs.QFileDialog.getOpenFileName", lambda *a, **k: (str(photo), ""))
    view.activities.add_photo()
    photos_column = view.activities.model.columnCount() - 1
    assert view.activities.model.index(0, photos_column).data() == "1"
    assert view.attachments.model.rowCount() == 1
    caption = view.attachments.model.index(0, 2).data()
    assert "重阳节敬老活动" in caption and caption.startswith("活动照片")
    rows = org_attachments(workspace, org.uid)
    assert [(r.owner_entity, r.owner_uid, r.filename) for r in rows] == [("org_activity", activity.uid, "重阳.png")]
