"""Run a live cell's code and render its output as HTML.

The same module runs at build time in CPython (pre-rendering) and in the
browser in Pyodide (the worker imports it), so both produce identical HTML.

>>> ns = new_namespace()
>>> print(run_cell("x = 6 * 7\\nprint('x is', x)\\nx / 2", ns).html)
<pre class="lc-out lc-stdout">x is 42
</pre><pre class="lc-out lc-result">21.0</pre>
>>> result = run_cell("1 +", ns)
>>> result.ok, result.error
(False, 'SyntaxError')
"""

from __future__ import annotations

import ast
import html
import json
import keyword
import sys
import traceback
import warnings
from dataclasses import dataclass

__all__ = ["MAX_RECURSION_LIMIT", "MAX_TEXT", "Buffer", "CellResult", "capped_setrecursionlimit", "export_variable",
           "new_namespace", "render", "run_cell", "set_buffer"]

#: Text longer than this (per stream) is cut, so a runaway print cannot
#: freeze the page; the cut is announced in the output.
MAX_TEXT = 100_000


#: The highest recursion limit the browser's Python is given.  An exception
#: raised more than about 3,100 Python frames deep overflows Chromium's stack
#: while Python unwinds it (about 3,150 in Chromium 156; Firefox and WebKit
#: allow more), and that is a fatal error of Pyodide, not a RecursionError.
#: Plain calls that return go far deeper safely.  README.md, "A Python that
#: dies is replaced", says how it was measured.
MAX_RECURSION_LIMIT = 2500


def capped_setrecursionlimit(limit, _set=sys.setrecursionlimit) -> None:
    """``sys.setrecursionlimit``, lowered to :data:`MAX_RECURSION_LIMIT` with a warning.

    The worker's Python puts it in the place of ``sys.setrecursionlimit``, so
    that ``sys.setrecursionlimit(100000)`` and an endless recursion end in a
    RecursionError instead of a dead Python.

    >>> import warnings
    >>> got = []
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     capped_setrecursionlimit(100000, _set=got.append)
    >>> got, str(caught[0].message)[:37]
    ([2500], 'sys.setrecursionlimit(100000) is 2500')
    """
    if isinstance(limit, int) and not isinstance(limit, bool) and limit > MAX_RECURSION_LIMIT:
        warnings.warn(
            f"sys.setrecursionlimit({limit}) is {MAX_RECURSION_LIMIT} here: in the browser, a recursion "
            "much deeper than that crashes Python instead of raising RecursionError. A function that "
            "must go deeper can be written with a loop.",
            RuntimeWarning,
            stacklevel=2,
        )
        limit = MAX_RECURSION_LIMIT
    _set(limit)


if sys.platform == "emscripten":  # the browser's Python, not the build's
    sys.setrecursionlimit = capped_setrecursionlimit


@dataclass
class CellResult:
    """What a cell produced: ``html`` to show, ``ok`` and the error's type name.

    ``items`` are the outputs behind the HTML, ``[kind, text]`` in order (kind:
    stdout, stderr, result, error, svg or html), for livecells.notebook.
    """

    html: str
    ok: bool
    error: str | None = None
    items: list | None = None


class _Output:
    """Collects the cell's output items in the order they happen."""

    def __init__(self):
        self.items: list[list[str]] = []  # [kind, text]

    def add(self, kind: str, text: str) -> None:
        if self.items and self.items[-1][0] == kind and kind in ("stdout", "stderr"):
            self.items[-1][1] += text
        else:
            self.items.append([kind, text])


class _Stream:
    """A write-only text stream feeding one kind of output."""

    def __init__(self, output: _Output, kind: str):
        self._output = output
        self._kind = kind

    def write(self, text) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._output.add(self._kind, text)
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


_current: _Output | None = None


def display(*objects) -> None:
    """Show each object below the cell: SVG or HTML if it has a rich repr, else its repr.

    Works like Jupyter's ``display``; ``clusterlab.plot`` figures appear as pictures.
    """
    if _current is None:
        raise RuntimeError("display() can only be used inside a live cell.")
    for obj in objects:
        _current.add(*_rich(obj))


def _rich(obj) -> tuple[str, str]:
    for method, kind in (("_repr_svg_", "svg"), ("_repr_html_", "html")):
        fn = getattr(type(obj), method, None)
        if fn is not None:
            content = fn(obj)
            if content:
                return kind, content
    return "result", repr(obj)


