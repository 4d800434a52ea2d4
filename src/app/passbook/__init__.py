"""passbook."""
