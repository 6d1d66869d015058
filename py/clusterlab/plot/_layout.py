"""Layout shared by the figures: titles, margins, tick values, axes and legends.

Every size here is in CSS pixels.  Text widths are estimated, not measured
(nothing is rendered in Python): :data:`TITLE_CHAR` and :data:`LEGEND_CHAR`
are generous per-character widths, so text gets the room it needs in any
common sans-serif font.
"""

from __future__ import annotations

import math

from .._language import readable, say
from .._validate import as_int, as_number
from ._svg import esc, num

# --- titles -------------------------------------------------------------------
TITLE_SIZE = 15  # font size of a figure's title (bold)
TITLE_CHAR = 0.6 * TITLE_SIZE  # estimated width of one title character
TITLE_X = 8  # the title's left edge, and the room kept right of it
TITLE_BASELINE = 20  # y of the title's first line
TITLE_LINE = 19  # distance between the lines of a wrapped title
TITLE_SPACE = 34  # room a one-line title takes above the plot
GROW_LIMIT = 640  # figures sized by their content grow up to this width for their title

# --- axes and legends ---------------------------------------------------------
DEFAULT_WIDTH = 640
LEFT = 50  # room for the y tick labels
LEFT_YLABEL = 62  # ... and for a y axis label
BOTTOM = 32  # room for the x tick labels
BOTTOM_XLABEL = 48  # ... and for an x axis label
RIGHT = 16  # room right of the plot (half a tick label)
LEGEND_GAP = 18  # from the plot to its legend
LEGEND_CHAR = 7  # estimated width of one legend character (12 px text)
LEGEND_ITEMS = 18  # entries shown before "... n more"


class Heading:
    """A figure's visible title, wrapped so that it never runs past the figure.

    ``width`` is the figure's width.  With ``grow=True`` (figures sized by
    their content) the width first grows to fit the title, up to
    :data:`GROW_LIMIT`; ``self.width`` is the width to use.  A title that
    still does not fit breaks between words onto more lines.

    >>> h = Heading("Euclidean distances between a-e", 200)
    >>> h.lines, h.top(14)
    (['Euclidean distances', 'between a-e'], 53)
    >>> h = Heading("Euclidean distances between a-e", 200, grow=True)
    >>> h.width, h.lines, h.top(14)
    (295, ['Euclidean distances between a-e'], 34)
    >>> Heading(None, 200).top(14), Heading(None, 200).svg()
    (14, '')
    """

    def __init__(self, text, width, *, x=TITLE_X, grow=False):
        self.text, self.x = text, x
        if text and grow:
            width = max(width, min(title_width(text, x), GROW_LIMIT))
        self.width = width
        fits = max(1, int((width - x - TITLE_X) / TITLE_CHAR))
        self.lines = wrap(str(text), fits) if text else []

    def top(self, without):
        """The y where the plot may start: ``without`` when there is no title."""
        if not self.lines:
            return without
        return TITLE_SPACE + TITLE_LINE * (len(self.lines) - 1)

    def svg(self):
        return "".join(
            f'<text x="{self.x}" y="{TITLE_BASELINE + TITLE_LINE * i}" font-size="{TITLE_SIZE}" '
            f'font-weight="600">{esc(line)}</text>'
            for i, line in enumerate(self.lines)
        )


def title_width(text, x=TITLE_X):
    """The width a figure needs to show ``text`` as its title on one line.

    >>> title_width("Euclidean distances between a-e")
    295
    """
    return x + math.ceil(TITLE_CHAR * len(str(text))) + TITLE_X


def wrap(text, fits):
    """Break ``text`` between words into lines of at most ``fits`` characters.

    A word longer than a line is cut.

    >>> wrap("the five observations a-e", 10)
    ['the five', 'observatio', 'ns a-e']
    """
    lines, line = [], ""
    for word in text.split():
        while len(word) > fits:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:fits])
            word = word[fits:]
        if line and len(line) + 1 + len(word) > fits:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines or [text]


# --- sizes and ranges ---------------------------------------------------------


def size(value, name, default, lo=60, hi=4000):
    """A figure's ``width`` or ``height`` argument, checked, or ``default``."""
    if value is None:
        return default
    return as_number(as_int(value, name, minimum=lo, maximum=hi), name)


def data_range(values, margin=0.0):
    """(min, max) of values, widened by ``margin`` of the span (not below 0 if data are >= 0).

    >>> data_range([0, 10], 0.1), data_range([2, 10], 0.5)
    ((0.0, 11.0), (0.0, 14.0))
    """
    lo, hi = min(values), max(values)
    if margin:
        extra = (hi - lo) * margin
        lo, hi = (lo - extra if lo - extra >= 0 or lo < 0 else 0.0), hi + extra
    return lo, hi


def plot_box(width, height, top, xlabel=None, ylabel=None, legend_w=0, left=None):
    """(left, top, right, bottom) of the plotting area of an x/y figure."""
    if left is None:
        left = LEFT_YLABEL if ylabel else LEFT
    bottom = height - (BOTTOM_XLABEL if xlabel else BOTTOM)
    return left, top, width - RIGHT - legend_w, bottom


