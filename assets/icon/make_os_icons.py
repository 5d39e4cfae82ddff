"""Writes rihla.ico (Windows) and rihla.icns (macOS) from the PNG sizes beside this script.

Both formats may simply hold PNG images, so no image library is needed: run `python3 make_os_icons.py`
here after the PNGs change.
"""
import pathlib
import struct

HERE = pathlib.Path(__file__).parent


def png(size):
    return (HERE / f"rihla-{size}.png").read_bytes()


def ico(sizes=(16, 24, 32, 48, 64, 128, 256)):
    images = [png(size) for size in sizes]
    offset = 6 + 16 * len(sizes)
    entries, data = b"", b""
    for size, image in zip(sizes, images):
        # width and height 0 mean 256
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(image), offset + len(data))
        data += image
    (HERE / "rihla.ico").write_bytes(struct.pack("<HHH", 0, 1, len(sizes)) + entries + data)


def icns(types=((b"ic07", 128), (b"ic08", 256), (b"ic09", 512))):
    chunks = b"".join(kind + struct.pack(">I", 8 + len(png(size))) + png(size) for kind, size in types)
    (HERE / "rihla.icns").write_bytes(b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks)


if __name__ == "__main__":
    ico()
    icns()
