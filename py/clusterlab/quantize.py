"""Colour quantization: repaint an image with its K most representative colours.

===============================================  ==========================================
``quantize(pixels, width, height, k)``           K-means palette, labels and error of an image
``Quantized``                                    the result: palette, labels, counts, mse, pixels
``Quantized.to_bytes()``                         the repainted image, same channel layout
``python -m clusterlab.quantize photo.jpg -k 8``  the same from the command line (needs Pillow)
===============================================  ==========================================

Every pixel is an observation (r, g, b); K-means groups the colours and
each pixel is repainted with the mean colour of its cluster.  A 2 x 2
RGBA image with two reds and two blues:

>>> img = bytes([250, 0, 0, 255,  240, 0, 0, 255,  0, 0, 250, 255,  0, 0, 240, 255])
>>> q = quantize(img, 2, 2, k=2)
>>> q.palette, q.counts, q.labels.tolist()
([(245, 0, 0), (0, 0, 245)], [2, 2], [0, 0, 1, 1])
>>> q.mse                       # each pixel is 5 off in one of 3 channels
8.333333333333334
>>> list(q.to_bytes()[:4])      # alpha is kept
[245, 0, 0, 255]

How it stays fast in pure Python (a 1-megapixel photo takes about as long as
scikit-learn's ``KMeans(8, n_init=1)`` on the same pixels, see bench/bench_kmeans.py):

1. pixel colours become 24-bit integers with byte slicing (no per-pixel
   Python code) and an exact colour histogram is counted;
2. colours are grouped into bins of 8 x 8 x 8 values (5 bits per channel)
   holding their exact count, sum and sum of squares;
3. weighted K-means (:mod:`clusterlab.kmeans`, k-means++ start, ``n_init``
   runs) clusters the bin means, weighted by their pixel counts;
4. a bin whose whole 8 x 8 x 8 box lies in one centre's Voronoi region is
   labelled at once; only colours of bins cut by a region boundary are
   labelled one by one.  Every colour so gets its exactly nearest centre;
5. each palette colour is then the exact mean of the pixels labelled with it
   (``palette_means``), rounded to integers (``palette``) for the image.

``mse`` is the mean squared error per channel value between the original
and the repainted image (r, g, b; alpha is not counted):
sum over pixels and channels of (original - palette[label])^2 / (3 * pixels).

If ``k`` is larger than the number of distinct colours, a warning is issued
and the palette holds every distinct colour once (fewer than ``k`` colours,
mse 0).  Palettes have at most 256 colours (labels are bytes).
"""

from __future__ import annotations

import math
import random
import sys
import warnings
from array import array
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate, compress, repeat
from operator import add, and_, lshift, mul, or_, rshift

from ._validate import as_int
from .kmeans import ConvergenceWarning, _init_kmeanspp, _lloyd

__all__ = ["Quantized", "quantize", "main"]



@dataclass
class Quantized:
    """Result of :func:`quantize`.

    ``palette``: K (r, g, b) int triples (``palette_means`` rounded half up);
    ``palette_means``: the exact mean colour of each cluster's pixels;
    ``labels``: ``array('B')`` with the palette index of every pixel, row by row;
    ``counts``: pixels per palette colour; ``mse``: see the module docstring;
    ``inertia``: sum of squared distances of the pixels to ``palette_means``.
    """

    palette: list
    palette_means: list
    labels: array
    counts: list
    mse: float
    inertia: float
    width: int
    height: int
    channels: int
    _source: bytes = field(repr=False, default=b"")

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


def _as_bytes(pixels):
    if isinstance(pixels, memoryview):
        return pixels.tobytes()
    if isinstance(pixels, (bytes, bytearray)):
        return bytes(pixels)
    tobytes = getattr(pixels, "tobytes", None)  # array('B'), numpy uint8 arrays
    if callable(tobytes) and getattr(pixels, "itemsize", 1) == 1:
        return tobytes()
    raise TypeError(
        f"pixels must be raw 8-bit bytes (bytes, bytearray or memoryview), got {type(pixels).__name__}; "
        "for a canvas use ImageData.data, for Pillow img.convert('RGB').tobytes()."
    )


def _colour_codes(data, n, channels):
    """Every pixel's colour as one int b | g << 8 | r << 16, built by byte slicing (no Python loop)."""
    buf = bytearray(4 * n)
    buf[0::4] = data[2::channels]
    buf[1::4] = data[1::channels]
    buf[2::4] = data[0::channels]
    codes = array("I" if array("I").itemsize == 4 else "L")
    codes.frombytes(bytes(buf))
    if sys.byteorder == "big":  # pragma: no cover - WebAssembly and x86/ARM are little-endian
        codes.byteswap()
    return codes


