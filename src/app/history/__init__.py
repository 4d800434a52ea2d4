"""Change logs in a clerk's words: one description of a journal entry for every view of the journal.

Stands above the domains (it reads their labels) and below the pages and the CLI."""

from yichao.app.history.describe import (
    OP_LABELS,
    Change,
    DescribedEntry,
    describe_rows,
    described_journal,
    entity_choices,
    user_choices,
)
from yichao.app.history.fields import ENTITY_LABELS, FIELD_LABELS, HIDDEN, entity_label, field_label

__all__ = [
    "ENTITY_LABELS",
    "FIELD_LABELS",
    "HIDDEN",
    "OP_LABELS",
    "Change",
    "DescribedEntry",
    "describe_rows",
    "described_journal",
    "entity_choices",
    "entity_label",
    "field_label",
    "user_choices",
]
