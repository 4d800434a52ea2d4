"""The installed `yichao`: list people|needs, xlsx import|export people|needs, demo needs."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from yichao.models.identifiers import make_id_number

from .cli import init_street, yichao


@pytest.fixture(scope="module")
def street(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("e2e-people") / "street"
    init_street(folder)
    r = yichao("demo", "--residents", "500", "--seed", "3", data_dir=folder)
    assert r.returncode == 0, r.stderr
    return folder


def test_demo_has_needs_in_every_status_with_claims_and_reviews(street):
    r = yichao("list", "needs", "--json", data_dir=street)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) >= 40 and all(row["uid"] for row in rows)
    assert {row["status"] for row in rows} == {"draft", "published", "claimed", "in_service", "done", "reviewed",
                                               "cancelled"}
    assert {row["claimant_kind"] for row in rows if row["claimant"]} >= {"volunteer", "household"}
    assert all(1 <= row["satisfaction"] <= 5 for row in rows if row["status"] == "reviewed")


def roster(path: Path, numbers: list) -> Path:
    wb = openpyxl.Workbook()
    s = wb.active
    s.append(["甸柳第一社区 居民花名册"])
    s.append(["姓名", "身份证号码", "社区", "技能"])
    for i, number in enumerate(numbers):
        s.append([f"测试居民{i}", number, "甸柳第一社区", "理发"])
    s.append(["合计", len(numbers)])
    wb.save(path)
    return path


def test_import_people_all_or_nothing_and_dry_run(street, tmp_path):
    good = make_id_number("110105", date(1971, 4, 5), 901)
    lost = float(make_id_number("110105", date(1972, 4, 5), 902))
    bad = roster(tmp_path / "bad.xlsx", [good, lost])
    r = yichao("xlsx", "import", "people", str(bad), data_dir=street)
    assert r.returncode == 1
    assert "第4行" in r.stderr and "科学计数法" in r.stderr and "Traceback" not in r.stderr
    r = yichao("xlsx", "import", "people", str(roster(tmp_path / "ok.xlsx", [good])), "--dry-run", data_dir=street)
    assert r.returncode == 0 and "没有改动" in r.stdout
    listed = yichao("list", "people", "--json", data_dir=street).stdout
    assert "测试居民0" not in listed
    r = yichao("xlsx", "import", "people", str(bad), "--skip-invalid", data_dir=street)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in yichao("list", "people", "--json", data_dir=street).stdout.splitlines()]
    mine = [row for row in rows if row["name"] == "测试居民0"]
    assert len(mine) == 1 and mine[0]["id_number"] == "110105********" + good[-4:]
    assert good not in json.dumps(rows, ensure_ascii=False)


def test_export_people_and_needs(street, tmp_path):
    for kind in ("people", "needs"):
        out = tmp_path / f"{kind}.xlsx"
        r = yichao("xlsx", "export", kind, str(out), data_dir=street)
        assert r.returncode == 0, r.stderr
        wb = openpyxl.load_workbook(out, read_only=True)
        cells = [str(v) for row in wb.active.iter_rows(values_only=True) for v in row if v is not None]
        assert len(cells) > 100
        assert not any(re.fullmatch(r"\d{17}[\dX]", c) for c in cells)  # no full identity number
