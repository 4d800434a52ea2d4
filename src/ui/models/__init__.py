"""Qt item models that adapt app services' rows to views; each is tested bare with qtmodeltester."""
