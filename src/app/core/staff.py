"""Staff by the name a clerk knows them by: the journal, ledgers and printed lines store the login
name; screens and paper show the display name (the command line as 命令行)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.workspace import CLI_USER, Workspace
from yichao.models.user import User

# who did it when no member of staff did: the command line, a bundle applied, the program itself
SPECIAL_NAMES = {CLI_USER.username: CLI_USER.display_name, "": "系统"}


def staff_names_in(session: Session) -> dict[str, str]:
    """login name -> display name (the login name where no display name was given)."""
    names = dict(SPECIAL_NAMES)
    for username, display in session.execute(select(User.username, User.display_name)):
        names[username] = display or username
    return names


def staff_names(ws: Workspace) -> dict[str, str]:
    with ws.read() as session:
        return staff_names_in(session)


def staff_label(names: dict[str, str], username: str | None) -> str:
    """The display name of ``username``; a login name no account knows (another site's) as it is."""
    username = username or ""
    return names.get(username, SPECIAL_NAMES.get(username, username))
