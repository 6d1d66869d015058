"""Dependency-free SVG figures for clustering: scatter plots, dendrograms, heat maps.

Every function returns a :class:`Figure`.  In a notebook or a live cell of the
course website the figure shows itself (through ``_repr_svg_``); elsewhere use
``fig.svg`` (the markup as a string) or ``fig.save("name.svg")``.

==============================================  ===========================================
``scatter(X, labels, centers=...)``             points coloured by cluster, centroids as crosses
``scatter_matrix(X, labels=... / colors=...)``  all pairs of features ("kryssplott")
``dendrogram(Z or dict, cut=...)``              tree of merges, optional cut into k clusters
``heatmap(D, row_labels, col_labels)``          matrix with the numbers written in the cells
``swatches(palette, counts)``                   colours as squares with hex code and share
``line(x, y)``                                  elbow plot, inertia per iteration, ...
``image(pixels, width, height, channels)``      raw 8-bit pixels shown as an embedded PNG
``grid(figures, columns)``, ``side_by_side``    several figures in one
==============================================  ===========================================

Design choices (shared by all figures):

* **Light and dark pages.**  Axes, text and neutral marks use ``currentColor``,
  so they take the text colour of the page (dark on a white page, light on the
  dark theme).  There is no background panel, except behind pixel colours in
  :func:`scatter_matrix` with ``colors=`` (a mid grey on which both black and
  white pixels show) and inside heat-map cells (whose text colour is chosen
  for contrast with each cell).  A saved ``.svg`` opened on its own is drawn
  black on transparent.
* **Colours.**  :data:`PALETTE` is the Okabe-Ito colour-blind-safe palette with
  the two light colours (orange, sky blue) darkened and black replaced, so that
  every colour has a contrast of at least 3:1 against both white and the dark
  theme's ``#1e2129``.  Cluster ``k`` also gets marker shape ``k % 5`` (circle,
  square, triangle, diamond, inverted triangle), so clusters can be told apart
  without colour vision.  Negative integer labels (noise) are grey.
* **Compact, deterministic markup.**  One ``<use>`` per point, numbers with at
  most two decimals, and element ids made from a hash of the figure's content,
  so building the same figure twice gives the same bytes (on CPython and in
  Pyodide) and several figures can sit on one page.  ``<title>`` and ``<desc>``
  describe the figure for screen readers (``role="img"``).
* **Responsive.**  ``width``/``height`` set the natural size; the ``viewBox``
  and ``style="max-width:100%;height:auto"`` let it shrink on small screens.

>>> fig = scatter([[1, 1], [2, 1], [4, 5]], labels=[0, 0, 1], title="Three points")
>>> fig
<Figure scatter 640x480, ... kB SVG: display it, or fig.save('name.svg')>
>>> fig.svg.count("<use ")  # 3 points and 2 legend entries
5
"""

from __future__ import annotations

import base64
import hashlib
import math
import numbers
import struct
import zlib
from collections.abc import Mapping

from ._validate import _rows_of, as_int, as_matrix, as_number, as_vector, choice

__all__ = [
    "PALETTE",
    "Figure",
    "dendrogram",
    "encode_png",
    "grid",
    "heatmap",
    "image",
    "line",
    "nice_ticks",
    "scatter",
    "scatter_matrix",
    "side_by_side",
    "swatches",
]

#: Categorical colours: Okabe-Ito hues, each >= 3:1 contrast on white and on #1e2129.
PALETTE = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#B8860B",  # dark orange-yellow (Okabe-Ito orange, darkened)
    "#8F6FD1",  # violet
    "#1F8FA0",  # teal (sky blue, darkened)
    "#A0701F",  # brown
)
NOISE = "#7F7F7F"  # grey for negative labels (noise points)

_FONT = "system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif"
_ID = "@ID@"  # replaced by the figure's content-hash id prefix at the end


# ----------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------


def _n(v, d=2):
    """Format a number with at most ``d`` decimals, no trailing zeros, no ``-0``.

    >>> _n(3.14159), _n(2.0), _n(-0.001), _n(1e6)
    ('3.14', '2', '0', '1000000')
    """
    s = f"{v:.{d}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _esc(text) -> str:
    """Escape text for XML; ``@`` too, so user text can never form an id placeholder."""
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("@", "&#64;")
    )


def _fmt_value(v) -> str:
    """A short human-readable number for descriptions."""
    if float(v).is_integer() and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.3g}".replace("e+0", "e").replace("e-0", "e-")


def _tick_label(v, decimals):
    s = f"{v:.{decimals}f}"
    if s.lstrip("-").strip("0.") == "":
        s = s.lstrip("-")
    return s.replace("-", "\u2212")


def nice_ticks(lo, hi, n=5):
    """Return ``(ticks, decimals)``: about ``n`` round tick values covering ``[lo, hi]``.

    Steps are 1, 2, 2.5 or 5 times a power of ten; the first and last tick
    enclose the data.  ``decimals`` is how many decimals the labels need.

    >>> nice_ticks(0.3, 9.6)
    ([0, 2, 4, 6, 8, 10], 0)
    >>> nice_ticks(0, 1, 4)
    ([0, 0.25, 0.5, 0.75, 1], 2)
    >>> nice_ticks(5, 5)
    ([4, 4.5, 5, 5.5, 6], 1)
    """
    lo, hi = float(lo), float(hi)
    if hi < lo:
        lo, hi = hi, lo
    if hi == lo:
        half = abs(lo) * 0.2 or 1.0
        lo, hi = lo - half, hi + half
    raw = (hi - lo) / max(1, n)
    power = math.floor(math.log10(raw))
    mag = 10.0**power
    for m in (1, 2, 2.5, 5, 10):
        if m * mag >= raw * (1 - 1e-9):
            break
    step = m * mag
    decimals = max(0, -power + (1 if m == 2.5 else 0) - (1 if m == 10 else 0))
    first = math.floor(lo / step + 1e-9)
    last = math.ceil(hi / step - 1e-9)
    ticks = []
    for i in range(first, last + 1):
        t = round(i * step, decimals)
        t = int(t) if decimals == 0 or float(t).is_integer() else t
        ticks.append(t or 0)  # no -0.0
    return ticks, decimals


def _labels_list(labels, n, name="labels"):
    items = _rows_of(labels)
    if items is None:
        raise TypeError(
            f"{name} must be a list with one label per point (for example [0, 1, 1]), "
            f"got {type(labels).__name__}."
        )
    if len(items) != n:
        raise ValueError(
            f"{name} has {len(items)} entries but X has {n} points; give exactly one label per point."
        )
    out = []
    for i, lab in enumerate(items):
        if isinstance(lab, float) and math.isnan(lab):
            raise ValueError(f"{name}[{i}] is nan; every point needs a cluster label.")
        if isinstance(lab, float) and lab.is_integer():
            lab = int(lab)
        try:
            hash(lab)
        except TypeError:
            raise TypeError(
                f"{name}[{i}] is {type(lab).__name__} {lab!r}; labels must be numbers or strings."
            ) from None
        out.append(lab)
    return out


class _Colours:
    """Map cluster labels to (colour, shape index, legend order)."""

    def __init__(self, labels):
        distinct = list(dict.fromkeys(labels))
        try:
            distinct.sort()
        except TypeError:
            pass  # mixed types: keep first appearance
        self.order = distinct
        self.by_value = all(
            isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in distinct
        )
        self.rank = {v: i for i, v in enumerate(distinct)}

    def index(self, label):
        if self.by_value:
            return int(label) if label >= 0 else -1
        return self.rank[label]

    def colour(self, label):
        i = self.index(label)
        return NOISE if i < 0 else PALETTE[i % len(PALETTE)]

    def shape(self, label):
        i = self.index(label)
        return 0 if i < 0 else i % len(_SHAPES)

    def for_center(self, k):
        """Colour of centre ``k``: cluster label ``k`` (integer labels) or the k-th label."""
        if self.by_value:
            return PALETTE[k % len(PALETTE)]
        if k < len(self.order):
            return self.colour(self.order[k])
        return "currentColor"


def _shape_def(shape, r, ident):
    """A marker of about the area of a circle of radius ``r``, centred on 0,0."""
    if shape == 0:
        return f'<circle id="{ident}" r="{_n(r)}"/>'
    if shape == 1:
        s = r * 1.7725
        return f'<rect id="{ident}" x="{_n(-s / 2)}" y="{_n(-s / 2)}" width="{_n(s)}" height="{_n(s)}"/>'
    if shape in (2, 4):
        R = r * 1.555
        sign = 1 if shape == 2 else -1
        top, base, half = -R * sign, R / 2 * sign, R * 0.866
        shift = -R / 4 * sign  # centre the triangle's bounding box on the point
        return (
            f'<path id="{ident}" d="M0 {_n(top - shift)}L{_n(half)} {_n(base - shift)}'
            f'H{_n(-half)}Z"/>'
        )
    a = r * 1.2533
    return f'<path id="{ident}" d="M0 {_n(-a)}L{_n(a)} 0L0 {_n(a)}L{_n(-a)} 0Z"/>'


_SHAPES = ("circle", "square", "triangle", "diamond", "inverted triangle")


