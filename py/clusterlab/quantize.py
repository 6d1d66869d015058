"""Colour quantization: repaint an image with its K most representative colours.

===============================================  ==========================================
``quantize(pixels, width, height, k)``           K-means palette, labels and error of an image
``Quantized``                                    the result: palette, labels, counts, mse, pixels
``Quantized.to_bytes()``                         the repainted image, same channel layout
``python -m clusterlab.quantize photo.jpg -k 8``  the same from the command line (needs Pillow)
``median_cut``, ``random_palette``, ``psnr``      the palettes K-means is compared with; PSNR in dB
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

How it stays fast in pure Python (a 1-megapixel photo takes about half as long
as scikit-learn's ``KMeans(8, n_init=1)`` on the same pixels, see bench/bench_kmeans.py):

1. every pixel's colour becomes one 24-bit key whose high 15 bits are its
   bin of 8 x 8 x 8 colours, built with ``bytes.translate`` and big-integer
   OR on whole channels (no per-pixel Python code); an exact colour
   histogram is counted (``Counter``);
2. one pass over the distinct colours gives every bin its exact count, sum
   and sum of squares (five integer fields packed into one Python int);
3. weighted K-means on the bin means: ``n_init`` k-means++ starts, each run
   to convergence on the 16 x 16 x 16 cells (cheap), and the best one
   refined on the bins until no bin changes cluster.  This is the
   library's one K-means core (:mod:`clusterlab._lloyd`, as in ``KMeans``)
   with exact integer cluster sums (``IntegerMeans``), updated only for
   points that moved; Hamerly's bounds skip the points whose cluster cannot
   change;
4. a bin whose whole 8 x 8 x 8 box lies in one centre's Voronoi region is
   labelled at once; only colours of bins cut by a region boundary are
   compared with the centres whose region meets the box.  Every colour so
   gets its exactly nearest centre (ties: lowest index), and a 16 MiB table
   indexed by colour key (read as a str in a comprehension, the fastest
   per-pixel lookup in CPython and in Pyodide) gives the pixels their labels;
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
from itertools import compress, repeat
from operator import add, rshift

from ._image import Quantized, image_input
from ._language import say
from ._lloyd import IntegerMeans, kmeanspp, lloyd, random_init
from ._median_cut import median_cut, psnr, random_palette  # the Image lab's comparison
from ._validate import as_int, as_seed, choice, public_names
from .exceptions import ConvergenceWarning

__all__ = ["Quantized", "quantize", "main", "median_cut", "psnr", "random_palette"]


# ----------------------------------------------------------------- colour keys
# A pixel's colour becomes one 24-bit key, "bin-major": the 15 high bits are its
# 8 x 8 x 8 bin (r >> 3, g >> 3, b >> 3), the 9 low bits its place in the bin:
#     key = (r >> 3) << 19 | (g >> 3) << 14 | (b >> 3) << 9 | (r & 7) << 6 | (g & 7) << 3 | (b & 7)
# so key >> 9 is the bin and a bin's colours fill one run of 512 keys.  Each
# byte of the key takes bits from several channels: bytes.translate moves a
# channel's bits into place and the channels are OR-ed as big integers (a few
# C-level operations per megabyte, no Python code per pixel).

_BIN_BITS = 9


def _byte_table(f):
    return bytes(f(v) for v in range(256))


_KEY_BYTES = (  # key bytes 0, 1, 2: (channel, table moving that channel's bits into the byte)
    ((0, _byte_table(lambda v: (v & 3) << 6)), (1, _byte_table(lambda v: (v & 7) << 3)),
     (2, _byte_table(lambda v: v & 7))),
    ((0, _byte_table(lambda v: (v >> 2) & 1)), (1, _byte_table(lambda v: ((v >> 3) & 3) << 6)),
     (2, _byte_table(lambda v: (v >> 3) << 1))),
    ((0, _byte_table(lambda v: v & 0xF8)), (1, _byte_table(lambda v: v >> 5))),
)
_U32 = "I" if array("I").itemsize == 4 else "L"


def _colour_keys(data, n, channels):
    """Every pixel's bin-major colour key (see above), as an array of n unsigned ints."""
    chans = [data[c::channels] for c in range(3)]
    buf = bytearray(4 * n)
    for byte, parts in enumerate(_KEY_BYTES):
        v = 0
        for c, table in parts:
            v |= int.from_bytes(chans[c].translate(table), "little")
        buf[byte::4] = v.to_bytes(n, "little")
    keys = array(_U32)
    keys.frombytes(bytes(buf))
    if sys.byteorder == "big":  # pragma: no cover - WebAssembly and x86/ARM are little-endian
        keys.byteswap()
    return keys


