"""The errors services raise; each carries one Chinese sentence (see yichao.models.errors)."""

from __future__ import annotations

from yichao.models.errors import ForeignRecordError, IdentifierError, NotFound, PermissionDenied, UserError

__all__ = [
    "ForeignRecordError", "IdentifierError", "NotFound", "PermissionDenied", "UserError",
    "USER_ERRORS", "message_of",
]

# What the GUI and the CLI show as a sentence instead of a crash.
USER_ERRORS: tuple[type[Exception], ...] = (UserError, IdentifierError)


def message_of(error: Exception) -> str:
    """The clerk-facing sentence of a refused operation."""
    return getattr(error, "message", None) or str(error)
