"""`yichao list orgs`, `yichao xlsx import|export orgs` exactly as DESIGN.md section 6 gives them."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from yichao.models.identifiers import make_credit_code

from .cli import init_street, yichao

STAGES = {"nursery", "accelerating", "scaling", "graduated", "exited"}


def _init(folder: Path) -> None:
    init_street(folder, folder.parent / f"{folder.name}.pw")


@pytest.fixture(scope="module")
def street(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("orgs-e2e") / "street"
    _init(folder)
    r = yichao("demo", "--residents", "200", "--seed", "3", data_dir=folder)
    assert r.returncode == 0, r.stderr
    return folder


def _orgs(folder: Path) -> list[dict]:
    r = yichao("list", "orgs", "--json", data_dir=folder)
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]


def test_list_orgs_json_has_contract_fields_and_every_stage(street) -> None:
    rows = _orgs(street)
    assert len(rows) >= 60
    for row in rows:
        assert {"uid", "name", "stage", "kind", "credit_code"} <= set(row)
    assert {r["stage"] for r in rows} == STAGES
    assert "夕阳情艺术团" in {r["name"] for r in rows}


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2024年社会组织名单"])
    ws.append(["组织名称", "统一社会信用代码", "负责人", "联系电话"])
    for row in rows:
        ws.append(row)
    ws.append(["合计"])
    wb.save(path)
    return path


def test_import_rejects_all_or_nothing_then_skip_invalid(tmp_path) -> None:
    folder = tmp_path / "fresh"
    _init(folder)
    good = make_credit_code("5", "2", "370102", "MJ777001")
    path = _sheet(tmp_path / "orgs.xlsx", [
        ["邻里守望队", None, "张三", "13812345678"],
        ["短号队", None, "李四", "1381234567"],
        ["社工中心", good, "王五", "0531-86012345"],
        ["坏码中心", 1.2e17, "赵六", ""],
    ])
    r = yichao("xlsx", "import", "orgs", str(path), "--dry-run", data_dir=folder)
    assert r.returncode == 1
    assert "第4行" in r.stderr and "第6行" in r.stderr and "科学计数法" in r.stderr and "Traceback" not in r.stderr
    r = yichao("xlsx", "import", "orgs", str(path), data_dir=folder)
    assert r.returncode == 1 and _orgs(folder) == []
    r = yichao("xlsx", "import", "orgs", str(path), "--skip-invalid", data_dir=folder)
    assert r.returncode == 0, r.stderr
    assert "第4行" in r.stderr
    assert sorted(o["name"] for o in _orgs(folder)) == ["社工中心", "邻里守望队"]
    r = yichao("xlsx", "import", "orgs", str(path), "--skip-invalid", "--dry-run", data_dir=folder)
    assert r.returncode == 0 and len(_orgs(folder)) == 2


def test_export_and_bad_files(street, tmp_path) -> None:
    out = tmp_path / "orgs.xlsx"
    r = yichao("xlsx", "export", "orgs", str(out), data_dir=street)
    assert r.returncode == 0, r.stderr
    sheet = openpyxl.load_workbook(out).active
    assert sheet.max_row == len(_orgs(street)) + 1
    csv = tmp_path / "list.xlsx"
    csv.write_text("组织名称,负责人\n甲,乙\n", encoding="utf-8")
    r = yichao("xlsx", "import", "orgs", str(csv), data_dir=street)
    assert r.returncode == 1 and "CSV" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = yichao("xlsx", "import", "orgs", data_dir=street)
    assert r.returncode == 2
