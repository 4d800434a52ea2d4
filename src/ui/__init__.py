"""View layer: PySide6 window, one page per module, Qt item models over app services.

Never imports SQLAlchemy and never opens a session: every action calls an ``yichao.app`` service.
"""