_RGB_BYTES = (  # r, g, b: (key byte, table moving its bits into the channel) - the inverse of _KEY_BYTES
    ((0, _byte_table(lambda v: v >> 6)), (1, _byte_table(lambda v: (v & 1) << 2)), (2, _byte_table(lambda v: v & 0xF8))),
    ((0, _byte_table(lambda v: (v >> 3) & 7)), (1, _byte_table(lambda v: (v >> 6) << 3)),
     (2, _byte_table(lambda v: (v & 7) << 5))),
    ((0, _byte_table(lambda v: v & 7)), (1, _byte_table(lambda v: (v << 2) & 0xF8))),
)


def _rgb_of(keys):
    """The r, g and b values (three bytes objects) of the colours with these keys."""
    m = len(keys)
    buf = array(_U32, keys)
    if sys.byteorder == "big":  # pragma: no cover
        buf.byteswap()
    buf = buf.tobytes()
    planes = [buf[i::4] for i in range(3)]
    out = []
    for parts in _RGB_BYTES:
        v = 0
        for p, table in parts:
            v |= int.from_bytes(planes[p].translate(table), "little")
        out.append(v.to_bytes(m, "little"))
    return out


# ----------------------------------------------------------------- bins
# Exact integer sums are packed into one Python int (fields of f bits:
# count, r, g, b, r^2 + g^2 + b^2), so one multiplication and one addition per
# colour accumulate all five; f is wide enough that no field overflows.


def _packer(f, top):
    """Table v -> packed (1, r, g, b, r^2+g^2+b^2) of the offsets in the low ``top`` key bits."""
    out = []
    for v in range(1 << top):
        r, g, b = v >> 6, (v >> 3) & 7, v & 7
        out.append(1 << 4 * f | r << 3 * f | g << 2 * f | b << f | r * r + g * g + b * b)
    return out


def _unpack(p, f):
    mask = (1 << f) - 1
    return [p >> 4 * f, (p >> 3 * f) & mask, (p >> 2 * f) & mask, (p >> f) & mask, p & mask]


class _Bins:
    """The colour histogram grouped into bins with exact integer sums.

    ``sums[i]`` is [pixels, sum r, sum g, sum b, sum r^2 + g^2 + b^2] of bin
    ``ids[i]``; ``lo[i]`` its smallest (r, g, b).  ``shift=9``: 8 x 8 x 8 bins
    (bin = key >> 9); ``shift=0``: every colour is its own bin.
    """

    def __init__(self, hist, n, shift):
        self.hist = hist
        self.shift = shift
        self.span = 7 if shift else 0
        f = (147 * n).bit_length() if shift else (195075 * n).bit_length()
        if shift:
            low = _packer(f, shift)
            acc = [0] * (1 << (24 - shift))
            for key, c in hist.items():  # cheaper than sorting the colours by bin
                acc[key >> 9] += low[key & 511] if c == 1 else c * low[key & 511]  # most colours: 1 pixel
            self.ids = ids = list(compress(range(len(acc)), acc))
            packed = map(acc.__getitem__, ids)
        else:
            self.ids = ids = sorted(hist)
            r, g, b = _rgb_of(ids)
            packed = [
                c * (1 << 4 * f | u << 3 * f | v << 2 * f | w << f | u * u + v * v + w * w)
                for c, u, v, w in zip(map(hist.__getitem__, ids), r, g, b)
            ]
        self.lo = lo = list(zip(*_rgb_of([i << shift for i in ids])))
        self.sums = sums = []
        for (r0, g0, b0), p in zip(lo, packed):
            cnt, sr, sg, sb, sq = _unpack(p, f)
            if shift:  # offsets from the low corner -> colour values
                sq += (r0 * r0 + g0 * g0 + b0 * b0) * cnt + 2 * (r0 * sr + g0 * sg + b0 * sb)
                sr += r0 * cnt
                sg += g0 * cnt
                sb += b0 * cnt
            sums.append([cnt, sr, sg, sb, sq])

    def __len__(self):
        return len(self.ids)

    def coarse(self, bits=4):
        """Sums of the cells of 2^bits values per channel (groups of bins), for cheap trial runs."""
        s = 5 - bits
        cells = {}
        for i, t in zip(self.ids, self.sums):
            cell = (i >> (10 + s)) << 2 * bits | (((i >> 5) & 31) >> s) << bits | ((i & 31) >> s)
            u = cells.get(cell)
            cells[cell] = t if u is None else list(map(add, u, t))
        return list(cells.values())


