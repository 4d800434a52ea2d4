"""Alembic migrations; run at start-up after a backup (see yichao.models.migrate)."""
