"""Alembic environment: always called programmatically with a live connection."""

from __future__ import annotations

from alembic import context

from yichao.models.base import Base
from yichao.models.registry import import_all

import_all()
config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copy-and-move
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
