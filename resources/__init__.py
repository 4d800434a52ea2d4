"""Resources shipped with Yichao: fonts, translations, layouts, icons, demo seeds."""

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
FONTS_DIR = RESOURCES_DIR / "fonts"
CJK_FONT_PATH = FONTS_DIR / "wqy-microhei.ttc"
CJK_FONT_FAMILY = "WenQuanYi Micro Hei"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
LAYOUTS_DIR = RESOURCES_DIR / "layouts"
ICON_PATH = RESOURCES_DIR / "icons" / "yichao.png"  # the window's icon; yichao.ico beside it is the exes'


def resource_path(*parts: str) -> Path:
    """Absolute path of a shipped resource file."""
    return RESOURCES_DIR.joinpath(*parts)