class _Bins:
    """Colours of the histogram grouped by bin, with exact integer sums per bin."""

    def __init__(self, hist, exact):
        if exact:
            K = ids = sorted(hist)
        else:  # sort by bin (r >> 3, g >> 3, b >> 3), then by colour
            bin_of = map(and_, map(rshift, hist, repeat(3)), repeat(0x1F1F1F))
            comp = sorted(map(or_, map(lshift, bin_of, repeat(24)), hist))
            ids = list(map(rshift, comp, repeat(24)))
            K = list(map(and_, comp, repeat(0xFFFFFF)))
        self.codes = K
        self.count = C = list(map(hist.__getitem__, K))
        self.r = R = list(map(and_, map(rshift, K, repeat(16)), repeat(255)))
        self.g = G = list(map(and_, map(rshift, K, repeat(8)), repeat(255)))
        self.b = B = list(map(and_, K, repeat(255)))
        self.span = 0 if exact else 7
        sizes = Counter(ids)  # insertion order = sorted order
        self.ids = list(sizes)
        ends = list(accumulate(sizes.values()))
        self.starts = [0, *ends[:-1]]
        self.ends = ends
        CR = list(map(mul, C, R))
        CG = list(map(mul, C, G))
        CB = list(map(mul, C, B))
        SQ = map(add, map(add, map(mul, R, R), map(mul, G, G)), map(mul, B, B))
        CQ = list(map(mul, C, SQ))
        self.cols = (C, CR, CG, CB, CQ)
        self.sums = [[sum(col[s:e]) for s, e in zip(self.starts, ends)] for col in self.cols]

    def __len__(self):
        return len(self.ids)

    def low_corner(self, i):
        """Smallest (r, g, b) of bin number i's box."""
        if self.span == 0:
            s = self.starts[i]
            return (self.r[s], self.g[s], self.b[s])
        b = self.ids[i]
        return ((b >> 16) << 3, ((b >> 8) & 255) << 3, (b & 255) << 3)


def quantize(pixels, width, height, k=8, *, channels=4, random_state=0, n_init=2, max_iter=300, tol=0.0):
    """Reduce an image to ``k`` colours with weighted K-means; returns :class:`Quantized`.

    ``pixels`` are ``width * height * channels`` bytes, row by row: RGBA
    (``channels=4``, e.g. a browser canvas) or RGB (``channels=3``, e.g.
    Pillow's ``tobytes()``).  ``random_state`` seeds the k-means++ start;
    ``n_init`` starts are tried on the colour bins and the one with the lowest
    inertia is kept; ``max_iter`` and ``tol`` are as in :class:`~clusterlab.kmeans.KMeans`
    (``tol`` relative to the pixels' mean channel variance).  The defaults
    (2 starts, ``tol=0``: iterate until no bin changes cluster) cost little
    because there are only a few thousand bins, and avoid the poor local
    optima a single early-stopped run often ends in (3-10 % higher mse).
    """
    data = _as_bytes(pixels)
    width = as_int(width, "width", minimum=1)
    height = as_int(height, "height", minimum=1)
    channels = as_int(channels, "channels")
    if channels not in (3, 4):
        raise ValueError(f"channels must be 3 (RGB) or 4 (RGBA), got {channels}.")
    k = as_int(k, "k", minimum=1, maximum=256)
    n_init = as_int(n_init, "n_init", minimum=1)
    max_iter = as_int(max_iter, "max_iter", minimum=1)
    if isinstance(tol, bool) or not isinstance(tol, (int, float)) or not tol >= 0:
        raise ValueError(f"tol must be a number >= 0, got {tol!r}.")
    if random_state is not None and (isinstance(random_state, bool) or not isinstance(random_state, int)):
        raise TypeError(f"random_state must be an int seed or None, got {random_state!r}.")
    n = width * height
    if len(data) != n * channels:
        raise ValueError(
            f"pixels has {len(data)} bytes but width*height*channels = {width}*{height}*{channels} = "
            f"{n * channels}; check the image size and the channels (4 for RGBA, 3 for RGB)."
        )

    codes = _colour_codes(data, n, channels)
    hist = Counter(codes)
    distinct = len(hist)
    if k > distinct:
        warnings.warn(
            f"the image has only {distinct} distinct colour(s), fewer than k={k}; "
            f"the palette holds those {distinct} colours.",
            ConvergenceWarning,
            stacklevel=2,
        )
        k = distinct

    # Bin the colours (8 x 8 x 8 cubes, exact count, sums and sum of squares
    # per bin).  With few colours, or too few bins for k, each colour is a bin.
    bins = _Bins(hist, exact=distinct <= 2048)
    if len(bins) < 4 * k and bins.span:
        bins = _Bins(hist, exact=True)
    bn, br, bg, bb, bq = bins.sums
    pts = [[r / c, g / c, b / c] for c, r, g, b in zip(bn, br, bg, bb)]
    wts = [float(c) for c in bn]

    # Weighted K-means on the bin means (tol relative to the pixels' variance, as scikit-learn).
    N = float(n)
    var = sum(sum(bq) / N - (sum(s) / N) ** 2 for s in (br, bg, bb)) / 3.0
    rng = random.Random(random_state)
    best = None
    for _ in range(n_init):
        C0 = _init_kmeanspp(pts, wts, k, rng)
        run = _lloyd(pts, wts, C0, max_iter, tol * max(var, 0.0))
        if best is None or run[2] < best[2]:
            best = run
    bin_labels, centres = best[0], best[1]

    # Label: whole bins when their box is inside one Voronoi region, else colour by colour.
    norms = [math.fsum(v * v for v in c) for c in centres]
    tot = [[0] * k for _ in range(5)]
    lut = {}
    span = bins.span
    dist = math.dist
    for i, a in enumerate(bin_labels):
        s, e = bins.starts[i], bins.ends[i]
        cand = [a]
        if e - s > 1:
            lo = bins.low_corner(i)
            ca = centres[a]
            for j in range(k):
                if j != a:
                    worst = norms[a] - norms[j]
                    for d in range(3):
                        v = 2.0 * (centres[j][d] - ca[d])
                        worst += v * (lo[d] + span if v > 0 else lo[d])
                    if worst >= -1e-7:
                        cand.append(j)
        elif k > 1:  # a single colour: its nearest centre
            x = (bins.r[s], bins.g[s], bins.b[s])
            ds = [dist(x, c) for c in centres]
            cand = [ds.index(min(ds))]
        if len(cand) == 1:
            a = cand[0]
            lut.update(dict.fromkeys(bins.codes[s:e], a))
            for t in range(5):
                tot[t][a] += bins.sums[t][i]
            continue
        cand.sort()
        xs = list(zip(bins.r[s:e], bins.g[s:e], bins.b[s:e]))
        D = [list(map(dist, xs, repeat(centres[j]))) for j in cand]
        if len(cand) == 2:
            c0, c1 = cand
            labs = [c0 if u <= v else c1 for u, v in zip(*D)]
        else:
            labs = [cand[t.index(min(t))] for t in zip(*D)]
        lut.update(zip(bins.codes[s:e], labs))
        for j in cand:
            mask = [lab == j for lab in labs]
            for t in range(5):
                tot[t][j] += sum(compress(bins.cols[t][s:e], mask))
    labels = array("B", bytes(map(lut.__getitem__, codes)))

    # Palette: exact cluster means; error from the integer sums (no rounding drift).
    means, palette, sse, inertia = [], [], 0, 0.0
    for j in range(k):
        cnt, sr, sg, sb, sq = (t[j] for t in tot)
        m = [sr / cnt, sg / cnt, sb / cnt] if cnt else list(centres[j])
        p = tuple(min(255, max(0, int(math.floor(v + 0.5)))) for v in m)
        sse += sq - 2 * (p[0] * sr + p[1] * sg + p[2] * sb) + cnt * (p[0] ** 2 + p[1] ** 2 + p[2] ** 2)
        if cnt:
            inertia += sq - (sr * sr + sg * sg + sb * sb) / cnt
        means.append(m)
        palette.append(p)
    return Quantized(palette, means, labels, list(tot[0]), sse / (3 * n), inertia, width, height, channels, data)