def _marker_radius(n):
    return 4.5 if n <= 200 else 3.5 if n <= 2000 else 2.5


class Figure:
    """An SVG figure: ``.svg`` is the markup; notebooks and live cells display it.

    ``width`` and ``height`` are the natural size in CSS pixels; ``kind`` names
    the function that made it.
    """

    __slots__ = ("svg", "width", "height", "kind", "_inner", "_pid")

    def __init__(self, svg, width, height, kind, inner="", pid=""):
        self.svg = svg
        self.width = width
        self.height = height
        self.kind = kind
        self._inner = inner
        self._pid = pid

    def _repr_svg_(self):
        return self.svg

    def __repr__(self):
        return (
            f"<Figure {self.kind} {_n(self.width, 0)}x{_n(self.height, 0)}, "
            f"{len(self.svg) / 1000:.1f} kB SVG: display it, or fig.save('name.svg')>"
        )

    __str__ = __repr__

    def save(self, path):
        """Write the figure to ``path``: ``.svg`` (the markup) or ``.html`` (a page showing it)."""
        path = str(path)
        if path.lower().endswith((".html", ".htm")):
            text = (
                '<!doctype html><meta charset="utf-8"><title>'
                + _esc(self.kind)
                + "</title><body>"
                + self.svg
                + "</body>\n"
            )
        elif path.lower().endswith(".svg"):
            text = '<?xml version="1.0" encoding="UTF-8"?>\n' + self.svg + "\n"
        else:
            raise ValueError(
                f"path {path!r} should end in .svg or .html; "
                "for PNG, open the .svg in a browser and take a screenshot."
            )
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        return path


def _finish(kind, width, height, title, desc, body, defs=""):
    """Assemble the root <svg>: content-hash ids, title/desc for screen readers."""
    width, height = round(width), round(height)
    inner = (
        f'<title id="{_ID}t">{_esc(title)}</title><desc id="{_ID}d">{_esc(desc)}</desc>'
        + (f"<defs>{defs}</defs>" if defs else "")
        + body
    )
    digest = hashlib.sha1(f"{kind}|{width}|{height}|{inner}".encode()).hexdigest()[:8]
    pid = "clp" + digest
    inner = inner.replace(_ID, pid)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="{pid}t {pid}d" '
        f'font-family="{_FONT}" font-size="12" fill="currentColor" '
        f'style="max-width:100%;height:auto">{inner}</svg>'
    )
    return Figure(svg, width, height, kind, inner, pid)


def _title_text(title, x=8):
    if not title:
        return ""
    return f'<text x="{x}" y="20" font-size="15" font-weight="600">{_esc(title)}</text>'


def _size(value, name, default, lo=60, hi=4000):
    if value is None:
        return default
    return as_number(as_int(value, name, minimum=lo, maximum=hi), name)


class _Axes:
    """A linear x/y mapping from data to a pixel box, with ticks and axis text."""

    def __init__(self, box, xr, yr, pad=8, xticks=6, yticks=5):
        self.left, self.top, self.right, self.bottom = box
        self.xt, self.xd = nice_ticks(*xr, xticks) if xr else ([], 0)
        self.yt, self.yd = nice_ticks(*yr, yticks) if yr else ([], 0)
        self.pad = pad
        if self.xt:
            self.x0, self.x1 = self.xt[0], self.xt[-1]
        if self.yt:
            self.y0, self.y1 = self.yt[0], self.yt[-1]

    def sx(self, v):
        span = self.right - self.left - 2 * self.pad
        return self.left + self.pad + (v - self.x0) / (self.x1 - self.x0) * span

    def sy(self, v):
        span = self.bottom - self.top - 2 * self.pad
        return self.bottom - self.pad - (v - self.y0) / (self.y1 - self.y0) * span

    def draw(self, xlabel=None, ylabel=None, grid=True):
        out = ['<g class="clp-axes" stroke="currentColor" fill="none">']
        L, T, R, B = self.left, self.top, self.right, self.bottom
        if grid:
            d = "".join(f"M{_n(self.sx(t))} {_n(T)}V{_n(B)}" for t in self.xt)
            d += "".join(f"M{_n(L)} {_n(self.sy(t))}H{_n(R)}" for t in self.yt)
            if d:
                out.append(f'<path d="{d}" stroke-opacity=".13"/>')
        d = f"M{_n(L)} {_n(B)}H{_n(R)}" if self.xt else ""
        d += "".join(f"M{_n(self.sx(t))} {_n(B)}v5" for t in self.xt)
        if self.yt:
            d += f"M{_n(L)} {_n(T)}V{_n(B)}"
            d += "".join(f"M{_n(L)} {_n(self.sy(t))}h-5" for t in self.yt)
        out.append(f'<path d="{d}" stroke-opacity=".7"/></g>')
        out.append('<g class="clp-ticks" font-size="11">')
        for t in self.xt:
            out.append(
                f'<text x="{_n(self.sx(t))}" y="{_n(B + 18)}" text-anchor="middle">'
                f"{_tick_label(t, self.xd)}</text>"
            )
        for t in self.yt:
            out.append(
                f'<text x="{_n(L - 8)}" y="{_n(self.sy(t) + 4)}" text-anchor="end">'
                f"{_tick_label(t, self.yd)}</text>"
            )
        out.append("</g>")
        if xlabel:
            out.append(
                f'<text x="{_n((L + R) / 2)}" y="{_n(B + 38)}" text-anchor="middle">{_esc(xlabel)}</text>'
            )
        if ylabel:
            cy = (T + B) / 2
            out.append(
                f'<text transform="translate({_n(L - 44)} {_n(cy)}) rotate(-90)" '
                f'text-anchor="middle">{_esc(ylabel)}</text>'
            )
        return "".join(out)


def _legend(x, y, entries, title=None, max_items=18):
    """entries: (text, colour, shape id or None for a line swatch)."""
    out = [f'<g class="clp-legend" font-size="12" transform="translate({_n(x)} {_n(y)})">']
    yy = 0
    if title:
        out.append(f'<text y="4" font-weight="600">{_esc(title)}</text>')
        yy = 20
    shown = entries[:max_items]
    for text, colour, mark in shown:
        if mark is None:
            out.append(f'<path d="M0 {yy}h18" stroke="{colour}" stroke-width="2.5" fill="none"/>')
            sx = 24
        else:
            out.append(f'<use xlink:href="#{mark}" x="7" y="{yy}" fill="{colour}"/>')
            sx = 18
        out.append(f'<text x="{sx}" y="{yy + 4}">{_esc(text)}</text>')
        yy += 18
    if len(entries) > max_items:
        out.append(f'<text y="{yy + 4}">\u2026 {len(entries) - max_items} more</text>')
    out.append("</g>")
    return "".join(out)


def _center_mark(x, y, colour, size=7):
    d = f"M{_n(x - size)} {_n(y - size)}l{2 * size} {2 * size}m0 {-2 * size}l{-2 * size} {2 * size}"
    return (
        f'<g class="clp-ctr"><path d="{d}" stroke="currentColor" stroke-width="5.5" '
        f'stroke-linecap="round"/><path d="{d}" stroke="{colour}" stroke-width="3" '
        'stroke-linecap="round"/></g>'
    )


def _range(values, margin=0.0):
    """(min, max) of values, widened by ``margin`` of the span (not below 0 if data are >= 0)."""
    lo, hi = min(values), max(values)
    if margin:
        extra = (hi - lo) * margin
        lo, hi = (lo - extra if lo - extra >= 0 or lo < 0 else 0.0), hi + extra
    return lo, hi


# ----------------------------------------------------------------------------
# scatter
# ----------------------------------------------------------------------------


