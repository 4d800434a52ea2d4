"""The redemption catalog (兑换目录): items, this site's stock, and redeeming an item at the counter.

Items the district publishes are read-only at the street, but each site keeps its own stock record
(single writer: the district owns the item, the street owns its shelf). Stock never goes below zero.
A community savings office publishes no items (yichao.app.core.levels) but keeps its own stock of
the district's and its street's items: stock is per level, one record per item and site.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from yichao.app.core.db_errors import retry_lost_race
from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.own_records import save_own
from yichao.app.core.workspace import Workspace
from yichao.app.passbook.accounts import load_book, operator_name, require_active
from yichao.app.passbook.ledger import EntryRow, append_entry, entry_row
from yichao.app.passbook.stock import move_stock, stock_row
from yichao.models.passbook import CatalogItem, CatalogStock


@dataclass(frozen=True)
class ItemInput:
    name: str
    points: int
    category: str = ""
    unit: str = "件"
    active: bool = True


@dataclass(frozen=True)
class ItemRow:
    uid: str
    name: str
    category: str
    points: int
    unit: str
    active: bool
    stock: int
    origin: str
    read_only: bool


def list_items(ws: Workspace, active_only: bool = False) -> list[ItemRow]:
    site = ws.site.code
    with ws.read() as session:
        stmt = select(CatalogItem, CatalogStock.quantity).outerjoin(
            CatalogStock, (CatalogStock.item_uid == CatalogItem.uid) & (CatalogStock.site_code == site)
        ).where(CatalogItem.deleted.is_(False))
        if active_only:
            stmt = stmt.where(CatalogItem.active.is_(True))
        return [ItemRow(i.uid, i.name, i.category, i.points, i.unit, i.active, qty or 0, i.origin, i.origin != site)
                for i, qty in session.execute(stmt.order_by(CatalogItem.points, CatalogItem.name))]


def save_item(ws: Workspace, data: ItemInput, uid: str | None = None) -> ItemRow:
    """Add a street item or change one; the district's items are refused with a sentence."""
    ws.require("staff", "维护兑换目录", work="catalog")
    name = " ".join(data.name.split())
    if not name:
        raise UserError("物品名称不能为空。")
    if not isinstance(data.points, int) or not 0 < data.points <= 100_000:
        raise UserError("兑换所需积分应在 1 到 100000 之间。")
    values = {"name": name, "points": data.points, "category": data.category.strip(),
              "unit": data.unit.strip() or "件", "active": data.active}
    site = ws.site.code
    with ws.unit() as session:
        item = save_own(session, CatalogItem, uid, values, site, missing="找不到这个兑换物品。",
                        foreign="这个兑换物品由区里统一发布，街道只能查看，不能修改。")
        stock = stock_row(session, item.uid, site)
        return ItemRow(item.uid, item.name, item.category, item.points, item.unit, item.active,
                       stock.quantity if stock else 0, item.origin, item.origin != site)


def restock(ws: Workspace, item_uid: str, delta: int) -> int:
    """入库 (positive) or a stock correction (negative) for this site; never below zero."""
    ws.require("staff", "调整兑换库存")
    if not isinstance(delta, int) or delta == 0:
        raise UserError("库存变动数量必须是非零整数。")
    with ws.unit() as session:
        if session.get(CatalogItem, item_uid) is None:
            raise NotFound("找不到这个兑换物品。")
        return move_stock(session, item_uid, delta, ws.site.code)


@retry_lost_race
def redeem_item(ws: Workspace, number: str, item_uid: str, quantity: int = 1) -> EntryRow:
    """支取 for catalog items: points and stock move together, or neither does."""
    ws.require("staff", "兑换物品")
    if not isinstance(quantity, int) or not 0 < quantity <= 100:
        raise UserError("兑换数量应在 1 到 100 之间。")
    with ws.unit() as session:
        book = load_book(session, number)
        require_active(book)
        item = session.get(CatalogItem, item_uid)
        if item is None or item.deleted or not item.active:
            raise NotFound("这个物品不在兑换目录里。")
        points = item.points * quantity
        if book.balance < points:
            raise UserError(
                f"存折 {book.number} 余额只有 {book.balance} 分，兑换 {item.name}×{quantity} 需要 {points} 分。"
            )
        move_stock(session, item.uid, -quantity, ws.site.code)
        memo = f"兑换 {item.name}×{quantity}{item.unit}" if quantity > 1 else f"兑换 {item.name}"
        entry = append_entry(session, book, kind="redeem", memo=memo[:100], points=-points, source_kind="catalog",
                             source_uid=item.uid, quantity=quantity, operator=operator_name(ws))
        session.flush()
        return entry_row(entry)
