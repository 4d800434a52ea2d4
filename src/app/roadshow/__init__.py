"""roadshow."""
