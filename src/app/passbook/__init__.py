"""The love passbook (爱心存折) points bank: accounts, the ledger, lifecycle, catalog, rules with hours
and expiry, bulk credit, queries, the statement, Excel export, line printing (补登) and its check;
one passbook at several counters (merge, the offices' redemption limits, merged overdraws).

The names below are the use cases pages and the CLI call; the modules behind them are private
to this package (tests may reach into them)."""

from yichao.app.passbook.accounts import (
    PassbookRow,
    deposit,
    entries,
    entry_count,
    get_passbook,
    open_in_session,
    open_passbook,
    redeem,
    reverse,
)
from yichao.app.passbook.activities import ActivityInput, CreditResult, credit_activity
from yichao.app.passbook.catalog import ItemInput, ItemRow, list_items, redeem_item, restock, save_item
from yichao.app.passbook.expiry import expire_points
from yichao.app.passbook.hours import star_level, volunteer_hours
from yichao.app.passbook.labels import (
    ENTRY_KIND_LABELS,
    OVERDRAW_STATUS_LABELS,
    REPRINT_REASON_LABELS,
    RULE_KIND_LABELS,
    SOURCE_KIND_LABELS,
    STATUS_LABELS,
)
from yichao.app.passbook.layout import PassbookLayout, layout_names, load_layout, place
from yichao.app.passbook.ledger import append_entry, clean_points
from yichao.app.passbook.lifecycle import close as close_passbook
from yichao.app.passbook.lifecycle import lift_loss, replace, report_lost, take_over
from yichao.app.passbook.limits import OfficeLimitRow, office_limits, set_office_limit
from yichao.app.passbook.overdraw import OverdrawRow, list_overdraws, settle_overdraw
from yichao.app.passbook.printing import (
    PRINT_LAYOUT_SETTING,
    PrintJob,
    calibration_page,
    calibration_sheet,
    confirm_printed,
    offset_of,
    paper_layout,
    print_pending,
    record_reprint,
    reprint_job,
    reprint_page,
    reprint_reason,
    set_offset,
    set_paper_layout,
)
from yichao.app.passbook.query import PassbookFilter, count_passbooks, passbook_rows, query_passbooks
from yichao.app.passbook.rules import (
    RuleInput,
    RuleRow,
    activity_types,
    list_rules,
    points_for_service,
    save_rule,
)
from yichao.app.passbook.statement import write_statement
from yichao.app.passbook.takeover_xlsx import import_passbooks, takeover_questions
from yichao.app.passbook.xlsx import export_passbooks
from yichao.app.pdf.calibration import offset_from_ruler

__all__ = [
    "import_passbooks",
    "takeover_questions",
    "export_passbooks",
    "ENTRY_KIND_LABELS",
    "OVERDRAW_STATUS_LABELS",
    "OfficeLimitRow",
    "OverdrawRow",
    "list_overdraws",
    "office_limits",
    "set_office_limit",
    "settle_overdraw",
    "REPRINT_REASON_LABELS",
    "RULE_KIND_LABELS",
    "SOURCE_KIND_LABELS",
    "STATUS_LABELS",
    "passbook_rows",
    "ActivityInput",
    "CreditResult",
    "ItemInput",
    "ItemRow",
    "PRINT_LAYOUT_SETTING",
    "PassbookFilter",
    "PassbookLayout",
    "PassbookRow",
    "PrintJob",
    "RuleInput",
    "RuleRow",
    "activity_types",
    "append_entry",
    "calibration_page",
    "calibration_sheet",
    "offset_from_ruler",
    "reprint_job",
    "record_reprint",
    "reprint_reason",
    "clean_points",
    "close_passbook",
    "confirm_printed",
    "count_passbooks",
    "credit_activity",
    "deposit",
    "entries",
    "entry_count",
    "expire_points",
    "get_passbook",
    "layout_names",
    "lift_loss",
    "list_items",
    "list_rules",
    "load_layout",
    "offset_of",
    "open_in_session",
    "open_passbook",
    "paper_layout",
    "place",
    "points_for_service",
    "print_pending",
    "query_passbooks",
    "redeem",
    "redeem_item",
    "replace",
    "report_lost",
    "reprint_page",
    "restock",
    "reverse",
    "save_item",
    "save_rule",
    "set_offset",
    "set_paper_layout",
    "star_level",
    "take_over",
    "volunteer_hours",
    "write_statement",
]
