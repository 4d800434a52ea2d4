"""Identity numbers sealed at rest (issue 18 point 5); their last four characters searchable.

Every existing number is sealed with the data folder's key (attached to the engine's dialect by
the workspace before migrating) and its suffix filled in; on a shared database the workspace does
that as soon as the vault holding the key is open. The column grows to hold the sealed form.

A street also forgets the hash key its district used to send (issue 18 point 4: no key that
protects numbers is kept from another site; matching now uses the data key, ``identity.py``), and
every site asks each peer to send its records once more: our next acknowledgement goes back to the
start, so the peer's next bundle carries all its records and the match keys of the residents
received before are computed again under the new rule (a street's whole file, once).

Revision ID: 0016_sealed_ids
Revises: 0011_community, 0007_sync
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from yichao.models.sealed_column import attached_key, seal_clear_numbers

revision: str = "0016_sealed_ids"
down_revision: Union[str, Sequence[str], None] = ("0011_community", "0007_sync")
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.alter_column("id_number", existing_type=sa.String(length=18), type_=sa.String(length=64),
                              existing_nullable=True)
        batch_op.add_column(sa.Column("id_suffix", sa.String(length=4), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_person_id_suffix"), ["id_suffix"], unique=False)
    bind = op.get_bind()
    bind.execute(sa.text("UPDATE sync_peer SET hash_key = '', in_journal_hi = 0"))
    key = attached_key(bind.dialect)
    if key:
        seal_clear_numbers(bind, key)
    # else a shared database (PostgreSQL): its key is in the vault, opened after the schema is
    # current; the workspace seals what is still clear then (workspace._authorize)


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_id_suffix"))
        batch_op.drop_column("id_suffix")
