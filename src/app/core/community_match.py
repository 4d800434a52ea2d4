"""The communities a roster names, matched to the street's own (shared by every ``xlsx import``).

Rosters spell a community as 甸柳社区, 甸柳, 甸柳社区居委会 or 甸柳居民委员会: all of these are
one community. A name the street lacks is collected once for the check ("将新建社区：…", with the
nearest existing name when one is close, e.g. 燕子山 for 燕山); with ``add_missing`` it gets a
uid at once and :meth:`RosterCommunities.create` adds it in the import's transaction, so the rows
that name it import with it. Without, each such row is an error.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.errors import UserError
from yichao.models.base import new_uid
from yichao.models.site import Community

# longest first: 社区居民委员会 before 居民委员会 before 社区
SUFFIXES = ("社区居民委员会", "居民委员会", "社区居委会", "居委会", "社区")


def core_name(name: str) -> str:
    """The distinctive part of a community name: 甸柳社区居委会 -> 甸柳."""
    name = "".join(name.split())
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


@dataclass(frozen=True)
class NewCommunity:
    """A community a roster names and the street lacks; ``near`` is a similar existing name."""

    name: str
    near: str = ""


@dataclass
class RosterCommunities:
    """Name -> uid for one import, loaded once; collects the names the street lacks."""

    known: dict[str, str]  # exact name -> uid (live, retired included)
    retired: set[str]
    add_missing: bool = False
    pending: dict[str, tuple[str, str]] = field(default_factory=dict)  # core -> (name, uid)
    created: set[str] = field(default_factory=set)  # uids already added to a session
    _session: Session | None = None
    _site_code: str = ""

    def attach(self, session: Session, site_code: str) -> None:
        """Add each new community to ``session`` as soon as a row names it, for checks that look
        the community up (the caller's transaction; gone if it rolls back)."""
        self._session, self._site_code = session, site_code

    @classmethod
    def load(cls, session: Session, add_missing: bool = False) -> RosterCommunities:
        rows = session.execute(select(Community.name, Community.uid, Community.retired)
                               .where(Community.deleted.is_(False))).all()
        return cls({n: u for n, u, _r in rows}, {u for _n, u, r in rows if r}, add_missing)

    def _by_core(self, text: str) -> str | None:
        core = core_name(text)
        found = {u for n, u in self.known.items() if core_name(n) == core}
        return found.pop() if len(found) == 1 else None

    def resolve(self, text: str) -> str | None:
        """The uid for a cell (None when empty); UserError when the street lacks it and the clerk
        did not ask to add it, or when it is retired."""
        name = " ".join((text or "").split())
        if not name:
            return None
        uid = self.known.get(name) or self._by_core(name)
        if uid is not None:
            if uid in self.retired:
                raise UserError(f"社区“{name}”已撤销，请改为现在所属的社区。")
            return uid
        core = core_name(name)
        if core not in self.pending:
            self.pending[core] = (name, new_uid())
        if not self.add_missing:
            raise UserError(f"社区“{name}”不存在。")
        if self._session is not None:
            self.create(self._session, self._site_code)
        return self.pending[core][1]

    def missing(self) -> tuple[NewCommunity, ...]:
        """The names the street lacks, in the order the file first names them."""
        live = [n for n, u in self.known.items() if u not in self.retired]
        cores = {core_name(n): n for n in live}
        out = []
        for core, (name, _uid) in self.pending.items():
            near = difflib.get_close_matches(core, list(cores), n=1, cutoff=0.6)
            out.append(NewCommunity(name, cores[near[0]] if near else ""))
        return tuple(out)

    def create(self, session: Session, site_code: str) -> int:
        """Add the pending communities (journaled) in the caller's transaction."""
        if not self.add_missing:
            return 0
        for name, uid in self.pending.values():
            if uid not in self.created:
                session.add(Community(uid=uid, name=name[:100], code="", site_code=site_code))
                self.created.add(uid)
        session.flush()
        return len(self.pending)


def new_communities_line(missing: tuple[NewCommunity, ...], added: bool) -> str:
    """The one line a check prints about them: ``将新建社区：千佛山东社区（与已有的“千佛山社区”相近）``."""
    if not missing:
        return ""
    names = "、".join(f"{m.name}（与已有的“{m.near}”相近，请确认不是同一个）" if m.near else m.name
                     for m in missing)
    if added:
        return f"将新建社区：{names}。"
    return (f"将新建社区：{names}——需勾选“新建这些社区”（命令行加 --add-communities）才会新建，"
            "否则写这些社区的行算作错误。")
