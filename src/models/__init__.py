"""Model layer: SQLAlchemy entities, identifier validation, engine/session and migrations.

Never imports ``yichao.app``, ``yichao.ui`` or Qt.
"""
