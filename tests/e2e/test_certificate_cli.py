"""The installed `yichao`: print certificate(s), verify, list certificates, demo certificates."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from yichao.app.core.workspace import CLI_USER, open_workspace
from yichao.models.organization import Organization

from .cli import init_street, yichao


@pytest.fixture(scope="module")
def street(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("e2e-cert") / "street"
    init_street(folder)
    ws = open_workspace(folder)
    ws.user = CLI_USER
    uids = {}
    with ws.unit() as s:
        for key, name, stage in (("team", "夕阳情艺术团", "nursery"), ("grad", "红帆志愿服务中心", "graduated"),
                                 ("grad2", "邻里守望服务社", "graduated")):
            org = Organization(name=name, stage=stage)
            s.add(org)
            s.flush()
            uids[key] = org.uid
    ws.close()
    return folder, uids


def list_certs(folder: Path) -> list[dict]:
    r = yichao("list", "certificates", "--json", data_dir=folder)
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]


def test_print_verify_list_and_refusals(street, tmp_path):
    folder, uids = street
    out = tmp_path / "entry.pdf"
    r = yichao("print", "certificate", "entry", "--subject", uids["team"], str(out), data_dir=folder)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"%PDF")
    serial, code, name = r.stdout.splitlines()[0].split("\t")
    assert serial.endswith("-RZ-0001") and name == "夕阳情艺术团"
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "夕阳情艺术团" in text

    rows = list_certs(folder)
    row = next(x for x in rows if x["serial"] == serial)
    assert row["kind"] == "entry" and row["recipient"] == "夕阳情艺术团" and row["status"] == "valid" and row["uid"]

    ok = yichao("verify", code, data_dir=folder)
    assert ok.returncode == 0 and serial in ok.stdout and "夕阳情艺术团" in ok.stdout

    unknown = yichao("verify", "2222-3333" if code != "2222-3333" else "4444-5555", data_dir=folder)
    assert unknown.returncode == 1 and len(unknown.stderr.strip().splitlines()) == 1 and "没有找到" in unknown.stderr

    refused = yichao("print", "certificate", "graduation", "--subject", uids["team"], str(tmp_path / "g.pdf"),
                     data_dir=folder)
    assert refused.returncode == 1 and "还没有出壳" in refused.stderr and "Traceback" not in refused.stderr
    assert not (tmp_path / "g.pdf").exists()
    assert len(list_certs(folder)) == len(rows)  # nothing changed

    usage = yichao("print", "certificate", "diploma", "--subject", "x", str(tmp_path / "d.pdf"), data_dir=folder)
    assert usage.returncode == 2


def test_revoked_certificate_fails_verification(street, tmp_path):
    folder, uids = street
    r = yichao("print", "certificate", "rating", "--stars", "3", "--subject", uids["team"], str(tmp_path / "r.pdf"),
               data_dir=folder)
    assert r.returncode == 0, r.stderr
    serial, code, _ = r.stdout.splitlines()[0].split("\t")
    ws = open_workspace(folder)
    ws.user = CLI_USER
    from yichao.app.certificates.register import revoke_certificate

    revoke_certificate(ws, serial, "评估结果更正")
    ws.close()
    bad = yichao("verify", code, data_dir=folder)
    assert bad.returncode == 1
    assert bad.stderr.strip().splitlines() == [
        f"yichao: 证书 {serial} 已于 {date.today().isoformat()} 作废：评估结果更正。"
    ]
    assert next(x for x in list_certs(folder) if x["serial"] == serial)["status"] == "revoked"


def test_batch_by_year_and_by_file(street, tmp_path):
    folder, uids = street


    out = tmp_path / "grads.pdf"
    r = yichao("print", "certificates", "graduation", "--year", str(date.today().year), str(out), data_dir=folder)
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.splitlines()) == 2
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "Pages:           2" in pages
    listing = tmp_path / "subjects.txt"
    listing.write_text(f"# 两个组织\n{uids['grad']}\n{uids['grad2']}\n", encoding="utf-8")
    again = yichao("print", "certificates", "graduation", "--subjects-file", str(listing), str(tmp_path / "b.pdf"),
                   data_dir=folder)
    assert again.returncode == 0, again.stderr
    assert "补打" in again.stdout  # the same graduates again: reprints, no new serials
    serials = [x["serial"] for x in list_certs(folder) if x["kind"] == "graduation"]
    assert len(serials) == 2 == len(set(serials))
    none = yichao("print", "certificates", "graduation", "--year", "1999", str(tmp_path / "n.pdf"), data_dir=folder)
    assert none.returncode == 1 and "1999" in none.stderr


def _page_size(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    line = next(x for x in info.splitlines() if x.startswith("Page size:"))
    width, _x, height = line.split(":", 1)[1].split()[:3]
    return float(width), float(height)


def test_layout_in_the_clerks_words_and_the_scripts(street, tmp_path):
    """--layout takes 横版/竖版 (and the layouts' own names, for scripts); its help says 横版/竖版."""
    folder, uids = street
    r = yichao("print", "certificate", "--help", data_dir=folder)
    assert "横版" in r.stdout and "竖版" in r.stdout and "landscape or portrait" not in r.stdout
    assert "入驻" in r.stdout and "出壳" in r.stdout  # the kinds in words
    for word, portrait in (("竖版", True), ("横版", False), ("portrait", True), ("landscape", False)):
        out = tmp_path / f"{word}.pdf"
        r = yichao("print", "certificate", "entry", "--subject", uids["team"], "--layout", word, str(out),
                   data_dir=folder)
        assert r.returncode == 0, r.stderr
        width, height = _page_size(out)
        assert (height > width) is portrait, word
    r = yichao("print", "certificate", "entry", "--subject", uids["team"], "--layout", "斜版",
               str(tmp_path / "x.pdf"), data_dir=folder)
    assert r.returncode == 1 and "横版（landscape）、竖版（portrait）" in r.stderr
