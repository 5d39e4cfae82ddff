#!/usr/bin/env python3
"""Builds "Rihla Sans", the app's UI font: Noto Sans (Latin) and Noto Sans Arabic merged into one font.

Why one font: when a line mixes glyphs from two fonts (Arabic from one, Latin and punctuation from
another), JavaFX lays out right-to-left text in the wrong order (parentheses, dots and acronyms jump
around). With every character in one font, the bidi layout is right. Both sources are under the SIL Open
Font License 1.1 without reserved font names; the merged font is renamed and keeps that licence
(src/main/resources/ma/etamkeen/rihla/fonts/OFL.txt).

Usage (Debian: apt-get install python3-fonttools fonts-noto-core):
    python3 assets/fonts/build_rihla_sans.py /usr/share/fonts/truetype/noto \
        src/main/resources/ma/etamkeen/rihla/fonts
"""
import sys
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger, Options
from fontTools.ttLib import TTFont

LATIN = (list(range(0x20, 0x7F)) + list(range(0xA0, 0x250)) + list(range(0x2000, 0x2070))
         + list(range(0x20A0, 0x20C0)) + [0x2116, 0x2122, 0x2190, 0x2192, 0x2022, 0x2026, 0x25CF, 0x2713])
BIDI_CONTROLS = [0x200C, 0x200D, 0x200E, 0x200F, 0x25CC]
# Line box: Noto Sans Arabic's (2.1 em) makes Latin lines look double-spaced, Noto Sans's (1.36 em)
# crowds Arabic marks; 1.6 em reads well in both.
ASCENT, DESCENT = 1150, 450


def subset_font(source, target, unicodes):
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def build(noto, out, style):
    work = out / f".work-{style}"
    work.mkdir(exist_ok=True)
    latin, arabic = work / "latin.ttf", work / "arabic.ttf"
    subset_font(noto / f"NotoSans-{style}.ttf", latin, LATIN)
    arabic_source = noto / f"NotoSansArabic-{style}.ttf"
    arabic_chars = [c for c in TTFont(str(arabic_source)).getBestCmap() if c >= 0x600 or c in BIDI_CONTROLS]
    subset_font(arabic_source, arabic, arabic_chars)
    font = Merger(Options(drop_tables=["DSIG"])).merge([str(latin), str(arabic)])
    names = {
        0: "Copyright 2015-2020 Google LLC (Noto Sans, Noto Sans Arabic). Merged for Rihla.",
        1: "Rihla Sans", 2: style, 3: f"RihlaSans-{style};Rihla", 4: f"Rihla Sans {style}",
        6: f"RihlaSans-{style}",
    }
    name_table = font["name"]
    name_table.names = [record for record in name_table.names if record.nameID not in (16, 17)]
    for record in name_table.names:
        if record.nameID in names:
            record.string = names[record.nameID]
    font["hhea"].ascent, font["hhea"].descent, font["hhea"].lineGap = ASCENT, -DESCENT, 0
    os2 = font["OS/2"]
    os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap = ASCENT, -DESCENT, 0
    os2.usWinAscent, os2.usWinDescent = ASCENT, DESCENT
    font.save(str(out / f"RihlaSans-{style}.ttf"))
    for file in work.iterdir():
        file.unlink()
    work.rmdir()


if __name__ == "__main__":
    noto_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    for weight in ("Regular", "Bold"):
        build(noto_dir, out_dir, weight)
