"""A step player: several figures (or tables) shown one at a time, with Previous/Next and a slider.

=============================================  ==============================================
``StepPlayer(frames, captions, title, start)``  any figures, HTML objects or text tables, one per step
``kmeans_player(model, X, names=...)``          every assign and update step of a fitted ``KMeans``
``kmeans_frames(model, X, names=...)``          the same frames and captions, as two lists
``iteration_frames(X, iterations, final)``      frames of any run given as (centroids, labels) pairs
``cluster_sets(labels, names)``                 ``"C1 = {A, B}, C2 = {C}"``: who is in which cluster
``merge_player(X, method, names=...)``          every merge of hierarchical clustering, on the points
``merge_frames(X, method, names=...)``          the same frames and captions, as two lists
=============================================  ==============================================

A player shows itself in a live cell of the course (and in Jupyter) through
``_repr_html_``.  The HTML holds every frame, so it is complete without any
script: the site's ``player.js`` (loaded on every page, independent of
Python) makes the buttons and the slider switch frames.  Without JavaScript
(or outside the site, without its ``player.css``) all frames are shown one
below the other.  The markup is
deterministic, so the page built in CPython and the page re-run in the
browser give the same bytes.

>>> from clusterlab.plot import scatter
>>> player = StepPlayer(
...     [scatter([[0, 0], [1, 1]]), "d(a, b) = 1.41"],
...     ["the two points", "their distance"],
...     title="Two points",
... )
>>> player
<StepPlayer 'Two points': 2 steps, showing step 1>
>>> html = player._repr_html_()
>>> html.count('<figure class="clp-frame'), "Step 1 of 2" in html
(2, True)
"""

from __future__ import annotations

import html as _html

from ._language import coordinates, readable, say, say_count
from ._validate import as_int, as_matrix, public_names

__all__ = [
    "StepPlayer", "cluster_sets", "iteration_frames", "kmeans_frames", "kmeans_player",
    "merge_frames", "merge_player",
]


def _frame_html(frame, i: int) -> str:
    """The markup of one frame: an SVG or HTML repr, or text as preformatted text."""
    if isinstance(frame, str):
        return f'<pre class="clp-frame-text">{_html.escape(frame, quote=False)}</pre>'
    for method in ("_repr_svg_", "_repr_html_"):
        fn = getattr(type(frame), method, None)
        if callable(fn):
            content = fn(frame)
            if isinstance(content, str) and content:
                return content
    raise TypeError(say("error.frame_type", i=i, kind=type(frame).__name__))


