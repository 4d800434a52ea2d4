"""What the district learns about a person: the written policy, and the one place the export asks.

The policy (DESIGN.md section 3, README "Privacy"): a site's bundle to its parent (a street's to
its district, a community office's to its street) gives the parent the resident records it holds
**with full identity numbers**. The district is the civil-affairs office the street reports to; it
needs the number to recognise one resident registered in two streets (a move, a volunteer in
both). A masked number plus a hash the district could recompute over the birth dates would only
pretend otherwise, so the policy says it plainly and the street's clerk sees :data:`POLICY_NOTICE`
when trusting the parent's key file, before any bundle can be made. The number travels only
inside bundles sealed to the parent's key, and is sealed at rest there as at the street
(``yichao.models.sealed_column``).

Downwards (a district's or street's own residents going to a child site) the number is left out;
records given back to the site that made them keep theirs (they are its own). No key that
protects numbers leaves a site: matching across streets is done by the receiver alone
(``identity.py``), and bundles carry no digests of numbers at all.
"""

from __future__ import annotations

from yichao.app.core.workspace import SiteInfo
from yichao.models.sync import SyncPeer

POLICY = "full"  # what the manifest states: the parent site holds full identity numbers
POLICY_NOTICE = ("隐私说明：本站点导出给上级（区或街道）的数据包里，居民记录带有完整的身份证号码，"
                 "以便上级识别在多个街道登记的同一位居民。数据包加密后只有上级能打开，"
                 "双方都把身份证号码加密保存，不会发给其他街道。")


def sends_full(site: SiteInfo, peer: SyncPeer) -> bool:
    """Whether our own private values (identity numbers) go to ``peer`` in full: only upwards."""
    return bool(site.parent_code) and peer.code == site.parent_code
