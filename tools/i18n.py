"""Translations: one .ts file per source file of src/ui (the .ts tree mirrors src/ui), one shipped .qm.

    python tools/i18n.py update [FILE.py ...]   # refresh the .ts of these (default: all of src/ui)
    python tools/i18n.py missing                # list unfinished messages; exit 1 if any
    python tools/i18n.py fill TS_FILE JSON      # fill translations from {"English": "中文"}
    python tools/i18n.py release                # compile every .ts into resources/translations/yichao_zh_CN.qm

One .ts per .py keeps engineers working on different pages out of each other's files. Location
lines are left out, so a .ts changes only when its strings do.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "src" / "ui"
TS_DIR = ROOT / "resources" / "translations" / "zh_CN"
QM = ROOT / "resources" / "translations" / "yichao_zh_CN.qm"


def ts_for(source: Path) -> Path:
    return TS_DIR / source.resolve().relative_to(UI).with_suffix(".ts")


def ui_sources() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if "tr(" in p.read_text(encoding="utf-8")
                  or "translate(" in p.read_text(encoding="utf-8"))


def update(sources: list[Path]) -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for source in sources:
        target = ts_for(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["pyside6-lupdate", str(source), "-ts", str(target), "-no-obsolete", "-locations", "none",
             "-target-language", "zh_CN", "-silent"],
            check=True,
        )
        if target.exists() and not list(ET.parse(target).iter("message")):
            target.unlink()
    # a .ts whose source file is gone is stale
    wanted = {ts_for(s) for s in ui_sources()}
    if not sources or set(sources) == set(ui_sources()):
        for ts in TS_DIR.rglob("*.ts"):
            if ts not in wanted:
                ts.unlink()


def unfinished(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    out = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
            out.append(message.findtext("source") or "")
    return out


def missing() -> int:
    bad = 0
    for ts in sorted(TS_DIR.rglob("*.ts")):
        for source in unfinished(ts):
            print(f"{ts.name}: {source!r}")
            bad += 1
    return 1 if bad else 0


def fill(ts: Path, mapping: dict[str, str]) -> None:
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        if source in mapping:
            translation = message.find("translation")
            assert translation is not None
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def release() -> None:
    files = [str(p) for p in sorted(TS_DIR.rglob("*.ts"))]
    subprocess.run(["pyside6-lrelease", *files, "-qm", str(QM), "-silent"], check=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "missing"
    if command == "update":
        update([Path(a) for a in argv[1:]] or ui_sources())
        return 0
    if command == "missing":
        return missing()
    if command == "fill":
        fill(Path(argv[1]), json.loads(Path(argv[2]).read_text(encoding="utf-8")))
        return 0
    if command == "release":
        release()
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
