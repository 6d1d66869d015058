"""Input checks shared by every public function of clusterlab.

Each helper turns what a student may pass (lists, tuples, numpy arrays,
anything iterable of numbers) into plain Python floats, or raises a
``ValueError``/``TypeError`` whose message names the parameter and says how
to fix it, in the language of :func:`clusterlab.set_language`.  Nothing
here imports anything outside the standard library.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable

from ._language import say


def as_list(obj):
    """Return ``obj`` as a list (numpy-like objects via ``tolist``), or None if it is not a sequence.

    The one converter every module uses for list-like input; strings are not sequences here.

    >>> as_list((1, 2)), as_list("ab"), as_list(5)
    ([1, 2], None, None)
    """
    tolist = getattr(obj, "tolist", None)
    if callable(tolist):
        obj = tolist()
    if isinstance(obj, (str, bytes)) or not isinstance(obj, Iterable):
        return None
    return list(obj)


def as_number(value, name: str) -> float:
    """Return ``value`` as a finite float, or raise a clear error.

    >>> as_number(3, "x")
    3.0
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        # numpy scalars register as numbers.Real; strings and None do not.
        raise TypeError(say("error.not_a_number", name=name, kind=type(value).__name__, value=value))
    x = float(value)
    if not math.isfinite(x):
        raise ValueError(say("error.not_finite", name=name, value=x))
    return x


def as_vector(values, name: str = "u") -> list[float]:
    """Return a 1-D sequence of finite numbers as a list of floats.

    >>> as_vector((1, 2.5))
    [1.0, 2.5]
    """
    items = as_list(values)
    if items is None:
        raise TypeError(say("error.not_a_vector", name=name, kind=type(values).__name__))
    if not items:
        raise ValueError(say("error.empty_vector", name=name))
    return [as_number(v, f"{name}[{i}]") for i, v in enumerate(items)]


def as_matrix(X, name: str = "X", min_rows: int = 1) -> list[list[float]]:
    """Return observations as a list of equal-length rows of floats.

    A flat sequence of numbers is read as one feature per observation
    (``[1, 5, 9]`` becomes ``[[1.0], [5.0], [9.0]]``), which is what the
    one-dimensional examples of the course need.

    >>> as_matrix([[1, 2], [3, 4]])
    [[1.0, 2.0], [3.0, 4.0]]
    >>> as_matrix([636, 473])
    [[636.0], [473.0]]
    """
    rows = as_list(X)
    if rows is None:
        raise TypeError(say("error.not_a_matrix", name=name, kind=type(X).__name__))
    if len(rows) < min_rows:
        if not rows:
            raise ValueError(say("error.empty_matrix", name=name, min_rows=min_rows))
        raise ValueError(say("error.too_few_rows", name=name, rows=len(rows), min_rows=min_rows))
    if all(isinstance(r, numbers.Real) and not isinstance(r, bool) for r in rows):
        return [[as_number(v, f"{name}[{i}]")] for i, v in enumerate(rows)]
    out = []
    width = None
    for i, row in enumerate(rows):
        items = as_list(row)
        if items is None:
            raise TypeError(say("error.not_a_row", name=name, i=i, kind=type(row).__name__, row=row))
        if width is None:
            width = len(items)
            if width == 0:
                raise ValueError(say("error.empty_row", name=name))
        elif len(items) != width:
            raise ValueError(say("error.ragged", name=name, width=width, i=i, got=len(items)))
        row = _plain_floats(items)
        if row is None:  # something to convert or to report: value by value
            row = [as_number(v, f"{name}[{i}][{j}]") for j, v in enumerate(items)]
        out.append(row)
    return out


_PLAIN = {float, int}


def _plain_floats(items):
    """``items`` as a list of floats when all are finite Python floats and ints, else None.

    The fast path of :func:`as_matrix`: a few C-level passes instead of a
    Python call per value (wide data has thousands of values per row).
    """
    if not set(map(type, items)) <= _PLAIN:
        return None
    row = list(map(float, items))
    return row if all(map(math.isfinite, row)) else None


def as_int(value, name: str, minimum: int | None = None, maximum: int | None = None) -> int:
    """Return ``value`` as an int within ``[minimum, maximum]`` or raise.

    >>> as_int(3, "n_clusters", minimum=1)
    3
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise TypeError(say("error.not_whole", name=name, value=value))
    value = int(value)
    if minimum is not None and value < minimum:
        raise ValueError(say("error.too_small", name=name, minimum=minimum, value=value))
    if maximum is not None and value > maximum:
        raise ValueError(say("error.too_large", name=name, maximum=maximum, value=value))
    return value


def choice(value, name: str, options) -> str:
    """Return ``value`` if it is one of ``options``, else raise naming them.

    >>> choice("ward", "method", ["single", "ward"])
    'ward'
    """
    if value not in options:
        listed = ", ".join(repr(o) for o in options)
        raise ValueError(say("error.unknown_choice", name=name, value=value, listed=listed))
    return value


def not_offered(function: str, hint: str, **given) -> None:
    """Refuse a peer's option that clusterlab does not offer, unless it has its default.

    ``given`` maps each option's name to ``(value, default)``.  scipy's and
    scikit-learn's names carry over: an option left at its default is
    accepted, any other value is refused, never silently ignored.

    >>> not_offered("linkage", "cluster as usual.", optimal_ordering=(False, False))
    >>> not_offered("linkage", "reorder the leaves yourself.", optimal_ordering=(True, False))
    Traceback (most recent call last):
    ...
    ValueError: clusterlab's linkage does not offer optimal_ordering=True (scipy's option); reorder the leaves yourself.
    """
    for name, (value, default) in given.items():
        same = value is default if default is None or isinstance(default, bool) else value == default
        if not same:
            raise ValueError(say("error.not_offered", function=function, name=name, value=value, hint=hint))


def public_names(names):
    """A module's ``__dir__``: only its public ``names`` (its ``__all__``), sorted.

    >>> public_names(["linkage", "fcluster"])()
    ['fcluster', 'linkage']
    """
    return lambda: sorted(names)


def as_seed(random_state):
    """``random_state`` as scikit-learn's estimators here take it: an int seed, or None.

    >>> as_seed(3), as_seed(None)
    (3, None)
    """
    if random_state is not None and (isinstance(random_state, bool) or not isinstance(random_state, int)):
        raise TypeError(say("error.random_state", value=random_state))
    return random_state
