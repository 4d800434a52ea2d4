"""工作台: the figures and to-dos a clerk sees first."""
