"""`yichao community add|list|rename|merge|retire` and `xlsx import ... --add-communities`, called as
DESIGN.md section 6 gives them, on a fresh street without the demo."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest


@pytest.fixture
def street(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    pw = tmp_path / "pw.txt"
    pw.write_text("secret123\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "YICHAO_USER": "admin", "YICHAO_PASSWORD_FILE": str(pw)}
    folder = tmp_path / "street"
    r = _run(folder, env, "init", "--role", "street", "--code", "370102001", "--name", "甸柳街道", "--parent-code",
             "370102", "--parent-name", "历下区", "--admin", "admin", "--password-file", str(pw))
    assert r.returncode == 0, r.stderr
    return folder, env


def _run(folder: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    program = os.environ.get("YICHAO_CLI") or shutil.which("yichao") or "yichao"
    return subprocess.run([program, "--data-dir", str(folder), *args], capture_output=True, text=True, env=env,
                          timeout=300)


def test_add_list_rename_merge_retire(street) -> None:
    folder, env = street
    assert _run(folder, env, "community", "list").stdout.startswith("还没有社区")
    r = _run(folder, env, "community", "add", "燕山社区", "--code", "370102001001")
    assert r.returncode == 0 and "燕山社区" in r.stdout, r.stderr
    assert _run(folder, env, "community", "add", "燕山社区居委会").returncode == 0
    r = _run(folder, env, "community", "add", "坏代码社区", "--code", "12345")
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "12位数字" in r.stderr and "Traceback" not in r.stderr
    r = _run(folder, env, "community", "rename", "燕山社区", "燕山新村社区")
    assert r.returncode == 0, r.stderr
    r = _run(folder, env, "community", "rename", "没有的社区", "别的")
    assert r.returncode == 1 and "没有名为“没有的社区”的社区" in r.stderr
    r = _run(folder, env, "community", "merge", "燕山社区居委会", "燕山新村社区")
    assert r.returncode == 0 and "并入“燕山新村社区”" in r.stdout, r.stderr
    assert _run(folder, env, "community", "add", "千佛山社区").returncode == 0
    assert _run(folder, env, "community", "retire", "千佛山社区").returncode == 0
    rows = [json.loads(line) for line in _run(folder, env, "community", "list", "--json").stdout.splitlines()]
    assert [(c["name"], c["code"], c["retired"]) for c in rows] == [
        ("千佛山社区", "", True), ("燕山新村社区", "370102001001", False)]
    assert _run(folder, env, "community").returncode == 2


def test_roster_naming_new_communities_needs_add_communities(street, tmp_path) -> None:
    folder, env = street
    assert _run(folder, env, "community", "add", "千佛山社区").returncode == 0
    path = tmp_path / "花名册.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["2026年甸柳街道社区社会组织名册"])
    wb.active.append(["组织名称", "组织类型", "备案编号", "成立日期", "所属社区"])
    wb.active.append(["燕山舞蹈队", "社区社会组织", None, "2019-03-01", "燕山社区"])
    wb.active.append(["千佛山东书画社", "未登记团队", None, "2020-05-01", "千佛山东社区"])
    wb.active.append(["千佛山合唱团", "未登记团队", None, None, "千佛山"])
    wb.save(path)
    r = _run(folder, env, "xlsx", "import", "orgs", str(path), "--dry-run")
    assert r.returncode == 1
    assert r.stderr.count("将新建社区：燕山社区、千佛山东社区（与已有的“千佛山社区”相近") == 1
    assert "错误（2 行" in r.stderr and "第3行：社区“燕山社区”不存在" in r.stderr and "Traceback" not in r.stderr
    r = _run(folder, env, "xlsx", "import", "orgs", str(path), "--add-communities", "--dry-run")
    assert r.returncode == 0, r.stderr
    assert "提醒（2 行" in r.stdout and "第3行：社区社会组织（备案）没有备案编号" in r.stdout and "没有改动" in r.stdout
    assert "千佛山东社区" not in _run(folder, env, "community", "list").stdout
    r = _run(folder, env, "xlsx", "import", "orgs", str(path), "--add-communities")
    assert r.returncode == 0 and "已导入 3 行" in r.stdout, r.stderr
    names = [json.loads(line)["name"] for line in _run(folder, env, "community", "list", "--json").stdout.splitlines()]
    assert names == ["千佛山东社区", "千佛山社区", "燕山社区"]
    orgs = {o["name"]: o for o in map(json.loads, _run(folder, env, "list", "orgs", "--json").stdout.splitlines())}
    assert orgs["燕山舞蹈队"]["todo"] == ["filing_number"] and orgs["千佛山合唱团"]["community"] == "千佛山社区"
    r = _run(folder, env, "xlsx", "import", "passbooks", str(path), "--add-communities")
    assert r.returncode == 1 and r.stderr.count("\n") == 1
