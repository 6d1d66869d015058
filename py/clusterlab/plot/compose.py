"""Several figures in one: ``grid`` and ``side_by_side``.

A grid is one SVG (``.svg``: for files, notebooks' downloads and the step
players), and on a page (``_repr_html_``) its figures in a row that wraps: on
a phone each figure keeps the scale it would have alone (a 390 px screen
draws a 640 px figure at about half size) instead of the whole row shrinking
to fit.  A panel shrinks to ``SHRINK`` of its size to stay beside the others
(on a desktop, as before), and below that wraps onto a row of its own.
"""

from __future__ import annotations

from .._language import say
from .._validate import as_int, as_number
from ._layout import Heading
from ._svg import Figure, esc, finish, num

#: How far a grid's panel shrinks to stay beside the others before it wraps onto a row of its own.
SHRINK = 0.6


class Grid(Figure):
    """Figures side by side: ``panels`` in rows of at most ``columns``, ``gap`` px apart."""

    __slots__ = ("panels", "columns", "gap", "titled")

    _repr_svg_ = None  # a page and Jupyter show the wrapping HTML below; .svg stays one SVG

    def _repr_html_(self):
        heading = (f'<div style="flex-basis:100%;text-align:center;font-weight:600">{esc(self.title)}</div>'
                   if self.titled else "")
        panels = "".join(
            f'<div style="flex:1 1 {num(f.width * SHRINK)}px;min-width:0;max-width:{num(f.width)}px">{f.svg}</div>'
            for f in self.panels
        )
        return (
            f'<div class="clp-grid" role="group" aria-label="{esc(self.title)}" '
            f'style="display:flex;flex-wrap:wrap;gap:{num(self.gap)}px;align-items:flex-start;'
            f'max-width:{num(self.width)}px">{heading}{panels}</div>'
        )


def grid(figures, columns=2, *, title=None, gap=16):
    """Arrange figures in a grid, ``columns`` per row (e.g. original vs quantized image).

    >>> from clusterlab.plot import swatches
    >>> a = swatches(["#000"]); b = swatches(["#fff"])
    >>> g = grid([a, b], columns=2)
    >>> g.width == a.width + b.width + 16
    True
    """
    figs = list(figures) if not isinstance(figures, Figure) else [figures]
    if not figs:
        raise ValueError(say("error.grid_empty"))
    for i, f in enumerate(figs):
        if not isinstance(f, Figure):
            raise TypeError(say("error.grid_not_figure", i=i, kind=type(f).__name__))
    columns = as_int(columns, "columns", minimum=1)
    gap = as_number(gap, "gap")
    rows = [figs[i : i + columns] for i in range(0, len(figs), columns)]
    colw = [max(r[c].width for r in rows if c < len(r)) for c in range(min(columns, len(figs)))]
    heading = Heading(title, sum(colw) + gap * (len(colw) - 1), x=0, grow=True)
    body = [heading.svg()]
    y = heading.top(0)
    for r in rows:
        x = 0
        for c, f in enumerate(r):
            body.append(
                f'<svg x="{num(x)}" y="{num(y)}" width="{f.width}" height="{f.height}" '
                f'viewBox="0 0 {f.width} {f.height}" role="img" aria-labelledby="{f._pid}t {f._pid}d">'
                f"{f._inner}</svg>"
            )
            x += colw[c] + gap
        y += max(f.height for f in r) + gap
    listed = "; ".join(f"{i + 1}. {f.title}" for i, f in enumerate(figs))
    desc = say("plot.desc.grid" if len(figs) > 1 else "plot.desc.grid_one", count=len(figs), figures=listed)
    fig = finish("grid", heading.width, y - gap, title or say("plot.title.grid"), desc, "".join(body))
    made = Grid(fig.svg, fig.width, fig.height, fig.kind, fig.title, inner=fig._inner, pid=fig._pid)
    made.panels, made.columns, made.gap, made.titled = figs, columns, gap, title is not None
    return made


def side_by_side(*figures, title=None, gap=16):
    """Put figures next to each other in one row: ``side_by_side(before, after)``."""
    if len(figures) == 1 and not isinstance(figures[0], Figure):
        figures = tuple(figures[0])
    return grid(figures, columns=max(1, len(figures)), title=title, gap=gap)
