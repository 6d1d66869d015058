"""What carries over behaves the same: every function clusterlab shares with
scipy takes the same parameters, in the same order, with the same defaults,
and a module offers only its public names."""

from __future__ import annotations

import inspect

import numpy as np
import pytest
import scipy.cluster.hierarchy as scipy_hierarchy
import scipy.spatial.distance as scipy_distance

from clusterlab import datasets, distance, exceptions, hierarchy, kmeans, player, quantize

PEERS = [(hierarchy, scipy_hierarchy), (distance, scipy_distance)]
#: Where clusterlab differs on purpose, and how it says so (README.md, "What carries over").
DIFFERENCES = {
    ("fcluster", "criterion"): ("inconsistent", None),  # no criterion is refused, saying what scipy would give
}


def shared(module, peer):
    names = sorted(n for n in module.__all__ if callable(getattr(module, n)) and hasattr(peer, n)
                   and not inspect.isclass(getattr(module, n)))
    assert names, "nothing shared: the test would pass on nothing"
    return names


def parameters(function):
    return [(p.name, p.default, p.kind) for p in inspect.signature(function).parameters.values()]


@pytest.mark.parametrize(("module", "peer"), PEERS, ids=["hierarchy", "distance"])
def test_every_shared_function_takes_scipys_parameters_in_scipys_order(module, peer):
    for name in shared(module, peer):
        ours, theirs = parameters(getattr(module, name)), parameters(getattr(peer, name))
        expected = []
        for param, default, kind in theirs:
            if (name, param) in DIFFERENCES:
                assert default == DIFFERENCES[name, param][0]
                default = DIFFERENCES[name, param][1]
            expected.append((param, default, kind))
        assert ours == expected, name


def test_scipys_options_give_scipys_results_or_are_refused():
    u, v, w = [1.0, 2.0, 4.0], [3.0, 1.0, 0.5], [0.5, 2.0, 1.0]
    for name in ("euclidean", "sqeuclidean", "cityblock", "correlation"):
        assert getattr(distance, name)(u, v, w) == pytest.approx(getattr(scipy_distance, name)(u, v, w))
    assert distance.correlation(u, v, centered=False) == pytest.approx(scipy_distance.correlation(u, v, centered=False))
    assert distance.correlation(u, v, w, False) == pytest.approx(scipy_distance.correlation(u, v, w, False))
    square = scipy_distance.squareform([1.0, 2.0, 3.0])
    assert distance.squareform([1.0, 2.0, 3.0], force="tomatrix") == square.tolist()
    assert distance.squareform(square.tolist(), "tovector") == [1.0, 2.0, 3.0]
    with pytest.raises(ValueError, match="force='tovector' but X is a condensed list"):
        distance.squareform([1.0, 2.0, 3.0], force="tovector")
    with pytest.raises(ValueError, match="takes no options for its metric"):
        distance.pdist([[0, 0], [1, 1]], "euclidean", w=[1, 2])
    with pytest.raises(ValueError, match="does not offer out="):
        distance.pdist([[0, 0], [1, 1]], out=np.zeros(1))
    Z = hierarchy.linkage([[0], [1], [5], [6]], "single")
    ours, theirs = hierarchy.dendrogram(Z, labels=list("abcd")), scipy_hierarchy.dendrogram(np.array(Z), labels=list("abcd"), no_plot=True)
    assert ours["ivl"] == theirs["ivl"] and ours["icoord"] == theirs["icoord"]


@pytest.mark.parametrize("module", [hierarchy, distance, kmeans, datasets, quantize, player, exceptions])
def test_a_module_offers_only_its_public_names(module):
    """dir() and tab completion show what the module is for, not math, deque or dataclass."""
    assert sorted(dir(module)) == sorted(module.__all__)
    for name in module.__all__:
        assert hasattr(module, name), name


def test_no_module_of_the_library_imports_one_that_imports_it():
    """No import cycle (quantize and _median_cut once imported each other)."""
    import ast
    from pathlib import Path

    package = Path(hierarchy.__file__).parent
    imports = {}
    for path in package.rglob("*.py"):
        name = path.relative_to(package).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        base = name.rsplit(".", 1)[0] if "." in name and not path.name == "__init__.py" else ""
        found = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                parent = (base if node.level == 1 else "") if "." in name else ""
                module = ".".join(p for p in (parent, node.module or "") if p)
                found.add(module)
        imports[name] = found
    cycles = [(a, b) for a, deps in imports.items() for b in deps if a in imports.get(b, ())]
    assert cycles == []
