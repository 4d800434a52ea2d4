"""Three levels in one test (issue 17 point 2): a district, a street and two community offices write
records while bundles travel in a random order, some lost, some delivered twice or late. Once the
sites have exchanged in turn, every level holds exactly what it should (the canonical dumps agree),
every record with its origin (an office holds of its neighbour's only the passbooks, as the
street relays them sideways), and nothing is waiting to be sent anywhere."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import select

from yichao.app.passbook import accounts as pb
from yichao.app.passbook.rules import RuleInput, save_rule
from yichao.app.people.residents import PersonInput, create_person
from yichao.app.sync.canonical import canonical_lines
from yichao.app.sync.export import export_bundle
from yichao.app.sync.importer import import_bundle
from yichao.app.sync.sideways import LEDGER, TABLES
from yichao.app.sync.status import sync_status
from yichao.models.passbook import Passbook
from yichao.models.person import Person

from .support import add_people, edit_people, pair

D, S, O1, O2 = "370102", "370102001", "370102001003", "370102001004"
LINKS = [(O1, S), (O2, S), (S, D), (D, S), (S, O1), (S, O2)]


def _own_people(ws, rng: random.Random) -> list[str]:
    with ws.read() as s:
        uids = sorted(s.scalars(select(Person.uid).where(Person.origin == ws.site.code, Person.deleted.is_(False))))
    return rng.sample(uids, min(len(uids), rng.randint(1, 3)))


def _write(ws, rng: random.Random) -> None:
    """Messy work at one site: new residents, edits, a removal, a rule (district, street) or counter
    work (an office)."""
    roll = rng.random()
    if roll < 0.45:
        add_people(ws, rng.randint(1, 4), rng)
    elif roll < 0.75:
        edit_people(ws, _own_people(ws, rng), rng)
    elif roll < 0.85:
        edit_people(ws, _own_people(ws, rng)[:1], rng, delete=True)
    elif ws.site.code in (D, S):
        save_rule(ws, RuleInput(f"规则{rng.randint(0, 10**6)}", "hourly", f"服务{rng.randint(0, 99)}",
                                rng.randint(1, 20)))
    else:
        _counter(ws, rng)


def _counter(ws, rng: random.Random) -> None:
    """An office's counter: a resident, a passbook, deposits (records that refer to each other)."""
    person = create_person(ws, PersonInput(name=f"居民{rng.randint(0, 10**6)}", is_volunteer=True))
    book = pb.open_passbook(ws, person.uid)
    for _ in range(rng.randint(1, 3)):
        pb.deposit(ws, book.number, rng.randint(1, 50), "助老服务", hours=rng.randint(1, 3))


@pytest.mark.parametrize("seed", [3, 17, 2026])
def test_three_levels_in_random_order_agree(make_workspace, tmp_path: Path, seed: int):
    rng = random.Random(seed)
    sites = {D: make_workspace("district", D, "历下区", ""),
             S: make_workspace("street", S, "甸柳街道", D),
             O1: make_workspace("community", O1, "甸柳新村社区储蓄所", S),
             O2: make_workspace("community", O2, "燕子山社区储蓄所", S)}
    pair(sites[S], sites[D], tmp_path)
    pair(sites[S], sites[O1], tmp_path)
    pair(sites[S], sites[O2], tmp_path)
    sticks: dict[tuple[str, str], list[Path]] = {link: [] for link in LINKS}
    for office in (O1, O2):
        _counter(sites[office], rng)
    n = twice = late = 0
    delivered: set[Path] = set()
    for _ in range(48):
        roll = rng.random()
        if roll < 0.35:
            _write(sites[rng.choice(list(sites))], rng)
        elif roll < 0.65:
            src, dst = rng.choice(LINKS)
            n += 1
            path = tmp_path / f"b{n}.ycb"
            export_bundle(sites[src], dst, path)
            sticks[(src, dst)].append(path)
        else:  # any stick of a link: the newest, an old one (late), one already imported (twice)
            link = rng.choice([k for k, v in sticks.items() if v] or [LINKS[0]])
            if sticks[link]:
                path = rng.choice(sticks[link])
                twice += path in delivered
                late += path != sticks[link][-1]
                delivered.add(path)
                import_bundle(sites[link[1]], path)
    lost = sum(1 for v in sticks.values() for p in v if p not in delivered)
    assert lost and twice and late, (lost, twice, late)  # the schedule did lose, repeat and reorder
    for _ in range(3):  # then the sites exchange in turn, as they do every month
        for src, dst in LINKS:
            n += 1
            path = tmp_path / f"b{n}.ycb"
            export_bundle(sites[src], dst, path)
            import_bundle(sites[dst], path)

    everyone = [D, S, O1, O2]
    district = canonical_lines(sites[D], everyone)
    assert district == canonical_lines(sites[S], everyone)
    for office, other in ((O1, O2), (O2, O1)):
        # an office holds the district's, the street's and its own records, and of its neighbour's
        # only the passbooks (with their entries, lines and holders: sideways.py), as the street does
        assert canonical_lines(sites[office], [D, S, office]) == canonical_lines(sites[S], [D, S, office])
        theirs, at_street = canonical_lines(sites[office], [other]), canonical_lines(sites[S], [other])
        assert {line.split()[0] for line in theirs} <= TABLES and set(theirs) < set(at_street)
        ledger = [line for line in at_street if line.split()[0] in LEDGER]
        assert ledger and [line for line in theirs if line.split()[0] in LEDGER] == ledger
    for code in everyone:  # every record kept its origin on the way, at every level that holds it
        own = canonical_lines(sites[code], [code])
        assert own and canonical_lines(sites[D], [code]) == own
        assert all(f'"origin":"{code}"' in line for line in own)
    with sites[D].read() as session:  # the counters' books and entries, with their balances
        books = {b.origin: b.balance for b in session.scalars(select(Passbook))}
    assert {O1, O2} <= set(books) and all(balance > 0 for balance in books.values())
    for ws in sites.values():
        assert [(p.code, p.pending) for p in sync_status(ws).peers] == [(p.code, 0) for p in sync_status(ws).peers]
