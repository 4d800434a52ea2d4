"""Each Chinese word for a code (stage, kind, status, urgency, gender, entry kind, ...) is written
once, in its domain's ``app/<domain>/labels.py``; everything else reads it from there."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import yichao

SRC = Path(yichao.__file__).parent
LABEL_MODULES = sorted(SRC.glob("app/*/labels.py"))
# words that are also something else: a column header of a spreadsheet or PDF table, a ledger's word
# for another domain's status (已完成), or plain "none"
# and 正常, a street's exchange that is in order (the sync page), not a passbook's status
OTHER_MEANING = {"无", "类别", "服务领域", "志愿者", "存入", "支取", "已拨付", "紧急", "结项评估", "已完成", "正常"}
# the national standard's own table of registration categories (GB 32100), not Yichao's kinds
STANDARD_TABLES = {Path("models/identifiers.py")}


def _label_words() -> dict[str, str]:
    """word -> the labels module that defines it (its dict values)."""
    words: dict[str, str] = {}
    for path in LABEL_MODULES:
        module = importlib.import_module("yichao." + ".".join(path.relative_to(SRC).with_suffix("").parts))
        for name, value in vars(module).items():
            if name.endswith("_LABELS") and isinstance(value, dict):
                for word in value.values():
                    if word:
                        words.setdefault(word, path.parent.name)
    return words


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_every_domain_with_words_has_a_labels_module():
    assert {p.parent.name for p in LABEL_MODULES} >= {"orgs", "people", "needs", "passbook", "projects",
                                                       "certificates"}
    words = _label_words()
    for word in ("苗圃培育", "加速孵化", "产业发展", "出壳", "社会团体", "基金会", "存入", "冲正", "已挂失",
                 "较急", "已揭榜", "中期评估", "公益创投", "督导", "已拨付", "男"):
        assert word in words, word


def test_stage_and_kind_words_have_no_other_meaning():
    from yichao.app.orgs import KIND_LABELS, STAGE_LABELS

    assert not OTHER_MEANING & (set(STAGE_LABELS.values()) | set(KIND_LABELS.values()))


def test_a_label_word_is_written_once_in_src():
    """Outside the labels modules no string literal is a label word (a word two domains share for
    their own codes, such as 已取消, is written once in each domain's labels)."""
    words = {w: d for w, d in _label_words().items() if w not in OTHER_MEANING}
    seen: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        where = path.relative_to(SRC)
        if "migrations" in path.parts or path in LABEL_MODULES or where in STANDARD_TABLES:
            continue
        for line, text in _literals(path):
            if text in words:
                seen.setdefault(text, []).append(f"{where}:{line}")
    twice = seen
    assert not twice, f"label words written outside app/<domain>/labels.py (use app/<domain>/labels.py): {twice}"


def test_models_keep_codes_and_the_ui_reads_words_from_app():
    for path in (SRC / "models").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets
                 if isinstance(t, ast.Name)]
        assert not [n for n in names if n.endswith("_LABELS")], path.name
    for path in (SRC / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("yichao.models"):
                assert not [a.name for a in node.names if a.name.endswith("_LABELS")], path
