"""Attachments on a district's shared database (issue 19, gap B): the bytes live in the database, so
a file that arrived in a street's bundle on PC A opens on PC B, one added on B opens on A, and a
bundle exported on A carries bytes only B ever had in its folder. Two data folders, one server."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import create_engine, select, text

from yichao.app.core import (
    CurrentUser,
    Settings,
    add_attachment,
    attachment_file,
    blob_path,
    join,
    list_attachments,
    open_workspace,
)
from yichao.app.core.setup import initialize
from yichao.app.orgs.check import check_orgs
from yichao.app.sync.export import export_bundle
from yichao.app.sync.importer import import_bundle
from yichao.app.sync.keys import export_key_file, trust_key_file
from yichao.models.journal import bulk_insert
from yichao.models.organization import Organization

from .conftest_pg import pg_database  # noqa: F401 - the fixture

PASSWORD = "secret123"
ADMIN = CurrentUser("admin", "admin")


def blobs_on_server(url: str) -> set[str]:
    engine = create_engine(url)
    with engine.connect() as conn:
        held = {r[0] for r in conn.execute(text("SELECT sha256 FROM attachment_blob"))}
    engine.dispose()
    return held


@pytest.fixture
def sites(tmp_path, pg_database):  # noqa: F811
    url = pg_database()
    a = initialize(tmp_path / "A", "district", "370102", "历下区", "admin", PASSWORD, database_url=url)
    a.user = ADMIN
    b = join(tmp_path / "B", url, "admin", PASSWORD)
    street = initialize(tmp_path / "S", "street", "370102001", "甸柳街道", "admin", PASSWORD, "370102", "历下区")
    street.user = ADMIN
    export_key_file(street, tmp_path / "s.key")
    export_key_file(a, tmp_path / "d.key")
    trust_key_file(a, tmp_path / "s.key")
    trust_key_file(street, tmp_path / "d.key")
    yield url, a, b, street
    for ws in (street, b, a):
        ws.close()


def test_an_attachment_received_or_added_on_one_pc_opens_on_the_other(sites, tmp_path):
    url, a, b, street = sites
    with street.unit() as s:
        bulk_insert(s, Organization, [{"name": "山水志愿者协会", "stage": "nursery"}])
        org = s.scalars(select(Organization.uid)).one()
    scan = tmp_path / "章程.pdf"
    scan.write_bytes("章程扫描件".encode() * 1000)
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    add_attachment(street, "organization", org, scan)
    export_bundle(street, "370102", tmp_path / "up.ycb")

    assert import_bundle(a, tmp_path / "up.ycb").attachments == 1  # on PC A
    assert blobs_on_server(url) == {sha}
    assert not blob_path(b.data_dir, sha).exists()
    (row,) = list_attachments(b, org)  # on PC B, which never saw the bundle
    assert attachment_file(b, row.uid).read_bytes() == scan.read_bytes()
    assert blob_path(b.data_dir, sha).exists()  # kept here as a cache from now on

    # a district's own attachment added on B: A opens it, and A's bundle to the street carries it
    photo = tmp_path / "督导照片.jpg"
    photo.write_bytes(b"\xff\xd8" + bytes(range(256)) * 40)
    photo_sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    added = add_attachment(b, "organization", org, photo, caption="督导")
    assert blobs_on_server(url) == {sha, photo_sha}
    assert not blob_path(a.data_dir, photo_sha).exists()
    assert attachment_file(a, added.uid).read_bytes() == photo.read_bytes()
    blob_path(a.data_dir, photo_sha).unlink()  # A's cache gone: the export takes the bytes from the server
    export_bundle(a, "370102001", tmp_path / "down.ycb")
    assert import_bundle(street, tmp_path / "down.ycb").attachments == 1
    assert blob_path(street.data_dir, photo_sha).read_bytes() == photo.read_bytes()

    # yichao check on either PC: nothing missing, though neither folder holds every file
    assert not [p for p in check_orgs(b) if "附件" in p]
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM attachment_blob WHERE sha256 = :s"), {"s": photo_sha})
    engine.dispose()
    blob_path(b.data_dir, photo_sha).unlink()
    assert [p for p in check_orgs(b) if "附件" in p] == [
        "有 1 个附件的文件既不在本机数据文件夹的 attachments 中，也不在区级数据库里。"]


def test_files_the_first_pc_kept_before_the_database_held_bytes_reach_the_other_pcs(sites, tmp_path):
    """A district on PostgreSQL from one PC before issue 19: its attachments' bytes were only in that
    PC's folder. The first start of this version there puts them into the database, once."""
    url, a, b, street = sites
    with a.unit() as s:
        bulk_insert(s, Organization, [{"name": "历下区社会组织联合会", "stage": "nursery"}])
        org = s.scalars(select(Organization.uid)).one()
    scans = []
    for i, name in enumerate(("登记证书.pdf", "章程.pdf")):
        scan = tmp_path / name
        scan.write_bytes(name.encode() * (500 + i))
        scans.append(add_attachment(a, "organization", org, scan))
    damaged = tmp_path / "坏.pdf"
    damaged.write_bytes(b"ok" * 300)
    scans.append(add_attachment(a, "organization", org, damaged))
    shas = {hashlib.sha256(p.read_bytes()).hexdigest() for p in (tmp_path / "登记证书.pdf", tmp_path / "章程.pdf")}
    bad_sha = hashlib.sha256(damaged.read_bytes()).hexdigest()
    folder = a.data_dir
    a.close()
    engine = create_engine(url)
    with engine.begin() as conn:  # as before issue 19: the bytes only in A's folder
        conn.execute(text("DELETE FROM attachment_blob"))
    engine.dispose()
    blob_path(folder, bad_sha).write_bytes(b"changed on disk")  # a damaged copy is not spread
    settings = Settings(folder)
    settings.set("database_url", url)  # as `yichao init --database-url` keeps it
    settings.set("blobs_shared", False)

    again = open_workspace(folder)
    again.close()
    assert blobs_on_server(url) == shas
    assert Settings(folder).get("blobs_shared") is True
    by_uid = {row.uid: row for row in list_attachments(b, org)}
    assert attachment_file(b, scans[1].uid).read_bytes() == (tmp_path / "章程.pdf").read_bytes()
    assert len(by_uid) == 3

    with engine.begin() as conn:  # later starts do not look again
        conn.execute(text("DELETE FROM attachment_blob"))
    engine.dispose()
    open_workspace(folder).close()
    assert blobs_on_server(url) == set()
