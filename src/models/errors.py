"""Errors that carry one clear Chinese sentence for the clerk.

Services raise these; the GUI shows ``message`` in one place and the CLI prints it on stderr
(exit code 1). Anything else escaping a service is a bug and goes to the crash path.
"""

from __future__ import annotations


class UserError(Exception):
    """A refused input or a broken rule; nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PermissionDenied(UserError):
    """The current user's role does not allow the operation (journaled by the service)."""


class NotFound(UserError):
    """A record named by the user does not exist."""


class ForeignRecordError(UserError):
    """A record owned by another site may not be changed here (single writer rule)."""


class StaleRecord(UserError):
    """Another PC changed the record since it was read (a shared database); nothing was saved."""


class IdentifierError(ValueError):
    """A value that is not a valid identifier (``identifiers.py``); `.message` is shown as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
