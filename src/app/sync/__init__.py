"""District sync (DESIGN.md section 3): keys, signed and encrypted cumulative bundles, import.

Generic over the journal: every class with the sync mixin (``journaled_models()``) except those
marked ``__synced__ = False`` travels; a site sends the records whose ``origin`` is its own code.

The names below are the use cases pages and the CLI call; the modules behind them are private
to this package (tests may reach into them)."""

from yichao.app.sync.export import ExportResult, export_bundle
from yichao.app.sync.importer import ImportResult, import_bundle
from yichao.app.sync.keys import export_key_file, list_peers, own_key, read_key_file, trust_key_file
from yichao.app.sync.records import table_codecs
from yichao.app.sync.status import count_history, district_totals, history, kind_label, sync_status

__all__ = [
    "ExportResult",
    "ImportResult",
    "count_history",
    "district_totals",
    "export_bundle",
    "export_key_file",
    "history",
    "import_bundle",
    "kind_label",
    "list_peers",
    "own_key",
    "read_key_file",
    "sync_status",
    "table_codecs",
    "trust_key_file",
]
