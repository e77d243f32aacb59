#!/usr/bin/env python3
"""Draws the built-in theme's favicon: assets/favicon.svg and assets/favicon.ico (32x32).

Run once, from the repository root, after changing the drawing; commit both files:

    python3 src/build/favicon.py

Python's standard library only; the output is the same bytes on every run and machine (integer
arithmetic, no timestamps). The build never runs this: it publishes the committed files.

The picture: a document with three lines of text on a rounded square, in the site's colours
(--brand #8b1a1a of assets/css/site.css, white). It names no place, so any portal can keep it.
"""
import struct
from pathlib import Path

SIZE = 32
BRAND = (0x8B, 0x1A, 0x1A)
WHITE = (0xFF, 0xFF, 0xFF)
FOLD = (0xE3, 0xC4, 0xC4)
RADIUS = 6
# The document: a page whose top right corner is folded over.
PAGE = [(8, 5), (19, 5), (25, 11), (25, 27), (8, 27)]
CORNER = [(19, 5), (19, 11), (25, 11)]
LINES = [(11, 14, 22, 16), (11, 18, 22, 20), (11, 22, 18, 24)]  # x0, y0, x1, y1

SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" width="{SIZE}" height="{SIZE}">
<rect width="{SIZE}" height="{SIZE}" rx="{RADIUS}" fill="#8b1a1a"/>
<path d="M{PAGE[0][0]} {PAGE[0][1]}{''.join(f'L{x} {y}' for x, y in PAGE[1:])}Z" fill="#fff"/>
<path d="M{CORNER[0][0]} {CORNER[0][1]}{''.join(f'L{x} {y}' for x, y in CORNER[1:])}Z" fill="#e3c4c4"/>
{chr(10).join(f'<rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" fill="#8b1a1a"/>' for x0, y0, x1, y1 in LINES)}
</svg>
"""

SUB = 8  # samples per pixel side
H = 2 * SUB  # the unit of the sample grid: 1/H pixel, so that sample centres fall on whole units


def inside_rounded_square(x, y):
    r, n = RADIUS * H, SIZE * H
    cx = min(max(x, r), n - r)
    cy = min(max(y, r), n - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def inside_polygon(poly, x, y):
    """Even-odd rule; the polygon in pixels, the point in grid units. Integer arithmetic only."""
    pts = [(px * H, py * H) for px, py in poly]
    inside = False
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        if (y0 > y) != (y1 > y):
            # the edge crosses height y to the right of x (x < crossing), without division
            lhs, rhs = (x - x0) * (y1 - y0), (x1 - x0) * (y - y0)
            if (lhs < rhs) if y1 > y0 else (lhs > rhs):
                inside = not inside
    return inside


def colour_at(x, y):
    """The colour at grid point (x, y), or None outside the rounded square."""
    if not inside_rounded_square(x, y):
        return None
    for x0, y0, x1, y1 in LINES:
        if x0 * H <= x < x1 * H and y0 * H <= y < y1 * H:
            return BRAND
    if inside_polygon(CORNER, x, y):
        return FOLD
    if inside_polygon(PAGE, x, y):
        return WHITE
    return BRAND


def pixels():
    """Rows top to bottom of (b, g, r, a), each the average of SUB x SUB samples."""
    rows = []
    for py in range(SIZE):
        row = []
        for px in range(SIZE):
            r = g = b = n = 0
            for sy in range(SUB):
                for sx in range(SUB):
                    c = colour_at((px * SUB + sx) * 2 + 1, (py * SUB + sy) * 2 + 1)  # sample centres
                    if c is not None:
                        r, g, b, n = r + c[0], g + c[1], b + c[2], n + 1
            if n == 0:
                row.append((0, 0, 0, 0))
            else:
                row.append(((b + n // 2) // n, (g + n // 2) // n, (r + n // 2) // n, (255 * n + SUB * SUB // 2) // (SUB * SUB)))
        rows.append(row)
    return rows


def ico(rows):
    """One 32-bit image in an ICO file: a BMP (bottom-up rows, BGRA) and its 1-bit AND mask."""
    xor = b"".join(bytes(c for px in row for c in px) for row in reversed(rows))
    mask_row = (SIZE + 31) // 32 * 4
    mask = b""
    for row in reversed(rows):
        bits = 0
        for i, px in enumerate(row):
            if px[3] == 0:
                bits |= 1 << (mask_row * 8 - 1 - i)
        mask += bits.to_bytes(mask_row, "big")
    header = struct.pack("<IiiHHIIiiII", 40, SIZE, SIZE * 2, 1, 32, 0, len(xor) + len(mask), 0, 0, 0, 0)
    image = header + xor + mask
    directory = struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 6 + 16)
    return directory + image


if __name__ == "__main__":
    assets = Path("assets")
    (assets / "favicon.svg").write_text(SVG, encoding="utf-8", newline="\n")
    (assets / "favicon.ico").write_bytes(ico(pixels()))
