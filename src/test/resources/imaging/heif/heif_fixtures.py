#!/usr/bin/env python3
"""Writes the HEIC/AVIF test files of dev.glimpse.imaging.heif (run by make-fixtures.sh, which records the
reference decodes with libheif's heif-convert). heif-enc (libheif 1.15) encodes the pictures; this script reads its
output and writes new files around the coded data: a grid of tiles cropped to an output size, rotation (irot),
mirroring (imir), an Exif item with a date, an orientation, a comment and GPS coordinates and an XMP item."""
import struct
import subprocess
import sys
import zlib
from pathlib import Path


# ---------------------------------------------------------------- pictures

def pattern(width, height, alpha=False):
    """A smooth, asymmetric picture: a colour gradient with a soft red disc near the top left corner."""
    rows = []
    for y in range(height):
        row = bytearray()
        for x in range(width):
            r = 40 + 180 * x // max(1, width - 1)
            g = 30 + 170 * y // max(1, height - 1)
            b = 200 - 120 * x // max(1, width - 1)
            d2 = (x - width // 4) ** 2 + (y - height // 4) ** 2
            radius = min(width, height) // 5
            if d2 < radius * radius:
                weight = 1 - d2 / (radius * radius)
                r = int(r + (250 - r) * weight)
                g = int(g * (1 - weight))
                b = int(b * (1 - weight))
            row += bytes((r, g, b))
            if alpha:
                row.append(min(255, 255 * x // max(1, width - 1) + 40 * (y * 4 // height)))
        rows.append(bytes(row))
    return rows


def write_png(path, rows, width, height, alpha):
    raw = b"".join(b"\0" + row for row in rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9))
                     + chunk(b"IEND", b""))


def encode(png, out, avif=False):
    command = ["heif-enc", "-q", "90", "-o", str(out), str(png)]
    if avif:
        command.insert(1, "-A")
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


# ---------------------------------------------------------------- reading heif-enc's output

def boxes(data, start=0, end=None):
    end = len(data) if end is None else end
    while start + 8 <= end:
        size, kind = struct.unpack(">I4s", data[start:start + 8])
        yield kind.decode("latin-1"), start, start + size
        start += size


def child(data, start, end, kind):
    for k, s, e in boxes(data, start, end):
        if k == kind:
            return s, e
    raise ValueError(kind)


def coded_primary(path):
    """The primary item of a single-image file: its type, coded data and raw property boxes (config, ispe...)."""
    data = path.read_bytes()
    ms, me = child(data, 0, len(data), "meta")
    ms += 12  # box header and full-box version/flags
    ps, pe = child(data, ms, me, "pitm")
    primary = struct.unpack(">H", data[ps + 12:ps + 14])[0]
    ist, ien = child(data, ms, me, "iinf")
    item_type = None
    for _, s, e in boxes(data, ist + 14, ien):
        if struct.unpack(">H", data[s + 12:s + 14])[0] == primary:
            item_type = data[s + 16:s + 20].decode()
    ls, le = child(data, ms, me, "iloc")
    version = data[ls + 8]
    offset_size, length_size = data[ls + 12] >> 4, data[ls + 12] & 15
    base_size, index_size = data[ls + 13] >> 4, (data[ls + 13] & 15) if version else 0
    count = struct.unpack(">H", data[ls + 14:ls + 16])[0]
    pos, payload = ls + 16, None

    def number(size):
        nonlocal pos
        value = int.from_bytes(data[pos:pos + size], "big")
        pos += size
        return value

    for _ in range(count):
        item_id = number(2)
        pos += 2 if version == 0 else 4
        base = number(base_size)
        parts = []
        for _ in range(number(2)):
            number(index_size)
            offset, length = number(offset_size), number(length_size)
            parts.append(data[base + offset:base + offset + length])
        if item_id == primary:
            payload = b"".join(parts)
    rs, re_ = child(data, ms, me, "iprp")
    cs, ce = child(data, rs + 8, re_, "ipco")
    properties = [data[s:e] for _, s, e in boxes(data, cs + 8, ce)]
    as_, ae = child(data, rs + 8, re_, "ipma")
    flags = data[as_ + 11]
    pos = as_ + 16
    for _ in range(struct.unpack(">I", data[as_ + 12:as_ + 16])[0]):
        item_id = struct.unpack(">H", data[pos:pos + 2])[0]
        n = data[pos + 2]
        pos += 3
        indices = []
        for _ in range(n):
            if flags & 1:
                indices.append(struct.unpack(">H", data[pos:pos + 2])[0] & 0x7FFF)
                pos += 2
            else:
                indices.append(data[pos] & 0x7F)
                pos += 1
        if item_id == primary:
            return item_type, payload, [properties[i - 1] for i in indices]
    raise ValueError("no properties")


# ---------------------------------------------------------------- writing

def box(kind, payload):
    return struct.pack(">I4s", 8 + len(payload), kind.encode()) + payload


def full_box(kind, version, flags, payload):
    return box(kind, struct.pack(">I", (version << 24) | flags) + payload)


def prop_kind(raw):
    return raw[4:8].decode()


ESSENTIAL = {"hvcC", "av1C", "irot", "imir"}


class Item:
    def __init__(self, item_id, kind, data, properties=(), hidden=False, in_idat=False, content_type=None):
        self.item_id, self.kind, self.data, self.content_type = item_id, kind, data, content_type
        self.properties, self.hidden, self.in_idat = list(properties), hidden, in_idat


def heif_file(brands, items, primary, references):
    ftyp = box("ftyp", brands[0].encode() + b"\0\0\0\0" + b"".join(b.encode() for b in brands))
    unique = []
    for item in items:
        for p in item.properties:
            if p not in unique:
                unique.append(p)

    def meta(mdat_start):
        hdlr = full_box("hdlr", 0, 0, b"\0\0\0\0pict" + b"\0" * 12 + b"\0")
        pitm = full_box("pitm", 0, 0, struct.pack(">H", primary))
        infes = b"".join(full_box("infe", 2, 1 if i.hidden else 0,
                                  struct.pack(">HH", i.item_id, 0) + i.kind.encode() + b"\0"
                                  + (i.content_type.encode() + b"\0" if i.content_type else b"")) for i in items)
        iinf = full_box("iinf", 0, 0, struct.pack(">H", len(items)) + infes)
        iloc_entries, mdat_offset, idat_offset, idat = b"", mdat_start, 0, b""
        for i in items:
            if i.in_idat:
                offset, idat_offset, idat = idat_offset, idat_offset + len(i.data), idat + i.data
            else:
                offset, mdat_offset = mdat_offset, mdat_offset + len(i.data)
            iloc_entries += struct.pack(">HHHHII", i.item_id, 1 if i.in_idat else 0, 0, 1, offset, len(i.data))
        iloc = full_box("iloc", 1, 0, bytes((0x44, 0x00)) + struct.pack(">H", len(items)) + iloc_entries)
        refs = b"".join(box(kind, struct.pack(">HH", src, len(dst)) + b"".join(struct.pack(">H", d) for d in dst))
                        for kind, src, dst in references)
        iref = full_box("iref", 0, 0, refs) if references else b""
        ipco = box("ipco", b"".join(unique))
        assoc = b""
        associated = [i for i in items if i.properties]
        for i in associated:
            assoc += struct.pack(">HB", i.item_id, len(i.properties))
            for p in i.properties:
                assoc += bytes(((0x80 if prop_kind(p) in ESSENTIAL else 0) | (unique.index(p) + 1),))
        ipma = full_box("ipma", 0, 0, struct.pack(">I", len(associated)) + assoc)
        iprp = box("iprp", ipco + ipma)
        idat_box = box("idat", idat) if idat else b""
        return full_box("meta", 0, 0, hdlr + pitm + iloc + iinf + iref + iprp + idat_box)

    size = len(meta(0))
    mdat_payload = b"".join(i.data for i in items if not i.in_idat)
    return ftyp + meta(len(ftyp) + size + 8) + box("mdat", mdat_payload)


def irot(quarter_turns_anticlockwise):
    return box("irot", bytes((quarter_turns_anticlockwise & 3,)))


def imir(axis):
    return box("imir", bytes((axis & 1,)))


def ispe(width, height):
    return full_box("ispe", 0, 0, struct.pack(">II", width, height))


def exif_item(latitude=(38, 42, 30), longitude=(9, 8, 20)):
    """Exif item payload: a 4-byte offset to the TIFF header, 'Exif\\0\\0', then a big-endian TIFF block."""
    entries = {}

    def ifd(fields, base):
        """fields: (tag, type, count, value bytes); returns IFD bytes placed at base with out-of-line data after."""
        fields = sorted(fields)
        table_size = 2 + 12 * len(fields) + 4
        table, extra = struct.pack(">H", len(fields)), b""
        for tag, kind, count, value in fields:
            if len(value) <= 4:
                table += struct.pack(">HHI", tag, kind, count) + value.ljust(4, b"\0")
            else:
                table += struct.pack(">HHII", tag, kind, count, base + table_size + len(extra))
                extra += value + (b"\0" if len(value) % 2 else b"")
        return table + struct.pack(">I", 0) + extra

    def ascii_field(tag, text):
        raw = text.encode() + b"\0"
        return tag, 2, len(raw), raw

    def rationals(tag, values):
        return tag, 5, len(values), b"".join(struct.pack(">II", v, 1) for v in values)

    exif_fields = [ascii_field(0x9003, "2024:07:14 18:03:00"), ascii_field(0x9011, "+01:00"),
                   (0x9286, 7, 27, b"ASCII\0\0\0SECRET-USER-COMMENT")]
    gps_fields = [(0x0000, 1, 4, bytes((2, 3, 0, 0))), ascii_field(0x0001, "N"), rationals(0x0002, latitude),
                  ascii_field(0x0003, "W"), rationals(0x0004, longitude)]
    ifd0_fields = lambda exif_at, gps_at: [
        ascii_field(0x010F, "Glimpse Camera"), ascii_field(0x0110, "GC-1"), (0x0112, 3, 1, struct.pack(">H", 1)),
        (0x8769, 4, 1, struct.pack(">I", exif_at)), (0x8825, 4, 1, struct.pack(">I", gps_at))]
    ifd0_size = len(ifd(ifd0_fields(0, 0), 8))
    exif_ifd = ifd(exif_fields, 8 + ifd0_size)
    gps_ifd = ifd(gps_fields, 8 + ifd0_size + len(exif_ifd))
    tiff = b"MM\0*" + struct.pack(">I", 8) + ifd(ifd0_fields(8 + ifd0_size, 8 + ifd0_size + len(exif_ifd)), 8) \
        + exif_ifd + gps_ifd
    return struct.pack(">I", 6) + b"Exif\0\0" + tiff


XMP = ('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
       '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
       'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
       'exif:GPSLatitude="38,42.5N" exif:GPSLongitude="9,8.3W" dc:description="SECRET-XMP"/></rdf:RDF>'
       '</x:xmpmeta><?xpacket end="w"?>').encode()


def grid_descriptor(rows, columns, width, height):
    return struct.pack(">BBBBHH", 0, 0, rows - 1, columns - 1, width, height)


# ---------------------------------------------------------------- the fixtures

def crop(rows, x, y, width, height, channels):
    return [row[x * channels:(x + width) * channels] for row in rows[y:y + height]]


def single(work, out, avif, width, height, transforms):
    png = work / (out.stem + "-source.png")
    write_png(png, pattern(width, height), width, height, False)
    encode(png, work / ("plain" + out.suffix), avif)
    kind, data, properties = coded_primary(work / ("plain" + out.suffix))
    image = Item(1, kind, data, properties + transforms)
    exif = Item(2, "Exif", exif_item())
    xmp = Item(3, "mime", XMP, content_type="application/rdf+xml")
    brands = ["avif", "mif1", "miaf"] if avif else ["heic", "mif1"]
    out.write_bytes(heif_file(brands, [image, exif, xmp], 1, [("cdsc", 2, [1]), ("cdsc", 3, [1])]))


def grid(work, out, tile, columns, rows, width, height, transforms):
    picture = pattern(tile * columns, tile * rows)
    tiles = []
    for r in range(rows):
        for c in range(columns):
            png = work / f"tile-{r}-{c}.png"
            write_png(png, crop(picture, c * tile, r * tile, tile, tile, 3), tile, tile, False)
            encode(png, work / f"tile-{r}-{c}.heic")
            kind, data, properties = coded_primary(work / f"tile-{r}-{c}.heic")
            tiles.append(Item(10 + len(tiles), kind, data, properties, hidden=True))
    colr = [p for p in tiles[0].properties if prop_kind(p) == "colr"]
    grid_item = Item(1, "grid", grid_descriptor(rows, columns, width, height),
                     [ispe(width, height)] + colr + transforms, in_idat=True)
    exif = Item(2, "Exif", exif_item(latitude=(51, 30, 26), longitude=(0, 7, 39)))
    references = [("dimg", 1, [t.item_id for t in tiles]), ("cdsc", 2, [1])]
    out.write_bytes(heif_file(["heic", "mif1"], [grid_item, exif] + tiles, 1, references))


def with_alpha(work, out, avif, width, height):
    png = work / (out.stem + "-source.png")
    write_png(png, pattern(width, height, alpha=True), width, height, True)
    encode(png, out, avif)


def main(target):
    target = Path(target)
    work = target / "work"
    work.mkdir(parents=True, exist_ok=True)
    single(work, target / "single-rotated.heic", False, 240, 160, [irot(1)])
    grid(work, target / "grid-cropped-rotated.heic", 128, 3, 2, 360, 240, [irot(3), imir(1)])
    single(work, target / "rotated.avif", True, 200, 120, [irot(2)])
    with_alpha(work, target / "alpha.heic", False, 160, 96)
    with_alpha(work, target / "alpha.avif", True, 160, 96)


if __name__ == "__main__":
    main(sys.argv[1])