# ----------------------------------------------------------------- weighted K-means on bins
# The K-means core (_lloyd) does the work; colours are points with integer sums.

#: Hamerly's safety margin for colours: 1e-9 of the longest distance between two
#: colours (442 ~ 255 * sqrt(3), black to white), far above rounding error.
_COLOUR_MARGIN = 1e-9 * 442.0


# ----------------------------------------------------------------- labelling

_TABLE_MIN_PIXELS = 1 << 17  # from this many pixels labels are looked up in a 16 MiB table, not a dict


def _boundary(bins, bin_labels, centres):
    """For every bin, None if its whole box lies in its centre's Voronoi region, else
    the sorted tuple of centres whose region may meet the box."""
    k = len(centres)
    span = bins.span
    norms = [math.fsum(v * v for v in c) for c in centres]
    cand = [None] * len(bins)
    groups = [[] for _ in range(k)]
    for i, a in enumerate(bin_labels):
        groups[a].append(i)
    for a, idx in enumerate(groups):
        if not idx:
            continue
        lr, lg, lb = (list(col) for col in zip(*map(bins.lo.__getitem__, idx)))
        ca = centres[a]
        for j in range(k):
            if j == a:
                continue
            # max over the box of |x - ca|^2 - |x - cj|^2 = w . x + norms[a] - norms[j], w = 2 (cj - ca):
            # centre j may be nearest somewhere in the box only if that max is >= 0 (with a margin).
            w0, w1, w2 = w = [2.0 * (u - v) for u, v in zip(centres[j], ca)]
            thr = math.fsum([norms[j], -norms[a], *(-span * v for v in w if v > 0)]) - 1e-7
            for i in [i for i, u, v, x in zip(idx, lr, lg, lb) if u * w0 + v * w1 + x * w2 >= thr]:
                if cand[i] is None:
                    cand[i] = [a]
                cand[i].append(j)
    return [c if c is None else tuple(sorted(c)) for c in cand]


