"""Communities retire; organizations carry a founding date and 待补 marks; names get full-pinyin
sort keys (issue 16), filled here for the records a database already has.

Revision ID: 0011_community
Revises: 0003_needs, 0005_projects
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from yichao.models.sort_key import pinyin_key

revision: str = "0011_community"
down_revision: Union[str, Sequence[str], None] = ("0003_needs", "0005_projects")
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# table -> is it people's names (a surname read as one)
KEYED = {"community": False, "organization": False, "person": True}
CHUNK = 5000


def _fill_keys(table: str, person: bool) -> None:
    """Every existing row's key, computed once per distinct name (residents repeat names)."""
    bind = op.get_bind()
    rows = bind.execute(sa.text(f"SELECT uid, name FROM {table}")).all()
    keys: dict[str, str] = {}
    updates = [{"uid": uid, "k": keys.setdefault(name, pinyin_key(name, person=person))} for uid, name in rows]
    for i in range(0, len(updates), CHUNK):
        bind.execute(sa.text(f"UPDATE {table} SET name_sort = :k WHERE uid = :uid"), updates[i:i + CHUNK])


def upgrade() -> None:
    with op.batch_alter_table("community", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_sort", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_sort", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("founded_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("todo", sa.String(length=200), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_organization_name_sort"), ["name_sort"], unique=False)
        batch_op.create_index(batch_op.f("ix_organization_todo"), ["todo"], unique=False)
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_sort", sa.String(length=200), nullable=False, server_default=""))
    for table, person in KEYED.items():
        _fill_keys(table, person)
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index("ix_person_live_sort",
                              ["deleted", "name_sort", "uid", "name", "is_volunteer", "household_head"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_live_sort")
        batch_op.drop_column("name_sort")
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organization_todo"))
        batch_op.drop_index(batch_op.f("ix_organization_name_sort"))
        batch_op.drop_column("todo")
        batch_op.drop_column("founded_on")
        batch_op.drop_column("name_sort")
    with op.batch_alter_table("community", schema=None) as batch_op:
        batch_op.drop_column("retired")
        batch_op.drop_column("name_sort")
