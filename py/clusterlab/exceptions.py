"""The warnings and errors of clusterlab, in one place (as ``sklearn.exceptions``).

=========================  ===================================================
``ConvergenceWarning``     fewer distinct clusters (or colours) than asked for
``ClusterWarning``         the input is probably not what was meant (scipy's)
``NotFittedError``         ``predict``/``transform`` before ``fit``
=========================  ===================================================

Their old homes keep working: ``from clusterlab.kmeans import ConvergenceWarning``
and ``from clusterlab.hierarchy import ClusterWarning`` give the same classes.

>>> from clusterlab.kmeans import ConvergenceWarning as Old
>>> Old is ConvergenceWarning
True
"""

from __future__ import annotations

from ._validate import public_names

__all__ = ["ClusterWarning", "ConvergenceWarning", "NotFittedError"]


class ConvergenceWarning(UserWarning):
    """Fewer distinct clusters than ``n_clusters`` (duplicate observations), or fewer colours than ``k``."""


class ClusterWarning(UserWarning):
    """The input is probably not what was meant (as scipy's ``ClusterWarning``)."""


class NotFittedError(ValueError, AttributeError):
    """Raised when ``predict``/``transform`` is called before ``fit`` (as scikit-learn's)."""


__dir__ = public_names(__all__)
