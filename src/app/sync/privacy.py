"""Private columns (``__journal_exclude__``, e.g. Person.id_number) on their way to another site.

By default such a value leaves the site only masked plus a keyed hash (HMAC-SHA256): the district
can tell that two streets know the same resident without holding the number. The district may ask
for more in its policy (``sync_identity_policy = "full"`` in its settings), which travels to the
streets in the district's bundles.
"""

from __future__ import annotations

import json
from typing import Any

from yichao.app.sync import crypto
from yichao.app.sync.keys import LocalKeys
from yichao.models.identifiers import mask_id_number
from yichao.models.sync import SyncPeer

POLICY_SETTING = "sync_identity_policy"
POLICIES = ("masked", "full")


def mask(value: str) -> str:
    return mask_id_number(value) if len(value) >= 14 else "*" * len(value)


def hash_key_for(role: str, keys: LocalKeys, peer: SyncPeer) -> bytes:
    """The district-wide key: a district's own, or the one a street learnt from its district.

    Before a street has heard from its district it uses the pair's key; once the district's key
    arrives, the next bundles re-send every hash until the district has acknowledged them.
    """
    if role == "district":
        return keys.hash_key
    if peer.hash_key:
        return bytes.fromhex(peer.hash_key)
    return crypto.pair_secret(keys.pair.box_private, bytes.fromhex(peer.box_public), b"id hash")


def wants_full(peer: SyncPeer) -> bool:
    try:
        return json.loads(peer.policy or "{}").get("identity") == "full"
    except (ValueError, AttributeError):
        return False


def protect(value: Any, key: bytes) -> dict[str, str] | None:
    if value is None or value == "":
        return None
    text = str(value)
    return {"masked": mask(text), "hmac": crypto.hmac_hex(key, text)}
