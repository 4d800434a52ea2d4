"""Add or edit a resident; validates as the clerk types and names the field that is wrong."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from yichao.app.core import Workspace, own_community
from yichao.app.people import DuplicatePerson, PersonInput, PersonRow, create_person, update_person
from yichao.models.identifiers import validate_id_number, validate_phone
from yichao.ui.widgets.form import Field, FormDialog


class PersonDialog(FormDialog):
    """``row`` given: edit it (the identity number stays unless retyped). ``saved`` holds the result;
    ``open_existing`` the uid of the registered resident when the clerk chose to open a duplicate."""

    def __init__(self, ws: Workspace, communities: dict[str, str], row: PersonRow | None = None,
                 parent: QWidget | None = None) -> None:
        self.ws, self.row = ws, row
        self.open_existing: str | None = None
        r = row
        super().__init__(self.tr("Edit resident") if r else self.tr("Add resident"), [
            Field("name", self.tr("&Name:"), default=r.name if r else "", required=True),
            Field("id_number", self.tr("&Identity number:"),
                  placeholder=self.tr("Kept: %1 (type a new number to change)").replace("%1", r.id_masked)
                  if r and r.id_masked else self.tr("18 digits; gender is taken from it"),
                  check=lambda v, _: validate_id_number(v) and "" if v else ""),
            Field("gender", self.tr("&Gender:"), "choice", r.gender if r else "",
                  choices=[("", self.tr("(from the identity number)")), ("male", self.tr("Male")),
                           ("female", self.tr("Female"))]),
            Field("phone", self.tr("&Phone:"), default=r.phone if r else "",
                  check=lambda v, _: validate_phone(v) and "" if v else ""),
            # a new resident at a community savings office starts in the office's own community
            Field("community", self.tr("&Community:"), "choice", r.community_uid if r else own_community(ws),
                  choices=[(None, self.tr("(none)")), *communities.items()]),
            Field("building", self.tr("Address:"), default=r.building if r else "", placeholder=self.tr("Building")),
            Field("unit", self.tr("Unit"), default=r.unit if r else "", placeholder=self.tr("Unit"), inline=True),
            Field("room", self.tr("Room"), default=r.room if r else "", placeholder=self.tr("Room"), inline=True),
            Field("household_head", "", "check", r.household_head if r else False,
                  text=self.tr("Household head (庭户长)")),
            Field("is_volunteer", "", "check", r.is_volunteer if r else False, text=self.tr("Volunteer"),
                  inline=True),
            Field("volunteer_number", self.tr("Volunteer number"), default=r.volunteer_number if r else "",
                  placeholder=self.tr("Volunteer number"), inline=True),
            Field("skills", self.tr("&Skills:"), default=r.skills if r else "",
                  placeholder=self.tr("Tags separated by 、 or commas, e.g. 理发、水电维修")),
            Field("offers", self.tr("&Offers:"), "multiline", r.offers if r else "", height=60,
                  placeholder=self.tr("What the resident offers to do for neighbours")),
            Field("notes", self.tr("N&otes:"), default=r.notes if r else ""),
        ], parent, ok=FormDialog.Std.Save, check=self._rule, submit=self._save)
        self.id_number.setMaxLength(24)

    def _rule(self, v: dict[str, Any]) -> str | tuple[str, str]:
        if v["volunteer_number"] and not v["is_volunteer"]:
            return "volunteer_number", self.tr("Volunteer number: tick 'Volunteer' as well.")
        return ""

    def _save(self, v: dict[str, Any]) -> PersonRow:
        data = PersonInput(v["name"], v["id_number"], v["gender"] or "", v["phone"], v["community"],
                           v["building"], v["unit"], v["room"], v["household_head"], v["is_volunteer"],
                           v["volunteer_number"], v["skills"], v["notes"], v["offers"])
        if self.row is None:
            return create_person(self.ws, data)
        return update_person(self.ws, self.row.uid, data)

    def refused(self, exc: Exception) -> bool:
        """A resident already registered: offer to open that record instead."""
        if not isinstance(exc, DuplicatePerson):
            return False
        self.show_problem(exc.message, "id_number")
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), exc.message, parent=self)
        open_button = box.addButton(self.tr("Open the registered resident"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is open_button:
            self.open_existing = exc.existing_uid
            self.reject()
        return True
