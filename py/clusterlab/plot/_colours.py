"""Colours and marker shapes: cluster labels to marks, colours given as input, contrast.

:data:`PALETTE` is the Okabe-Ito colour-blind-safe palette with the two light
colours (orange, sky blue) darkened and black replaced, so that every colour
has a contrast of at least 3:1 against both white and the dark theme's
``#1e2129``.  Cluster ``k`` also gets marker shape ``k % 5`` (:data:`SHAPES`),
so clusters can be told apart without colour vision.
"""

from __future__ import annotations

import math
import numbers

from .._language import say
from .._validate import as_list, as_number
from ._svg import ID, num

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
SHAPES = ("circle", "square", "triangle", "diamond", "inverted triangle")


def labels_list(labels, n, name="labels"):
    """Check cluster labels (one per point, numbers or strings); return them as a list."""
    items = as_list(labels)
    if items is None:
        raise TypeError(say("error.point_labels_type", name=name, kind=type(labels).__name__))
    if len(items) != n:
        raise ValueError(say("error.point_labels_count", name=name, got=len(items), n=n))
    out = []
    for i, lab in enumerate(items):
        if isinstance(lab, float) and math.isnan(lab):
            raise ValueError(say("error.label_nan", name=name, i=i))
        if isinstance(lab, float) and lab.is_integer():
            lab = int(lab)
        try:
            hash(lab)
        except TypeError:
            raise TypeError(say("error.label_unhashable", name=name, i=i, kind=type(lab).__name__, label=lab)) from None
        out.append(lab)
    return out


class Colours:
    """Map cluster labels to a colour and a marker shape; ``order`` is the legend's order.

    Integer labels keep their colour whatever other labels occur (cluster 2 is
    always ``PALETTE[2]``); negative ones (noise) are grey.  Other labels get
    colours in sorted order.  ``names`` gives labels a text for the legend
    other than the label itself.

    >>> c = Colours([2, 0, -1, 2], names={-1: "noise"})
    >>> c.order, c.colour(2) == PALETTE[2], c.colour(-1) == NOISE, c.shape(2)
    ([-1, 0, 2], True, True, 2)
    >>> [text for text, colour, mark in c.legend_entries()]
    ['noise', '0', '2']
    """

    def __init__(self, labels, names=None):
        self.names = dict(names or {})
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
        return 0 if i < 0 else i % len(SHAPES)

    def mark(self, label):
        """The id of the marker ``<defs>`` entry for this label's shape."""
        return f"{ID}m{self.shape(label)}"

    def shape_defs(self, radius):
        """The marker definitions the labels use."""
        used = sorted({self.shape(v) for v in self.order})
        return [shape_def(s, radius, f"{ID}m{s}") for s in used]

    def name(self, label):
        """The text the legend shows for ``label``."""
        return self.names.get(label, str(label))

    def legend_entries(self):
        return [(self.name(v), self.colour(v), self.mark(v)) for v in self.order]

    def for_center(self, k):
        """Colour of centre ``k``: cluster label ``k`` (integer labels) or the k-th label."""
        if self.by_value:
            return PALETTE[k % len(PALETTE)]
        if k < len(self.order):
            return self.colour(self.order[k])
        return "currentColor"


def shape_def(shape, r, ident):
    """A marker of about the area of a circle of radius ``r``, centred on 0,0."""
    if shape == 0:
        return f'<circle id="{ident}" r="{num(r)}"/>'
    if shape == 1:
        s = r * 1.7725
        return f'<rect id="{ident}" x="{num(-s / 2)}" y="{num(-s / 2)}" width="{num(s)}" height="{num(s)}"/>'
    if shape in (2, 4):
        R = r * 1.555
        sign = 1 if shape == 2 else -1
        top, base, half = -R * sign, R / 2 * sign, R * 0.866
        shift = -R / 4 * sign  # centre the triangle's bounding box on the point
        return (
            f'<path id="{ident}" d="M0 {num(top - shift)}L{num(half)} {num(base - shift)}'
            f'H{num(-half)}Z"/>'
        )
    a = r * 1.2533
    return f'<path id="{ident}" d="M0 {num(-a)}L{num(a)} 0L0 {num(a)}L{num(-a)} 0Z"/>'


def colour_hex(c, name):
    """'#rgb', '#rrggbb' or (r, g, b[, a]) with 0-255 values -> '#rrggbb'.

    >>> colour_hex("#0af", "c"), colour_hex((255, 128.4, 0), "c")
    ('#00AAFF', '#FF8000')
    """
    if isinstance(c, str):
        s = c.strip().lstrip("#")
        if len(s) == 3:
            s = "".join(ch * 2 for ch in s)
        if len(s) in (6, 8) and all(ch in "0123456789abcdefABCDEF" for ch in s):
            return "#" + s[:6].upper()
        raise ValueError(say("error.colour_format", name=name, c=c))
    items = as_list(c)
    if items is None or len(items) not in (3, 4):
        raise TypeError(say("error.colour_format", name=name, c=c))
    vals = [as_number(v, f"{name}[{j}]") for j, v in enumerate(items[:3])]
    if any(v < 0 or v > 255 for v in vals):
        raise ValueError(say("error.colour_range", name=name, c=c))
    return "#" + "".join(f"{min(255, max(0, round(v))):02X}" for v in vals)


def hex_rgb(h):
    return int(h[1:3], 16), int(h[3:5], 16), int(h[5:7], 16)


def luminance(rgb):
    """Relative luminance (WCAG) of an (r, g, b) colour with 0-255 values."""

    def lin(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def ink_on(rgb):
    """Black or white, whichever contrasts more with the background ``rgb``."""
    L = luminance(rgb)
    return "#000" if (L + 0.05) / 0.05 >= 1.05 / (L + 0.05) else "#FFF"


# light yellow -> green -> blue -> dark blue (ColorBrewer YlGnBu anchors)
_RAMP = ((255, 255, 217), (199, 233, 180), (65, 182, 196), (34, 94, 168), (8, 29, 88))


def ramp(t):
    """The sequential colour for ``t`` in [0, 1]: light (0) to dark blue (1).

    >>> ramp(0), ramp(1)
    ((255, 255, 217), (8, 29, 88))
    """
    t = min(1.0, max(0.0, t)) * (len(_RAMP) - 1)
    i = min(int(t), len(_RAMP) - 2)
    f = t - i
    a, b = _RAMP[i], _RAMP[i + 1]
    return tuple(round(a[c] + (b[c] - a[c]) * f) for c in range(3))
