"""Taking over a paper love bank from the ledger workbook a street really keeps (issue 21 point 1).

The maker below writes what a street's Excel ledger looks like: a merged title, a note row, the header
on row 3, balances typed as text ("1,200", full-width digits, "300分"), positions as "第3页第12行" or
"3-12", a 合计 row and a 填表人 line under it. Every expected outcome is stated per row.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from yichao.app.core.communities import add_community
from yichao.app.core.errors import UserError
from yichao.app.passbook import entries, get_passbook, import_passbooks, print_pending
from yichao.app.people import PersonInput, create_person, query_people
from yichao.models.identifiers import make_id_number

ID_A = make_id_number("370102", date(1950, 3, 1), 11)
ID_B = make_id_number("370102", date(1962, 7, 9), 22)
ID_C = make_id_number("370102", date(1971, 1, 20), 33)

HEADER = ["序号", "存折号码", "持折人", "性别", "身份证号码", "联系电话", "积分余额", "累计服务时长（小时）",
          "下一空行", "开户日期", "发折网点"]


def ledger(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet["A1"] = "甸柳街道爱心存折台账（2019—2026）"
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(["说明：余额以最后一次登折为准"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    sheet.append(["合计", None, None, None, None, None, "=SUM(G4:G9)"])
    sheet.append(["填表人：王芳"])
    wb.save(path)
    return path


@pytest.fixture
def street(workspace):
    add_community(workspace, "甸柳第一社区", "370102001001")
    create_person(workspace, PersonInput("张桂兰", id_number=ID_A, phone="13812345678"))
    create_person(workspace, PersonInput("刘建国", phone="13912345678"))
    return workspace


GOOD = [
    # registered holder by identity number; balance typed with a thousands comma
    [1, "DL-0001", "张桂兰", "女", ID_A, None, "1,200", "35.5", "第3页第12行", "2019-05-04", "甸柳第一社区"],
    # registered holder by name and phone; balance in full-width digits with 分
    [2, "DL-0002", "刘建国", "男", None, "13912345678", "３００分", 12, "1-4", "2021/3/1", None],
    # not registered yet: registered from the row (name, identity number)
    [3, "dl-0003", "赵淑芬", "女", ID_B, None, 0, None, "2-20", None, "甸柳街道"],
]


def test_ledger_books_are_taken_over_with_their_numbers_balances_and_lines(street, tmp_path):
    path = ledger(tmp_path / "存折台账.xlsx", GOOD)
    report = import_passbooks(street, path)
    assert (report.total, report.valid, report.applied, report.rejected) == (3, 3, 3, ())
    assert {n for n, _ in report.skipped} == {7, 8}  # the 合计 row and the note under it

    a = get_passbook(street, "DL-0001")
    assert (a.balance, a.hours, a.next_page, a.next_line, a.pending_lines) == (1200, 35.5, 3, 12, 0)
    assert a.site_code == "370102001001"
    assert a.opened_on == date(2019, 5, 4)
    b = get_passbook(street, "DL-0002")
    assert (b.balance, b.hours, b.next_page, b.next_line) == (300, 12, 1, 4)
    assert b.site_code == street.site.code
    c = get_passbook(street, "DL-0003")  # the number is kept (upper-cased as printed on the cover)
    assert (c.balance, c.next_page, c.next_line) == (0, 2, 20)
    assert "赵淑芬" in {p.name for p in query_people(street)}

    only = entries(street, "DL-0001")
    assert [(e.kind, e.points) for e in only] == [("carried_forward", 1200)]


def test_printing_continues_on_the_paper_where_the_ledger_says(street, tmp_path):
    import_passbooks(street, ledger(tmp_path / "l.xlsx", GOOD[:1]))
    from yichao.app.passbook import deposit

    deposit(street, "DL-0001", 10, "助老服务")
    job = print_pending(street, "DL-0001", tmp_path / "p.pdf")
    assert (job.start_page, job.start_line) == (3, 12)


def test_an_office_merged_down_several_rows_counts_for_each(street, tmp_path):
    """Clerks merge the 发折网点 cell over the books an office issued; each row gets the office."""
    rows = [[1, "DL-0101", "张桂兰", "女", ID_A, None, "10", 0, "1-2", None, "甸柳第一社区"],
            [2, "DL-0102", "赵淑芬", "女", ID_B, None, "20", 0, "1-3", None, None]]
    path = ledger(tmp_path / "merged.xlsx", rows)
    wb = openpyxl.load_workbook(path)
    wb.active.merge_cells("K4:K5")
    wb.save(path)
    assert import_passbooks(street, path).applied == 2
    assert {get_passbook(street, n).site_code for n in ("DL-0101", "DL-0102")} == {"370102001001"}


def test_last_printed_position_means_the_next_line_is_one_further(street, tmp_path):
    header = [h if h != "下一空行" else "已打印至" for h in HEADER]
    rows = [[1, "DL-0009", "张桂兰", "女", ID_A, None, 50, 0, "3-20", None, None]]
    import_passbooks(street, ledger(tmp_path / "l.xlsx", rows, header))
    book = get_passbook(street, "DL-0009")
    assert (book.next_page, book.next_line) == (4, 1)  # line 20 was the last of page 3


BAD_ROWS = [
    ([1, "DL-0001", "张桂兰", "女", ID_A, None, 10, 0, "1-1", None, None], None),
    ([2, "DL-0001", "王大爷", "男", ID_C, None, 10, 0, "1-1", None, None], "与第4行重复"),
    ([3, "DL-0003", "李四", "男", ID_C, None, "-50", 0, "1-1", None, None], "不能为负数"),
    ([4, "DL-0004", "李四", "男", ID_C, None, 10, 0, "第2页第21行", None, None], "超出了存折每页 20 行"),
    ([5, "DL-0005", "李四", "男", ID_C, None, "一百", 0, "1-1", None, None], "不是数字"),
    ([6, "DL-0006", "无名氏", "", None, None, 10, 0, "1-1", None, None], "尚未登记"),
    ([7, "DL-0007", "李四", "男", ID_C, None, 10, 0, "三页", None, None], "无法识别"),
    ([8, "DL-0008", "李四", "男", ID_C, None, 10, 0, "1-1", None, "不存在的社区"], "不是本街道或它的社区"),
    ([9, "DL-0009", "张桂兰", "女", ID_A, None, 10, 0, "1-1", None, None], "同一人"),
]


def test_each_wrong_row_is_reported_and_nothing_is_applied(street, tmp_path):
    path = ledger(tmp_path / "坏.xlsx", [row for row, _ in BAD_ROWS])
    report = import_passbooks(street, path)
    assert report.applied == 0 and report.valid == 1
    reasons = dict(report.rejected)
    for offset, (_row, expected) in enumerate(BAD_ROWS):
        sheet_row = 4 + offset
        if expected is None:
            assert sheet_row not in reasons
        else:
            assert expected in reasons[sheet_row], (sheet_row, reasons.get(sheet_row))
    with pytest.raises(UserError):
        get_passbook(street, "DL-0001")


def test_skip_invalid_applies_the_good_rows_and_a_dry_run_nothing(street, tmp_path):
    path = ledger(tmp_path / "坏.xlsx", [row for row, _ in BAD_ROWS])
    dry = import_passbooks(street, path, dry_run=True)
    assert dry.applied == 0 and len(dry.rejected) == 8
    with pytest.raises(UserError):
        get_passbook(street, "DL-0001")
    report = import_passbooks(street, path, skip_invalid=True)
    assert report.applied == 1
    assert get_passbook(street, "DL-0001").balance == 10


def test_a_book_number_already_in_the_database_is_a_row_error(street, tmp_path):
    import_passbooks(street, ledger(tmp_path / "a.xlsx", GOOD[:1]))
    again = import_passbooks(street, ledger(tmp_path / "b.xlsx", GOOD[:1]))
    assert again.applied == 0
    assert "已经登记过了" in dict(again.rejected)[4]


def test_a_sheet_without_a_number_column_is_refused_in_one_sentence(street, tmp_path):
    path = ledger(tmp_path / "x.xlsx", [["张三", 10]], header=["姓名", "余额"])
    with pytest.raises(UserError, match="存折号码"):
        import_passbooks(street, path)


def test_a_new_holder_is_checked_with_the_rows_not_when_they_are_applied(street, tmp_path):
    """A holder to register whose phone is wrong, whose gender contradicts the number, or who was
    deleted is a row error in the check (and the dry run), never a failure half-way through."""
    from yichao.app.people import delete_person

    gone = make_id_number("370102", date(1958, 8, 8), 44)
    delete_person(street, create_person(street, PersonInput("钱老师", id_number=gone)).uid)
    rows = [[1, "DL-0201", "赵淑芬", "女", ID_B, "12345", 10, 0, "1-2", None, None],  # 5-digit phone
            [2, "DL-0202", "王大爷", "女", ID_C, None, 10, 0, "1-2", None, None],  # ID_C is a man's number
            [3, "DL-0203", "钱老师", "", gone, None, 10, 0, "1-2", None, None],  # a deleted resident
            [4, "DL-0204", "李" * 70, "", make_id_number("370102", date(1960, 1, 1), 55), None, 1, 0, "1-2",
             None, None]]  # a name no register takes
    path = ledger(tmp_path / "新持折人.xlsx", rows)
    dry = import_passbooks(street, path, dry_run=True)
    reasons = dict(dry.rejected)
    assert dry.valid == 0 and sorted(reasons) == [4, 5, 6, 7]
    assert "联系电话" in reasons[4]
    assert "与身份证号码不符" in reasons[5]
    assert "已删除" in reasons[6]
    assert "姓名太长" in reasons[7]
    assert import_passbooks(street, path, skip_invalid=True).applied == 0
    assert "赵淑芬" not in {p.name for p in query_people(street)}


def test_a_position_kept_in_a_page_column_and_a_line_column(street, tmp_path):
    next_free = ["存折号码", "身份证号码", "余额", "页号", "行号"]
    import_passbooks(street, ledger(tmp_path / "a.xlsx", [["DL-0301", ID_A, 5, 2, 7]], next_free))
    assert (get_passbook(street, "DL-0301").next_page, get_passbook(street, "DL-0301").next_line) == (2, 7)
    last_printed = ["存折号码", "户名", "身份证号码", "余额", "最后打印页", "最后打印行"]
    report = import_passbooks(street, ledger(tmp_path / "b.xlsx", [
        ["DL-0302", "赵淑芬", ID_B, 5, 2, 20],  # the last line of page 2 printed: page 3 goes on
        ["DL-0303", "王大爷", ID_C, 5, 4, 7],
    ], last_printed))
    assert report.applied == 2, report.rejected
    assert (get_passbook(street, "DL-0302").next_page, get_passbook(street, "DL-0302").next_line) == (3, 1)
    assert (get_passbook(street, "DL-0303").next_page, get_passbook(street, "DL-0303").next_line) == (4, 8)


def test_the_ledgers_own_words_for_gender_and_office_are_mapped_once_then_remembered(street, tmp_path):
    from yichao.app.passbook import takeover_questions

    rows = [[1, "DL-0401", "赵淑芬", "女性", ID_B, None, 10, 0, "1-2", None, "一社区"],
            [2, "DL-0402", "王大爷", "M", ID_C, None, 10, 0, "1-2", None, "一社区"],
            [3, "DL-0403", "张桂兰", "女性", ID_A, None, 10, 0, "1-2", None, "370102001001"]]  # a code is known
    path = ledger(tmp_path / "台账.xlsx", rows)
    asked = [(q.column, q.value, q.rows, q.proposal) for q in takeover_questions(street, path)]
    assert asked == [("性别", "女性", 2, "女"), ("性别", "M", 1, "男"), ("发折网点", "一社区", 2, "甸柳第一社区")]
    unmapped = import_passbooks(street, path)
    assert unmapped.applied == 0
    assert "--map 发折网点=一社区:甸柳第一社区" in dict(unmapped.rejected)[4]
    answers = {"性别": {"女性": "女", "M": "男"}, "发折网点": {"一社区": "甸柳第一社区"}}
    assert import_passbooks(street, path, value_map=answers).applied == 3
    assert get_passbook(street, "DL-0401").site_code == "370102001001"

    next_month = ledger(tmp_path / "下月.xlsx", [[1, "DL-0404", "刘建国", "M", None, "13912345678", 3, 0, "1-2",
                                                None, "一社区"]])
    assert takeover_questions(street, next_month) == []  # the same layout asks nothing
    assert import_passbooks(street, next_month).applied == 1
    assert get_passbook(street, "DL-0404").site_code == "370102001001"


def test_a_map_for_a_column_the_ledger_lacks_is_one_sentence(street, tmp_path):
    path = ledger(tmp_path / "台账.xlsx", GOOD[:1])
    with pytest.raises(UserError, match="没有名为“需求类别”"):
        import_passbooks(street, path, value_map={"需求类别": {"助老服务": "助老"}})
    with pytest.raises(UserError, match="只能是"):
        import_passbooks(street, path, value_map={"发折网点": {"一社区": "不存在的社区"}})
