"""Three levels in one test (issue 17 point 2): a district, a street and two community offices write
records while bundles travel in a random order, some lost, some delivered twice or late. Once the
sites have exchanged in turn, every level holds exactly what it should (the canonical dumps agree),
every record with its origin (an office holds of its neighbour's only the passbooks, as the
street relays them sideways), every passbook shows the same balance and line history on every
counter that holds it, the double redemption injected at the start is one conflict at the street,
and nothing is waiting to be sent anywhere."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import func, select

from yichao.app.passbook import accounts as pb
from yichao.app.passbook.overdraw import list_overdraws
from yichao.app.passbook.rules import RuleInput, save_rule
from yichao.app.people.residents import PersonInput, create_person
from yichao.app.sync.canonical import canonical_lines
from yichao.app.sync.export import export_bundle
from yichao.app.sync.importer import import_bundle
from yichao.app.sync.sideways import LEDGER, TABLES
from yichao.app.sync.status import sync_status
from yichao.models.passbook import LedgerEntry, Passbook
from yichao.models.person import Person

from .support import add_people, counter_view, edit_people, move, pair, print_at_counter

D, S, O1, O2 = "370102", "370102001", "370102001003", "370102001004"
LINKS = [(O1, S), (O2, S), (S, D), (D, S), (S, O1), (S, O2)]


def _own_people(ws, rng: random.Random) -> list[str]:
    with ws.read() as s:
        uids = sorted(s.scalars(select(Person.uid).where(Person.origin == ws.site.code, Person.deleted.is_(False))))
    return rng.sample(uids, min(len(uids), rng.randint(1, 3)))


def _write(ws, rng: random.Random) -> None:
    """Messy work at one site: new residents, edits, a removal, a rule (district, street) or counter
    work (an office)."""
    if ws.site.code != D and rng.random() < 0.5:
        _counter(ws, rng)
        return
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
    """A counter (the street's or an office's): a resident, a passbook, deposits (records that refer
    to each other), or a resident bringing a book another counter issued: a deposit, and now and then
    the pending lines printed."""
    with ws.read() as s:  # books another counter issued first, when this one knows any
        books = s.execute(select(Passbook.number, Passbook.origin).where(Passbook.status == "active")).all()
    known = sorted(n for n, origin in books if origin != ws.site.code) or sorted(n for n, _ in books)
    if known and rng.random() < 0.6:
        number = rng.choice(known)
        pb.deposit(ws, number, rng.randint(1, 30), "助老服务", hours=1)
        if rng.random() < 0.4:
            print_at_counter(ws, number, ws.data_dir)
        return
    person = create_person(ws, PersonInput(name=f"居民{rng.randint(0, 10**6)}", is_volunteer=True))
    book = pb.open_passbook(ws, person.uid)
    for _ in range(rng.randint(1, 3)):
        pb.deposit(ws, book.number, rng.randint(1, 50), "助老服务", hours=rng.randint(1, 3))


def _double_redemption(sites, tmp_path: Path) -> str:
    """A book of office 1 that office 2 also knows; both counters, offline, redeem 80 of its 100,
    and both bundles reach the street: 60 points overdrawn."""
    person = create_person(sites[O1], PersonInput(name="孙丽", is_volunteer=True))
    number = pb.open_passbook(sites[O1], person.uid).number
    pb.deposit(sites[O1], number, 100, "助老服务", hours=4)
    move(sites[O1], sites[S], tmp_path)
    move(sites[S], sites[O2], tmp_path)
    pb.redeem(sites[O1], number, 80, "兑换米面")
    pb.redeem(sites[O2], number, 80, "兑换米面")
    for office in (O1, O2):  # both sticks reach the street before anything else is written
        move(sites[office], sites[S], tmp_path)
    return number


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
    overdrawn = _double_redemption(sites, tmp_path)
    n = twice = late = 0
    delivered: set[Path] = set()
    for _ in range(48):
        roll = rng.random()
        if roll < 0.45:
            _write(sites[rng.choice(list(sites))], rng)
        elif roll < 0.7:
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
        books = {b.number: (b.origin, b.balance) for b in session.scalars(select(Passbook))}
    assert {O1, O2} <= {origin for origin, _ in books.values()}
    assert all(balance > 0 for number, (_, balance) in books.items() if number != overdrawn)
    with sites[S].read() as session:  # one passbook, several counters: every counter shows the same book
        numbers = sorted(session.scalars(select(Passbook.number)))
        crossed = session.scalar(select(func.count()).select_from(LedgerEntry).join(
            Passbook, Passbook.uid == LedgerEntry.passbook_uid).where(LedgerEntry.origin != Passbook.origin))
    assert crossed >= 3  # the schedule had residents bring books to counters that did not issue them
    for number in numbers:
        at_street = counter_view(sites[S], number)
        for office in (O1, O2):
            with sites[office].read() as session:
                held = session.scalar(select(Passbook.uid).where(Passbook.number == number))
            if held:
                assert counter_view(sites[office], number) == at_street, (office, number)
    (case,) = list_overdraws(sites[S])  # the injected double redemption: one conflict, at the street
    assert case.number == overdrawn and case.balance_found < 0
    negative = pb.get_passbook(sites[S], overdrawn).balance < 0  # later deposits may have covered it
    assert [pb.get_passbook(sites[o], overdrawn).overdrawn for o in (O1, O2)] == [negative, negative]
    for ws in sites.values():
        assert [(p.code, p.pending) for p in sync_status(ws).peers] == [(p.code, 0) for p in sync_status(ws).peers]
