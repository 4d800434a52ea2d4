"""Sideways through the street: one office's passbooks reach the street's other offices (issue 17
point 3, "any office of the street").

A resident brings the passbook to any counter of the street, so each office must hold the books
its sibling offices issued and the entries and printed lines they wrote. The street's bundle to
an office therefore carries, besides the district's records (``relay.relayed_to``), its other
offices' passbook records: :data:`TABLES`, i.e. passbooks, ledger entries, printed lines, and
what a book needs to be stored, its holder (a resident who holds a passbook) and the holder's
community. Nothing else of a sibling goes sideways (privacy: its other residents, needs and so on
stay at the street), and a holder travels without the identity number, as records going down do.

Checkable like the relay upwards: the street passes each sibling record exactly as the office
signed it (``sync_seal``) with its signature, and its signed manifest names the siblings and their
keys (``siblings``: code -> name, keys). The office checks each record with those keys, so a record
the street changed or made up refuses the bundle. The one exception is the holder: its signed form
holds the full identity number (offices send it up in full), which must not go sideways, so the
street sends the resident re-encoded without it and unsigned, and the office trusts it on the
street's signed manifest, as it trusts the district's records relayed down. An office takes a
sibling's records from its own street only, of offices under that street only (12 digits), and
only of these tables. Cumulative until acknowledged: they are changes in the street's journal, so
a bundle to an office holds them until the office acknowledges that journal position.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.workspace import SiteInfo
from yichao.app.sync import relay
from yichao.app.sync.records import table_codecs
from yichao.models.passbook import LedgerEntry, Passbook, PrintedLine
from yichao.models.person import Person
from yichao.models.site import Community
from yichao.models.sync import SyncPeer

PASSBOOK, HOLDER, COMMUNITY = Passbook.__tablename__, Person.__tablename__, Community.__tablename__
LEDGER = (PASSBOOK, LedgerEntry.__tablename__, PrintedLine.__tablename__)
TABLES = frozenset((COMMUNITY, HOLDER, *LEDGER))
CHUNK = 500


def travels_signed(table: str) -> bool:
    """Whether a sibling's record goes as the office signed it: unless its signed form holds a
    private value (a resident's identity number)."""
    return not table_codecs()[table].private


def siblings_of(session: Session, site: SiteInfo, peer_code: str, peer_role: str) -> tuple[str, ...]:
    """Origins our bundle to ``peer_code`` carries sideways: a street's other trusted offices."""
    if not relay.is_office_of(site, peer_code, peer_role):
        return ()
    return tuple(p.code for p in relay.offices(session, site) if p.code != peer_code)


def street_holds(site: SiteInfo, peer_code: str, origin: str) -> bool:
    """At an office, whether its street holds the records of ``origin``: a sibling's, which came
    from it (so the office's entry on a sibling's book may go up)."""
    return (site.role == "community" and peer_code == site.parent_code and origin != site.code
            and len(origin) == relay.OFFICE_DIGITS and origin.startswith(peer_code))


class Gate:
    """Which records of the sibling origins may go to the office (the rest stay at the street)."""

    def __init__(self, session: Session, side: tuple[str, ...]) -> None:
        self.session, self.side = session, frozenset(side)

    def keep(self, table: str, rows: list[Any]) -> list[Any]:
        """``rows`` (database rows of ``table``) less the siblings' records that must not go."""
        if not self.side:
            return rows
        theirs = [r for r in rows if r["origin"] in self.side]
        if not theirs:
            return rows
        if table not in TABLES:
            passing: set[str] = set()
        elif table == HOLDER:
            passing = self._holders([r["uid"] for r in theirs])
        elif table == COMMUNITY:
            passing = self._holders_communities([r["uid"] for r in theirs])
        else:
            return rows
        return [r for r in rows if r["origin"] not in self.side or r["uid"] in passing]

    def _holders(self, uids: list[str]) -> set[str]:
        out: set[str] = set()
        for i in range(0, len(uids), CHUNK):
            out.update(self.session.scalars(select(Passbook.holder_uid).where(
                Passbook.holder_uid.in_(uids[i:i + CHUNK])).distinct()))
        return out

    def _holders_communities(self, uids: list[str]) -> set[str]:
        out: set[str] = set()
        for i in range(0, len(uids), CHUNK):
            out.update(self.session.scalars(select(Person.community_uid).join(
                Passbook, Passbook.holder_uid == Person.uid).where(Person.community_uid.in_(uids[i:i + CHUNK]))
                .distinct()))
        return out


def holders_needed(session: Session, changed: Mapping[str, list[str]], side: tuple[str, ...]
                   ) -> dict[str, list[str]]:
    """The siblings' holders (and their communities) of the passbooks a bundle carries: sent with
    a book even when they changed before the office's acknowledgement (a resident registered at
    one office before the book was opened there), so the office can store the book at once."""
    books = list(changed.get(PASSBOOK, ()))
    if not side or not books:
        return {}
    out: dict[str, list[str]] = defaultdict(list)
    for i in range(0, len(books), CHUNK):
        for uid, community in session.execute(
                select(Person.uid, Person.community_uid).join(Passbook, Passbook.holder_uid == Person.uid)
                .where(Passbook.uid.in_(books[i:i + CHUNK]), Person.origin.in_(side))):
            out[HOLDER].append(uid)
            if community:
                out[COMMUNITY].append(community)
    found = set(out.get(COMMUNITY, ()))
    ours = set(session.scalars(select(Community.uid).where(Community.uid.in_(sorted(found)),
                                                           Community.origin.in_(side)))) if found else set()
    return {HOLDER: sorted(set(out[HOLDER])), COMMUNITY: sorted(ours)} if out else {}


def manifest_entries(session: Session, side: tuple[str, ...], sent: Mapping[str, set[str]]
                     ) -> dict[str, dict[str, Any]]:
    """What the street's signed manifest to an office says of its siblings: name and the keys
    their records in this bundle were signed with (vouched for by the street's signature)."""
    out: dict[str, dict[str, Any]] = {}
    for code in side:
        peer = session.get(SyncPeer, code)
        if peer is not None:
            out[code] = {"name": peer.name, "keys": sorted({peer.sign_public, *sent.get(code, set())})}
    return out


# -- the receiving office ----------------------------------------------------------------------------
def signers_for(session: Session, site: SiteInfo, peer: SyncPeer, manifest: dict[str, Any]) -> relay.Signers:
    """At an office, from its own street: the sibling offices the street's manifest vouches for,
    each record checked with their keys and only of :data:`TABLES`; elsewhere ``relay.signers_for``."""
    if site.role == "community" and peer.code == site.parent_code and peer.role == "street":
        siblings = {code: keys for code, (_, keys, _) in relay.vouched(manifest, peer.code, "siblings").items()
                    if code != site.code}
        if siblings:
            unsigned = frozenset(t for t in TABLES if not travels_signed(t))
            return relay.Signers(siblings, keep=False, tables=TABLES, unsigned=unsigned)
    return relay.signers_for(session, site, peer, manifest)
