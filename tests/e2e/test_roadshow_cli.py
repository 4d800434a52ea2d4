"""`yichao roadshow rank SCORES.json` through the installed command."""

from __future__ import annotations

import json
import subprocess

SCORES = {
    "criteria": [{"name": "需求", "weight": 0.6, "max": 10}, {"name": "可行", "weight": 0.4, "max": 20}],
    "judges": ["甲", "乙", "丙"],
    "projects": ["P1", "P2"],
    "scores": {"P1": {"甲": [8, 15], "乙": [9, 10], "丙": [7, 20]}, "P2": {"甲": [10, 20], "乙": [5, 10]}},
    "recusals": [["丙", "P2"]],
}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["yichao", *args], capture_output=True, text=True, timeout=60)


def test_rank_prints_the_json_list(tmp_path):
    path = tmp_path / "scores.json"
    path.write_text(json.dumps(SCORES, ensure_ascii=False), encoding="utf-8")
    done = run("roadshow", "rank", str(path))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [
        {"project": "P1", "score": 78.0, "rank": 1, "judges_counted": 3},
        {"project": "P2", "score": 75.0, "rank": 2, "judges_counted": 2},
    ]


def test_out_of_range_score_is_refused_with_one_line(tmp_path):
    bad = json.loads(json.dumps(SCORES))
    bad["scores"]["P1"]["甲"] = [12, 15]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    done = run("roadshow", "rank", str(path))
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "超出" in lines[0] and "Traceback" not in done.stderr


def test_weights_not_summing_to_one_and_broken_files_are_refused(tmp_path):
    bad = json.loads(json.dumps(SCORES))
    bad["criteria"][1]["weight"] = 0.3
    (tmp_path / "w.json").write_text(json.dumps(bad), encoding="utf-8")
    (tmp_path / "x.json").write_text("{not json", encoding="utf-8")
    for name in ("w.json", "x.json", "missing.json"):
        done = run("roadshow", "rank", str(tmp_path / name))
        assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1, name


def test_usage_error_exits_2():
    assert run("roadshow", "rank").returncode == 2
