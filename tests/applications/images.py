"""Real images for upload tests: a normal photo, and a decompression bomb (a PNG of a few
hundred bytes declaring more pixels than any phone takes), built by hand with zlib."""

import io
import struct
import zlib

from PIL import Image


def photo(width=64, height=48, kind="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(buffer, kind)
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def bomb_png(width=50_000, height=50_000) -> bytes:
    """A 1-bit grey PNG with a valid header; its compressed pixels (one row of zeros here,
    ~300 MB of zeros in a real bomb) are never reached: the header alone must refuse it."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * (width // 8 + 1), 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )
