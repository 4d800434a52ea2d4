"""A district's certificate register names the street of each certificate and filters by street
(issue 14, point 5); a street's own register has neither."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.unit.sync.support import district_with_two_streets
from yichao.app.certificates import CertificateFilter, count_certificates, print_certificates
from yichao.models.organization import Organization


def test_district_register_has_a_street_column_and_filter(qtbot, make_workspace, tmp_path):
    from yichao.ui.pages.certificates.page import CertificatesPage

    def fill(ws) -> None:
        with ws.unit() as s:
            orgs = [Organization(name=f"{ws.site.name}{n}", stage="nursery") for n in ("书画社", "舞蹈队")]
            s.add_all(orgs)
            s.flush()
            uids = [o.uid for o in orgs]
        print_certificates(ws, "entry", uids if ws.site.code.endswith("1") else uids[:1],
                           tmp_path / f"{ws.site.code}.pdf")

    a, b, d = district_with_two_streets(make_workspace, tmp_path, fill)
    page = CertificatesPage(d)
    qtbot.addWidget(page)
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    col = headers.index("Street")
    assert headers[col - 1] == "Recipient" and not page.street_filter.isHidden()
    assert page.view.horizontalHeader().sortIndicatorSection() == headers.index("Issued")
    rows = sorted((model.data(model.index(r, 2)), model.data(model.index(r, col))) for r in range(model.rowCount()))
    assert rows == [("姚家街道书画社", "姚家街道"), ("甸柳街道书画社", "甸柳街道"), ("甸柳街道舞蹈队", "甸柳街道")]
    page.street_filter.setCurrentIndex(page.street_filter.findData(a.site.code))
    assert model.rowCount() == 2
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("entry"))
    assert model.rowCount() == 2
    page.street_filter.setCurrentIndex(page.street_filter.findData(b.site.code))
    assert model.rowCount() == 1 and model.data(model.index(0, col)) == "姚家街道"
    assert count_certificates(d, CertificateFilter(origin=b.site.code)) == 1  # filtered in SQL

    own = CertificatesPage(a)
    qtbot.addWidget(own)
    assert own.street_filter.isHidden()
    assert "Street" not in [own.model.headerData(c, Qt.Orientation.Horizontal) for c in range(own.model.columnCount())]
    assert own.view.horizontalHeader().sortIndicatorSection() == 3  # 签发日期, as before