class StepPlayer:
    """Frames shown one at a time, with Previous/Next buttons, a slider and "Step i of n".

    ``frames`` is a list of clusterlab figures (anything with ``_repr_svg_``),
    objects with ``_repr_html_``, or strings (shown as preformatted text, for
    example a distance matrix printed as a table).  ``captions`` (optional)
    has one string per frame, written under it.  ``title`` is shown above the
    controls and names the player for screen readers.  ``start`` is the
    0-based index of the frame shown first.

    >>> p = StepPlayer(["step one", "step two", "step three"], start=2)
    >>> len(p), p.start
    (3, 2)
    >>> "Step 3 of 3" in p._repr_html_()
    True
    >>> StepPlayer([])
    Traceback (most recent call last):
    ...
    ValueError: frames is empty; give at least one frame (a figure, an HTML object or a string).
    """

    def __init__(self, frames, captions=None, *, title=None, start=0):
        if isinstance(frames, (str, bytes)) or not hasattr(frames, "__iter__"):
            raise TypeError(say("error.frames_type", kind=type(frames).__name__))
        frames = list(frames)
        if not frames:
            raise ValueError(say("error.frames_empty"))
        self._bodies = [_frame_html(f, i) for i, f in enumerate(frames)]
        n = len(frames)
        if captions is None:
            captions = [None] * n
        else:
            if isinstance(captions, (str, bytes)) or not hasattr(captions, "__iter__"):
                raise TypeError(say("error.captions_type", kind=type(captions).__name__))
            captions = list(captions)
            if len(captions) != n:
                raise ValueError(say("error.captions_count", got=len(captions), n=n))
            for i, c in enumerate(captions):
                if c is not None and not isinstance(c, str):
                    raise TypeError(say("error.caption_type", i=i, kind=type(c).__name__))
        if title is not None and not isinstance(title, str):
            raise TypeError(say("error.title_type", kind=type(title).__name__))
        self.frames = frames
        self.captions = captions
        self.title = title
        self.start = as_int(start, "start", minimum=0, maximum=n - 1)

    def __len__(self):
        return len(self.frames)

    def __repr__(self):
        name = f" {self.title!r}" if self.title else ""
        return f"<StepPlayer{name}: {len(self)} steps, showing step {self.start + 1}>"

    def _repr_html_(self) -> str:
        """Self-contained HTML: every frame, one of them marked current, and the controls.

        Classes are what ``web/player.css`` and ``web/player.js`` expect:
        ``clp-player`` (the whole), ``clp-frame--current`` (the frame shown),
        ``data-clp-go`` on the buttons, ``clp-player-slider`` and
        ``clp-player-status`` (the "Step i of n" live region).
        """
        n, s = len(self), self.start
        esc = _html.escape
        name = self.title or say("player.name")
        figures = []
        for i, (body, caption) in enumerate(zip(self._bodies, self.captions)):
            current = " clp-frame--current" if i == s else ""
            cap = f'<figcaption class="clp-caption">{esc(caption, quote=False)}</figcaption>' if caption else ""
            figures.append(
                f'<figure class="clp-frame{current}" data-clp-frame="{i}">'
                f'<div class="clp-frame-body">{body}</div>{cap}</figure>'
            )
        prev_off = ' aria-disabled="true"' if s == 0 else ""
        next_off = ' aria-disabled="true"' if s == n - 1 else ""
        title = f'<p class="clp-player-title">{esc(self.title, quote=False)}</p>' if self.title else ""
        valuetext = self._valuetext(s)
        return (
            f'<div class="clp-player" role="group" aria-label="{esc(name)}" data-clp-steps="{n}">'
            f"{title}"
            '<div class="clp-player-controls">'
            f'<button type="button" class="clp-player-btn" data-clp-go="-1"{prev_off}>{esc(say("player.previous"))}</button>'
            f'<input type="range" class="clp-player-slider" min="1" max="{n}" step="1" value="{s + 1}" '
            f'aria-label="{esc(say("player.slider"))}" aria-valuetext="{esc(valuetext)}">'
            f'<button type="button" class="clp-player-btn" data-clp-go="1"{next_off}>{esc(say("player.next"))}</button>'
            f'<span class="clp-player-status" aria-live="polite">{esc(say("player.step", step=s + 1, steps=n))}</span>'
            "</div>"
            f'<div class="clp-frames">{"".join(figures)}</div>'
            "</div>"
        )

    def _valuetext(self, i: int) -> str:
        caption = self.captions[i]
        return say("player.step", step=i + 1, steps=len(self)) + (f": {caption}" if caption else "")


# ------------------------------------------------------------------ K-means


def cluster_sets(labels, names=None, k=None) -> str:
    """Who is in which cluster, as in the tutorial: ``C1 = {A, B}, C2 = {C}``.

    Clusters are numbered from 1 (label 0 is C1), like ``Step.table``; ``k``
    also lists clusters that got no observation.

    >>> cluster_sets([0, 0, 1, 2, 2], "ABCDE")
    'C1 = {A, B}, C2 = {C}, C3 = {D, E}'
    >>> cluster_sets([1, 1], k=3)
    'C1 = {}, C2 = {0, 1}, C3 = {}'
    """
    labels = list(labels)
    names = [str(i) for i in range(len(labels))] if names is None else [str(v) for v in names]
    if len(names) != len(labels):
        raise ValueError(say("error.names_for_labels", got=len(names), n=len(labels)))
    for i, lab in enumerate(labels):
        as_int(lab, f"labels[{i}]", minimum=0)
    count = max(labels, default=-1) + 1 if k is None else as_int(k, "k", minimum=1)
    groups = [[] for _ in range(count)]
    for name, lab in zip(names, labels):
        if lab >= count:
            raise ValueError(say("error.label_not_below_k", label=lab, k=count))
        groups[lab].append(name)
    return ", ".join(f"C{j + 1} = {{{', '.join(g)}}}" for j, g in enumerate(groups))


def _check_names(names, n):
    if names is None:
        return None
    names = list(names)
    if len(names) != n:
        raise ValueError(say("error.names_for_X", got=len(names), n=n))
    return names


def _check_model(model, X):
    history = getattr(model, "history_", None)
    if not history:
        raise ValueError(say("error.no_history"))
    n = len(history[0].labels)
    if len(X) != n:
        raise ValueError(say("error.X_changed", got=len(X), n=n))
    return history


def _short(v) -> str:
    """A number with at most two decimals and no trailing zeros: 654.5, 459.83, 3."""
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else readable(text)


def _moved(changed, names, n):
    if len(changed) == n:
        return say("kmeans.first")
    if not changed:
        return say("kmeans.none_moved")
    who = ", ".join(str(names[i]) if names else str(i) for i in changed)
    return say("kmeans.one_moved" if len(changed) == 1 else "kmeans.many_moved", count=len(changed), who=who)