def scatter(
    X,
    labels=None,
    *,
    centers=None,
    point_labels=None,
    title=None,
    xlabel=None,
    ylabel=None,
    width=None,
    height=None,
    legend_title="cluster",
):
    """Scatter plot of 2-D points (or 1-D points on a line), coloured by cluster.

    ``X`` has one row per point with two features (``n x 2``), or one
    feature (a flat list or ``n x 1``: the points lie on a horizontal line).
    ``labels`` gives each point's cluster (colour and marker shape per
    cluster, and a legend); ``centers`` (``k x 2`` or ``k x 1``) are drawn as
    crosses in the colour of clusters ``0 .. k-1``; ``point_labels`` writes a
    short text next to each point (the course's A-J).  Default size: 640 x 480
    (640 x 200 for 1-D).

    >>> X = [[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]]
    >>> fig = scatter(X, [0, 0, 1, 1, 1], centers=[[1.5, 1], [5.3, 6.3]],
    ...               point_labels="abcde", xlabel="x1", ylabel="x2")
    >>> fig.svg.count("<use "), fig.svg.count('class="clp-ctr"')  # 5 points, 2 legend marks
    (7, 2)
    """
    X = as_matrix(X, "X")
    n, dim = len(X), len(X[0])
    if dim > 2:
        raise ValueError(
            f"X has {dim} features per point but scatter draws 1 or 2; "
            "pick two columns, for example [[row[0], row[1]] for row in X], or use scatter_matrix(X)."
        )
    one_d = dim == 1
    labs = _labels_list(labels, n) if labels is not None else None
    cen = None
    if centers is not None:
        cen = as_matrix(centers, "centers")
        if len(cen[0]) != dim:
            raise ValueError(
                f"centers have {len(cen[0])} features but X has {dim}; give one centre per "
                "cluster with the same features as the points."
            )
    texts = None
    if point_labels is not None:
        texts = _rows_of(point_labels) if not isinstance(point_labels, str) else list(point_labels)
        if texts is None or len(texts) != n:
            got = "not a list" if texts is None else f"{len(texts)} entries"
            raise ValueError(
                f"point_labels has {got} but X has {n} points; give one text per point "
                "(a string like 'ABCDE' works for single letters)."
            )
    W = _size(width, "width", 640)
    H = _size(height, "height", 200 if one_d else 480)

    colours = _Colours(labs) if labs is not None else None
    legend_w = 0
    if colours is not None:
        longest = max(len(str(v)) for v in colours.order[:18])
        legend_w = max(70, 26 + 7 * max(longest, len(legend_title or "")))
    top = 34 if title else 14
    left = 20 if one_d else (62 if ylabel else 50)
    right = W - 16 - legend_w
    bottom = H - (48 if xlabel else 32)
    xs = [r[0] for r in X] + ([c[0] for c in cen] if cen else [])
    if one_d:
        ax = _Axes((left, top, right, bottom), _range(xs, 0.03), None, pad=10, xticks=7)
        ymid = (top + bottom) / 2
        pys = [ymid] * n
    else:
        ys = [r[1] for r in X] + ([c[1] for c in cen] if cen else [])
        ax = _Axes((left, top, right, bottom), _range(xs, 0.03), _range(ys, 0.03), pad=10)
        pys = [ax.sy(r[1]) for r in X]
    pxs = [ax.sx(r[0]) for r in X]

    radius = _marker_radius(n)
    d = 1 if n > 200 else 2
    body = [_title_text(title), ax.draw(xlabel, None if one_d else ylabel, grid=not one_d)]
    defs = []
    if one_d:
        body.append(
            f'<path d="M{_n(left)} {_n(ymid)}H{_n(right)}" stroke="currentColor" '
            'stroke-opacity=".35"/>'
        )
    opacity = ' fill-opacity=".8"' if n > 200 else ""
    centre_marks = ""
    if cen:
        marks = []
        for k, c in enumerate(cen):
            colour = colours.for_center(k) if colours else "currentColor"
            cy = ymid if one_d else ax.sy(c[1])
            marks.append(_center_mark(ax.sx(c[0]), cy, colour, 8 if n <= 2000 else 7))
        centre_marks = '<g fill="none">' + "".join(marks) + "</g>"
    if n <= 200:  # few points: keep every point visible on top of the crosses
        body.append(centre_marks)
    if colours is None:
        defs.append(_shape_def(0, radius, f"{_ID}m0"))
        pts = "".join(
            f'<use xlink:href="#{_ID}m0" x="{_n(x, d)}" y="{_n(y, d)}"/>' for x, y in zip(pxs, pys)
        )
        body.append(f'<g class="clp-pts" fill="currentColor" fill-opacity=".75">{pts}</g>')
    else:
        used = sorted({colours.shape(v) for v in colours.order})
        defs.extend(_shape_def(s, radius, f"{_ID}m{s}") for s in used)
        for lab in colours.order:
            mark = f"{_ID}m{colours.shape(lab)}"
            pts = "".join(
                f'<use xlink:href="#{mark}" x="{_n(pxs[i], d)}" y="{_n(pys[i], d)}"/>'
                for i in range(n)
                if labs[i] == lab
            )
            body.append(
                f'<g class="clp-pts" data-label="{_esc(lab)}" fill="{colours.colour(lab)}"{opacity}>{pts}</g>'
            )
    if n > 200:  # many points: the crosses must stay visible on top
        body.append(centre_marks)
    if texts is not None:
        body.append(_point_texts(pxs, pys, texts, radius, one_d))
    if colours is not None:
        entries = [(str(v), colours.colour(v), f"{_ID}m{colours.shape(v)}") for v in colours.order]
        body.append(_legend(right + 18, top + 8, entries, legend_title))

    # description for screen readers
    desc = [f"Scatter plot of {n} point{'s' if n != 1 else ''}"]
    if one_d:
        desc.append(f" on a line, from {_fmt_value(min(xs))} to {_fmt_value(max(xs))}")
    else:
        desc.append(
            f"; {xlabel or 'x'} from {_fmt_value(min(r[0] for r in X))} to "
            f"{_fmt_value(max(r[0] for r in X))}, {ylabel or 'y'} from "
            f"{_fmt_value(min(r[1] for r in X))} to {_fmt_value(max(r[1] for r in X))}"
        )
    if colours is not None:
        counts = {v: 0 for v in colours.order}
        for v in labs:
            counts[v] += 1
        parts = [f"{v}: {counts[v]} ({_SHAPES[colours.shape(v)]}s)" for v in colours.order[:12]]
        more = f", and {len(colours.order) - 12} more" if len(colours.order) > 12 else ""
        desc.append(f". {len(colours.order)} clusters, " + ", ".join(parts) + more)
    if cen:
        desc.append(f". {len(cen)} cluster centres marked with crosses")
    desc.append(".")
    name = title or ("Scatter plot" if colours is None else "Scatter plot of clusters")
    return _finish("scatter", W, H, name, "".join(desc), "".join(body), "".join(defs))


def _point_texts(pxs, pys, texts, radius, one_d):
    out = ['<g class="clp-ptext" font-size="12">']
    if one_d:
        # alternate above/below when labels on the line would overlap
        order = sorted(range(len(pxs)), key=lambda i: pxs[i])
        ends = [-1e9, -1e9, -1e9, -1e9]  # right end of the last text per row
        rows_y = (-13, 23, -29, 39)  # clear of the 8 px centre crosses
        for i in order:
            t = str(texts[i])
            w = 7 * len(t)
            x0 = pxs[i] - w / 2
            row = next((r for r in range(4) if ends[r] + 3 <= x0), 0)
            ends[row] = x0 + w
            out.append(
                f'<text x="{_n(pxs[i])}" y="{_n(pys[i] + rows_y[row])}" '
                f'text-anchor="middle">{_esc(t)}</text>'
            )
    else:
        off = radius + 3
        for x, y, t in zip(pxs, pys, texts):
            out.append(f'<text x="{_n(x + off)}" y="{_n(y - off)}">{_esc(t)}</text>')
    out.append("</g>")
    return "".join(out)


# ----------------------------------------------------------------------------
# colours as input
# ----------------------------------------------------------------------------


def _colour_hex(c, name):
    """'#rgb', '#rrggbb' or (r, g, b[, a]) with 0-255 values -> '#rrggbb'."""
    if isinstance(c, str):
        s = c.strip().lstrip("#")
        if len(s) == 3:
            s = "".join(ch * 2 for ch in s)
        if len(s) in (6, 8) and all(ch in "0123456789abcdefABCDEF" for ch in s):
            return "#" + s[:6].upper()
        raise ValueError(
            f"{name} is {c!r}; give colours as '#rrggbb' or as (r, g, b) with 0-255 values."
        )
    items = _rows_of(c)
    if items is None or len(items) not in (3, 4):
        raise TypeError(
            f"{name} is {c!r}; give colours as '#rrggbb' or as (r, g, b) with 0-255 values."
        )
    vals = [as_number(v, f"{name}[{j}]") for j, v in enumerate(items[:3])]
    if any(v < 0 or v > 255 for v in vals):
        raise ValueError(
            f"{name} is {c!r}; colour values must lie between 0 and 255 "
            "(multiply 0-1 values by 255)."
        )
    return "#" + "".join(f"{min(255, max(0, round(v))):02X}" for v in vals)


def _hex_rgb(h):
    return int(h[1:3], 16), int(h[3:5], 16), int(h[5:7], 16)