def new_namespace() -> dict:
    """A fresh session namespace: like ``__main__`` of a notebook, plus ``display``."""
    return {"__name__": "__main__", "__builtins__": __builtins__, "display": display}


def _split_last_expression(tree: ast.Module):
    """Split a module into (statements, final expression or None), like Jupyter."""
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = tree.body.pop()
        return tree, ast.Expression(last.value)
    return tree, None


def _format_error(exc: BaseException, filename: str, source: str) -> str:
    """Traceback restricted to the cell's own lines, then the exception itself."""
    lines = source.splitlines()
    out = []
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        lineno = exc.lineno or 0
        out.append(f"Cell line {lineno}\n")
        if 1 <= lineno <= len(lines):
            out.append(f"    {lines[lineno - 1].strip()}\n")
        out.append(f"{type(exc).__name__}: {exc.msg}\n")
        return "".join(out)
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]
    if frames:
        out.append("Traceback (cell lines, most recent call last):\n")
    previous, repeats = None, 0
    for frame in frames + [None]:
        here = frame and (frame.lineno, frame.name)
        if here == previous:
            repeats += 1
            if repeats >= _SAME_FRAMES_SHOWN:
                continue
        else:
            if repeats >= _SAME_FRAMES_SHOWN:  # as CPython: three alike, then how many more
                more = repeats - _SAME_FRAMES_SHOWN + 1
                out.append(f"  [Previous line repeated {more} more time{'s' * (more != 1)}]\n")
            previous, repeats = here, 0
        if frame is None:
            break
        where = "" if frame.name == "<module>" else f", in {frame.name}"
        out.append(f"  Cell line {frame.lineno}{where}\n")
        if frame.lineno and 1 <= frame.lineno <= len(lines):
            out.append(f"    {lines[frame.lineno - 1].strip()}\n")
    out.extend(traceback.format_exception_only(type(exc), exc))
    return "".join(out)


_SAME_FRAMES_SHOWN = 3  # CPython's traceback shows a repeated line three times


def _clip(text: str) -> str:
    if len(text) <= MAX_TEXT:
        return text
    return text[:MAX_TEXT] + f"\n... output cut after {MAX_TEXT:,} characters ...\n"


_CLASSES = {"stdout": "lc-stdout", "stderr": "lc-stderr", "result": "lc-result", "error": "lc-error"}


def render(items) -> str:
    """Render output items ``[kind, text]`` as HTML (rich items are inserted as they are)."""
    parts = []
    for kind, text in items:
        if kind in ("html", "svg"):
            parts.append(f'<div class="lc-out lc-rich">{text}</div>')
        else:
            role = ' role="alert"' if kind == "error" else ""
            parts.append(
                f'<pre class="lc-out {_CLASSES[kind]}"{role}>{html.escape(_clip(text), quote=False)}</pre>'
            )
    return "".join(parts)


#: Per-session state of the libraries the cells use.  A module that keeps a
#: reader's setting in a global (clusterlab's language, ``set_language``)
#: declares it as ``__session_state__ = (get, set, default)``.  Each session
#: (page) keeps its own value, the default until it sets one, so that a
#: Norwegian page never changes another page's words; outside a cell the
#: default holds.  The runner knows no library by name.  The session's values
#: are kept in its namespace under this same key, by module name.
STATE_KEY = "__session_state__"


def _declared_state():
    """(module name, (get, set, default)) for every imported module that declares session state."""
    for name, module in list(sys.modules.items()):
        declared = getattr(module, "__dict__", {}).get(STATE_KEY)  # never a module's __getattr__
        if declared is not None:
            yield name, declared


def _enter_session(namespace: dict) -> None:
    kept = namespace.get(STATE_KEY, {})
    for name, (_get, set_, default) in _declared_state():
        set_(kept.get(name, default))


def _leave_session(namespace: dict) -> None:
    kept = namespace.setdefault(STATE_KEY, {})
    for name, (get, set_, default) in _declared_state():
        kept[name] = get()
        set_(default)