def _label(bins, bin_labels, centres, keys, n):
    """Every pixel's nearest centre (ties: lowest index), and exact per-cluster sums.

    A bin whose whole box lies in one centre's Voronoi region is labelled at
    once; the colours of the other bins are labelled one by one among the
    centres whose region meets the box.  Returns (labels, totals) with
    totals[j] = [pixels, sum r, sum g, sum b, sum of squares] of cluster j.
    """
    k = len(centres)
    shift, hist = bins.shift, bins.hist
    cand = _boundary(bins, bin_labels, centres)
    tot = [[0] * 5 for _ in range(k)]
    sets = {}  # candidate tuple -> [its number, exact sums of its bins]
    of_bin = {}  # bin id -> label (whole bins) or 256 + number of its candidate tuple
    for i, a, c, s in zip(bins.ids, bin_labels, cand, bins.sums):
        if c is None:
            of_bin[i] = a
            t = tot[a]
        else:
            t = sets.get(c)
            if t is None:
                t = sets[c] = [len(sets), [0] * 5]
            of_bin[i] = 256 + t[0]
            t = t[1]
        for f in range(5):
            t[f] += s[f]

    # Whole bins get their label, the colours of the other bins a marker (k) for now.  Large
    # images look labels up in a 16 MiB table indexed by colour key (no hashing per pixel),
    # read as a latin-1 str: a comprehension indexing a str is the fastest per-pixel
    # lookup in CPython and in Pyodide (twice as fast as ``map(bytearray.__getitem__)`` there).
    marker = k
    if sets:  # the colours of the boundary bins, found with a 32 KiB str of bin tags
        tags = bytearray(1 << (24 - shift))
        for i, a in of_bin.items():
            tags[i] = 255 if a >= 256 else 0
        text, m = tags.decode("latin-1"), chr(255)
        boundary = [key for key in hist if text[key >> shift] == m]
    big = n >= _TABLE_MIN_PIXELS and k < 256
    if big:
        table = bytearray(1 << 24)
        size = 1 << shift
        blocks = [bytes((a,)) * size for a in range(k + 1)]
        for i, a in of_bin.items():
            table[i << shift:(i + 1) << shift] = blocks[min(a, marker)]
    else:
        table = dict(zip(hist, map(min, map(of_bin.__getitem__, map(rshift, hist, repeat(shift))), repeat(marker))))

    if sets:  # the colours of the boundary bins, grouped by candidate tuple, get their nearest centre
        group = [[] for _ in sets]
        for key in boundary:
            group[of_bin[key >> shift] - 256].append(key)
        squares = {}  # centre -> per channel, (v - centre)^2 for v = 0..255
        fw = (195075 * n).bit_length()  # fields of exact sums packed in one int per colour
        pr = [v << 3 * fw | v * v for v in range(256)]
        pg = [v << 2 * fw | v * v for v in range(256)]
        pb = [v << fw | v * v | 1 << 4 * fw for v in range(256)]
        for (cs, (_, rest)), ks in zip(sets.items(), group):
            r, g, b = _rgb_of(ks)
            for j in cs:
                if j not in squares:
                    squares[j] = [[(v - c) ** 2 for v in range(256)] for c in centres[j]]
            if len(cs) == 2:  # the usual case, in one pass (ties: the lower index)
                (s0, s1, s2), (t0, t1, t2) = squares[cs[0]], squares[cs[1]]
                a, j = cs
                lab = [j if t0[u] + t1[v] + t2[w] < s0[u] + s1[v] + s2[w] else a for u, v, w in zip(r, g, b)]
            else:
                for j in cs:  # running nearest (ties: the lowest index, cs is sorted)
                    s0, s1, s2 = squares[j]
                    dj = [s0[u] + s1[v] + s2[w] for u, v, w in zip(r, g, b)]
                    if j == cs[0]:
                        near, lab = dj, [j] * len(ks)
                        continue
                    lab = [j if d < e else a for d, e, a in zip(dj, near, lab)]
                    if j != cs[-1]:
                        near = [d if d < e else e for d, e in zip(dj, near)]
            if big:
                for key, a in zip(ks, lab):
                    table[key] = a
            else:
                table.update(zip(ks, lab))
            # exact sums of each label's colours; the most frequent label gets the rest of the bins' sums
            most = max(cs, key=lab.count)
            for j in cs:
                if j == most:
                    continue
                packed = sum([hist[key] * (pr[u] + pg[v] + pb[w])
                              for key, u, v, w, a in zip(ks, r, g, b, lab) if a == j])
                t = tot[j]
                for f, v in enumerate(_unpack(packed, fw)):
                    t[f] += v
                    rest[f] -= v
            t = tot[most]
            for f in range(5):
                t[f] += rest[f]
    if big:
        text = table.decode("latin-1")
        return array("B", "".join([text[key] for key in keys]).encode("latin-1")), tot
    return array("B", bytes(map(table.__getitem__, keys))), tot


def _fit(bins, k, init, random_state, n_init, max_iter, tol):
    """Weighted K-means of the bins: (bin labels, centres, rounds).

    ``n_init`` starts (``init``: k-means++ or random colours, weighted by
    their pixels) run to convergence on the coarse cells; the best is
    refined on the bins (labels of its last assignment).
    """
    sums = bins.sums
    rng = random.Random(random_state)
    trial = bins.coarse() if bins.shift else sums
    if len(trial) < 4 * k:
        trial = sums
    means = IntegerMeans(trial, 3)
    X, W = means.X, [float(c) for c in means.weights]
    start = kmeanspp if init == "k-means++" else random_init
    best = None
    for _ in range(n_init):
        seeds = start(X, W, k, rng)
        run = lloyd(X, [X[i] for i in seeds], means, max_iter, tol, eps=_COLOUR_MARGIN)
        if best is None or run.inertia < best.inertia:
            best = run
    rounds = best.n_iter
    if trial is not sums:
        means = IntegerMeans(sums, 3)
        best = lloyd(means.X, best.centres, means, max_iter, tol, eps=_COLOUR_MARGIN, final=False,
                     with_inertia=False)
        rounds += best.n_iter
    return best.labels, best.centres, rounds


