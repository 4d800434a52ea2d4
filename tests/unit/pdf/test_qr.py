"""The fast QR encoder gives exactly the symbols of the `qrcode` package for verification payloads."""

from __future__ import annotations

import random

from yichao.app.certificates.verification import qr_payload
from yichao.app.pdf.qr import ALNUM, _library_matrix, fits_fast_path, qr_matrix


def test_fast_symbols_equal_the_reference_library():
    rng = random.Random(2026)
    checked = 0
    for _ in range(400):
        text = "".join(rng.choice(ALNUM) for _ in range(rng.randint(1, 38)))
        if not fits_fast_path(text):
            continue
        assert qr_matrix(text) == _library_matrix(text), text
        checked += 1
    assert checked > 350


def test_certificate_payloads_take_the_fast_path_and_others_fall_back():
    payload = qr_payload("DL-2026-RZ-0001", "ABCD2345")
    assert fits_fast_path(payload) and len(qr_matrix(payload)) == 25
    assert qr_matrix(payload) == _library_matrix(payload)
    long_text = "https://example.org/verify?code=abcd-2345&serial=DL-2026-RZ-0001"
    assert not fits_fast_path(long_text)
    assert qr_matrix(long_text) == _library_matrix(long_text, version=None)


def test_image_bytes_are_the_symbol_rows_padded_to_whole_bytes():
    from yichao.app.pdf.qr import qr_image, qr_rows

    rng = random.Random(8)
    payloads = ["".join(rng.choice(ALNUM) for _ in range(rng.randint(1, 38))) for _ in range(200)]
    payloads.append("https://example.org/verify?code=abcd-2345")  # the library's symbol, version 3 or more
    for text in payloads:
        side, data = qr_image(text)
        rows = qr_rows(text)
        assert side == len(rows)
        width = (side + 7) // 8 * 8
        bits = "".join(row.ljust(width, "0") for row in rows)
        assert data == int(bits, 2).to_bytes(len(bits) // 8, "big").hex(), text
