"""Indexes the statistics read through (issue #9), declared apart from the tables they serve.

The 工作台 sums a year of the passbook ledger and counts needs by the date of their steps. On a
1,000,000-entry ledger only a covering index keeps that under the 500 ms budget: the sums read the
index alone, never the rows (every column a figure touches is in its index). Migration ``0008_stats``
creates the first three.

The roll-up by site (issue 17 point 5) counts each office's records beside its street's by
``origin``: its sums and counts read these covering indexes too (migration ``0026_stats_origin``).
"""

from __future__ import annotations

from sqlalchemy import Index

from yichao.models.need import NeedStep
from yichao.models.passbook import LedgerEntry, Passbook
from yichao.models.person import Person

# deposits / redemptions of a date range: kind =, on BETWEEN; points and passbook read from the index
LEDGER_KIND_ON = Index("ix_stats_passbook_entry_kind_on", LedgerEntry.kind, LedgerEntry.on,
                       LedgerEntry.passbook_uid, LedgerEntry.points, LedgerEntry.deleted)
# needs recorded (from_status '') and closed (to_status 'done') in a time range
NEED_STEP_FROM_AT = Index("ix_stats_need_step_from_at", NeedStep.from_status, NeedStep.at, NeedStep.need_uid,
                          NeedStep.deleted)
NEED_STEP_TO_AT = Index("ix_stats_need_step_to_at", NeedStep.to_status, NeedStep.at, NeedStep.need_uid,
                        NeedStep.deleted)
# the same sums per counter (origin), and the service hours (minutes) of deposits and reversals
LEDGER_KIND_ON_ORIGIN = Index("ix_stats_passbook_entry_kind_on_origin", LedgerEntry.kind, LedgerEntry.on,
                              LedgerEntry.origin, LedgerEntry.points, LedgerEntry.minutes, LedgerEntry.deleted)
# residents and volunteers per site
PERSON_ORIGIN = Index("ix_stats_person_origin", Person.origin, Person.deleted, Person.is_volunteer)
# books in use and their balances per issuing site
PASSBOOK_ORIGIN = Index("ix_stats_passbook_origin", Passbook.origin, Passbook.status, Passbook.deleted,
                        Passbook.balance)