def iteration_frames(
    X, iterations, final_centroids, names=None, *,
    update_caption=None,
    xlabel=None, ylabel=None, width=None, height=None,
):
    """Figures and captions of K-means iterations, as ``(figures, captions)``.

    ``iterations`` is a list of ``(centroids, labels)`` pairs, one per
    assignment: the centroids the points were assigned to, and the labels
    they got.  ``final_centroids`` are the centroids after the last update.
    The frames are: the start (the first centroids), then per iteration an
    **assign** figure (each point in the colour of its nearest centroid)
    and, unless no point changed cluster, an **update** figure (the
    centroids moved to the means of their clusters; ``update_caption``, by
    default "each centroid moves to the mean of its cluster", says so in the
    captions).  :func:`kmeans_frames` and
    ``clusterlab.checks.play_kmeans`` are built on it.

    >>> figures, captions = iteration_frames([[0], [1], [9]], [([[0], [9]], [0, 0, 1])], [[0.5], [9]], "abc")
    >>> captions
    ['Start: 2 initial centroids, C1 at (0); C2 at (9).', 'Iteration 1, assign: C1 = {a, b}, C2 = {c}; every point is placed for the first time.', 'Iteration 1, update: each centroid moves to the mean of its cluster: C1 at (0.5); C2 at (9).']
    """
    from .plot import scatter  # plot is big; load it only when a player is made

    X = as_matrix(X, "X")
    n = len(X)
    names = _check_names(names, n)
    iterations = list(iterations)
    if not iterations:
        raise ValueError(say("error.iterations_empty"))
    k = len(iterations[0][0])
    how = say("kmeans.update_how") if update_caption is None else update_caption

    def draw(labels, centres, title):
        return scatter(
            X, labels, centers=centres, point_labels=names, title=title,
            xlabel=xlabel, ylabel=ylabel, width=width, height=height,
        )

    def where(centres):
        return "; ".join(say("kmeans.at", j=j + 1, coords=coordinates(map(_short, c))) for j, c in enumerate(centres))

    first = iterations[0][0]
    figures = [draw(None, first, say("kmeans.start"))]
    captions = [say_count("kmeans.start_caption", k, k=k, where=where(first))]
    previous = None
    for t, (centres, labels) in enumerate(iterations):
        it = t + 1
        labels = list(labels)
        changed = list(range(n)) if previous is None else [i for i in range(n) if labels[i] != previous[i]]
        figures.append(draw(labels, centres, say("kmeans.assign_title", it=it)))
        captions.append(say("kmeans.assign_caption", it=it, sets=cluster_sets(labels, names, k),
                            moved=_moved(changed, names, n)))
        if not changed:
            break
        after = iterations[t + 1][0] if t + 1 < len(iterations) else final_centroids
        figures.append(draw(labels, after, say("kmeans.update_title", it=it)))
        captions.append(say("kmeans.update_caption", it=it, how=how, where=where(after)))
        previous = labels
    return figures, captions


def kmeans_frames(model, X, names=None, *, xlabel=None, ylabel=None, width=None, height=None):
    """The frames and captions of :func:`kmeans_player`, as ``(figures, captions)``.

    :func:`iteration_frames` of the model's ``history_``.

    >>> from clusterlab.kmeans import KMeans
    >>> km = KMeans(2, init=[[0], [10]]).fit([0, 1, 9, 10])
    >>> figures, captions = kmeans_frames(km, [0, 1, 9, 10], names="abcd")
    >>> len(figures), captions[1]
    (4, 'Iteration 1, assign: C1 = {a, b}, C2 = {c, d}; every point is placed for the first time.')
    """
    X = as_matrix(X, "X")
    history = _check_model(model, X)
    return iteration_frames(
        X, [(s.centroids, s.labels) for s in history], model.cluster_centers_, names,
        xlabel=xlabel, ylabel=ylabel, width=width, height=height,
    )


def kmeans_player(model, X, names=None, *, title=None, xlabel=None, ylabel=None, width=None, height=None):
    """A :class:`StepPlayer` of a fitted ``KMeans``: start, then assign and update per iteration.

    ``X`` is the data the model was fitted on (1 or 2 features, drawn with
    :func:`clusterlab.plot.scatter`); ``names`` labels the points (the
    course's A-J).  Captions list the clusters as the tutorial does
    (``C1 = {A, B, ...}``; label 0 is C1).

    >>> from clusterlab.kmeans import KMeans
    >>> km = KMeans(2, init=[[0], [10]]).fit([0, 1, 9, 10])
    >>> kmeans_player(km, [0, 1, 9, 10], names="abcd", title="Four numbers")
    <StepPlayer 'Four numbers': 4 steps, showing step 1>
    """
    figures, captions = kmeans_frames(
        model, X, names, xlabel=xlabel, ylabel=ylabel, width=width, height=height
    )
    return StepPlayer(figures, captions, title=title)


