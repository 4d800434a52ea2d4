"""A certificate PDF on a Windows PC (issue 20 point 3): antivirus holds the fresh file for a moment,
a viewer may hold the old one for good, a stick may be full. The run waits, or refuses with one
sentence and issues nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.unit.certificates.test_register import issue, make_org
from yichao.app.core.errors import UserError
from yichao.models.certificate import Certificate


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("yichao.app.core.file_ops.DELAYS", (0.0,) * 8)


def _held(monkeypatch: pytest.MonkeyPatch, times: int, error: OSError | None = None) -> list[str]:
    """os.replace onto a .pdf fails ``times`` times (a held file, or ``error``)."""
    real, calls = os.replace, []

    def replace(src, dst):
        if str(dst).endswith(".pdf"):
            calls.append(str(dst))
            if len(calls) <= times:
                raise error or PermissionError(13, "The process cannot access the file", str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return calls


def _certificates(ws) -> int:
    with ws.read() as session:
        return session.scalar(select(func.count()).select_from(Certificate))


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def test_a_fresh_pdf_the_antivirus_holds_twice_is_waited_for(workspace, tmp_path, monkeypatch):
    org = make_org(workspace)
    calls = _held(monkeypatch, 2)
    result = issue(workspace, "entry", org, tmp_path)
    assert len(calls) == 3 and result.path.read_bytes().startswith(b"%PDF")
    assert _certificates(workspace) == 1 and _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "error, words",
    [(None, "占用"), (OSError(28, "No space left on device"), "磁盘已满")],
    ids=["open-in-a-viewer", "full-stick"],
)
def test_a_pdf_that_cannot_be_put_in_place_issues_nothing(workspace, tmp_path, monkeypatch, error, words):
    org = make_org(workspace)
    _held(monkeypatch, 100, error)
    with pytest.raises(UserError, match=words) as caught:
        issue(workspace, "entry", org, tmp_path)
    assert "\n" not in caught.value.message and "c.pdf" in caught.value.message
    monkeypatch.undo()
    assert _certificates(workspace) == 0  # no serial taken for a certificate nobody can print
    assert _leftovers(tmp_path) == [] and not (tmp_path / "c.pdf").exists()


def test_the_certificate_key_made_on_first_use_waits_for_the_antivirus(tmp_path, monkeypatch):
    from yichao.app.certificates.verification import folder_key

    real, calls = os.replace, []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) <= 2:
            raise PermissionError(13, "The process cannot access the file", str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    key = folder_key(tmp_path)
    monkeypatch.undo()
    assert len(calls) == 3 and key is not None and folder_key(tmp_path, create=False) == key
