"""Build the Onward extension for Chromium browsers and Firefox from ``src/``, with nothing but
Python: ``build/chromium/`` and ``build/firefox/`` (unpacked, loadable as they are) and a zip
of each. ``src/manifest.json`` is the Firefox shape (``background.scripts``); the Chromium
manifest swaps that for ``background.service_worker``, whose script loads the same files
with ``importScripts``.

Usage: python extension/build.py [--out DIR]
"""

import argparse
import json
import shutil
import struct
import sys
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

GECKO_ID = "onward@onward.example.org"
"""Firefox's id for the extension (browser_specific_settings.gecko.id)."""

FIREFOX_MIN_VERSION = "142.0"
"""First Firefox (desktop and Android) that reads data_collection_permissions, which AMO now asks for."""

ICON_SIZES = (16, 32, 48, 128)

ZIP_DATE = (2026, 1, 1, 0, 0, 0)
"""Every zip entry gets this time, so the same sources give byte-identical zips."""


def _png(size: int) -> bytes:
    """A round green icon with a white forward chevron, drawn pixel by pixel (no image library)."""
    rows = []
    c = (size - 1) / 2
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            dx, dy = (x - c) / size, (y - c) / size
            inside = dx * dx + dy * dy <= 0.25
            # chevron ">": two strokes meeting at the right of the centre
            chevron = abs(abs(dy) - (0.18 - dx) * 0.9) < 0.07 and -0.2 <= dx <= 0.2
            if not inside:
                row += bytes((0, 0, 0, 0))
            elif chevron:
                row += bytes((255, 255, 255, 255))
            else:
                row += bytes((47, 125, 87, 255))
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


def manifest_for(browser: str, base: dict) -> dict:
    manifest = json.loads(json.dumps(base))
    icons = {str(s): f"icons/icon-{s}.png" for s in ICON_SIZES}
    manifest["icons"] = icons
    manifest["action"]["default_icon"] = {k: v for k, v in icons.items() if k in ("16", "32")}
    if browser == "chromium":
        manifest["background"] = {"service_worker": "background/background.js"}
    else:
        manifest["browser_specific_settings"] = {"gecko": {
            "id": GECKO_ID, "strict_min_version": FIREFOX_MIN_VERSION,
            "data_collection_permissions": {"required": ["none"]},
        }}
    return manifest


def build(out: Path) -> list[Path]:
    """Write both unpacked builds and their zips under ``out``; returns the zips."""
    base = json.loads((SRC / "manifest.json").read_text())
    zips = []
    for browser in ("chromium", "firefox"):
        target = out / browser
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(SRC, target, ignore=shutil.ignore_patterns("manifest.json", ".*"))
        (target / "icons").mkdir(exist_ok=True)
        for size in ICON_SIZES:
            (target / "icons" / f"icon-{size}.png").write_bytes(_png(size))
        (target / "manifest.json").write_text(json.dumps(manifest_for(browser, base), indent=2) + "\n")
        archive = out / f"onward-{browser}-{base['version']}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(p for p in target.rglob("*") if p.is_file()):
                info = zipfile.ZipInfo(path.relative_to(target).as_posix(), ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, path.read_bytes())
        zips.append(archive)
    return zips


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "build", help="output folder (default: extension/build)")
    args = parser.parse_args(argv)
    for archive in build(args.out):
        print(f"built {archive.parent / archive.name.split('-')[1]} and {archive}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