# ------------------------------------------------------- hierarchical clustering


def _merge_colours(Z, n):
    """Per frame (start, then after each merge of ``Z``), one colour number per observation.

    A point still on its own is -1 (grey, "alone" in the legend).  A cluster keeps its colour
    through every later merge: two single points that merge take the next
    unused colour; a merge that involves a cluster keeps the colour of the
    cluster holding the lowest-numbered observation.

    >>> _merge_colours([[0, 1, 1.0, 2], [2, 3, 2.0, 2], [4, 5, 5.0, 4]], 4)
    [[-1, -1, -1, -1], [0, 0, -1, -1], [0, 0, 1, 1], [0, 0, 0, 0]]
    """
    members = {i: [i] for i in range(n)}
    colour = {i: -1 for i in range(n)}
    labels = [-1] * n
    frames = [list(labels)]
    fresh = 0
    for step, (a, b, _, _) in enumerate(Z):
        a, b = int(a), int(b)
        if colour[a] < 0 and colour[b] < 0:
            new, fresh = fresh, fresh + 1
        else:
            coloured = [c for c in (a, b) if colour[c] >= 0]
            new = colour[min(coloured, key=lambda c: min(members[c]))]
        node = n + step
        members[node] = members.pop(a) + members.pop(b)
        colour[node] = new
        for i in members[node]:
            labels[i] = new
        frames.append(list(labels))
    return frames


def merge_frames(X, method="single", names=None, *, xlabel=None, ylabel=None, width=340, height=300):
    """The frames and captions of :func:`merge_player`, as ``(figures, captions)``.

    >>> figures, captions = merge_frames([[0, 0], [0, 1], [5, 5]], "single", names="abc")
    >>> len(figures), captions[1]
    (3, 'Step 1: a and b merge at 1; 2 clusters: {a, b}, {c}.')
    """
    from .hierarchy import linkage  # loaded only when a player is made, like plot
    from .plot import scatter

    X = as_matrix(X, "X", min_rows=2)
    n = len(X)
    names = _check_names(names, n)
    shown = [str(v) for v in names] if names is not None else [str(i) for i in range(n)]
    Z = linkage(X, method)
    colours = _merge_colours(Z, n)
    members = {i: [i] for i in range(n)}

    def named(node, braces=True):
        inside = ", ".join(shown[i] for i in sorted(members[node]))
        return "{" + inside + "}" if braces or len(members[node]) > 1 else inside

    alone = {-1: say("merge.alone")}  # the legend's name for the grey points, not "-1"

    def frame(i, title):
        return scatter(X, colours[i], point_labels=names, title=title, xlabel=xlabel, ylabel=ylabel,
                       width=width, height=height, label_names=alone)

    figures = [frame(0, say("merge.start"))]
    captions = [say("merge.start_caption", n=n)]
    for step, (a, b, h, _) in enumerate(Z, start=1):
        a, b = int(a), int(b)
        left, right = named(a, braces=False), named(b, braces=False)
        members[n + step - 1] = members.pop(a) + members.pop(b)
        clusters = sorted(members, key=lambda node: min(members[node]))
        listed = ", ".join(named(c) for c in clusters)
        figures.append(frame(step, say("merge.title", step=step)))
        count = len(clusters)
        captions.append(say("merge.caption_one" if count == 1 else "merge.caption_many", step=step, left=left,
                            right=right, height=_short(h), count=count, listed=listed))
    return figures, captions


def merge_player(X, method="single", names=None, *, title=None, xlabel=None, ylabel=None, width=340,
                 height=300):
    """A :class:`StepPlayer` of agglomerative clustering: the start, then one frame per merge.

    Each frame shows the points coloured by the clusters formed so far: a
    cluster keeps its colour from the merge that makes it to the end, and
    points still on their own are grey ("alone" in the legend).  The captions name the
    two clusters merged, the height and every cluster there is after it.

    >>> merge_player([[0, 0], [0, 1], [5, 5]], "single", names="abc", title="Three points")
    <StepPlayer 'Three points': 3 steps, showing step 1>
    """
    figures, captions = merge_frames(
        X, method, names, xlabel=xlabel, ylabel=ylabel, width=width, height=height
    )
    return StepPlayer(figures, captions, title=title)


__dir__ = public_names(__all__)  # dir() and tab completion show the module's own names
