"""QR codes for certificates, fast enough for a 1,000-page batch.

Verification payloads (``YC:DL-2026-RZ-0001:ABCD2345``) are short and upper-case, so they always fit a
version-2 symbol in alphanumeric mode at error correction M. For that one case this module encodes the
symbol directly (mode bits, Reed-Solomon, zig-zag placement, mask 2): about ten times faster than the
general ``qrcode`` package. The fixed parts (finder, timing, alignment, format bits) are copied from a
symbol the ``qrcode`` package made, and the tests compare whole symbols with it. Anything else falls
back to ``qrcode``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_ALNUM_INDEX = {ch: n for n, ch in enumerate(ALNUM)}
_ALNUM_SET = frozenset(ALNUM)
SIZE = 25  # version 2
DATA_CODEWORDS = 28  # version 2-M
EC_CODEWORDS = 16
MAX_CHARS = 38  # alphanumeric capacity of 2-M
MASK = 2  # column % 3 == 0


def _library_matrix(payload: str, version: int | None = 2) -> list[list[bool]]:
    # qrcode on first use (printing only)
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(version=version, error_correction=ERROR_CORRECT_M, box_size=1, border=0,
                         mask_pattern=MASK)
    code.add_data(payload, optimize=0)
    code.make(fit=version is None)
    return code.get_matrix()


def _function_modules() -> list[list[bool]]:
    """Modules that carry no data in a version-2 symbol."""
    f = [[False] * SIZE for _ in range(SIZE)]
    for r0, c0 in ((0, 0), (0, SIZE - 8), (SIZE - 8, 0)):  # finders with separators
        for r in range(r0, r0 + 8):
            for c in range(c0, c0 + 8):
                f[r][c] = True
    for i in range(SIZE):  # timing
        f[6][i] = f[i][6] = True
    for r in range(16, 21):  # alignment pattern around (18, 18)
        for c in range(16, 21):
            f[r][c] = True
    for i in range(9):  # format information next to the finders
        f[8][i] = f[i][8] = True
    for i in range(8):
        f[8][SIZE - 1 - i] = f[SIZE - 1 - i][8] = True
    f[SIZE - 8][8] = True  # the dark module
    return f


@lru_cache(maxsize=1)
def _template() -> tuple[tuple[tuple[bool, ...], ...], tuple[tuple[int, int, bool], ...]]:
    """The fixed modules (from the library) and, in placement order, each data module and its mask bit."""
    reference = _library_matrix("YC:TEMPLATE")
    function = _function_modules()
    fixed = tuple(tuple(reference[r][c] if function[r][c] else False for c in range(SIZE)) for r in range(SIZE))
    order: list[tuple[int, int, bool]] = []
    col, upward = SIZE - 1, True
    while col > 0:
        if col == 6:
            col -= 1
        rows = range(SIZE - 1, -1, -1) if upward else range(SIZE)
        for r in rows:
            for c in (col, col - 1):
                if not function[r][c]:
                    order.append((r, c, c % 3 == 0))
        upward = not upward
        col -= 2
    return fixed, tuple(order)


@lru_cache(maxsize=1)
def _gf() -> tuple[list[int], list[int], list[int]]:
    exp, log = [0] * 512, [0] * 256
    x = 1
    for i in range(255):
        exp[i] = x
        log[x] = i
        x <<= 1
        if x & 0x100:
            x ^= 0x11D
    for i in range(255, 512):
        exp[i] = exp[i - 255]
    gen = [1]
    for i in range(EC_CODEWORDS):
        nxt = [0] * (len(gen) + 1)
        for j, g in enumerate(gen):
            nxt[j] ^= g
            if g:
                nxt[j + 1] ^= exp[log[g] + i]
        gen = nxt
    return exp, log, gen


@lru_cache(maxsize=1)
def _ec_table() -> list[int]:
    """For each feedback byte, the generator multiple as one 128-bit number (a shift-register step)."""
    exp, log, gen = _gf()
    table = [0] * 256
    for factor in range(1, 256):
        value = 0
        for g in gen[1:]:
            value = (value << 8) | (exp[log[factor] + log[g]] if g else 0)
        table[factor] = value
    return table


def _ec(data: list[int]) -> list[int]:
    """Reed-Solomon error-correction codewords (polynomial division as a 16-byte shift register)."""
    table, reg, keep = _ec_table(), 0, (1 << (8 * EC_CODEWORDS)) - 1
    for byte in data:
        reg = ((reg << 8) & keep) ^ table[byte ^ (reg >> (8 * EC_CODEWORDS - 8))]
    return list(reg.to_bytes(EC_CODEWORDS, "big"))


def _data_codewords(payload: str) -> list[int]:
    """Mode, count, the characters in pairs, terminator and padding: the 28 data codewords."""
    value, length = 0b0010, 4
    value = (value << 9) | len(payload)
    length += 9
    index = _ALNUM_INDEX
    for i in range(0, len(payload) - 1, 2):
        value = (value << 11) | (index[payload[i]] * 45 + index[payload[i + 1]])
        length += 11
    if len(payload) % 2:
        value = (value << 6) | index[payload[-1]]
        length += 6
    capacity = DATA_CODEWORDS * 8
    terminator = min(4, capacity - length)
    value <<= terminator
    length += terminator
    fill = -length % 8
    value <<= fill
    length += fill
    data = list(value.to_bytes(length // 8, "big"))
    pad = (0xEC, 0x11)
    data += [pad[i % 2] for i in range(DATA_CODEWORDS - len(data))]
    return data


def _symbol_bit(r: int, c: int) -> int:
    """Module (r, c) as bit r*25+c of one number (``qr_rows`` reads it back to front)."""
    return 1 << (r * SIZE + c)


IMAGE_ROW = 32  # a 1-bit image row padded to whole bytes: 25 modules and 7 zero bits


def _image_bit(r: int, c: int) -> int:
    """Module (r, c) where a 1-bit image of 4-byte rows has it, most significant bit first."""
    return 1 << (SIZE * IMAGE_ROW - 1 - (r * IMAGE_ROW + c))


@lru_cache(maxsize=2)
def _placement(bit: Callable[[int, int], int] = _symbol_bit) -> tuple[int, list[list[int]]]:
    """The fixed modules with the mask already applied to every data module, as one number (bit
    ``bit(r, c)`` for module (r, c)), and for each codeword position and value, the data modules it
    turns over."""
    fixed, order = _template()
    base = 0
    for r in range(SIZE):
        for c in range(SIZE):
            if fixed[r][c]:
                base |= bit(r, c)
    for r, c, masked in order:  # remainder bits are zero, so every data module starts as its mask
        if masked:
            base |= bit(r, c)
    tables: list[list[int]] = []
    for k in range(DATA_CODEWORDS + EC_CODEWORDS):
        bits = [bit(*order[k * 8 + (7 - b)][:2]) for b in range(8)]
        table = [0] * 256
        for v in range(1, 256):
            low = v & -v
            table[v] = table[v ^ low] | bits[low.bit_length() - 1]
        tables.append(table)
    return base, tables


@lru_cache(maxsize=2)
def _data_tables(bit: Callable[[int, int], int] = _symbol_bit) -> tuple[int, list[list[int]]]:
    """For each data codeword position and value, the modules it turns over, those of the
    error-correction codewords it brings included.

    Reed-Solomon parity is linear (the EC codewords of a XOR of data are the XOR of their EC
    codewords), so a symbol is the fixed modules XOR one table entry per data codeword: no polynomial
    division per code. Built from the eight one-bit values of each position, in a few milliseconds.
    """
    base, tables = _placement(bit)
    combined: list[list[int]] = []
    for i in range(DATA_CODEWORDS):
        basis = []
        for b in range(8):
            data = [0] * DATA_CODEWORDS
            data[i] = 1 << b
            value = tables[i][1 << b]
            for k, word in enumerate(_ec(data)):
                value ^= tables[DATA_CODEWORDS + k][word]
            basis.append(value)
        table = [0] * 256
        for v in range(1, 256):
            low = v & -v
            table[v] = table[v ^ low] ^ basis[low.bit_length() - 1]
        combined.append(table)
    return base, combined


def _symbol(payload: str, bit: Callable[[int, int], int]) -> int:
    base, tables = _data_tables(bit)
    value = base
    for table, word in zip(tables, _data_codewords(payload)):
        value ^= table[word]
    return value


def fits_fast_path(payload: str) -> bool:
    """Alphanumeric payloads up to 38 characters (all-digit ones the library would encode numerically)."""
    return len(payload) <= MAX_CHARS and not payload.isdigit() and _ALNUM_SET.issuperset(payload)


def qr_rows(payload: str) -> list[str]:
    """The symbol as rows of "1" (dark) and "0", top row first, without quiet zone."""
    if not fits_fast_path(payload):
        return ["".join("1" if cell else "0" for cell in row) for row in _library_matrix(payload, version=None)]
    bits = format(_symbol(payload, _symbol_bit), f"0{SIZE * SIZE}b")[::-1]  # bit r*25+c -> character r*25+c
    return [bits[r * SIZE:(r + 1) * SIZE] for r in range(SIZE)]


def qr_image(payload: str) -> tuple[int, str]:
    """The symbol as a 1-bit image (dark = 1, rows padded to whole bytes, no quiet zone): its side in
    modules and its bytes in hex, ready for an inline image."""
    if not fits_fast_path(payload):
        rows = qr_rows(payload)
        pad = "0" * (-len(rows) % 8)
        return len(rows), "".join(format(int(row + pad, 2), f"0{(len(rows) + len(pad)) // 4}x") for row in rows)
    return SIZE, _symbol(payload, _image_bit).to_bytes(SIZE * IMAGE_ROW // 8, "big").hex()


def qr_matrix(payload: str) -> list[list[bool]]:
    """The dark (True) and light modules of the QR symbol for ``payload``, without quiet zone."""
    return [[ch == "1" for ch in row] for row in qr_rows(payload)]
