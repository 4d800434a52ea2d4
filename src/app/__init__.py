"""Controller layer: one module per use-case family, the CLI. Plain Python, never Qt."""
