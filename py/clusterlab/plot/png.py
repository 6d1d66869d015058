"""Raw pixels as PNG (standard library only) and as a figure: ``encode_png``, ``image``."""

from __future__ import annotations

import base64
import numbers
import struct
import zlib

from .._language import say
from .._validate import as_int, as_list, as_number
from ._layout import Heading
from ._svg import finish


def _pixel_bytes(pixels, width, height, channels):
    expected = width * height * channels
    if isinstance(pixels, (bytes, bytearray, memoryview)):
        data = bytes(pixels)
    else:
        tobytes = getattr(pixels, "tobytes", None)
        dtype = str(getattr(pixels, "dtype", ""))
        if callable(tobytes) and dtype == "uint8":
            data = tobytes()
        else:
            data = _bytes_of_list(pixels, channels)
    if len(data) != expected:
        raise ValueError(say("error.pixel_values_size", got=len(data), width=width, height=height,
                             channels=channels, expected=expected))
    return data


def _bytes_of_list(pixels, channels):
    """A flat list of 0-255 values, or a list of pixel tuples, as bytes."""
    items = as_list(pixels)
    if items is None:
        raise TypeError(say("error.pixels_list_type", kind=type(pixels).__name__))
    if items and not isinstance(items[0], numbers.Number):
        flat = []
        for i, px in enumerate(items):
            sub = as_list(px)
            if sub is None:
                raise TypeError(say("error.pixel_type", i=i, px=px, channels=channels))
            if len(sub) != channels:
                raise ValueError(say("error.pixel_channels", i=i, got=len(sub), channels=channels))
            flat.extend(sub)
        items = flat
    try:
        return bytes(int(v) if isinstance(v, float) and v.is_integer() else v for v in items)
    except (TypeError, ValueError):
        raise ValueError(say("error.pixel_range")) from None


def encode_png(pixels, width, height, channels=4):
    """Encode 8-bit pixels (row by row, ``channels`` values each) as PNG bytes.

    ``channels``: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA.  Standard library only
    (zlib + struct); rows use PNG filter 0, so the output depends only on
    the pixels and zlib.

    >>> png = encode_png(bytes([255, 0, 0, 0, 0, 255]), 2, 1, channels=3)
    >>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n", png[12:16], png[-8:-4]
    (True, b'IHDR', b'IEND')
    """
    width = as_int(width, "width", minimum=1)
    height = as_int(height, "height", minimum=1)
    channels = as_int(channels, "channels", minimum=1, maximum=4)
    data = _pixel_bytes(pixels, width, height, channels)
    stride = width * channels
    raw = b"".join(b"\x00" + data[r * stride : (r + 1) * stride] for r in range(height))
    colour_type = {1: 0, 2: 4, 3: 2, 4: 6}[channels]

    def chunk(kind, payload):
        return (
            struct.pack(">I", len(payload))
            + kind
            + payload
            + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
        )

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )


def data_uri(png):
    """PNG bytes as a ``data:`` URI for an SVG ``<image>``."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def image(pixels, width, height, channels=4, *, title=None, scale=1, smooth=None):
    """Show raw 8-bit pixels (RGB/RGBA/grey bytes, row by row) as an image.

    The pixels are encoded as a PNG (:func:`encode_png`) inside an SVG
    ``<image>``.  ``scale`` sets the displayed size (``2`` doubles it, ``0.5``
    halves it); when enlarged, pixels stay sharp squares unless ``smooth=True``.
    ``pixels`` may be bytes, a flat list of 0-255 values or a list of pixel
    tuples.

    >>> fig = image([255, 0, 0, 0, 0, 255], 2, 1, channels=3, scale=20)
    >>> (fig.width, fig.height), "data:image/png;base64," in fig.svg
    ((40, 20), True)
    """
    width = as_int(width, "width", minimum=1)
    height = as_int(height, "height", minimum=1)
    channels = as_int(channels, "channels", minimum=1, maximum=4)
    scale = as_number(scale, "scale")
    if scale <= 0:
        raise ValueError(say("error.scale", scale=scale))
    png = encode_png(pixels, width, height, channels)
    w, h = max(1, round(width * scale)), max(1, round(height * scale))
    if smooth is None:
        smooth = scale < 1.5
    heading = Heading(title, w, x=0, grow=True)
    top = heading.top(0)
    style = "" if smooth else ' style="image-rendering:pixelated"'
    body = heading.svg() + (
        f'<image x="0" y="{top}" width="{w}" height="{h}" preserveAspectRatio="none"{style} '
        f'xlink:href="{data_uri(png)}"/>'
    )
    kind = "plot.desc.image_grey" if channels <= 2 else "plot.desc.image_colour"
    desc = say(kind, width=width, height=height)
    return finish("image", heading.width, h + top, title or say("plot.title.image"), desc, body)