# --- ticks and axes -----------------------------------------------------------


def tick_label(v, decimals):
    """A tick value with ``decimals`` decimals and a real minus sign.

    >>> tick_label(-0.5, 1), tick_label(-0.0, 1)
    ('−0.5', '0.0')
    """
    s = f"{v:.{decimals}f}"
    if s.lstrip("-").strip("0.") == "":
        s = s.lstrip("-")
    return readable(s.replace("-", "\u2212"))


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


class Axes:
    """A linear x/y mapping from data to a pixel box, with ticks and axis text.

    ``xr``/``yr`` are data ranges (``None``: no such axis).  The axes end at
    round tick values.  ``flip_x`` runs x from right to left, ``flip_y`` runs
    y downwards (for dendrograms with the root at the left or the bottom).
    """

    def __init__(self, box, xr, yr, pad=8, xticks=6, yticks=5, flip_x=False, flip_y=False):
        self.left, self.top, self.right, self.bottom = box
        self.xt, self.xd = nice_ticks(*xr, xticks) if xr else ([], 0)
        self.yt, self.yd = nice_ticks(*yr, yticks) if yr else ([], 0)
        self.pad = pad
        if self.xt:
            self.x0, self.x1 = (self.xt[-1], self.xt[0]) if flip_x else (self.xt[0], self.xt[-1])
        if self.yt:
            self.y0, self.y1 = (self.yt[-1], self.yt[0]) if flip_y else (self.yt[0], self.yt[-1])

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
            d = "".join(f"M{num(self.sx(t))} {num(T)}V{num(B)}" for t in self.xt)
            d += "".join(f"M{num(L)} {num(self.sy(t))}H{num(R)}" for t in self.yt)
            if d:
                out.append(f'<path d="{d}" stroke-opacity=".13"/>')
        d = f"M{num(L)} {num(B)}H{num(R)}" if self.xt else ""
        d += "".join(f"M{num(self.sx(t))} {num(B)}v5" for t in self.xt)
        if self.yt:
            d += f"M{num(L)} {num(T)}V{num(B)}"
            d += "".join(f"M{num(L)} {num(self.sy(t))}h-5" for t in self.yt)
        out.append(f'<path d="{d}" stroke-opacity=".7"/></g>')
        out.append('<g class="clp-ticks" font-size="11">')
        for t in self.xt:
            out.append(
                f'<text x="{num(self.sx(t))}" y="{num(B + 18)}" text-anchor="middle">'
                f"{tick_label(t, self.xd)}</text>"
            )
        for t in self.yt:
            out.append(
                f'<text x="{num(L - 8)}" y="{num(self.sy(t) + 4)}" text-anchor="end">'
                f"{tick_label(t, self.yd)}</text>"
            )
        out.append("</g>")
        if xlabel:
            out.append(
                f'<text x="{num((L + R) / 2)}" y="{num(B + 38)}" text-anchor="middle">{esc(xlabel)}</text>'
            )
        if ylabel:
            cy = (T + B) / 2
            out.append(
                f'<text transform="translate({num(L - 44)} {num(cy)}) rotate(-90)" '
                f'text-anchor="middle">{esc(ylabel)}</text>'
            )
        return "".join(out)


# --- legends ------------------------------------------------------------------


def legend_width(texts, title=None, *, lines=False):
    """The room a legend needs: its longest text after a marker (or a line swatch).

    >>> legend_width(["0", "1"], "cluster"), legend_width(["run 1"], lines=True)
    (75, 76)
    """
    longest = max(len(str(t)) for t in [*list(texts)[:LEGEND_ITEMS], title or ""])
    text_x = 24 if lines else 18
    return max(text_x + 52, text_x + 8 + LEGEND_CHAR * longest)


def legend(x, y, entries, title=None):
    """A legend at (x, y); entries: (text, colour, marker id or None for a line swatch)."""
    out = [f'<g class="clp-legend" font-size="12" transform="translate({num(x)} {num(y)})">']
    yy = 0
    if title:
        out.append(f'<text y="4" font-weight="600">{esc(title)}</text>')
        yy = 20
    for text, colour, mark in entries[:LEGEND_ITEMS]:
        if mark is None:
            out.append(f'<path d="M0 {yy}h18" stroke="{colour}" stroke-width="2.5" fill="none"/>')
            sx = 24
        else:
            out.append(f'<use xlink:href="#{mark}" x="7" y="{yy}" fill="{colour}"/>')
            sx = 18
        out.append(f'<text x="{sx}" y="{yy + 4}">{esc(text)}</text>')
        yy += 18
    if len(entries) > LEGEND_ITEMS:
        out.append(f'<text y="{yy + 4}">{esc(say("plot.more", count=len(entries) - LEGEND_ITEMS))}</text>')
    out.append("</g>")
    return "".join(out)


def legend_x(width, legend_w):
    """The x of a legend ``legend_w`` wide at the right of a figure ``width`` wide."""
    return width - RIGHT - legend_w + LEGEND_GAP
