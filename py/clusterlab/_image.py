"""An image's pixels as clusterlab takes them, and a palette's result.

=========================  ===================================================
``image_input(...)``       checked (bytes, width, height, channels, k)
``as_bytes(pixels)``       bytes, bytearray, memoryview, array('B'), uint8 array
``Quantized``              a palette, each pixel's colour in it, and the error
=========================  ===================================================

The one home of both for :mod:`clusterlab.quantize` (K-means) and
:mod:`clusterlab._median_cut` (the palettes it is compared with).

>>> image_input(bytes([255, 0, 0, 0, 0, 255]), 2, 1, 3, 2)[1:]
(2, 1, 3, 2)
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field

from ._language import say
from ._validate import as_int

__all__ = ["Quantized", "as_bytes", "image_input"]


@dataclass
class Quantized:
    """Result of :func:`quantize`.

    ``palette``: K (r, g, b) int triples (``palette_means`` rounded half up);
    ``palette_means``: the exact mean colour of each cluster's pixels;
    ``labels``: ``array('B')`` with the palette index of every pixel, row by row;
    ``counts``: pixels per palette colour; ``mse``: see the module docstring;
    ``inertia``: sum of squared distances of the pixels to ``palette_means``;
    ``n_iter``: assign-and-update rounds of the kept start (on the coarse
    colour cells, then on the bins); ``colours``: the distinct (r, g, b)
    colours of the image.
    """

    palette: list
    palette_means: list
    labels: array
    counts: list
    mse: float
    inertia: float
    n_iter: int
    width: int
    height: int
    channels: int
    _source: bytes = field(repr=False, default=b"")
    colours: int = 0

    def to_bytes(self) -> bytes:
        """The repainted image in the input's layout (alpha copied unchanged)."""
        c = self.channels
        lab = self.labels.tobytes()
        out = bytearray(len(lab) * c)
        for ch in range(3):
            table = bytes(p[ch] for p in self.palette).ljust(256, b"\0")
            out[ch::c] = lab.translate(table)
        if c == 4:
            out[3::4] = self._source[3::4]
        return bytes(out)

    @property
    def pixels(self) -> bytes:
        """Same as :meth:`to_bytes`."""
        return self.to_bytes()


def as_bytes(pixels):
    if isinstance(pixels, memoryview):
        return pixels.tobytes()
    if isinstance(pixels, (bytes, bytearray)):
        return bytes(pixels)
    tobytes = getattr(pixels, "tobytes", None)  # array('B'), numpy uint8 arrays
    if callable(tobytes) and getattr(pixels, "itemsize", 1) == 1:
        return tobytes()
    raise TypeError(say("error.pixels_type", kind=type(pixels).__name__))



def image_input(pixels, width, height, channels, k):
    """Checked image arguments of :func:`quantize` and the palettes it is compared with:
    (bytes, width, height, channels, k)."""
    data = as_bytes(pixels)
    width = as_int(width, "width", minimum=1)
    height = as_int(height, "height", minimum=1)
    channels = as_int(channels, "channels")
    if channels not in (3, 4):
        raise ValueError(say("error.channels", channels=channels))
    k = as_int(k, "k", minimum=1, maximum=256)
    if len(data) != width * height * channels:
        raise ValueError(say("error.pixels_size", got=len(data), width=width, height=height, channels=channels,
                             expected=width * height * channels))
    return data, width, height, channels, k