def _luminance(rgb):
    def lin(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


# ----------------------------------------------------------------------------
# PNG
# ----------------------------------------------------------------------------


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
            items = _rows_of(pixels)
            if items is None:
                raise TypeError(
                    f"pixels must be bytes or a list of 0-255 integers, got {type(pixels).__name__}."
                )
            if items and not isinstance(items[0], numbers.Number):
                flat = []
                for i, px in enumerate(items):
                    sub = _rows_of(px)
                    if sub is None:
                        raise TypeError(
                            f"pixels[{i}] is {px!r}; give a flat list of 0-255 values or one "
                            f"({channels}-value) tuple per pixel."
                        )
                    if len(sub) != channels:
                        raise ValueError(
                            f"pixels[{i}] has {len(sub)} values but channels={channels}; "
                            "give every pixel the same number of channels."
                        )
                    flat.extend(sub)
                items = flat
            try:
                data = bytes(
                    int(v) if isinstance(v, float) and v.is_integer() else v for v in items
                )
            except (TypeError, ValueError):
                raise ValueError(
                    "pixels must hold whole numbers from 0 to 255 (8-bit channel values); "
                    "round and clip them first, e.g. min(255, max(0, round(v)))."
                ) from None
    if len(data) != expected:
        raise ValueError(
            f"pixels has {len(data)} values but width*height*channels = "
            f"{width}*{height}*{channels} = {expected}; check width, height and channels "
            "(RGB is 3 channels, RGBA 4)."
        )
    return data


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


def _data_uri(png):
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
        raise ValueError(f"scale must be positive, got {scale}; use 1 for the natural size.")
    png = encode_png(pixels, width, height, channels)
    w, h = max(1, round(width * scale)), max(1, round(height * scale))
    if smooth is None:
        smooth = scale < 1.5
    top = 30 if title else 0
    style = "" if smooth else ' style="image-rendering:pixelated"'
    body = _title_text(title, 0) + (
        f'<image x="0" y="{top}" width="{w}" height="{h}" preserveAspectRatio="none"{style} '
        f'xlink:href="{_data_uri(png)}"/>'
    )
    kind = {1: "greyscale", 2: "greyscale", 3: "colour", 4: "colour"}[channels]
    desc = f"A {kind} image of {width} by {height} pixels."
    return _finish("image", max(w, 10 * len(title or "")), h + top, title or "Image", desc, body)


# ----------------------------------------------------------------------------
# scatter matrix
# ----------------------------------------------------------------------------


def scatter_matrix(
    X,
    labels=None,
    *,
    colors=None,
    feature_names=None,
    title=None,
    width=None,
    bins=20,
    raster=None,
):
    """Scatter plots of every pair of features, histograms on the diagonal.

    Colour the points by cluster (``labels``) or give every point its own
    colour (``colors``: a list of ``'#rrggbb'`` or ``(r, g, b)`` 0-255 values,
    or ``"rgb"`` to use the first three features of ``X`` themselves, which is
    the course's pixel "kryssplott").  With ``colors`` the panels get a mid-grey
    background so black and white pixels both show.

    Large plots are drawn as small embedded PNG images per panel instead of one
    SVG mark per point: ``raster=None`` does this automatically above 12 000
    marks in total, ``True``/``False`` force it.  Default width: 640.

    >>> pix = [[250, 10, 10], [240, 30, 20], [10, 20, 230], [20, 200, 40]]
    >>> fig = scatter_matrix(pix, colors="rgb", feature_names=["R", "G", "B"])
    >>> fig.svg.count("<circle cx")  # 4 points in each of 6 panels
    24
    """
    X = as_matrix(X, "X")
    n, p = len(X), len(X[0])
    if p < 2:
        raise ValueError(
            "X has 1 feature; scatter_matrix needs at least 2 columns. Use scatter(X) for 1-D data."
        )
    if p > 12:
        raise ValueError(f"X has {p} features; scatter_matrix draws at most 12 (pick columns).")
    if labels is not None and colors is not None:
        raise ValueError(
            "give labels (colour by cluster) or colors (one colour per point), not both."
        )
    labs = _labels_list(labels, n) if labels is not None else None
    cols = None
    if isinstance(colors, str):
        choice(colors, "colors", ["rgb"])
        if p < 3:
            raise ValueError('colors="rgb" needs X with 3 columns (R, G, B 0-255).')
        cols = [_colour_hex(r[:3], f"X[{i}]") for i, r in enumerate(X)]
    elif colors is not None:
        items = _rows_of(colors)
        if items is None or len(items) != n:
            got = "not a list" if items is None else f"{len(items)} entries"
            raise ValueError(
                f"colors has {got} but X has {n} points; give one colour per point or colors='rgb'."
            )
        cols = [_colour_hex(c, f"colors[{i}]") for i, c in enumerate(items)]
    if feature_names is None:
        names = [f"x{j + 1}" for j in range(p)]
    else:
        names = [str(s) for s in (_rows_of(feature_names) or [])]
        if len(names) != p:
            raise ValueError(
                f"feature_names has {len(names)} names but X has {p} features; give one per column."
            )
    bins = as_int(bins, "bins", minimum=1, maximum=200)
    W = _size(width, "width", 640)
    colours = _Colours(labs) if labs is not None else None
    legend_w = 0
    if colours is not None:
        legend_w = max(70, 26 + 7 * max(len(str(v)) for v in colours.order[:18]))
    top = 34 if title else 10
    left, bottom_m, gap = 46, 40, 6
    ps = (W - left - 10 - legend_w - gap * (p - 1)) / p
    if ps < 40:
        raise ValueError(f"width {W} is too small for {p} features; give a larger width.")
    H = top + p * ps + gap * (p - 1) + bottom_m
    marks = n * p * (p - 1)
    if raster is None:
        raster = marks > 12000

    ranges = []
    for j in range(p):
        col = [r[j] for r in X]
        lo, hi = min(col), max(col)
        if hi == lo:
            lo, hi = lo - 1, hi + 1
        ranges.append((lo, hi))
    inset = 4

    def pos(j, v, origin):  # data value -> pixel within a panel, along feature j
        lo, hi = ranges[j]
        return origin + inset + (v - lo) / (hi - lo) * (ps - 2 * inset)

    def panel_xy(i, j):
        return left + j * (ps + gap), top + i * (ps + gap)

    body = [_title_text(title)]
    defs = []
    radius = 2.2 if n > 500 else 3 if n > 100 else 4
    point_colour = None
    if colours is not None:
        used = sorted({colours.shape(v) for v in colours.order})
        defs.extend(_shape_def(s, radius, f"{_ID}m{s}") for s in used)
        point_colour = [colours.colour(v) for v in labs]
    elif cols is not None:
        point_colour = cols
    panel_bg = "#8C9099" if cols is not None else None
    d = 1
    for i in range(p):
        for j in range(p):
            px, py = panel_xy(i, j)
            body.append(
                f'<rect x="{_n(px)}" y="{_n(py)}" width="{_n(ps)}" height="{_n(ps)}" '
                + (f'fill="{panel_bg}" ' if panel_bg and i != j else 'fill="none" ')
                + 'stroke="currentColor" stroke-opacity=".3"/>'
            )
            if i == j:
                body.append(_histogram(X, j, ranges[j], bins, px, py, ps, inset, labs, colours))
                body.append(
                    f'<text x="{_n(px + 5)}" y="{_n(py + 15)}" font-weight="600">{_esc(names[j])}</text>'
                )
                continue
            # feature j on the horizontal axis, feature i on the vertical axis
            xs = [pos(j, r[j], px) for r in X]
            ys = [2 * py + ps - pos(i, r[i], py) for r in X]
            if raster:
                body.append(_raster_panel(xs, ys, px, py, ps, point_colour))
            elif colours is not None:
                for lab in colours.order:
                    mark = f"{_ID}m{colours.shape(lab)}"
                    pts = "".join(
                        f'<use xlink:href="#{mark}" x="{_n(xs[k], d)}" y="{_n(ys[k], d)}"/>'
                        for k in range(n)
                        if labs[k] == lab
                    )
                    body.append(f'<g fill="{colours.colour(lab)}" fill-opacity=".8">{pts}</g>')
            elif cols is not None:
                r = _n(radius)
                pts = "".join(
                    f'<circle cx="{_n(xs[k], d)}" cy="{_n(ys[k], d)}" r="{r}" fill="{cols[k]}"/>'
                    for k in range(n)
                )
                body.append(f"<g>{pts}</g>")
            else:
                if f'id="{_ID}m0"' not in "".join(defs):
                    defs.append(_shape_def(0, radius, f"{_ID}m0"))
                pts = "".join(
                    f'<use xlink:href="#{_ID}m0" x="{_n(xs[k], d)}" y="{_n(ys[k], d)}"/>'
                    for k in range(n)
                )
                body.append(f'<g fill="currentColor" fill-opacity=".6">{pts}</g>')
    # outer tick labels: min and max of each feature
    ticks = ['<g class="clp-ticks" font-size="10" fill-opacity=".8">']
    for j in range(p):
        lo, hi = ranges[j]
        px, _ = panel_xy(p - 1, j)
        yb = top + p * ps + gap * (p - 1) + 13
        ticks.append(f'<text x="{_n(px + inset)}" y="{_n(yb)}">{_fmt_value(lo)}</text>')
        ticks.append(
            f'<text x="{_n(px + ps - inset)}" y="{_n(yb)}" text-anchor="end">{_fmt_value(hi)}</text>'
        )
        ticks.append(
            f'<text x="{_n(px + ps / 2)}" y="{_n(yb + 16)}" text-anchor="middle" font-size="12" '
            f'fill-opacity="1">{_esc(names[j])}</text>'
        )
        _, py = panel_xy(j, 0)
        ticks.append(
            f'<text x="{_n(left - 4)}" y="{_n(py + ps - inset)}" text-anchor="end">{_fmt_value(lo)}</text>'
        )
        ticks.append(
            f'<text x="{_n(left - 4)}" y="{_n(py + inset + 8)}" text-anchor="end">{_fmt_value(hi)}</text>'
        )
        ticks.append(
            f'<text transform="translate({_n(left - 30)} {_n(py + ps / 2)}) rotate(-90)" '
            f'text-anchor="middle" font-size="12" fill-opacity="1">{_esc(names[j])}</text>'
        )
    ticks.append("</g>")
    body.append("".join(ticks))
    if colours is not None:
        entries = [(str(v), colours.colour(v), f"{_ID}m{colours.shape(v)}") for v in colours.order]
        body.append(_legend(left + p * ps + gap * (p - 1) + 14, top + 8, entries, "cluster"))
    desc = (
        f"Scatter matrix of {n} points and {p} features ({', '.join(names)}): "
        "each off-diagonal panel plots one feature against another, "
        "the diagonal shows a histogram of each feature"
    )
    if colours is not None:
        desc += f"; points coloured by cluster ({len(colours.order)} clusters)"
    elif cols is not None:
        desc += "; each point drawn in its own colour on a grey background"
    if raster:
        desc += "; points are drawn as images"
    return _finish(
        "scatter_matrix", W, H, title or "Scatter matrix", desc + ".", "".join(body), "".join(defs)
    )


def _histogram(X, j, rng, bins, px, py, ps, inset, labs, colours):
    lo, hi = rng
    width = (hi - lo) / bins
    groups = colours.order if colours is not None else [None]
    counts = {g: [0] * bins for g in groups}
    for k, r in enumerate(X):
        b = min(bins - 1, int((r[j] - lo) / width))
        counts[labs[k] if labs is not None else None][b] += 1
    totals = [sum(counts[g][b] for g in groups) for b in range(bins)]
    peak = max(totals) or 1
    inner = ps - 2 * inset
    bw = inner / bins
    base = py + ps - inset
    scale = (ps - 2 * inset - 18) / peak
    out = []
    stack = [0.0] * bins
    for g in groups:
        d = []
        for b in range(bins):
            c = counts[g][b]
            if not c:
                continue
            h = c * scale
            x0 = px + inset + b * bw
            y0 = base - stack[b] - h
            stack[b] += h
            d.append(f"M{_n(x0)} {_n(y0)}h{_n(bw)}v{_n(h)}h{_n(-bw)}Z")
        if d:
            fill = colours.colour(g) if colours is not None else "currentColor"
            op = ".85" if colours is not None else ".45"
            out.append(f'<path d="{"".join(d)}" fill="{fill}" fill-opacity="{op}"/>')
    return "".join(out)


def _raster_panel(xs, ys, px, py, ps, colours):
    """Draw points into an RGBA bitmap at 2x resolution and embed it as PNG."""
    size = max(1, int(ps * 2))
    buf = bytearray(size * size * 4)
    dot = 3
    if colours is None:
        rgba = [bytes((128, 128, 128, 255))] * len(xs)
    else:
        cache = {}
        rgba = []
        for c in colours:
            if c not in cache:
                cache[c] = bytes((*_hex_rgb(c), 255))
            rgba.append(cache[c])
    row = size * 4
    for x, y, c in zip(xs, ys, rgba):
        cx = int((x - px) * 2) - 1
        cy = int((y - py) * 2) - 1
        cx = min(max(cx, 0), size - dot)
        cy = min(max(cy, 0), size - dot)
        seg = c * dot
        for yy in range(cy, cy + dot):
            o = yy * row + cx * 4
            buf[o : o + 4 * dot] = seg
    png = encode_png(bytes(buf), size, size, 4)
    return (
        f'<image x="{_n(px)}" y="{_n(py)}" width="{_n(ps)}" height="{_n(ps)}" '
        f'xlink:href="{_data_uri(png)}"/>'
    )


# ----------------------------------------------------------------------------
# dendrogram
# ----------------------------------------------------------------------------


def _dendro_input(Z_or_dict, labels):
    if isinstance(Z_or_dict, Mapping):
        d = Z_or_dict
        missing = [k for k in ("icoord", "dcoord", "ivl") if k not in d]
        if missing:
            raise ValueError(
                f"the dendrogram dict lacks {', '.join(missing)}; pass the dict returned by "
                "clusterlab.hierarchy.dendrogram(Z) (or scipy's, with no_plot=True), or pass Z itself."
            )
        icoord = as_matrix(d["icoord"], "icoord") if len(d["icoord"]) else []
        dcoord = as_matrix(d["dcoord"], "dcoord") if len(d["dcoord"]) else []
        ivl = [str(s) for s in d["ivl"]]
        leaves = list(d["leaves"]) if "leaves" in d else None
        if labels is not None:
            lab = [str(s) for s in (_rows_of(labels) or [])]
            if leaves is None:
                if len(lab) != len(ivl):
                    raise ValueError(
                        f"labels has {len(lab)} names but the dendrogram has {len(ivl)} leaves."
                    )
                ivl = lab  # assumed to be in leaf order already
            else:
                if len(lab) != len(leaves):
                    raise ValueError(
                        f"labels has {len(lab)} names but the dendrogram has {len(leaves)} "
                        "leaves; give one name per observation."
                    )
                ivl = [lab[int(i)] for i in leaves]
    else:
        Z = as_matrix(Z_or_dict, "Z")
        if len(Z[0]) != 4:
            raise ValueError(
                f"Z has {len(Z[0])} columns; a linkage matrix has 4 (id1, id2, height, size) "
                "per merge, as returned by linkage()."
            )
        if labels is not None:
            lab = _rows_of(labels)
            if lab is None or len(lab) != len(Z) + 1:
                got = "not a list" if lab is None else f"{len(lab)} names"
                raise ValueError(
                    f"labels has {got} but Z joins {len(Z) + 1} observations; give one name each."
                )
            labels = [str(s) for s in lab]
        from . import hierarchy  # lazy: only needed for a linkage matrix

        d = hierarchy.dendrogram(Z, labels=labels)
        return _dendro_input(d, None)
    if len(icoord) != len(dcoord) or len(icoord) != len(ivl) - 1:
        raise ValueError(
            f"the dendrogram dict has {len(icoord)} icoord rows, {len(dcoord)} dcoord rows and "
            f"{len(ivl)} leaves; expected n-1 links for n leaves."
        )
    for name, rows in (("icoord", icoord), ("dcoord", dcoord)):
        if rows and len(rows[0]) != 4:
            raise ValueError(f"{name} rows need 4 numbers each (the corners of one link).")
    return icoord, dcoord, ivl


def _tree(icoord, dcoord, n):
    """Children of each link, rebuilt from the link coordinates.

    Returns ``children[j] = ((kind, index), (kind, index))`` with kind
    ``"leaf"`` (index = leaf position) or ``"link"``.
    """
    m = len(icoord)
    tops = {round(5.0 + 10.0 * i, 6): ("leaf", i, 0.0) for i in range(n)}
    children = [None] * m
    pending = sorted(range(m), key=lambda j: dcoord[j][1])

    def close(a, b):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))

    while pending:
        rest = []
        for j in pending:
            a, b = round(icoord[j][0], 6), round(icoord[j][3], 6)
            ta, tb = tops.get(a), tops.get(b)
            if ta and tb and a != b and close(ta[2], dcoord[j][0]) and close(tb[2], dcoord[j][3]):
                del tops[a], tops[b]
                children[j] = (ta[:2], tb[:2])
                tops[round((icoord[j][1] + icoord[j][2]) / 2, 6)] = ("link", j, dcoord[j][1])
            else:
                rest.append(j)
        if len(rest) == len(pending):
            raise ValueError(
                "the dendrogram dict's icoord/dcoord do not form a tree; pass the dict returned "
                "by dendrogram(Z) unchanged."
            )
        pending = rest
    return children