def main(argv=None) -> int:
    """Command line: ``python -m clusterlab.quantize photo.jpg -k 8 -o out.png``."""
    import argparse
    import time

    parser = argparse.ArgumentParser(
        prog="python -m clusterlab.quantize", description="Repaint an image with k colours (K-means)."
    )
    parser.add_argument("image", help="input image file (any format Pillow reads)")
    parser.add_argument("-k", type=int, default=8, help="number of colours (default 8)")
    parser.add_argument("-o", "--output", help="write the quantized image here (e.g. out.png)")
    parser.add_argument("--seed", type=int, default=0, help="random_state (default 0)")
    args = parser.parse_args(argv)
    try:
        from PIL import Image
    except ImportError:
        print("error: the command line needs Pillow to read images: pip install pillow", file=sys.stderr)
        return 2
    try:
        with Image.open(args.image) as im:
            im = im.convert("RGB")
            w, h = im.size
            raw = im.tobytes()
    except (OSError, ValueError) as e:
        print(f"error: cannot read image {args.image!r}: {e}", file=sys.stderr)
        return 2
    try:
        t = time.perf_counter()
        q = quantize(raw, w, h, args.k, channels=3, random_state=args.seed)
        elapsed = time.perf_counter() - t
    except (TypeError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"{args.image}: {w} x {h} pixels, k = {len(q.palette)}")
    print(" #  colour    r    g    b     pixels")
    for j, (p, c) in enumerate(zip(q.palette, q.counts)):
        print(f"{j:2d}  #{p[0]:02x}{p[1]:02x}{p[2]:02x}  {p[0]:3d}  {p[1]:3d}  {p[2]:3d}  {c:9d}")
    print(f"mse = {q.mse:.4f} per channel value")
    print(f"time = {elapsed:.3f} s")
    if args.output:
        try:
            Image.frombytes("RGB", (w, h), q.to_bytes()).save(args.output)
        except (OSError, ValueError) as e:
            print(f"error: cannot write {args.output!r}: {e}", file=sys.stderr)
            return 2
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
