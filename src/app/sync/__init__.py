"""District sync (DESIGN.md section 3): keys, signed and encrypted cumulative bundles, import.

Generic over the journal: every class with the sync mixin (``journaled_models()``) except those
marked ``__synced__ = False`` travels; a site sends the records whose ``origin`` is its own code
(and, when the other site asks, records of that site's own it lost).

Never a blocked site: a record that cannot be stored yet is held with its reason and asked for
again (``held``); records of two sites sharing a natural key are applied and listed as conflicts
for the district to decide (``conflicts``).

The names below are the use cases pages and the CLI call; the modules behind them are private
to this package (tests may reach into them)."""

from yichao.app.sync.conflicts import (
    STATUSES,
    ConflictRow,
    Member,
    decide_conflict,
    list_conflicts,
    registered_in,
    street_names,
)
from yichao.app.sync.export import ExportResult, export_bundle
from yichao.app.sync.held import HeldRow, list_held
from yichao.app.sync.importer import ImportResult, import_bundle
from yichao.app.sync.keys import (
                                  export_key_file,
                                  list_peers,
                                  own_key,
                                  read_key_file,
                                  trust_key_file,
                                  trusted_fingerprint,
)
from yichao.app.sync.labels import describe, kind_label
from yichao.app.sync.notices import Notice, open_notices
from yichao.app.sync.privacy import POLICY_NOTICE
from yichao.app.sync.records import table_codecs
from yichao.app.sync.report import report_lines
from yichao.app.sync.status import count_history, district_totals, history, street_flags, sync_status

__all__ = [
    "STATUSES",
    "ConflictRow",
    "ExportResult",
    "HeldRow",
    "ImportResult",
    "Member",
    "Notice",
    "POLICY_NOTICE",
    "count_history",
    "decide_conflict",
    "describe",
    "district_totals",
    "export_bundle",
    "export_key_file",
    "history",
    "import_bundle",
    "kind_label",
    "list_conflicts",
    "list_held",
    "list_peers",
    "open_notices",
    "own_key",
    "read_key_file",
    "registered_in",
    "report_lines",
    "street_flags",
    "street_names",
    "sync_status",
    "table_codecs",
    "trust_key_file",
    "trusted_fingerprint",
]