def dendrogram(
    Z_or_dict,
    labels=None,
    *,
    cut=None,
    color_threshold=None,
    orientation="top",
    title=None,
    ylabel="height",
    width=None,
    height=None,
):
    """Draw a dendrogram from a linkage matrix ``Z`` or from ``dendrogram()``'s dict.

    ``Z`` (scipy's format: rows ``[id1, id2, height, size]``) is laid out with
    :func:`clusterlab.hierarchy.dendrogram`; a dict with ``icoord``,
    ``dcoord``, ``ivl`` (and ``leaves``) is drawn as it is.  ``labels`` names
    the observations (in their original order).

    ``cut`` draws a dashed line at that height and colours the clusters below
    it, like ``fcluster(Z, cut, criterion="distance")`` (merges at heights
    ``<= cut`` are inside clusters), with the text "k clusters".
    ``color_threshold`` colours the same way (merges strictly below it, as in
    scipy) without drawing a line.  Without either, all links use the text
    colour.  A small mark at each leaf shows its cluster.

    ``orientation``: "top" (root at the top, leaves below; labels turn
    vertical when they do not fit), "bottom", "left" (root at the left,
    leaves on the right: best for many leaves) or "right".

    >>> d = {"icoord": [[5, 5, 15, 15], [25, 25, 35, 35], [10, 10, 30, 30]],
    ...      "dcoord": [[0, 1, 1, 0], [0, 2, 2, 0], [1, 6, 6, 2]],
    ...      "ivl": ["a", "b", "c", "d"], "leaves": [0, 1, 2, 3]}
    >>> fig = dendrogram(d, cut=4)
    >>> fig.svg.count('class="clp-link"'), "2 clusters" in fig.svg
    (3, True)
    """
    orientation = choice(orientation, "orientation", ["top", "bottom", "left", "right"])
    icoord, dcoord, ivl = _dendro_input(Z_or_dict, labels)
    n = len(ivl)
    threshold, inclusive = None, False
    if cut is not None:
        cut = as_number(cut, "cut")
        threshold, inclusive = cut, True
    if color_threshold is not None:
        # colour by color_threshold; the line (if any) stays at cut
        threshold, inclusive = as_number(color_threshold, "color_threshold"), False
    hmax = max((row[1] for row in dcoord), default=0.0)
    if cut is not None:
        hmax = max(hmax, cut)
    vertical = orientation in ("top", "bottom")
    maxlab = max((len(s) for s in ivl), default=1)
    fs = 12 if n <= 40 else 11 if n <= 80 else 9
    char = fs * 0.6
    if vertical:
        W = _size(width, "width", min(1100, max(480, 90 + 18 * n)))
        spacing = (W - 90) / max(n, 1)
        rotate = maxlab * char + 4 > spacing
        lab_space = (maxlab * char + 10) if rotate else fs + 10
        H = _size(height, "height", 400 + (lab_space if rotate else 0))
    else:
        H = _size(height, "height", max(300, 70 + (34 if title else 0) + 17 * n))
        W = _size(width, "width", 640)
        rotate = False
        lab_space = maxlab * char + 14
    top = 34 if title else 14
    cut_w = 86 if cut is not None and vertical else 24  # room for "k clusters" right of the line
    # box for the tree itself
    if vertical:
        box = (60, top + 8, W - cut_w, H - lab_space - 40)
        if orientation == "bottom":
            box = (60, top + lab_space, W - cut_w, H - 44)
    else:
        box = (22, top + 6, W - lab_space - 24, H - 44)
        if orientation == "right":
            box = (lab_space + 18, top + 6, W - 24, H - 44)
    L, T, R, B = box
    ticks, dec = nice_ticks(0, hmax if hmax > 0 else 1, 5)
    htop = ticks[-1]

    def pt(pos, h):  # (leaf-axis position, height) -> pixel (x, y)
        f = pos / (10.0 * n)
        g = h / htop
        if orientation == "top":
            return L + f * (R - L), B - g * (B - T)
        if orientation == "bottom":
            return L + f * (R - L), T + g * (B - T)
        if orientation == "left":
            return R - g * (R - L), T + f * (B - T)
        return L + g * (R - L), T + f * (B - T)

    # colouring
    link_colour = ["currentColor"] * len(icoord)
    leaf_colour = [None] * n
    k = None
    if threshold is not None:
        children = _tree(icoord, dcoord, n)

        def below(h):
            return h <= threshold if inclusive else h < threshold

        parent = [None] * len(icoord)
        for j, ch in enumerate(children):
            for kind, idx in ch:
                if kind == "link":
                    parent[idx] = j
        roots = []  # cluster roots: maximal links below the threshold, or lone leaves
        for j in range(len(icoord)):
            if below(dcoord[j][1]) and (parent[j] is None or not below(dcoord[parent[j]][1])):
                roots.append(("link", j))
        covered = [False] * n

        def under(j):  # links and leaves below link j (iterative: trees can be deep)
            links, leaves, stack = [], [], [j]
            while stack:
                q = stack.pop()
                links.append(q)
                for kind, idx in children[q]:
                    (leaves.append(idx) if kind == "leaf" else stack.append(idx))
            return links, leaves

        groups = []
        for _kind, j in roots:
            lv = under(j)[1]
            for i in lv:
                covered[i] = True
            groups.append((min(lv), j, lv))
        for i in range(n):
            if not covered[i]:
                groups.append((i, None, [i]))
        groups.sort()
        k = len(groups)

        for g, (_first, j, lv) in enumerate(groups):
            colour = PALETTE[g % len(PALETTE)]
            for i in lv:
                leaf_colour[i] = colour
            if j is not None:
                for q in under(j)[0]:
                    link_colour[q] = colour

    body = [_title_text(title)]
    # height axis
    ax = ['<g class="clp-axes" stroke="currentColor" fill="none">']
    grid_d, tick_d = [], []
    for t in ticks:
        if vertical:
            x0, y0 = pt(0, t)
            grid_d.append(f"M{_n(L)} {_n(y0)}H{_n(R)}")
            tick_d.append(f"M{_n(L)} {_n(y0)}h-5")
        else:
            x0, _ = pt(0, t)
            grid_d.append(f"M{_n(x0)} {_n(T)}V{_n(B)}")
            tick_d.append(f"M{_n(x0)} {_n(B)}v5")
    ax.append(f'<path d="{"".join(grid_d)}" stroke-opacity=".1"/>')
    axis_line = f"M{_n(L)} {_n(T)}V{_n(B)}" if vertical else f"M{_n(L)} {_n(B)}H{_n(R)}"
    ax.append(f'<path d="{axis_line}{"".join(tick_d)}" stroke-opacity=".7"/></g>')
    ax.append('<g class="clp-ticks" font-size="11">')
    for t in ticks:
        x0, y0 = pt(0, t)
        if vertical:
            ax.append(
                f'<text x="{_n(L - 8)}" y="{_n(y0 + 4)}" text-anchor="end">{_tick_label(t, dec)}</text>'
            )
        else:
            ax.append(
                f'<text x="{_n(x0)}" y="{_n(B + 18)}" text-anchor="middle">{_tick_label(t, dec)}</text>'
            )
    ax.append("</g>")
    if ylabel:
        if vertical:
            ax.append(
                f'<text transform="translate({_n(L - 44)} {_n((T + B) / 2)}) rotate(-90)" '
                f'text-anchor="middle">{_esc(ylabel)}</text>'
            )
        else:
            ax.append(
                f'<text x="{_n((L + R) / 2)}" y="{_n(B + 36)}" text-anchor="middle">{_esc(ylabel)}</text>'
            )
    body.append("".join(ax))

    # links
    links = ['<g class="clp-links" fill="none" stroke-width="1.6" stroke-linejoin="round">']
    for j, (xs, hs) in enumerate(zip(icoord, dcoord)):
        p = [pt(x, h) for x, h in zip(xs, hs)]
        d = "M" + "L".join(f"{_n(a)} {_n(b)}" for a, b in p)
        links.append(f'<path class="clp-link" d="{d}" stroke="{link_colour[j]}"/>')
    links.append("</g>")
    body.append("".join(links))

    # leaves: marks and labels
    lv = [f'<g class="clp-leaves" font-size="{fs}">']
    for i, name in enumerate(ivl):
        x, y = pt(5 + 10 * i, 0)
        if leaf_colour[i]:
            lv.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3.2" fill="{leaf_colour[i]}"/>')
        if orientation == "top":
            if rotate:
                lv.append(
                    f'<text class="clp-leaf" transform="translate({_n(x + fs * 0.35)} {_n(y + 8)}) '
                    f'rotate(-90)" text-anchor="end">{_esc(name)}</text>'
                )
            else:
                lv.append(
                    f'<text class="clp-leaf" x="{_n(x)}" y="{_n(y + fs + 6)}" '
                    f'text-anchor="middle">{_esc(name)}</text>'
                )
        elif orientation == "bottom":
            if rotate:
                lv.append(
                    f'<text class="clp-leaf" transform="translate({_n(x + fs * 0.35)} {_n(y - 8)}) '
                    f'rotate(-90)">{_esc(name)}</text>'
                )
            else:
                lv.append(
                    f'<text class="clp-leaf" x="{_n(x)}" y="{_n(y - 8)}" '
                    f'text-anchor="middle">{_esc(name)}</text>'
                )
        elif orientation == "left":
            lv.append(
                f'<text class="clp-leaf" x="{_n(x + 8)}" y="{_n(y + fs * 0.35)}">{_esc(name)}</text>'
            )
        else:
            lv.append(
                f'<text class="clp-leaf" x="{_n(x - 8)}" y="{_n(y + fs * 0.35)}" '
                f'text-anchor="end">{_esc(name)}</text>'
            )
    lv.append("</g>")
    body.append("".join(lv))

    # cut line
    if cut is not None:
        k_cut = n - sum(1 for row in dcoord if row[1] <= cut)
        text = f"{k_cut} cluster{'s' if k_cut != 1 else ''}"
        (x0, y0), (x1, y1) = pt(0, cut), pt(10 * n, cut)
        body.append(
            f'<path class="clp-cut" d="M{_n(x0)} {_n(y0)}L{_n(x1)} {_n(y1)}" stroke="currentColor" '
            'stroke-width="1.5" stroke-dasharray="6 4"/>'
        )
        if vertical:
            body.append(
                f'<text x="{_n(R + 6)}" y="{_n(y0 - 3)}" font-weight="600">{_esc(text)}</text>'
                f'<text x="{_n(R + 6)}" y="{_n(y0 + 12)}" font-size="11">cut at {_fmt_value(cut)}</text>'
            )
        else:
            anchor = "start" if orientation == "left" else "end"
            tx = x0 + (4 if orientation == "left" else -4)
            body.append(
                f'<text x="{_n(tx)}" y="{_n(T - 2)}" text-anchor="{anchor}" font-weight="600">'
                f"{_esc(text)} (cut at {_fmt_value(cut)})</text>"
            )
        k = k_cut if color_threshold is None else k

    desc = (
        f"Dendrogram of {n} leaves joined by {len(icoord)} merges, highest merge at height "
        f"{_fmt_value(max((r[1] for r in dcoord), default=0))}. Leaves from "
        f"{'left to right' if vertical else 'top to bottom'}: {', '.join(ivl[:64])}"
        + (", ..." if n > 64 else "")
        + "."
    )
    if cut is not None:
        desc += f" Cutting at height {_fmt_value(cut)} gives {k_cut} clusters."
    elif k is not None:
        desc += f" Coloured as {k} clusters below height {_fmt_value(threshold)}."
    return _finish("dendrogram", W, H, title or "Dendrogram", desc, "".join(body))


