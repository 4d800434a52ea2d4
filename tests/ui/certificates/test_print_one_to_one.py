"""Certificates go to the printer at 1:1 as vector text placed like the preview PDF; a reprint is a
deliberate action with a reason, and a double-click only opens the record."""

from __future__ import annotations

import subprocess

from PySide6.QtWidgets import QComboBox

from tests.ui.modal import answer, seen
from tests.ui.passbook.test_print_one_to_one import TOLERANCE, page_sizes, pdf_printer, words
from yichao.app.certificates import load_layout, result_sheets
from yichao.app.certificates.batch import print_certificates
from yichao.app.certificates.register import get_certificate, print_history
from yichao.app.core.pinyin import initials
from yichao.models.organization import Organization
from yichao.ui.dialogs.pdf_preview import PdfPreviewDialog
from yichao.ui.pages.certificates import page as page_module


def orgs(ws, *names):
    uids = []
    with ws.unit() as s:
        for name in names:
            o = Organization(name=name, stage="nursery", name_initials=initials(name))
            s.add(o)
            s.flush()
            uids.append(o.uid)
    return uids


def test_certificates_print_at_their_paper_size_as_text_placed_like_the_pdf(qtbot, workspace, tmp_path):
    uids = orgs(workspace, "夕阳情艺术团", "邻里守望队")
    result = print_certificates(workspace, "entry", uids, tmp_path / "entry.pdf")
    preview = PdfPreviewDialog(result.path, "证书", sheets=lambda: result_sheets(result))
    qtbot.addWidget(preview)
    out = tmp_path / "printed.pdf"
    assert preview.print_to(pdf_printer(out)) == 2
    layout = result.options.layout
    assert layout == load_layout(layout.name)
    for width, height in page_sizes(out):
        assert abs(width - layout.width_mm) < TOLERANCE and abs(height - layout.height_mm) < TOLERANCE
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 2  # no page image (and no seal set up)
    printed, previewed = words(out), words(result.path)
    for qt_page, rl_page in zip(printed, previewed):
        texts = [w for w, *_ in qt_page]
        assert "夕阳情艺术团：" in texts or "邻里守望队：" in texts
        for word, x0, x1, y1 in qt_page:
            same = [r for r in rl_page if r[0] == word]
            if same:  # the same line: it starts, ends and sits where the PDF has it
                assert any(abs(r[1] - x0) < TOLERANCE and abs(r[2] - x1) < TOLERANCE and abs(r[3] - y1) < TOLERANCE
                           for r in same), word
            else:  # a character of a spaced title, placed one by one: inside the PDF's word
                assert len(word) == 1 and any(word in r[0] and r[1] - TOLERANCE <= x0 and x1 <= r[2] + TOLERANCE
                                              and abs(r[3] - y1) < TOLERANCE for r in rl_page), word
        assert {w for w, *_ in rl_page} <= {w for w, *_ in qt_page} | {"入驻证书"}


def test_double_click_opens_the_record_and_a_reprint_asks_why(qtbot, workspace, tmp_path, monkeypatch):
    (uid,) = orgs(workspace, "夕阳情艺术团")
    cert = print_certificates(workspace, "entry", [uid], tmp_path / "a.pdf").pages[0].row
    page = page_module.CertificatesPage(workspace)
    qtbot.addWidget(page)
    page.view.setCurrentIndex(page.model.index(0, 0))
    shown: list[str] = []
    monkeypatch.setattr(page_module.QMessageBox, "exec", lambda box: shown.append(box.text()))
    page.view.doubleClicked.emit(page.model.index(0, 0))
    assert shown and cert.serial in shown[0]
    assert get_certificate(workspace, cert.uid).print_count == 1  # nothing printed

    answer("confirm-cancel")
    page.reprint()
    assert get_certificate(workspace, cert.uid).print_count == 1
    assert cert.serial in seen[-1]

    monkeypatch.setattr(page_module.CertificatesPage, "open_preview", lambda self, path, result=None: None)

    def because_damaged(dialog) -> None:
        combo = dialog.findChild(QComboBox, "ask-choice")
        combo.setCurrentIndex(combo.findData("损坏"))

    answer("confirm-action", fill=because_damaged)
    page.reprint()
    qtbot.waitUntil(lambda: get_certificate(workspace, cert.uid).print_count == 2, timeout=20_000)
    assert print_history(workspace, cert.uid)[-1].reason == "损坏"
