"""The palettes K-means is compared with: median cut and a random palette; PSNR.

Re-exported by :mod:`clusterlab.quantize`.  Both take the same pixels as
:func:`~clusterlab.quantize.quantize` and return the same
:class:`~clusterlab.quantize.Quantized`, so their ``mse`` compares directly.

**Median cut** (Heckbert 1982, Pillow's default quantizer): start with one
box around all the colours; again and again take the box with the most
pixels and cut it across its longest side at the median pixel, until there
are ``k`` boxes.  The boxes' mean colours are the palette, and each pixel is
repainted with the nearest of them.

>>> img = bytes([250, 0, 0,  240, 0, 0,  0, 0, 250,  0, 0, 240])
>>> q = median_cut(img, 2, 2, k=2, channels=3)
>>> q.palette, q.counts, q.labels.tolist()
([(0, 0, 245), (245, 0, 0)], [2, 2], [1, 1, 0, 0])
>>> q.mse, round(psnr(q.mse), 2)
(8.333333333333334, 38.92)

**Random palette** (as scikit-learn's colour-quantization example): ``k``
pixels drawn at random are the palette; every pixel gets the nearest one.
Neither palette is the mean of its pixels, which is where K-means gains.
"""

from __future__ import annotations

import math
import random
import warnings
from array import array
from bisect import bisect_left
from collections import Counter
from itertools import accumulate, repeat
from operator import itemgetter, mul

from ._image import Quantized, image_input
from ._language import say
from ._validate import as_seed
from .exceptions import ConvergenceWarning

__all__ = ["median_cut", "psnr", "random_palette"]


def psnr(mse, peak=255):
    """Peak signal-to-noise ratio in decibels, ``10 log10(peak^2 / mse)``; ``inf`` for ``mse == 0``.

    >>> round(psnr(100.0), 2)
    28.13
    """
    if isinstance(mse, bool) or not isinstance(mse, (int, float)) or not mse >= 0:
        raise ValueError(say("error.mse", mse=mse))
    return math.inf if mse == 0 else 10 * math.log10(peak * peak / mse)


def _histogram(pixels, width, height, k, channels):
    """Checked input -> (bytes, n, Counter of (r, g, b) -> pixels, k limited to the distinct colours)."""
    data, width, height, channels, k = image_input(pixels, width, height, channels, k)
    n = width * height
    hist = Counter(zip(data[0::channels], data[1::channels], data[2::channels]))
    if k > len(hist):
        warnings.warn(
            say("warning.few_colours", distinct=len(hist), k=k),
            ConvergenceWarning,
            stacklevel=3,
        )
        k = len(hist)
    return data, width, height, channels, n, hist, k


def _nearest_groups(colours, palette):
    """The colours grouped by their nearest palette colour (ties: lowest index)."""
    dists = [list(map(math.dist, colours, repeat(p))) for p in palette]
    rows = list(zip(*dists))
    groups = [[] for _ in palette]
    for c, row in zip(colours, rows):
        groups[row.index(min(row))].append(c)
    return groups


def _result(data, width, height, channels, n, hist, groups, palette=None):
    """A Quantized whose pixels of colours ``groups[j]`` get palette colour j.

    Palette colour j is ``palette[j]`` if given, else the (rounded) mean of its pixels.
    """
    label_of, means, pal, counts, sse, inertia = {}, [], [], [], 0, 0.0
    for j, colours in enumerate(groups):
        w = list(map(hist.__getitem__, colours))
        cnt = sum(w)
        sums = [sum(map(mul, w, map(itemgetter(ch), colours))) for ch in range(3)]
        sq = sum(map(mul, w, (r * r + g * g + b * b for r, g, b in colours)))
        m = [s / cnt for s in sums] if cnt else list(palette[j])
        p = palette[j] if palette else tuple(min(255, max(0, math.floor(v + 0.5))) for v in m)
        sse += sq - 2 * sum(a * b for a, b in zip(p, sums)) + cnt * sum(v * v for v in p)
        if cnt:
            inertia += sq - sum(s * s for s in sums) / cnt
        means.append(m)
        pal.append(p)
        counts.append(cnt)
        label_of.update(dict.fromkeys(colours, j))
    labels = array("B", bytes(map(label_of.__getitem__, zip(data[0::channels], data[1::channels], data[2::channels]))))
    return Quantized(pal, means, labels, counts, sse / (3 * n), inertia, 0, width, height, channels, data,  # no rounds
                     colours=len(hist))


_LUMINANCE = (77, 150, 29)  # weights of the channels' ranges when choosing where to cut (as Pillow)


def median_cut(pixels, width, height, k=8, *, channels=4):
    """Reduce an image to ``k`` colours by median cut; returns :class:`~clusterlab.quantize.Quantized`.

    Same pixels as :func:`~clusterlab.quantize.quantize`; deterministic (no
    seed).  The box cut next is the one with the most pixels (a box of one
    colour is never cut), across its longest side with the sides weighted by
    their share in luminance (77 r, 150 g, 29 b, as Pillow), at the median
    pixel.  The palette is the boxes' mean colours, and every pixel gets the
    nearest palette colour, as in Pillow's ``Image.quantize(method=MEDIANCUT)``.
    """
    data, width, height, channels, n, hist, k = _histogram(pixels, width, height, k, channels)

    def box(colours):
        cnt = sum(map(hist.__getitem__, colours))
        sides = [(max(map(itemgetter(ch), colours)) - min(map(itemgetter(ch), colours))) * _LUMINANCE[ch]
                 for ch in range(3)]
        return [cnt if len(colours) > 1 else -1, sides.index(max(sides)), colours, cnt]

    boxes = [box(list(hist))]
    while len(boxes) < k:
        i = max(range(len(boxes)), key=lambda b: boxes[b][0])  # ties: the first box
        _, axis, colours, cnt = boxes[i]
        colours.sort(key=itemgetter(axis))
        half = list(accumulate(map(hist.__getitem__, colours)))
        cut = min(max(bisect_left(half, (cnt + 1) // 2) + 1, 1), len(colours) - 1)  # the median pixel ends the first half
        boxes[i:i + 1] = [box(colours[:cut]), box(colours[cut:])]
    boxes.sort(key=lambda b: min(b[2]))  # palette order: by each box's smallest colour
    means = _result(data, width, height, channels, n, hist, [b[2] for b in boxes]).palette
    return _result(data, width, height, channels, n, hist, _nearest_groups(list(hist), means), means)


def random_palette(pixels, width, height, k=8, *, channels=4, random_state=0):
    """``k`` distinct colours of randomly drawn pixels as the palette, each pixel repainted with the nearest.

    The baseline of scikit-learn's colour-quantization example: colours as
    they come (a colour covering much of the image is likely to be drawn, a
    small striking one rarely), none moved to the mean of the pixels it stands for.
    """
    as_seed(random_state)
    data, width, height, channels, n, hist, k = _histogram(pixels, width, height, k, channels)
    rng = random.Random(random_state)
    chosen = []
    while len(chosen) < k:  # pixels drawn at random; a colour already chosen is drawn again
        i = rng.randrange(n) * channels
        c = (data[i], data[i + 1], data[i + 2])
        if c not in chosen:
            chosen.append(c)
    return _result(data, width, height, channels, n, hist, _nearest_groups(list(hist), chosen), chosen)