def quantize(pixels, width, height, k=8, *, channels=4, init="k-means++", random_state=0, n_init=4, max_iter=300,
             tol=0.0):
    """Reduce an image to ``k`` colours with weighted K-means; returns :class:`Quantized`.

    ``pixels`` are ``width * height * channels`` bytes, row by row: RGBA
    (``channels=4``, e.g. a browser canvas) or RGB (``channels=3``, e.g.
    Pillow's ``tobytes()``).  ``init`` is ``"k-means++"`` or ``"random"``
    (K colours of the image drawn at random, each with probability
    proportional to its pixels); ``random_state`` seeds the starts;
    ``n_init`` starts are each run to convergence on the coarse 16 x 16 x 16
    colour cells and the one with the lowest inertia there is refined on
    the 8 x 8 x 8 bins; ``max_iter`` and ``tol`` are as in
    :class:`~clusterlab.kmeans.KMeans` (``tol`` relative to the pixels' mean
    channel variance).  The defaults (4 starts, ``tol=0``: iterate until no
    bin changes cluster) cost little because the cells and bins are few, and
    avoid the poor local optima a single run often ends in (3-10 % higher mse).
    """
    data, width, height, channels, k = image_input(pixels, width, height, channels, k)
    init = choice(init, "init", ("k-means++", "random"))
    n_init = as_int(n_init, "n_init", minimum=1)
    max_iter = as_int(max_iter, "max_iter", minimum=1)
    if isinstance(tol, bool) or not isinstance(tol, (int, float)) or not tol >= 0:
        raise ValueError(say("error.tol_number", tol=tol))
    as_seed(random_state)
    n = width * height

    keys = _colour_keys(data, n, channels)
    hist = Counter(keys)
    distinct = len(hist)
    if k > distinct:
        warnings.warn(
            say("warning.few_colours", distinct=distinct, k=k),
            ConvergenceWarning,
            stacklevel=2,
        )
        k = distinct

    # Bin the colours (8 x 8 x 8 cubes, exact count, sums and sum of squares
    # per bin).  With few colours, or too few bins for k, each colour is a bin.
    bins = _Bins(hist, n, 0 if distinct <= 2048 else _BIN_BITS)
    if len(bins) < 4 * k and bins.shift:
        bins = _Bins(hist, n, 0)
    N, Sr, Sg, Sb, Sq = (sum(col) for col in zip(*bins.sums))
    var = (Sq * N - Sr * Sr - Sg * Sg - Sb * Sb) / (3 * N * N)  # mean channel variance, exact
    bin_labels, centres, rounds = _fit(bins, k, init, random_state, n_init, max_iter, tol * var)
    labels, tot = _label(bins, bin_labels, centres, keys, n)

    # Palette: exact cluster means; error from the integer sums (no rounding drift).
    means, palette, sse, inertia = [], [], 0, 0.0
    for j in range(k):
        cnt, sr, sg, sb, sq = tot[j]
        m = [sr / cnt, sg / cnt, sb / cnt] if cnt else list(centres[j])
        p = tuple(min(255, max(0, int(math.floor(v + 0.5)))) for v in m)
        sse += sq - 2 * (p[0] * sr + p[1] * sg + p[2] * sb) + cnt * (p[0] ** 2 + p[1] ** 2 + p[2] ** 2)
        if cnt:
            inertia += sq - (sr * sr + sg * sg + sb * sb) / cnt
        means.append(m)
        palette.append(p)
    return Quantized(palette, means, labels, [t[0] for t in tot], sse / (3 * n), inertia, rounds, width, height,
                     channels, data, colours=distinct)


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
        # The command line (CPython only) decodes image files with Pillow; the library
        # itself never imports it, so it still runs in Pyodide (tests/test_stdlib_only.py).
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


__dir__ = public_names(__all__)  # dir() and tab completion show the module's own names
