"""Statistics (统计): figures, the report model, and its PDF and XLSX renderers.

Every number is computed by exactly one function in a ``fig_*`` module (registered in
:mod:`.figures`), so the 工作台, the PDF and the XLSX never disagree. Submodules are imported by
what needs them; nothing heavy (reportlab, openpyxl) is imported here.
"""
