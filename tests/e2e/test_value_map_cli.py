"""`yichao xlsx import needs FILE --map COLUMN=FROM:TO`: a street's own words mapped on the command line,
unmapped ones reported as row errors with the --map that fixes them, and the mapping remembered."""

from __future__ import annotations

import json

from tests.e2e.test_takeover_cli import fresh, run  # noqa: F401 - the fixture
from tests.unit.core.test_value_map import needs_sheet


def test_map_on_the_command_line_then_remembered(fresh, tmp_path):  # noqa: F811 - the fixture
    folder, pw = fresh
    path = needs_sheet(tmp_path / "需求.xlsx", [["帮王奶奶买菜", "助老服务", "一般"], ["代收快递", "生活服务", "一般"]])
    refused = run(folder, pw, "xlsx", "import", "needs", str(path))
    assert refused.returncode == 1
    assert "--map 需求类别=助老服务:助老" in refused.stderr and "Traceback" not in refused.stderr
    ok = run(folder, pw, "xlsx", "import", "needs", str(path), "--map", "需求类别=助老服务:助老",
             "--map", "需求类别=生活服务:其他")
    assert ok.returncode == 0, ok.stderr
    rows = [json.loads(line) for line in run(folder, pw, "list", "needs", "--json").stdout.splitlines()]
    assert sorted(r["category"] for r in rows) == ["其他", "助老"]
    again = needs_sheet(tmp_path / "下月.xlsx", [["陪李爷爷散步", "助老服务", "一般"]])
    assert run(folder, pw, "xlsx", "import", "needs", str(again)).returncode == 0  # remembered


def test_a_map_onto_a_word_the_program_lacks_is_one_sentence(fresh, tmp_path):  # noqa: F811
    folder, pw = fresh
    path = needs_sheet(tmp_path / "需求.xlsx", [["帮王奶奶买菜", "助老服务", "一般"]])
    r = run(folder, pw, "xlsx", "import", "needs", str(path), "--map", "需求类别=助老服务:养老")
    assert r.returncode == 1 and "只能是" in r.stderr and len(r.stderr.strip().splitlines()) == 1
