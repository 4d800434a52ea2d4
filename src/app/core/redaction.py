"""Personal numbers out of logs, crash reports and diagnostics (issue 18 point 3).

Whatever text leaves the program for a log file or a terminal passes :func:`redact`: identity
numbers (18 characters, GB 11643) and mobile phone numbers become placeholders. The logging
filter applies it to every record, including the formatted traceback.
"""

from __future__ import annotations

import logging
import re

_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_ID_NUMBER_15 = re.compile(r"(?<!\d)\d{15}(?!\d)")
_PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_SQL_PARAMETERS = re.compile(r"\[parameters: .*?\]$", re.MULTILINE | re.DOTALL)


def redact(text: str) -> str:
    """``text`` without identity numbers, phone numbers or SQL parameter lists."""
    text = _SQL_PARAMETERS.sub("[parameters hidden]", text)
    text = _ID_NUMBER.sub("[身份证号已隐去]", text)
    text = _ID_NUMBER_15.sub("[身份证号已隐去]", text)
    return _PHONE.sub("[电话已隐去]", text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message and traceback through :func:`redact` before any handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info:
            formatter = logging.Formatter()
            record.exc_text = redact(formatter.formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def install_redaction(handler: logging.Handler) -> logging.Handler:
    """Give ``handler`` the redacting filter (once)."""
    if not any(isinstance(f, RedactingFilter) for f in handler.filters):
        handler.addFilter(RedactingFilter())
    return handler