# ----------------------------------------------------------------------------
# heat map
# ----------------------------------------------------------------------------

# light yellow -> green -> blue -> dark blue (ColorBrewer YlGnBu anchors)
_RAMP = ((255, 255, 217), (199, 233, 180), (65, 182, 196), (34, 94, 168), (8, 29, 88))


def _ramp(t):
    t = min(1.0, max(0.0, t)) * (len(_RAMP) - 1)
    i = min(int(t), len(_RAMP) - 2)
    f = t - i
    a, b = _RAMP[i], _RAMP[i + 1]
    return tuple(round(a[c] + (b[c] - a[c]) * f) for c in range(3))


def heatmap(
    D,
    row_labels=None,
    col_labels=None,
    *,
    decimals=1,
    title=None,
    highlight=None,
    cell=None,
    annotate=None,
):
    """Heat map of a matrix (e.g. distances) with the values written in the cells.

    Low values are light, high values dark blue; each number is written in
    black or white, whichever contrasts more with its cell.  ``None`` entries
    stay empty (for showing only one triangle).  ``highlight`` is a cell
    ``(i, j)`` or a list of cells to outline (the pair about to merge).
    ``decimals``: digits after the point; ``annotate=False`` hides the numbers
    (default: shown when cells are at least 22 px).  ``cell``: cell size in px.

    >>> D = [[0, 1, 5], [1, 0, 4.47], [5, 4.47, 0]]
    >>> fig = heatmap(D, "abc", "abc", highlight=(0, 1))
    >>> fig.svg.count('class="clp-v"'), ">4.5<" in fig.svg
    (9, True)
    """
    rows = _rows_of(D)
    if rows is None:
        raise TypeError(f"D must be a matrix (list of rows of numbers), got {type(D).__name__}.")
    if not rows:
        raise ValueError("D is empty; give at least one row of numbers.")
    M = []
    for i, row in enumerate(rows):
        items = _rows_of(row)
        if items is None:
            raise TypeError(f"D[{i}] is {row!r}, not a row of numbers; D must be 2-D.")
        if i and len(items) != len(M[0]):
            raise ValueError(
                f"D is ragged: row 0 has {len(M[0])} values but row {i} has {len(items)}."
            )
        if not items:
            raise ValueError("D[0] is an empty row.")
        M.append([None if v is None else as_number(v, f"D[{i}][{j}]") for j, v in enumerate(items)])
    nr, nc = len(M), len(M[0])
    decimals = as_int(decimals, "decimals", minimum=0, maximum=6)

    def names(lab, count, name):
        if lab is None:
            return [str(i) for i in range(count)]
        items = list(lab) if isinstance(lab, str) else _rows_of(lab)
        if items is None or len(items) != count:
            got = "not a list" if items is None else f"{len(items)} names"
            raise ValueError(f"{name} has {got} but D has {count}; give one name each.")
        return [str(s) for s in items]

    rnames = names(row_labels, nr, "row_labels")
    cnames = names(
        col_labels if col_labels is not None else (row_labels if nr == nc else None),
        nc,
        "col_labels",
    )
    hl = []
    if highlight is not None:
        items = _rows_of(highlight)
        if items and not _rows_of(items[0]):
            items = [items]
        for c in items or []:
            pair = _rows_of(c)
            if pair is None or len(pair) != 2:
                raise ValueError(
                    f"highlight must be a cell (i, j) or a list of cells, got {highlight!r}."
                )
            i = as_int(pair[0], "highlight row", minimum=0, maximum=nr - 1)
            j = as_int(pair[1], "highlight column", minimum=0, maximum=nc - 1)
            hl.append((i, j))
    vals = [v for r in M for v in r if v is not None]
    lo, hi = (min(vals), max(vals)) if vals else (0.0, 1.0)
    cs = as_number(cell, "cell") if cell is not None else max(12, min(48, 560 / max(nr, nc)))
    fs = max(9.0, min(13.0, cs * 0.3))
    if annotate is None:
        annotate = cs >= 22
    lab_w = max(len(s) for s in rnames) * 7 + 14
    lab_h = max(len(s) for s in cnames) * 7 + 10 if max(len(s) for s in cnames) > cs / 7 else 22
    vertical_cols = lab_h > 22
    top = (34 if title else 10) + lab_h
    left = lab_w
    W = left + nc * cs + 12
    H = top + nr * cs + 12
    body = [_title_text(title)]
    cells, texts = (
        ['<g class="clp-cells" stroke="currentColor" stroke-opacity=".25">'],
        [f'<g class="clp-vals" font-size="{_n(fs)}" text-anchor="middle">'],
    )
    for i, r in enumerate(M):
        for j, v in enumerate(r):
            x, y = left + j * cs, top + i * cs
            if v is None:
                continue
            rgb = _ramp((v - lo) / (hi - lo) if hi > lo else 0.0)
            cells.append(
                f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(cs)}" height="{_n(cs)}" '
                f'fill="#{rgb[0]:02X}{rgb[1]:02X}{rgb[2]:02X}"/>'
            )
            if annotate:
                L = _luminance(rgb)
                ink = "#000" if (L + 0.05) / 0.05 >= 1.05 / (L + 0.05) else "#FFF"
                texts.append(
                    f'<text class="clp-v" x="{_n(x + cs / 2)}" y="{_n(y + cs / 2 + fs * 0.35)}" '
                    f'fill="{ink}">{f"{v:.{decimals}f}".replace("-", chr(0x2212))}</text>'
                )
    cells.append("</g>")
    texts.append("</g>")
    body += cells + texts
    lab = ['<g class="clp-labels" font-size="12">']
    for i, s in enumerate(rnames):
        lab.append(
            f'<text x="{_n(left - 6)}" y="{_n(top + i * cs + cs / 2 + 4)}" text-anchor="end">{_esc(s)}</text>'
        )
    for j, s in enumerate(cnames):
        x = left + j * cs + cs / 2
        if vertical_cols:
            lab.append(
                f'<text transform="translate({_n(x + 4)} {_n(top - 6)}) rotate(-90)">{_esc(s)}</text>'
            )
        else:
            lab.append(f'<text x="{_n(x)}" y="{_n(top - 7)}" text-anchor="middle">{_esc(s)}</text>')
    lab.append("</g>")
    body.append("".join(lab))
    for i, j in hl:
        x, y = left + j * cs, top + i * cs
        body.append(
            f'<g class="clp-hl" fill="none"><rect x="{_n(x + 1)}" y="{_n(y + 1)}" width="{_n(cs - 2)}" '
            f'height="{_n(cs - 2)}" stroke="#FFF" stroke-width="4.5"/><rect x="{_n(x + 1)}" '
            f'y="{_n(y + 1)}" width="{_n(cs - 2)}" height="{_n(cs - 2)}" stroke="#000" '
            'stroke-width="2"/></g>'
        )
    desc = (
        f"Heat map of a {nr} by {nc} matrix, values from {_fmt_value(lo)} (light) to "
        f"{_fmt_value(hi)} (dark)"
    )
    if annotate:
        desc += ", written in the cells"
    if hl:
        cells_txt = "; ".join(
            f"row {rnames[i]}, column {cnames[j]} ({'' if M[i][j] is None else f'{M[i][j]:.{decimals}f}'})"
            for i, j in hl
        )
        desc += f". Highlighted: {cells_txt}"
    return _finish("heatmap", W, H, title or "Heat map", desc + ".", "".join(body))