def run_cell(source: str, namespace: dict, filename: str = "<cell>") -> CellResult:
    """Run ``source`` in ``namespace``; return the rendered output and whether it raised."""
    global _current
    output = _Output()
    saved = sys.stdout, sys.stderr, _current
    sys.stdout, sys.stderr, _current = _Stream(output, "stdout"), _Stream(output, "stderr"), output
    error = None
    _enter_session(namespace)
    try:
        try:
            tree = ast.parse(source, filename=filename, mode="exec")
            body, last = _split_last_expression(tree)
            exec(compile(body, filename, "exec"), namespace)  # noqa: S102 - running the cell is the point
            if last is not None:
                value = eval(compile(last, filename, "eval"), namespace)
                if value is not None:
                    output.add(*_rich(value))
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - the reader's code may raise anything
            error = type(exc).__name__
            output.add("error", _format_error(exc, filename, source))
    finally:
        sys.stdout, sys.stderr, _current = saved
        _leave_session(namespace)
    return CellResult(render(output.items), error is None, error, output.items)


# ------------------------------------------------------------ buffer hand-over
# The page's own script can put raw bytes (an image's RGBA pixels, say) into the
# page's Python session as a named variable, and read one back: README.md,
# "Handing a buffer to Python".  web/worker_client.js (Runtime.setVariable and
# getVariable) sends them to web/worker.mjs, which calls these two functions.


@dataclass(frozen=True)
class Buffer:
    """Bytes handed over by the page: ``data`` (read-only memoryview), ``width``, ``height``, ``channels``.

    An image's pixels row by row, e.g. a canvas's RGBA (``channels=4``), as
    ``clusterlab.quantize.quantize`` takes them.

    >>> ns = new_namespace()
    >>> img = set_buffer(ns, "image", bytes([255, 0, 0, 255, 0, 0, 255, 255]), 2, 1)
    >>> ns["image"].width, ns["image"].height, ns["image"].data[4:8].tolist()
    (2, 1, [0, 0, 255, 255])
    """

    data: memoryview
    width: int
    height: int
    channels: int = 4

    def __repr__(self) -> str:
        return f"<Buffer {self.width} x {self.height} x {self.channels} bytes>"


def _check_name(name) -> str:
    if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name):
        raise ValueError(f"the variable name must be a Python identifier such as 'image', got {name!r}.")
    return name


def _positive(value, what) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{what} must be a whole number >= 1, got {value!r}.")
    return value


def set_buffer(namespace: dict, name: str, data, width: int, height: int, channels: int = 4) -> Buffer:
    """Put ``data`` into ``namespace[name]`` as a :class:`Buffer`; checks its size.

    ``data`` is bytes-like, or (in the browser) a JavaScript typed array,
    which is copied into Python once (``to_bytes()``).
    """
    _check_name(name)
    for value, what in ((width, "width"), (height, "height"), (channels, "channels")):
        _positive(value, what)
    if hasattr(data, "to_bytes") and not isinstance(data, (bytes, bytearray, memoryview)):
        data = data.to_bytes()  # a Pyodide JsProxy of a Uint8Array
    try:
        view = memoryview(data).cast("B")
    except TypeError:
        raise TypeError(f"data must be bytes-like (bytes, bytearray, memoryview), got {type(data).__name__}.") from None
    if len(view) != width * height * channels:
        raise ValueError(
            f"data has {len(view)} bytes but width*height*channels = {width}*{height}*{channels} = "
            f"{width * height * channels}; send the whole image (ImageData.data of the same canvas)."
        )
    buffer = Buffer(view.toreadonly(), width, height, channels)
    namespace[name] = buffer
    return buffer


def export_variable(namespace: dict, name: str) -> tuple[str, bytes | None]:
    """``namespace[name]`` for the page: (JSON text, bytes or None).

    A :class:`Buffer` gives ``{"width", "height", "channels"}`` and its bytes,
    bytes-like values give ``null`` and their bytes, anything else its JSON.

    >>> ns = new_namespace()
    >>> ns["result"] = {"mse": 12.5, "palette": [(1, 2, 3)]}
    >>> export_variable(ns, "result")
    ('{"mse": 12.5, "palette": [[1, 2, 3]]}', None)
    """
    _check_name(name)
    if name not in namespace:
        raise KeyError(f"the session has no variable {name!r}; run the code that makes it first.")
    value = namespace[name]
    if isinstance(value, Buffer):
        return json.dumps({"width": value.width, "height": value.height, "channels": value.channels}), bytes(value.data)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "null", bytes(value)
    try:
        return json.dumps(value, allow_nan=False), None
    except (TypeError, ValueError) as exc:
        raise TypeError(
            f"{name} cannot be sent to the page as JSON ({exc}); use numbers, strings, lists and dicts, or bytes."
        ) from None
