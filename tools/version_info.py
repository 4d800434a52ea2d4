"""The Windows version resource of yichao.exe and yichao-gui.exe, made from pyproject's version.

build.spec writes it to build/ and hands it to PyInstaller (``EXE(version=...)``); Explorer shows
it under Properties → Details, and the installer's upgrade check reads it.
"""

from __future__ import annotations

import re

# Simplified Chinese (0x0804), Unicode code page (1200 = 0x04b0)
LANGUAGE, CODEPAGE = 0x0804, 1200


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"1.2.3"`` / ``"1.2.3.dev4"`` / ``"1.2"`` -> four numbers, as Windows wants them."""
    core = re.match(r"^\d+(\.\d+)*", version)
    if core is None:
        raise ValueError(f"not a version: {version!r}")
    numbers = [int(n) for n in core.group(0).split(".")][:4]
    a, b, c, d = numbers + [0] * (4 - len(numbers))
    return a, b, c, d


def version_info(exe_name: str, version: str, description: str, product: str = "益巢 Yichao") -> str:
    """PyInstaller's text form of a VSVersionInfo for ``exe_name`` (e.g. "yichao-gui")."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": "益巢 Yichao",
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe_name,
        "LegalCopyright": "Apache-2.0",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": product,
        "ProductVersion": version,
    }
    table = ",\n        ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '{LANGUAGE:04x}{CODEPAGE:04x}',
        [{table}])
    ]),
    VarFileInfo([VarStruct('Translation', [{LANGUAGE}, {CODEPAGE}])])
  ]
)
"""
