"""Demo step (``yichao demo --with-offices``): two community savings offices (社区储蓄所) of the demo
street, each with its own counter's work, that have exchanged bundles with the street (issue 17
point 6).

The offices are throw-away sites made in the demo's shadow folder (their data folders and keys go
with it): each is set up with `init`'s own code, trusts the street's key and is trusted by it,
records residents, passbooks, deposits, redemptions and needs through the services a clerk uses,
receives the street's bundle (its rules and catalog) and sends its own back, so the street ends
holding both offices' records with their origin, shown in its roll-up by site. The demo touches
no other key: the street trusts no stand-in district and holds no district-origin record.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from yichao.app import sync
from yichao.app.core import CurrentUser, initialize
from yichao.app.demo import DemoContext
from yichao.app.demo.names import mobile, person_name
from yichao.app.needs import NeedInput, create_need, publish
from yichao.app.passbook import deposit, open_passbook, redeem
from yichao.app.people import PersonInput, create_person

if TYPE_CHECKING:
    from yichao.app.core import Workspace

# communities the demo street does not list itself (names.COMMUNITY_NAMES): an office brings its own
OFFICES = (("901", "甸柳新村社区储蓄所"), ("902", "窑头社区储蓄所"))
SERVICES = (("助老服务", 2.0), ("环境清洁", 1.5), ("助残服务", 1.0), ("文明劝导", 0.5))


@dataclass(frozen=True)
class DemoOffice:
    code: str
    name: str
    folder: Path


def office_sites(ws: Workspace, ctx: DemoContext) -> list[DemoOffice]:
    """The offices this demo makes under ``ws``'s street, in the shadow folder."""
    scratch = Path(ctx.scratch or ws.data_dir)
    return [DemoOffice(ws.site.code + tail, name, scratch / f"office-{ws.site.code}{tail}") for tail, name in OFFICES]


def run(ws: Workspace, ctx: DemoContext) -> str:
    ws.require("admin", "生成演示数据", work="demo")
    made = []
    for office in office_sites(ws, ctx):
        site = initialize(office.folder, "community", office.code, office.name, "admin",
                          secrets.token_urlsafe(18), ws.site.code, ws.site.name)
        try:
            site.user = CurrentUser("admin", "admin", "管理员")
            _pair(ws, site, office.folder)
            _exchange(ws, site, office.folder, "1")  # the street's rules and catalog reach the office
            people = _counter(site, ctx)
            _exchange(site, ws, office.folder, "2")  # the office's work reaches the street
            _exchange(ws, site, office.folder, "3")  # and the street's acknowledgement goes back
        finally:
            site.close()
        made.append(f"{office.name}（居民 {people} 人）")
    return f"社区储蓄所 {len(made)} 个，已与街道交换数据包：" + "、".join(made)


def _pair(street: Workspace, office: Workspace, folder: Path) -> None:
    """Key files both ways, as a street and its office do once."""
    mine, theirs = folder / "street.key", folder / "office.key"
    sync.export_key_file(street, mine)
    sync.export_key_file(office, theirs)
    sync.trust_key_file(street, theirs)
    sync.trust_key_file(office, mine)


def _exchange(sender: Workspace, receiver: Workspace, folder: Path, n: str) -> None:
    path = folder / f"{sender.site.code}-{receiver.site.code}-{n}.ycb"
    sync.export_bundle(sender, receiver.site.code, path)
    sync.import_bundle(receiver, path)


def _counter(office: Workspace, ctx: DemoContext) -> int:
    """A small office's counter: residents (a third volunteers), their passbooks with service
    deposits and a few redemptions, and needs published for the street's volunteers."""
    rng = ctx.rng
    count = max(6, min(ctx.residents // 100, 120))
    people = [create_person(office, PersonInput(name=person_name(rng), phone=mobile(rng), is_volunteer=i % 3 == 0))
              for i in range(count)]
    for person in people:
        if not person.is_volunteer:
            continue
        book = open_passbook(office, person.uid)
        for _ in range(rng.randint(1, 4)):
            service, hours = rng.choice(SERVICES)
            deposit(office, book.number, int(hours * 10), service, hours=hours)
        if rng.random() < 0.4:
            redeem(office, book.number, 5, "兑换洗衣液")
    for i, person in enumerate(people[1::5]):
        need = create_need(office, NeedInput(f"{person.name}家需要{rng.choice(('陪同就医', '代购药品', '维修水管'))}",
                                             requester_uid=person.uid))
        if i % 2 == 0:
            publish(office, need.uid)
    return count
