"""Certificates checked with real PDF tools: the CJK font embedded (pdffonts), the recipient's name
extractable (pdftotext), every kind renderable (pdftoppm; PNGs kept for a reviewer), text that fits."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from yichao.app.certificates import subjects
from yichao.app.certificates.batch import print_certificates
from yichao.app.certificates.chinese_date import chinese_date
from yichao.app.pdf.document import Box, fit, new_canvas, text_width, wrap
from yichao.app.pdf.fonts import register_cjk_font
from yichao.app.roadshow.awards import AwardSubject
from yichao.models.organization import Organization
from yichao.models.person import Person

pytestmark = pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")

LONG_NAME = "济南市历下区甸柳街道夕阳红老年志愿服务协会暨社区邻里互助与文化艺术发展促进中心"
OUTPUT = (
    Path(os.environ.get("YICHAO_TEST_OUTPUT", Path(__file__).resolve().parents[3] / "build" / "test-output"))
    / "certificates"
)


def run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def _subjects(ws, monkeypatch):
    with ws.unit() as s:
        entry = Organization(name="夕阳情艺术团", stage="nursery", credit_code=None)
        grad = Organization(name=LONG_NAME, stage="graduated")
        rated = Organization(name="邻里守望志愿服务队", stage="scaling")
        person = Person(name="欧阳秀英", is_volunteer=True, volunteer_number="V001000088")
        s.add_all([entry, grad, rated, person])
        s.flush()
        uids = {"entry": entry.uid, "graduation": grad.uid, "rating": rated.uid, "volunteer": person.uid,
                "award": "project-1"}
    monkeypatch.setattr(subjects, "volunteer_hours", lambda ws, uid: 612)
    award = AwardSubject("project-1", "四点半课堂：双职工家庭子女课后托管与成长陪伴计划", "甸柳青少年成长服务社", 1,
                         "2026年甸柳街道公益创投大赛一等奖", "一等奖", 91.5, "roadshow-1", "2026年甸柳街道公益创投大赛",
                         date(2026, 5, 20), "2026年公益创投")
    monkeypatch.setattr(subjects, "project_award_subject", lambda ws, uid: award)
    names = {"entry": "夕阳情艺术团", "graduation": LONG_NAME, "rating": "邻里守望志愿服务队",
             "volunteer": "欧阳秀英", "award": "甸柳青少年成长服务社"}
    return uids, names


@pytest.mark.parametrize("kind", ["entry", "graduation", "rating", "volunteer", "award"])
def test_each_kind_embeds_the_font_gives_back_the_name_and_renders(workspace, tmp_path, monkeypatch, kind):
    uids, names = _subjects(workspace, monkeypatch)
    pdf = tmp_path / f"{kind}.pdf"
    extra = {"stars": 5} if kind == "rating" else None
    row = print_certificates(workspace, kind, [uids[kind]], pdf, extra=extra).pages[0].row
    fonts = run("pdffonts", str(pdf))
    font_lines = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert font_lines, fonts
    assert all("WenQuanYiMicroHei" in line for line in font_lines), fonts  # no viewer font stands in
    assert all(line.split()[-5] == "yes" for line in font_lines), fonts  # emb column: embedded (subset)
    text = run("pdftotext", "-layout", str(pdf), "-")
    flat = "".join(text.split())
    assert names[kind] in flat
    assert row.serial in flat and row.code in flat
    assert chinese_date(date.today()) in flat
    OUTPUT.mkdir(parents=True, exist_ok=True)
    run("pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(OUTPUT / kind))
    png = OUTPUT / f"{kind}.png"
    assert png.exists() and png.stat().st_size > 10_000
    if shutil.which("zbarimg"):  # a real QR reader gets the payload back from the 60 dpi picture
        scanned = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout.strip()
        assert scanned == row.content["qr"]
        from yichao.app.certificates.lookup import verify_certificate

        assert verify_certificate(workspace, scanned).valid
    size = run("pdfinfo", str(pdf))
    landscape = "841.89 x 595.276" in size
    assert landscape == (kind != "volunteer")


def test_preprinted_paper_prints_only_the_variable_text_moved_by_the_offset(workspace, tmp_path, monkeypatch):
    uids, names = _subjects(workspace, monkeypatch)
    plain = tmp_path / "plain.pdf"
    pre = tmp_path / "pre.pdf"
    print_certificates(workspace, "entry", [uids["entry"]], plain, preprinted=False)
    workspace.settings.set("certificate_offset_x_mm", 10.0)
    print_certificates(workspace, "entry", [uids["entry"]], pre, preprinted=True)  # a reprint of the same
    plain_text = "".join(run("pdftotext", str(plain), "-").split())
    pre_text = "".join(run("pdftotext", str(pre), "-").split())
    assert "入驻证书" in plain_text.replace(" ", "") or "入驻证书" in "".join(plain_text)
    assert "入驻证书" not in pre_text  # the title is on the paper already
    assert names["entry"] in pre_text and "补打" in pre_text

    def x_of(pdf: Path, word: str) -> float:
        html = run("pdftotext", "-bbox", str(pdf), "-")
        for line in html.splitlines():
            if f">{word}<" in line:
                return float(line.split('xMin="')[1].split('"')[0])
        raise AssertionError(word)

    shift = x_of(pre, "夕阳情艺术团：") - x_of(plain, "夕阳情艺术团：")
    assert shift == pytest.approx(10 * 72 / 25.4, abs=0.5)


def test_long_names_shrink_then_wrap_and_never_leave_the_box():
    font = register_cjk_font()
    box = Box(0, 0, 205 * 72 / 25.4, 20 * 72 / 25.4)
    short = fit(font, "夕阳情艺术团", box, 26, 14)
    assert short.size == 26 and short.lines == ("夕阳情艺术团",)
    longer = fit(font, LONG_NAME, box, 26, 14)
    assert 14 <= longer.size < 26 and len(longer.lines) == 1
    assert text_width(font, longer.lines[0], longer.size) <= box.w
    huge = fit(font, LONG_NAME * 3, box, 26, 14)
    assert len(huge.lines) > 1
    assert all(text_width(font, line, huge.size) <= box.w + 0.01 for line in huge.lines)
    assert (len(huge.lines) - 1) * huge.size * huge.leading + huge.size <= box.h + 0.01
    assert "".join(huge.lines) == LONG_NAME * 3


def test_wrapping_keeps_words_and_punctuation_rules():
    font = register_cjk_font()
    text = "这是一段用于测试的正文，其中包含统一社会信用代码52370102MJD0123456以及很多标点。" * 3
    lines = wrap(font, text, 12, 150)
    assert "".join(lines) == text
    assert all(not line.startswith(("，", "。")) for line in lines)
    assert any("52370102MJD0123456" in line for line in lines)
    assert all(text_width(font, line, 12) <= 150 + 0.01 for line in lines)


def test_body_text_of_a_huge_paragraph_stays_in_its_box(tmp_path):
    font = register_cjk_font()
    box = Box(50, 50, 300, 100)
    fitted = fit(font, "很长的正文。" * 200, box, 17, 9, wrap_first=True, leading=1.75)
    assert fitted.size < 9  # below the layout minimum, rather than overflowing
    assert (len(fitted.lines) - 1) * fitted.size * fitted.leading + fitted.size <= box.h + 0.01
    canvas = new_canvas(tmp_path / "x.pdf", (600, 300))
    canvas.save()
    assert (tmp_path / "x.pdf").exists()


def test_text_beyond_the_first_font_subset_is_drawn_embedded_and_extractable(tmp_path):
    """More than 256 different characters use several subsets of the embedded font; each stays text."""
    from yichao.app.pdf.document import TextBlock, draw_fitted

    font = register_cjk_font()
    chars = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 2000) if text_width(font, chr(c), 1) > 0.5)[:600]
    lines = [chars[n:n + 30] for n in range(0, len(chars), 30)]
    pdf = tmp_path / "many.pdf"
    canvas = new_canvas(pdf, (900, 1400))
    block = TextBlock(canvas)
    box = Box(20, 20, 860, 1360)
    draw_fitted(canvas, font, fit(font, "\n".join(lines[:10]), box, 20, 20, wrap_first=True), box, "left", "top",
                into=block)
    block.close()
    lower = Box(20, 20, 860, 700)
    draw_fitted(canvas, font, fit(font, "\n".join(lines[10:]), lower, 20, 20, wrap_first=True), lower, "left",
                "top", color="#b0161b", char_space=2)
    canvas.save()
    fonts = [line for line in run("pdffonts", str(pdf)).splitlines()[2:] if line.strip()]
    assert len(fonts) >= 3 and all(line.split()[-5] == "yes" for line in fonts)
    text = "".join(run("pdftotext", str(pdf), "-").split())
    assert all(line in text for line in lines), text
