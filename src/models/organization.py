"""Organizations (社会组织): the center's core record, from a residents' team to a graduated agency.

Columns referenced by other modules (keep them): uid, name, short_name, kind, stage, community_uid,
credit_code. The district's rating of an organization is a separate record (:mod:`org_records`),
because the street owns this file and the district owns the rating (single writer).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from yichao.models.base import Base, SyncMixin

# codes only: the words shown for them live in yichao.app.orgs.labels
ORG_KINDS = ("association", "service_agency", "foundation", "filed_community_org", "unregistered_team")
# Kinds registered with civil affairs carry a credit code whose 2nd character says the kind.
REGISTERED_KINDS = {"association": "1", "service_agency": "2", "foundation": "3"}
STAGES = ("nursery", "accelerating", "scaling", "graduated", "exited")
PARTY_FORMS = ("none", "independent_branch", "joint_branch", "instructor")


class Organization(SyncMixin, Base):
    """One organization's file. ``domain_uids`` holds the service-domain list entries as
    ``|uid|uid|`` so a filter is one LIKE and the record syncs as one row."""

    __tablename__ = "organization"
    __sort_keys__ = {"name_sort": "name"}

    name: Mapped[str] = mapped_column(String(200), index=True)
    short_name: Mapped[str] = mapped_column(String(100), default="")
    name_initials: Mapped[str] = mapped_column(String(100), default="", index=True)
    # full pinyin, filled by yichao.models.sort_key: the list's order (陈 < 程 < 崔)
    name_sort: Mapped[str] = mapped_column(String(200), default="", index=True)
    # name, short name, leader, credit code and filing number in one column: one LIKE per keystroke
    search_text: Mapped[str] = mapped_column(String(600), default="")
    kind: Mapped[str] = mapped_column(String(24), default="unregistered_team", index=True)
    stage: Mapped[str] = mapped_column(String(16), default="nursery", index=True)
    stage_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    # unique within one site (the service checks it); a district holds each street's record, and two
    # streets that list one organization are a conflict to link, not a refusal (sync/conflicts.py)
    credit_code: Mapped[str | None] = mapped_column(String(18), index=True, nullable=True)
    # why an admin accepted a code whose check character fails (early codes); empty otherwise
    credit_code_waiver: Mapped[str] = mapped_column(String(200), default="")
    filing_number: Mapped[str] = mapped_column(String(40), default="", index=True)
    # when the group began (成立日期); for a registered kind also its registration date
    founded_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    registered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    filed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    category_uid: Mapped[str | None] = mapped_column(ForeignKey("org_lookup.uid"), nullable=True, index=True)
    domain_uids: Mapped[str] = mapped_column(String(400), default="")
    community_uid: Mapped[str | None] = mapped_column(
        ForeignKey("community.uid"), nullable=True, index=True
    )
    address: Mapped[str] = mapped_column(String(200), default="")
    leader: Mapped[str] = mapped_column(String(64), default="", index=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    members: Mapped[int] = mapped_column(Integer, default=0)
    volunteers: Mapped[int] = mapped_column(Integer, default=0)
    party_members: Mapped[int] = mapped_column(Integer, default=0)
    party_form: Mapped[str] = mapped_column(String(24), default="none")
    resident: Mapped[bool] = mapped_column(default=False, index=True)
    workstation: Mapped[str] = mapped_column(String(32), default="")
    resident_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    resident_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # 待补: fields a real roster lacked, as |filing_number|...| (one LIKE filters them); cleared
    # when the clerk fills them in
    todo: Mapped[str] = mapped_column(String(200), default="", index=True)


# The lookup table this one points at must be known wherever Organization is.
from yichao.models import org_records as _org_records  # noqa: E402,F401
