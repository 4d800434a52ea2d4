"""Identity numbers sealed at rest (issue 18 point 5); their last four characters searchable.

Every existing number is sealed with the data folder's key (attached to the engine's dialect by
the workspace before migrating) and its suffix filled in. The column grows to hold the sealed form.

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

from yichao.models.sealed_column import KEY_ATTRIBUTE, PREFIX, seal_value

revision: str = "0016_sealed_ids"
down_revision: Union[str, Sequence[str], None] = ("0011_community", "0007_sync")
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

CHUNK = 5000


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.alter_column("id_number", existing_type=sa.String(length=18), type_=sa.String(length=64),
                              existing_nullable=True)
        batch_op.add_column(sa.Column("id_suffix", sa.String(length=4), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_person_id_suffix"), ["id_suffix"], unique=False)
    bind = op.get_bind()
    bind.execute(sa.text("UPDATE sync_peer SET hash_key = '', in_journal_hi = 0"))
    rows = bind.execute(sa.text(
        f"SELECT uid, id_number FROM person WHERE id_number IS NOT NULL AND id_number NOT LIKE '{PREFIX}%'")).all()
    if not rows:
        return
    key = getattr(bind.dialect, KEY_ATTRIBUTE, None)
    if not key:
        raise RuntimeError("the data key must be attached before identity numbers can be sealed")
    updates = [{"uid": uid, "n": seal_value(key, number, b"person.id_number"), "s": number[-4:].upper()}
               for uid, number in rows]
    for i in range(0, len(updates), CHUNK):
        bind.execute(sa.text("UPDATE person SET id_number = :n, id_suffix = :s WHERE uid = :uid"),
                     updates[i:i + CHUNK])


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_id_suffix"))
        batch_op.drop_column("id_suffix")
