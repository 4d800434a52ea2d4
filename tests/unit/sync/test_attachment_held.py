"""A bundle's attachments on a Windows PC (issue 20 point 3): antivirus holds each fresh file for a
moment before it may be renamed into the attachments folder; the import waits instead of failing."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from tests.unit.sync.support import pair
from yichao.app.sync import export_bundle, import_bundle
from yichao.models.org_attachment import Attachment
from yichao.models.organization import Organization


def test_an_attachment_the_antivirus_holds_twice_arrives(make_workspace, tmp_path, monkeypatch):
    monkeypatch.setattr("yichao.app.core.file_ops.DELAYS", (0.0,) * 8)
    street = make_workspace("street", "370102001", "甸柳街道", "370102")
    district = make_workspace("district", "370102", "历下区", "")
    pair(street, district, tmp_path)
    content = "身份证扫描件".encode() * 100
    sha = hashlib.sha256(content).hexdigest()
    blob = street.data_dir / "attachments" / sha[:2] / sha
    blob.parent.mkdir(parents=True)
    blob.write_bytes(content)
    with street.unit() as s:
        org = Organization(name="山水志愿者协会")
        s.add(org)
        s.flush()
        s.add(Attachment(owner_entity="organization", owner_uid=org.uid, sha256=sha, filename="身份证.jpg",
                         size=len(content)))
    bundle = tmp_path / "att.ycb"
    export_bundle(street, district.site.code, bundle)
    real, calls = os.replace, []

    def held(src, dst):
        if Path(dst).name == sha:
            calls.append(dst)
            if len(calls) <= 2:
                raise PermissionError(13, "The process cannot access the file", str(src))
        real(src, dst)

    monkeypatch.setattr(os, "replace", held)
    import_bundle(district, bundle)
    monkeypatch.undo()
    arrived = district.data_dir / "attachments" / sha[:2] / sha
    assert len(calls) == 3 and arrived.read_bytes() == content
    assert not list(arrived.parent.glob("*.part"))
