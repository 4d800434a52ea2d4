"""The kernel every domain stands on: workspace, auth, settings, backup, journal log, errors, paths.

This facade is lazy (PEP 562): a name is imported from its module when first used. The login
dialog imports ``paths`` and ``settings`` before the data layer may load (DESIGN.md section 8), so
importing this package must not pull in SQLAlchemy."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from yichao.app.core.atomic import atomic_path, write_atomic
    from yichao.app.core.attachments import (
        MAX_BYTES,
        add_attachment,
        attachment_file,
        blob_path,
        list_attachments,
        remove_attachment,
    )
    from yichao.app.core.auth import (
        UserRow,
        check_new_password,
        check_username,
        create_user,
        list_users,
        login,
        reset_password,
        set_active,
        set_role,
    )
    from yichao.app.core.backup import backup_database, list_backups
    from yichao.app.core.check import register, run_checks
    from yichao.app.core.communities import community_names, list_communities
    from yichao.app.core.errors import USER_ERRORS, NotFound, UserError, message_of
    from yichao.app.core.excel import (
        Column,
        ImportReport,
        Table,
        parse_date,
        read_table,
        rejection_lines,
        write_xlsx,
    )
    from yichao.app.core.file_ops import describe_os_error, replace_with_retry
    from yichao.app.core.filenames import safe_filename
    from yichao.app.core.instance_lock import InstanceLock
    from yichao.app.core.journal_log import (
        JournalFilter,
        JournalRow,
        count_journal,
        journal_entities,
        journal_users,
        query_journal,
    )
    from yichao.app.core.maintenance import (
        backups,
        make_backup,
        restore_backup,
        restore_plan,
        store_settings,
        update_settings,
    )
    from yichao.app.core.money import chinese_number, format_yuan, parse_yuan, plain_yuan
    from yichao.app.core.own_records import save_own
    from yichao.app.core.paths import (
        attachments_dir,
        backups_dir,
        chosen_data_dir,
        data_dir_forced,
        db_path,
        ensure_writable,
        logs_dir,
        remember_data_dir,
        resolve_data_dir,
    )
    from yichao.app.core.pinyin import initials
    from yichao.app.core.progress import Cancelled, CancelToken, ProgressFn, no_progress
    from yichao.app.core.restore import RestorePlan, RestoreResult, check_backup_file, plan_restore, restore_database
    from yichao.app.core.settings import Settings
    from yichao.app.core.setup import initialize, validate_site
    from yichao.app.core.staff import staff_label, staff_names, staff_names_in
    from yichao.app.core.status import EXCHANGE_OPS, OVERDUE_DAYS, last_exchange, status_info
    from yichao.app.core.storage import classify_location, location_problem, location_warning
    from yichao.app.core.tempfiles import cleanup_run_temp, run_temp_dir, sweep_stale_temp, temp_file
    from yichao.app.core.textfiles import read_lines, read_password_file, read_text_file
    from yichao.app.core.workspace import (
        CLI_USER,
        CurrentUser,
        DatabaseProblem,
        Workspace,
        open_workspace,
    )

_HOME: dict[str, str] = {
    "CLI_USER": "workspace",
    "CancelToken": "progress",
    "Cancelled": "progress",
    "Column": "excel",
    "CurrentUser": "workspace",
    "DatabaseProblem": "workspace",
    "EXCHANGE_OPS": "status",
    "ImportReport": "excel",
    "InstanceLock": "instance_lock",
    "JournalFilter": "journal_log",
    "JournalRow": "journal_log",
    "MAX_BYTES": "attachments",
    "NotFound": "errors",
    "OVERDUE_DAYS": "status",
    "ProgressFn": "progress",
    "Settings": "settings",
    "Table": "excel",
    "USER_ERRORS": "errors",
    "UserError": "errors",
    "UserRow": "auth",
    "Workspace": "workspace",
    "add_attachment": "attachments",
    "attachment_file": "attachments",
    "attachments_dir": "paths",
    "backup_database": "backup",
    "backups": "maintenance",
    "backups_dir": "paths",
    "blob_path": "attachments",
    "check_new_password": "auth",
    "check_username": "auth",
    "chosen_data_dir": "paths",
    "classify_location": "storage",
    "cleanup_run_temp": "tempfiles",
    "community_names": "communities",
    "count_journal": "journal_log",
    "create_user": "auth",
    "data_dir_forced": "paths",
    "db_path": "paths",
    "describe_os_error": "file_ops",
    "ensure_writable": "paths",
    "initialize": "setup",
    "initials": "pinyin",
    "journal_entities": "journal_log",
    "journal_users": "journal_log",
    "last_exchange": "status",
    "list_attachments": "attachments",
    "list_backups": "backup",
    "list_communities": "communities",
    "list_users": "auth",
    "location_problem": "storage",
    "location_warning": "storage",
    "login": "auth",
    "logs_dir": "paths",
    "make_backup": "maintenance",
    "message_of": "errors",
    "no_progress": "progress",
    "open_workspace": "workspace",
    "parse_date": "excel",
    "parse_yuan": "money",
    "plain_yuan": "money",
    "format_yuan": "money",
    "chinese_number": "money",
    "query_journal": "journal_log",
    "read_lines": "textfiles",
    "read_password_file": "textfiles",
    "read_table": "excel",
    "read_text_file": "textfiles",
    "register": "check",
    "rejection_lines": "excel",
    "remember_data_dir": "paths",
    "remove_attachment": "attachments",
    "replace_with_retry": "file_ops",
    "reset_password": "auth",
    "resolve_data_dir": "paths",
    "restore_backup": "maintenance",
    "restore_database": "restore",
    "restore_plan": "maintenance",
    "plan_restore": "restore",
    "check_backup_file": "restore",
    "RestorePlan": "restore",
    "RestoreResult": "restore",
    "atomic_path": "atomic",
    "write_atomic": "atomic",
    "run_checks": "check",
    "run_temp_dir": "tempfiles",
    "safe_filename": "filenames",
    "save_own": "own_records",
    "set_active": "auth",
    "set_role": "auth",
    "staff_label": "staff",
    "staff_names": "staff",
    "staff_names_in": "staff",
    "status_info": "status",
    "store_settings": "maintenance",
    "sweep_stale_temp": "tempfiles",
    "temp_file": "tempfiles",
    "update_settings": "maintenance",
    "validate_site": "setup",
    "write_xlsx": "excel",
}


def __getattr__(name: str) -> Any:
    """Import ``name`` from its module on first use, then keep it here."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "CLI_USER",
    "CancelToken",
    "Cancelled",
    "Column",
    "CurrentUser",
    "DatabaseProblem",
    "EXCHANGE_OPS",
    "ImportReport",
    "InstanceLock",
    "JournalFilter",
    "JournalRow",
    "MAX_BYTES",
    "NotFound",
    "OVERDUE_DAYS",
    "ProgressFn",
    "Settings",
    "Table",
    "USER_ERRORS",
    "UserError",
    "UserRow",
    "Workspace",
    "add_attachment",
    "attachment_file",
    "attachments_dir",
    "backup_database",
    "backups",
    "backups_dir",
    "blob_path",
    "check_new_password",
    "check_username",
    "chosen_data_dir",
    "classify_location",
    "cleanup_run_temp",
    "community_names",
    "count_journal",
    "create_user",
    "data_dir_forced",
    "db_path",
    "describe_os_error",
    "ensure_writable",
    "initialize",
    "initials",
    "journal_entities",
    "journal_users",
    "last_exchange",
    "list_attachments",
    "list_backups",
    "list_communities",
    "list_users",
    "location_problem",
    "location_warning",
    "login",
    "logs_dir",
    "make_backup",
    "message_of",
    "no_progress",
    "open_workspace",
    "parse_date",
    "parse_yuan",
    "plain_yuan",
    "format_yuan",
    "chinese_number",
    "query_journal",
    "read_lines",
    "read_password_file",
    "read_table",
    "read_text_file",
    "register",
    "rejection_lines",
    "remember_data_dir",
    "remove_attachment",
    "replace_with_retry",
    "reset_password",
    "resolve_data_dir",
    "restore_backup",
    "restore_database",
    "restore_plan",
    "plan_restore",
    "check_backup_file",
    "RestorePlan",
    "RestoreResult",
    "atomic_path",
    "write_atomic",
    "run_checks",
    "run_temp_dir",
    "safe_filename",
    "save_own",
    "set_active",
    "set_role",
    "staff_label",
    "staff_names",
    "staff_names_in",
    "status_info",
    "store_settings",
    "sweep_stale_temp",
    "temp_file",
    "update_settings",
    "validate_site",
    "write_xlsx",
]
