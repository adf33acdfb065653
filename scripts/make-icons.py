#!/usr/bin/env python3
"""Draws the app icons as PNGs with the standard library only.

The icon is three rising steps (one for each stage of the programme) on the
theme colour. Run it after changing the design; the PNGs it writes are
committed so a build never needs Python.
"""
import pathlib
import struct
import zlib

THEME = (11, 93, 75)  # --accent in style/main.css and theme_color in the manifest
STEP = (255, 255, 255)
SUPERSAMPLE = 4  # antialias edges by averaging a 4x4 grid per pixel

OUT = pathlib.Path(__file__).resolve().parent.parent / "public" / "icons"


def png(width, height, rows):
    """Encodes RGBA rows as a PNG file."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + bytes(row) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def inside_rounded_square(x, y, radius):
    """True for points of the unit square with corners rounded by radius."""
    cx = min(max(x, radius), 1 - radius)
    cy = min(max(y, radius), 1 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def steps(lo, hi):
    """Three bottom-aligned steps rising left to right inside [lo, hi]^2."""
    span = hi - lo
    gap = 0.0  # touching bars read as a staircase
    width = (span - 2 * gap) / 3
    bars = []
    for i in range(3):
        left = lo + i * (width + gap)
        top = hi - span * (i + 1) / 3
        bars.append((left, top, left + width, hi))
    return bars


def sample(x, y, corner, bars):
    """Colour (with alpha) of one point of the unit square."""
    if corner and not inside_rounded_square(x, y, corner):
        return (0, 0, 0, 0)
    for left, top, right, bottom in bars:
        if left <= x <= right and top <= y <= bottom:
            return STEP + (255,)
    return THEME + (255,)


def draw(size, corner, content):
    """Renders the icon at size px; content is the share of the side the steps fill."""
    margin = (1 - content) / 2
    bars = steps(margin, 1 - margin)
    n = SUPERSAMPLE
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(n):
                for sx in range(n):
                    r, g, b, a = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, corner, bars)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3]
            if alpha == 0:
                row += [0, 0, 0, 0]
            else:
                row += [round(acc[0] / alpha), round(acc[1] / alpha), round(acc[2] / alpha), round(alpha / (n * n))]
        rows.append(row)
    return png(size, size, rows)


# name: (size, rounded corner radius or 0 for full bleed, share of the side the steps fill)
ICONS = {
    "icon-32.png": (32, 0.18, 0.64),
    "icon-192.png": (192, 0.18, 0.56),
    "icon-512.png": (512, 0.18, 0.56),
    # Maskable: full bleed, steps inside the central safe circle (radius 40%).
    "icon-maskable-512.png": (512, 0, 0.44),
    # iOS rounds the corners itself and shows transparency as black.
    "apple-touch-icon.png": (180, 0, 0.56),
}

if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (size, corner, content) in ICONS.items():
        data = draw(size, corner, content)
        (OUT / name).write_bytes(data)
        print(f"{name}: {size}x{size}, {len(data)} bytes")
