"""A kind the CLI offers always works (issue 21 point 3): every kind `yichao xlsx import --help` lists
imports a made-up file on a fresh street (no demo) and exports again, exit 0, no traceback."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl

from tests.e2e.test_takeover_cli import fresh, run  # noqa: F401 - the fixture
from yichao.models.identifiers import make_id_number


def _sheet(path: Path, title: str, header: list[str], row: list[object]) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet["A1"] = title
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(header)
    sheet.append(row)
    sheet.append(["合计"])
    wb.save(path)
    return path


# kind -> (title, header, the one row); orgs first: the past projects name an organization
MADE_UP: dict[str, tuple[str, list[str], list[object]]] = {
    "orgs": ("甸柳街道社会组织台账", ["序号", "组织名称", "组织类型", "负责人", "联系电话"],
             [1, "夕阳红志愿服务队", "未登记团队", "李明", "13800001111"]),
    "people": ("花名册", ["姓名", "性别", "联系电话"], ["周明", "男", "13800003333"]),
    "needs": ("需求清单", ["需求标题", "需求类别", "紧急程度"], ["帮王奶奶买菜", "助老", "一般"]),
    "passbooks": ("爱心存折台账", ["存折号码", "持折人", "身份证号码", "积分余额", "下一空行"],
                  ["LX-9", "孙秀英", make_id_number("370102", date(1948, 10, 1), 8), "1,200", "第2页第3行"]),
    "projects": ("往年创投项目台账", ["年度", "申报单位", "项目名称", "资助金额", "项目状态"],
                 ["2022年", "夕阳红志愿服务队", "邻里互助食堂", "5万", "已结项"]),
}


def test_every_kind_offered_imports_a_made_up_file_and_exports(fresh, tmp_path):  # noqa: F811 - the fixture
    folder, pw = fresh
    helped = run(folder, pw, "xlsx", "import", "--help")
    kinds = re.findall(r"([a-z]+) [\u4e00-\u9fff]+ *(?:\||$)", helped.stdout, re.M)  # "orgs 社会组织 | people 居民 |"
    assert kinds and set(kinds) == set(MADE_UP), kinds  # a kind offered without a made-up file fails here
    for kind, (title, header, row) in MADE_UP.items():
        made = _sheet(tmp_path / f"{kind}.xlsx", title, header, row)
        imported = run(folder, pw, "xlsx", "import", kind, str(made))
        assert imported.returncode == 0 and "已导入 1 行" in imported.stdout, (kind, imported.stdout, imported.stderr)
        exported = run(folder, pw, "xlsx", "export", kind, str(tmp_path / f"出-{kind}.xlsx"))
        assert exported.returncode == 0 and "已导出 1 行" in exported.stdout, (kind, exported.stdout, exported.stderr)
        assert "Traceback" not in imported.stderr + exported.stderr
