"""Certificates (证书): what each kind says, layouts, the register with serials, reprints and
revocation, offline verification codes, print runs. PDFs are drawn through :mod:`yichao.app.pdf`.

The names below are the use cases pages and the CLI call; the modules behind them are private
to this package (tests may reach into them)."""

from yichao.app.certificates.batch import PrintResult, print_certificates, reprint_certificates, result_sheets
from yichao.app.certificates.labels import KIND_LABELS, LAYOUT_LABELS, REPRINT_REASONS, STATUS_LABELS
from yichao.app.certificates.layouts import layout_name, layout_names, load_layout
from yichao.app.certificates.lookup import (
    CertificateFilter,
    candidates,
    certificate_rows,
    count_certificates,
    query_certificates,
    verify_certificate,
)
from yichao.app.certificates.print_setup import get_setup, output_folder, save_setup, set_image
from yichao.app.certificates.register import CertificateRow, kinds, print_history, revoke_certificate

__all__ = [
    "KIND_LABELS",
    "LAYOUT_LABELS",
    "REPRINT_REASONS",
    "STATUS_LABELS",
    "certificate_rows",
    "CertificateFilter",
    "CertificateRow",
    "PrintResult",
    "candidates",
    "count_certificates",
    "get_setup",
    "kinds",
    "layout_name",
    "layout_names",
    "load_layout",
    "output_folder",
    "print_certificates",
    "print_history",
    "query_certificates",
    "reprint_certificates",
    "result_sheets",
    "revoke_certificate",
    "save_setup",
    "set_image",
    "verify_certificate",
]
