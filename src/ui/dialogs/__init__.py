"""Dialogs: login, first-run wizard, and those of the modules."""
