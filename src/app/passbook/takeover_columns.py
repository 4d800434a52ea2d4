"""What the columns of a street's passbook ledger mean: their header words, where the printing
position is kept (one column "3-12", or a page column and a line column), and the columns whose
values come from a fixed list (the holder's gender, the issuing office), which a clerk maps once.
"""

from __future__ import annotations

from dataclasses import replace

from yichao.app.core.communities import list_communities
from yichao.app.core.excel import Table, normalize_header
from yichao.app.core.value_map import FixedList
from yichao.app.core.workspace import Workspace
from yichao.app.people import GENDER_LIST

ALIASES: dict[str, list[str]] = {
    "number": ["存折号码", "存折号", "存折编号", "折号", "存折帐号", "存折账号", "账号", "帐号"],
    "id_number": ["身份证号码", "身份证号", "公民身份号码", "证件号码"],
    "name": ["持折人", "姓名", "户名", "志愿者姓名", "储户姓名", "储户"],
    "gender": ["性别"],
    "phone": ["联系电话", "电话", "手机", "手机号码", "联系方式"],
    "balance": ["积分余额", "余额", "结余积分", "结余", "当前积分", "可用积分", "积分"],
    "hours": ["累计服务时长", "服务时长", "志愿服务时长", "累计时长", "时长", "服务小时"],
    "position": ["下一空行", "续打位置", "打印位置", "已打印至", "最后打印", "已打到", "打印到"],
    "page": ["页号", "页"],
    "line": ["行号", "行"],
    "opened_on": ["开户日期", "开折日期", "办理日期", "发折日期", "开立日期"],
    "office": ["发折网点", "开户网点", "储蓄所", "发放单位", "网点", "发折单位"],
}
# a position header with one of these words says where the last printed line is, not the next free one
LAST_PRINTED_WORDS = ("已打印", "已打", "最后", "打印到", "打到")
_PAGE_ENDINGS = ("页", "页号", "页码")
_LINE_ENDINGS = ("行", "行号")
_POSITION_KEYS = ("position", "page", "line")


def split_position_columns(table: Table) -> Table:
    """A ledger that keeps the position in two columns (最后打印页 | 最后打印行, 下一空行页号 |
    下一空行行号) has them read as page and line, not the first of them as a "3-12" position."""
    free = [(col, normalize_header(h)) for col, h in enumerate(table.headers)
            if table.mapping.get(col) in (None, *_POSITION_KEYS)]
    pages = [col for col, h in free if h.endswith(_PAGE_ENDINGS)]
    lines = [col for col, h in free if h.endswith(_LINE_ENDINGS) and col not in pages]
    if len(pages) != 1 or len(lines) != 1:
        return table
    mapping = {col: key for col, key in table.mapping.items() if key not in _POSITION_KEYS}
    mapping |= {pages[0]: "page", lines[0]: "line"}
    return replace(table, mapping=dict(sorted(mapping.items())))


def position_is_last_printed(table: Table) -> bool:
    """True when the ledger's position column(s) say the last printed line (已打印至, 最后打印行)."""
    return any(any(word in normalize_header(table.headers[col]) for word in LAST_PRINTED_WORDS)
               for col, key in table.mapping.items() if key in _POSITION_KEYS)


def offices(ws: Workspace) -> dict[str, str]:
    """Every name and code an office may go by in the ledger -> the site code its books belong to."""
    found = {ws.site.name: ws.site.code, ws.site.code: ws.site.code}
    for c in list_communities(ws):
        found[c.name] = c.code or ws.site.code
        if c.code:
            found[c.code] = c.code
    return found


def fixed_lists(office_names: dict[str, str]) -> tuple[FixedList, ...]:
    """The ledger's fixed-list columns: the holder's gender, and the office by this site's names
    (its codes are understood as they are)."""
    names = tuple(name for name, code in office_names.items() if name != code)
    codes = frozenset(name for name, code in office_names.items() if name == code)
    return GENDER_LIST, FixedList("office", "发折网点", names, accepted=codes)
