"""This site's stock of redemption catalog items (爱心超市): one row per item and site, never below zero."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.errors import UserError
from yichao.models.passbook import CatalogItem, CatalogStock


def stock_row(session: Session, item_uid: str, site: str) -> CatalogStock | None:
    return session.scalars(select(CatalogStock).where(
        CatalogStock.item_uid == item_uid, CatalogStock.site_code == site)).first()


def move_stock(session: Session, item_uid: str, delta: int, site: str) -> int:
    """Change this site's stock by ``delta``; refuses to go below zero. Returns the new quantity."""
    stock = stock_row(session, item_uid, site)
    have = stock.quantity if stock else 0
    if have + delta < 0:
        item = session.get(CatalogItem, item_uid)
        raise UserError(f"“{item.name if item else '该物品'}”库存只有 {have}，不够兑换 {-delta}。")
    if stock is None:
        stock = CatalogStock(item_uid=item_uid, site_code=site, quantity=0)
        session.add(stock)
    stock.quantity = have + delta
    return stock.quantity