# ----------------------------------------------------------------------------
# swatches
# ----------------------------------------------------------------------------


def swatches(palette, counts=None, *, title=None, columns=None, size=64):
    """Show colours as squares with their hex code and, given ``counts``, share of pixels.

    ``palette``: ``'#rrggbb'`` strings or ``(r, g, b)`` 0-255 values (for
    example the centres of a colour quantization); ``counts``: how many
    pixels each colour got.  ``columns`` per row (default up to 8).

    >>> fig = swatches([(255, 0, 0), "#00ff00"], counts=[3, 1])
    >>> "#FF0000" in fig.svg, "75.0 %" in fig.svg
    (True, True)
    """
    items = _rows_of(palette)
    if items is None:
        raise TypeError(f"palette must be a list of colours, got {type(palette).__name__}.")
    if not items:
        raise ValueError("palette is empty; give at least one colour.")
    hexes = [_colour_hex(c, f"palette[{i}]") for i, c in enumerate(items)]
    shares = None
    if counts is not None:
        cnt = as_vector(counts, "counts")
        if len(cnt) != len(hexes):
            raise ValueError(
                f"counts has {len(cnt)} values but palette has {len(hexes)} colours; give one count per colour."
            )
        if any(c < 0 for c in cnt):
            raise ValueError("counts must not be negative.")
        total = math.fsum(cnt)
        shares = [c / total if total else 0.0 for c in cnt]
    size = as_number(size, "size")
    k = len(hexes)
    cols = as_int(columns, "columns", minimum=1) if columns is not None else min(k, 8)
    rows = -(-k // cols)
    cw = max(size, 70) + 12
    rh = size + (46 if shares else 28)
    top = 34 if title else 8
    W = 8 + cols * cw
    H = top + rows * rh + 4
    body = [_title_text(title)]
    out = ['<g class="clp-swatches" font-size="12" text-anchor="middle">']
    for i, h in enumerate(hexes):
        r, c = divmod(i, cols)
        x, y = 8 + c * cw, top + r * rh
        cx = x + (cw - 12) / 2
        out.append(
            f'<rect class="clp-sw" x="{_n(cx - size / 2)}" y="{_n(y)}" width="{_n(size)}" '
            f'height="{_n(size)}" rx="4" fill="{h}" stroke="currentColor" stroke-opacity=".35"/>'
        )
        out.append(
            f'<text x="{_n(cx)}" y="{_n(y + size + 16)}" font-family="ui-monospace,Menlo,Consolas,monospace">{h}</text>'
        )
        if shares:
            out.append(f'<text x="{_n(cx)}" y="{_n(y + size + 32)}">{100 * shares[i]:.1f} %</text>')
    out.append("</g>")
    body.append("".join(out))
    desc = f"{k} colour swatches: " + ", ".join(
        h + (f" ({100 * s:.1f} % of pixels)" if shares else "")
        for h, s in zip(hexes, shares or hexes)
    )
    return _finish("swatches", W, H, title or "Colour palette", desc + ".", "".join(body))


# ----------------------------------------------------------------------------
# line
# ----------------------------------------------------------------------------


def line(
    x,
    y=None,
    *,
    xlabel=None,
    ylabel=None,
    title=None,
    marker=True,
    highlight=None,
    width=None,
    height=None,
):
    """Line plot: an elbow plot (inertia against k), inertia per iteration, ...

    ``y`` is a list of values or a dict ``{name: values}`` of several series
    (with a legend); ``line(values)`` alone plots against 1, 2, 3, ...
    ``highlight`` is an x value to mark (the chosen k) with a dashed line and
    ringed points.  Default size 640 x 400.

    >>> fig = line(range(1, 6), [50, 20, 9, 8, 7.5], xlabel="k", ylabel="inertia", highlight=3)
    >>> fig.svg.count('class="clp-series"'), fig.svg.count("<use ")
    (1, 5)
    """
    if y is None:
        y = x
        x = None
    if isinstance(y, Mapping):
        if not y:
            raise ValueError("y is an empty dict; give at least one series {name: values}.")
        series = [(str(k), as_vector(v, f"y[{k!r}]")) for k, v in y.items()]
    else:
        series = [(None, as_vector(y, "y"))]
    m = len(series[0][1])
    for name, vals in series:
        if len(vals) != m:
            raise ValueError(
                f"series {name!r} has {len(vals)} values but the first has {m}; all series need the same length."
            )
    xs = [float(i + 1) for i in range(m)] if x is None else as_vector(x, "x")
    if len(xs) != m:
        raise ValueError(f"x has {len(xs)} values but y has {m}; give one x per y value.")
    hx = as_number(highlight, "highlight") if highlight is not None else None
    W = _size(width, "width", 640)
    H = _size(height, "height", 400)
    legend = len(series) > 1 or series[0][0] is not None
    legend_w = max(80, 34 + 7 * max(len(s[0] or "") for s in series)) if legend else 0
    top = 34 if title else 14
    left = 62 if ylabel else 50
    ally = [v for _, vals in series for v in vals]
    ax = _Axes(
        (left, top, W - 16 - legend_w, H - (48 if xlabel else 32)),
        _range(xs + ([hx] if hx is not None else [])),
        _range(ally),
        pad=10,
    )
    body = [_title_text(title), ax.draw(xlabel, ylabel)]
    defs = []
    if hx is not None:
        X0 = ax.sx(hx)
        body.append(
            f'<path class="clp-hlx" d="M{_n(X0)} {_n(ax.top)}V{_n(ax.bottom)}" stroke="currentColor" '
            'stroke-dasharray="5 4" stroke-opacity=".8"/>'
        )
    entries = []
    for s, (name, vals) in enumerate(series):
        colour = PALETTE[s % len(PALETTE)] if legend else "currentColor"
        shape = s % len(_SHAPES)
        pts = [(ax.sx(a), ax.sy(b)) for a, b in zip(xs, vals)]
        d = "M" + "L".join(f"{_n(a)} {_n(b)}" for a, b in pts)
        g = [
            f'<g class="clp-series"><path d="{d}" fill="none" stroke="{colour}" stroke-width="2" '
            'stroke-linejoin="round"/>'
        ]
        if marker:
            mark = f"{_ID}m{shape}"
            if _shape_def(shape, 4, mark) not in defs:
                defs.append(_shape_def(shape, 4, mark))
            g.append(f'<g fill="{colour}">')
            g.extend(f'<use xlink:href="#{mark}" x="{_n(a)}" y="{_n(b)}"/>' for a, b in pts)
            g.append("</g>")
        if hx is not None:
            for a, b, xv in zip(*zip(*pts), xs):
                if abs(xv - hx) < 1e-12:
                    g.append(
                        f'<circle cx="{_n(a)}" cy="{_n(b)}" r="8.5" fill="none" stroke="currentColor" stroke-width="2"/>'
                    )
        g.append("</g>")
        body.append("".join(g))
        entries.append((name or "", colour, f"{_ID}m{shape}" if marker else None))
    if legend:
        body.append(_legend(W - legend_w, top + 8, entries))
    desc = [f"Line plot of {m} points"]
    if xlabel or ylabel:
        desc.append(f" ({ylabel or 'y'} against {xlabel or 'x'})")
    for name, vals in series:
        pairs = ", ".join(f"{_fmt_value(a)}: {_fmt_value(b)}" for a, b in zip(xs[:30], vals[:30]))
        desc.append(f". {name + ': ' if name else 'Values '}{pairs}{', ...' if m > 30 else ''}")
    if hx is not None:
        desc.append(f". Marked: {xlabel or 'x'} = {_fmt_value(hx)}")
    return _finish(
        "line", W, H, title or "Line plot", "".join(desc) + ".", "".join(body), "".join(defs)
    )


# ----------------------------------------------------------------------------
# combining figures
# ----------------------------------------------------------------------------


def grid(figures, columns=2, *, title=None, gap=16):
    """Arrange figures in a grid, ``columns`` per row (e.g. original vs quantized image).

    >>> a = swatches(["#000"]); b = swatches(["#fff"])
    >>> g = grid([a, b], columns=2)
    >>> g.width == a.width + b.width + 16
    True
    """
    figs = list(figures) if not isinstance(figures, Figure) else [figures]
    if not figs:
        raise ValueError("figures is empty; give at least one Figure.")
    for i, f in enumerate(figs):
        if not isinstance(f, Figure):
            raise TypeError(
                f"figures[{i}] is {type(f).__name__}, not a Figure; pass what scatter(), image(), ... return."
            )
    columns = as_int(columns, "columns", minimum=1)
    gap = as_number(gap, "gap")
    rows = [figs[i : i + columns] for i in range(0, len(figs), columns)]
    colw = [max(r[c].width for r in rows if c < len(r)) for c in range(min(columns, len(figs)))]
    top = 34 if title else 0
    body = [_title_text(title, 0)]
    y = top
    for r in rows:
        x = 0
        for c, f in enumerate(r):
            body.append(
                f'<svg x="{_n(x)}" y="{_n(y)}" width="{f.width}" height="{f.height}" '
                f'viewBox="0 0 {f.width} {f.height}" role="img" aria-labelledby="{f._pid}t {f._pid}d">'
                f"{f._inner}</svg>"
            )
            x += colw[c] + gap
        y += max(f.height for f in r) + gap
    W = sum(colw) + gap * (len(colw) - 1)
    H = y - gap
    desc = f"{len(figs)} figures side by side: " + "; ".join(
        f"{i + 1}. {_inner_title(f)}" for i, f in enumerate(figs)
    )
    return _finish("grid", W, H, title or "Figures", desc + ".", "".join(body))


def _inner_title(fig):
    start = fig._inner.find(">") + 1
    text = fig._inner[start : fig._inner.find("</title>")]
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&#64;", "@")
        .replace("&amp;", "&")
    )


def side_by_side(*figures, title=None, gap=16):
    """Put figures next to each other in one row: ``side_by_side(before, after)``."""
    if len(figures) == 1 and not isinstance(figures[0], Figure):
        figures = tuple(figures[0])
    return grid(figures, columns=max(1, len(figures)), title=title, gap=gap)
