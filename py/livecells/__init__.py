"""livecells: the machinery behind the course site's live Python cells.

- :mod:`livecells.runner` runs one cell's code in a session namespace and
  renders what it printed, displayed or raised as HTML.  It is standard-library
  only, because the very same code runs in CPython at build time (to
  pre-render every output) and in Pyodide in the reader's browser; that is
  what makes a browser run give exactly the pre-rendered output.
- :mod:`livecells.fence` turns a ```` ```python live ```` fence into the cell's
  HTML (build time only).
- ``mkdocs_hook.py`` wires the fence into MkDocs: one session per page.
"""
