"""The street between its district and its community savings offices (issue 17 point 2, the
downward half): the district's records reach an office through the office's street.

A bundle carries the records of its sender (single writer, DESIGN.md section 3). An office exchanges
only with its street, so the street passes the district's records on to it: they keep the district's
origin and stay read-only at the office as at the street. The street holds them until the office
acknowledges, exactly like its own, so a lost stick between street and office heals with the next
bundle. The office takes records of the district's origin from its own street only.

Not here yet: offices' records relayed up to the district (their signatures checkable there) and
acknowledgements travelling back to the first sender.
"""

from __future__ import annotations

from yichao.app.core.workspace import SiteInfo

DISTRICT_DIGITS, STREET_DIGITS, OFFICE_DIGITS = 6, 9, 12


def is_office_of(street: SiteInfo, code: str, role: str) -> bool:
    """Whether site ``code`` (of ``role``, as its key file says) is a community office of ``street``."""
    return (street.role == "street" and role == "community" and len(code) == OFFICE_DIGITS
            and code.startswith(street.code))


def relayed_to(site: SiteInfo, peer_code: str, peer_role: str) -> tuple[str, ...]:
    """Origins besides our own that our bundles to the peer carry: a street's offices get its district's."""
    if site.parent_code and is_office_of(site, peer_code, peer_role):
        return (site.parent_code,)
    return ()


def relayed_from(site: SiteInfo, sender: str) -> tuple[str, ...]:
    """Origins besides the sender's that we take from it: an office takes its district's records
    from its street (a street's code begins with its district's six digits)."""
    if site.role == "community" and sender == site.parent_code and len(sender) == STREET_DIGITS:
        return (sender[:DISTRICT_DIGITS],)
    return ()
