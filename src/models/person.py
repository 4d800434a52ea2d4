"""Residents (居民): the people who ask for help, volunteer and hold love passbooks."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from yichao.models.base import Base, SyncMixin
from yichao.models.sealed_column import SealedString


def _id_suffix(context: Any) -> str:
    """The last four characters of the identity number being inserted (searchable in clear)."""
    number = context.get_current_parameters().get("id_number")
    return number[-4:].upper() if isinstance(number, str) and not number.startswith("e1:") else ""


class Person(SyncMixin, Base):
    """A resident. The identity number is stored once, sealed (encrypted at rest, see
    ``sealed_column``), and shown masked everywhere; its last four characters are kept in clear in
    ``id_suffix`` so a clerk can search by them."""

    __tablename__ = "person"
    __journal_exclude__ = ("id_number",)
    __sort_keys__ = {"name_sort": "name"}
    __sort_person__ = True  # the journal shows id_masked; the full number stays here
    __table_args__ = (
        # the residents list: live rows in pinyin order, paged by uid and searched by name inside the
        # index alone, volunteers and household heads too (no table lookups: bench_people)
        Index("ix_person_live_initials", "deleted", "name_initials", "uid", "name", "is_volunteer", "household_head"),
        # the same in full-pinyin order (yichao.models.sort_key)
        Index("ix_person_live_sort", "deleted", "name_sort", "uid", "name", "is_volunteer", "household_head"),
        Index("ix_person_live_skills", "deleted", "skills", "offers"),  # 能人库 skill filter, index-only
        Index("ix_person_phone", "phone"),
        Index("ix_person_volunteer_number", "volunteer_number"),
    )

    name: Mapped[str] = mapped_column(String(64), index=True)
    name_initials: Mapped[str] = mapped_column(String(64), default="", index=True)
    name_sort: Mapped[str] = mapped_column(String(200), default="")
    gender: Mapped[str] = mapped_column(String(8), default="")  # male | female
    id_number: Mapped[str | None] = mapped_column(SealedString("person.id_number"), unique=True, nullable=True)
    id_suffix: Mapped[str] = mapped_column(String(4), default=_id_suffix, index=True)
    id_masked: Mapped[str] = mapped_column(String(18), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    community_uid: Mapped[str | None] = mapped_column(
        ForeignKey("community.uid"), nullable=True, index=True
    )
    building: Mapped[str] = mapped_column(String(16), default="")
    unit: Mapped[str] = mapped_column(String(16), default="")
    room: Mapped[str] = mapped_column(String(16), default="")
    household_head: Mapped[bool] = mapped_column(default=False)
    is_volunteer: Mapped[bool] = mapped_column(default=False, index=True)
    volunteer_number: Mapped[str] = mapped_column(String(32), default="")
    skills: Mapped[str] = mapped_column(Text, default="")  # tags separated by "、"
    # 能人库: what the resident offers to do for neighbours, free text ("每周六上门理发")
    offers: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


@event.listens_for(Person.id_number, "set")
def _keep_suffix(target: Person, value: Any, _old: Any, _initiator: Any) -> None:
    """An edited number updates the searchable suffix in the same flush."""
    target.id_suffix = value[-4:].upper() if isinstance(value, str) else ""
