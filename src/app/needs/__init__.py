"""Residents' needs (居民需求清单) and claims (揭榜): records, the status flow, matching, rewards, Excel.

The names below are the use cases pages and the CLI call; the modules behind them are private
to this package (tests may reach into them)."""

from yichao.app.needs.flow import (
    allowed_actions,
    cancel,
    claim,
    finish_service,
    publish,
    release,
    review,
    start_service,
)
from yichao.app.needs.labels import CLAIMANT_KIND_LABELS, STATUS_LABELS, URGENCY_LABELS
from yichao.app.needs.matching import (
    Suggestion,
    claimable_orgs,
    needs_for_org,
    orgs_for_need,
    people_for_need,
)
from yichao.app.needs.records import (
    CATEGORIES,
    MAX_POINTS,
    STATUSES,
    NeedInput,
    NeedRow,
    NeedsFilter,
    board,
    count_needs,
    create_need,
    deletable,
    delete_need,
    get_need,
    need_history,
    query_needs,
    refresh_statistics,
    status_counts,
    update_need,
)
from yichao.app.needs.xlsx import export_needs, import_needs, need_rows, value_questions

__all__ = [
    "value_questions",
    "import_needs",
    "need_rows",
    "CATEGORIES",
    "CLAIMANT_KIND_LABELS",
    "MAX_POINTS",
    "NeedInput",
    "NeedRow",
    "NeedsFilter",
    "STATUSES",
    "STATUS_LABELS",
    "Suggestion",
    "URGENCY_LABELS",
    "allowed_actions",
    "board",
    "cancel",
    "claim",
    "claimable_orgs",
    "count_needs",
    "create_need",
    "deletable",
    "delete_need",
    "export_needs",
    "finish_service",
    "get_need",
    "need_history",
    "needs_for_org",
    "orgs_for_need",
    "people_for_need",
    "publish",
    "query_needs",
    "refresh_statistics",
    "release",
    "review",
    "start_service",
    "status_counts",
    "update_need",
]
