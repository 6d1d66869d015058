"""Plain-text tables for the library's printed output (``Step.table`` and others).

``text_table(header, rows, align)`` pads every column to its widest cell,
separates columns by two spaces and strips trailing spaces.

>>> print(text_table(["obs", "d(C1)", "cluster"], [["A", "392", "C2"], ["B", "29", "C1"]]))
obs  d(C1)  cluster
A      392       C2
B       29       C1
"""

from __future__ import annotations

from ._language import say

__all__ = ["text_table"]


def text_table(header, rows, align=None, sep: str = "  ", width: int = 0) -> str:
    """``header`` and ``rows`` (lists of strings) as aligned text lines.

    ``align`` is one character per column, ``"l"`` (left) or ``"r"``
    (right); the default puts the first column left and the others right,
    as names then numbers.  Cells that are not strings are shown with
    ``str``.  ``width`` is the least width of every column (a square
    matrix reads best with equal columns).

    >>> print(text_table(["", "x"], [["a", 1.5], ["bb", 10]], align="lr"))
          x
    a   1.5
    bb   10
    """
    table = [[str(c) for c in header], *([str(c) for c in r] for r in rows)]
    ncol = len(table[0])
    if any(len(r) != ncol for r in table):
        raise ValueError(say("error.table_row", ncol=ncol))
    if align is None:
        align = "l" + "r" * (ncol - 1)
    if len(align) != ncol or set(align) - {"l", "r"}:
        raise ValueError(say("error.table_align", ncol=ncol, align=align))
    widths = [max(width, *map(len, col)) for col in zip(*table)]
    pad = {"l": str.ljust, "r": str.rjust}
    return "\n".join(
        sep.join(pad[a](c, w) for c, w, a in zip(r, widths, align)).rstrip() for r in table
    )
