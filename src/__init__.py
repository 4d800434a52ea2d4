"""益巢 Yichao: the desktop workbench of a street-level social-organization incubation center.

Layers (DESIGN.md section 1): ``yichao.ui -> yichao.app -> yichao.models``.
"""

__version__ = "0.1.0"
