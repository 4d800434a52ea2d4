"""An organization's files together: its own attachments and the photos of its activities.

A photo is attached to the activity it shows (owner ``org_activity``), so the activity lists how
many it has; the organization's 附件 tab lists them with the organization's own files, captioned
with the activity, so a photo never vanishes from the file."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, or_, select

from yichao.app.core.attachments import AttachmentRow, add_attachment, attachment_row
from yichao.app.core.workspace import Workspace
from yichao.models.org_attachment import Attachment
from yichao.models.org_records import OrgActivity


def org_attachments(ws: Workspace, org_uid: str) -> list[AttachmentRow]:
    """The organization's files, then its activity photos (captioned "活动照片：<活动>")."""
    with ws.read() as session:
        activities = {uid: (title, on) for uid, title, on in session.execute(
            select(OrgActivity.uid, OrgActivity.title, OrgActivity.on)
            .where(OrgActivity.org_uid == org_uid, OrgActivity.deleted.is_not(True)))}
        stmt = (select(Attachment).where(
            Attachment.deleted.is_not(True),
            or_(Attachment.owner_uid == org_uid,
                (Attachment.owner_entity == "org_activity") & Attachment.owner_uid.in_(list(activities))))
            .order_by(Attachment.owner_entity != "organization", Attachment.updated_at))
        rows = []
        for a in session.scalars(stmt):
            row = attachment_row(a)
            if a.owner_entity == "org_activity":
                title, on = activities[a.owner_uid]
                row = replace(row, caption=f"活动照片：{on:%Y-%m-%d} {title}")
            rows.append(row)
        return rows


def photo_counts(ws: Workspace, org_uid: str) -> dict[str, int]:
    """activity uid -> how many photos it has, for one organization's activities."""
    with ws.read() as session:
        stmt = (select(Attachment.owner_uid, func.count())
                .join(OrgActivity, OrgActivity.uid == Attachment.owner_uid)
                .where(Attachment.owner_entity == "org_activity", OrgActivity.org_uid == org_uid,
                       Attachment.deleted.is_not(True)).group_by(Attachment.owner_uid))
        return {uid: int(n) for uid, n in session.execute(stmt)}


def add_activity_photo(ws: Workspace, activity_uid: str, path: str) -> AttachmentRow:
    """Attach a photo to an activity (checked and stored like any attachment)."""
    return add_attachment(ws, "org_activity", activity_uid, path, "")
