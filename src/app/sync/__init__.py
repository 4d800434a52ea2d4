"""District sync (DESIGN.md section 3): keys, signed and encrypted cumulative bundles, import.

Generic over the journal: every class with the sync mixin (``journaled_models()``) except those
marked ``__synced__ = False`` travels; a site sends the records whose ``origin`` is its own code.
"""
