"""The organization profile form: validates as the clerk types and names the field that is wrong.

The checks here are the quick ones (identifiers, dates, counts); the service repeats every check
(and the uniqueness ones) when saving, so nothing the form misses can be saved, and a refusal keeps
everything typed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from yichao.app import orgs
from yichao.app.core import USER_ERRORS, Workspace, community_names, list_communities, message_of
from yichao.app.orgs import KIND_LABELS, PARTY_FORM_LABELS, REGISTERED_KINDS, OrgDetail, OrgInput, list_lookups
from yichao.models.identifiers import validate_credit_code, validate_phone
from yichao.ui.widgets.form import Field, FormDialog


def _bad_check_only(code: str) -> bool:
    """True when ``code`` is well formed and only its check character fails (early codes)."""
    try:
        validate_credit_code(code)
        return False
    except USER_ERRORS:
        try:
            validate_credit_code(code, allow_bad_check=True)
            return True
        except USER_ERRORS:
            return False


class OrgDialog(FormDialog):
    """New (``detail`` None) or edit. After ``exec``, ``saved`` holds the stored OrgDetail."""

    def __init__(self, ws: Workspace, detail: OrgDetail | None, parent: QWidget | None = None) -> None:
        self.ws, self.detail = ws, detail
        self.is_admin = ws.user is not None and ws.user.role == "admin"
        d = detail
        today = date.today()
        super().__init__(self.tr("Edit organization") if d else self.tr("New organization"), [
            Field("name", self.tr("&Name"), default=d.name if d else "", required=True),
            Field("short_name", self.tr("S&hort name"), default=d.short_name if d else ""),
            Field("kind", self.tr("&Kind"), "choice", d.kind if d else "unregistered_team",
                  choices=list(KIND_LABELS.items())),
            Field("category", self.tr("Ca&tegory"), "choice", d.category_uid if d else None,
                  choices=[(None, ""), *((e.uid, e.name) for e in list_lookups(ws, "category"))]),
            Field("credit_code", self.tr("Credit &code"), default=d.credit_code if d else "",
                  placeholder=self.tr("18 characters, e.g. 52370102MJ1234561G"), check=self._code_problem),
            Field("waiver", self.tr("Accept failing check because"), default=d.credit_code_waiver if d else "",
                  placeholder=self.tr("Why this early code is accepted (admins only)"),
                  visible=lambda v: self.is_admin and _bad_check_only(v["credit_code"] or "")),
            Field("filing_number", self.tr("&Filing number"), default=d.filing_number if d else ""),
            Field("founded_on", self.tr("Founded on"), "optional_date", d.founded_on if d else None,
                  max_date=today),
            Field("registered_on", self.tr("Registered on"), "optional_date", d.registered_on if d else None,
                  max_date=today),
            Field("filed_on", self.tr("Filed on"), "optional_date", d.filed_on if d else None, max_date=today),
            Field("community", self.tr("Co&mmunity"), "choice", d.community_uid if d else None, column=1,
                  choices=[(None, ""), *_community_choices(ws, d.community_uid if d else None)]),
            Field("address", self.tr("&Address"), default=d.address if d else "", column=1),
            Field("leader", self.tr("&Leader"), default=d.leader if d else "", column=1),
            Field("phone", self.tr("&Phone"), default=d.phone if d else "", column=1,
                  placeholder=self.tr("mobile or 0531-86012345"),
                  check=lambda v, _: validate_phone(v) and "" if v else ""),
            Field("members", self.tr("Members"), "int", d.members if d else 0, maximum=orgs.MAX_COUNT, column=1),
            Field("volunteers", self.tr("Volunteers"), "int", d.volunteers if d else 0, maximum=orgs.MAX_COUNT,
                  column=1),
            Field("party_members", self.tr("Party members"), "int", d.party_members if d else 0,
                  maximum=orgs.MAX_COUNT, column=1),
            Field("party_form", self.tr("Party building"), "choice", d.party_form if d else "none",
                  choices=list(PARTY_FORM_LABELS.items()), column=1),
            Field("domains", self.tr("Service domains"), "checks", list(d.domain_uids) if d else [], column=-1,
                  choices=[(e.uid, e.name) for e in list_lookups(ws, "domain")], height=110),
            Field("notes", self.tr("Notes"), "multiline", d.notes if d else "", column=-1, height=60),
        ], parent, ok=FormDialog.Std.Save, check=self._rule, submit=self._save, width=820)

    def _code_problem(self, code: str, values: dict[str, Any]) -> str:
        if not code:
            return ""
        try:
            validate_credit_code(code)
            return ""
        except USER_ERRORS as exc:
            if self.is_admin and _bad_check_only(code) and (values.get("waiver") or "").strip():
                return ""
            return message_of(exc)

    def _rule(self, v: dict[str, Any]) -> str | tuple[str, str]:
        if v["kind"] in REGISTERED_KINDS and not v["credit_code"]:
            return "credit_code", self.tr("Credit code: required for this kind.")
        if v["members"] and v["party_members"] > v["members"]:
            return "party_members", self.tr("Party members: more than the members.")
        return ""

    def data(self, v: dict[str, Any]) -> OrgInput:
        return OrgInput(
            name=v["name"], kind=v["kind"], short_name=v["short_name"], category_uid=v["category"],
            domain_uids=v["domains"], credit_code=v["credit_code"], filing_number=v["filing_number"],
            founded_on=v["founded_on"], registered_on=v["registered_on"], filed_on=v["filed_on"],
            community_uid=v["community"],
            address=v["address"], leader=v["leader"], phone=v["phone"], members=v["members"],
            volunteers=v["volunteers"], party_members=v["party_members"], party_form=v["party_form"],
            notes=v["notes"],
        )

    def _save(self, v: dict[str, Any]) -> OrgDetail:
        waiver = v["waiver"] if _bad_check_only(v["credit_code"]) else ""
        if self.detail is None:
            return orgs.create_org(self.ws, self.data(v), waiver=waiver)
        return orgs.update_org(self.ws, self.detail.uid, self.data(v), waiver=waiver)


def _community_choices(ws: Workspace, current: str | None) -> list[tuple[str, str]]:
    """The communities in use, plus the record's own if it was retired since (kept, not cleared)."""
    shown = [(c.uid, c.name) for c in list_communities(ws)]
    if current and all(uid != current for uid, _ in shown):
        name = community_names(ws).get(current)
        if name:
            shown.append((current, name))
    return shown
