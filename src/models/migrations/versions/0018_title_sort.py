"""Project and need titles get full-pinyin sort keys (issue 16 point 6), filled here for the records
a database already has; search by initials keeps ``title_initials``.

Revision ID: 0018_title_sort
Revises: 0015_import_memory (needs the project and need tables: depends on 0003_needs, 0005_projects)
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from yichao.models.sort_key import pinyin_key

revision: str = "0018_title_sort"
down_revision: Union[str, Sequence[str], None] = "0015_import_memory"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = ("0003_needs", "0005_projects")

CHUNK = 5000


def _fill_keys(table: str) -> None:
    """Every existing row's key, computed once per distinct title."""
    bind = op.get_bind()
    rows = bind.execute(sa.text(f"SELECT uid, title FROM {table}")).all()
    keys: dict[str, str] = {}
    updates = [{"uid": uid, "k": keys.setdefault(title, pinyin_key(title))} for uid, title in rows]
    for i in range(0, len(updates), CHUNK):
        bind.execute(sa.text(f"UPDATE {table} SET title_sort = :k WHERE uid = :uid"), updates[i:i + CHUNK])


def upgrade() -> None:
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title_sort", sa.String(length=200), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_project_title_sort"), ["title_sort"], unique=False)
    with op.batch_alter_table("need", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title_sort", sa.String(length=200), nullable=False, server_default=""))
        batch_op.create_index("ix_need_live_title_sort", ["deleted", "title_sort", "uid"], unique=False)
    for table in ("project", "need"):
        _fill_keys(table)


def downgrade() -> None:
    with op.batch_alter_table("need", schema=None) as batch_op:
        batch_op.drop_index("ix_need_live_title_sort")
        batch_op.drop_column("title_sort")
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_title_sort"))
        batch_op.drop_column("title_sort")
