"""Serve the built site on localhost with the MIME types Pyodide needs.

``python tools/serve.py [--port 8000] [--dir site] [--prefix /clusterlab/]``; also
imported by the tests.  With ``--prefix`` it serves the site as GitHub Pages
serves a project site (PagesHandler); build it for that address first:
``SITE_URL=http://127.0.0.1:8000/clusterlab/ python tools/build_site.py --out DIR``.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import io
import re
import sys
import threading
from pathlib import Path
from typing import ClassVar

SITE = Path(__file__).resolve().parent.parent / "site"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".webmanifest": "application/manifest+json",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".woff2": "font/woff2",
    }

    def log_message(self, format, *args):  # quiet: tests and `make serve` stay readable
        pass

    def send_head(self):
        """Serve sitemap.xml with this server's origin in its URLs.

        Material's instant navigation only follows links listed in the sitemap,
        which names the site URL of the build; locally the site lives elsewhere
        (any port), so the listed URLs are rewritten to where it is served.
        """
        if self.path.split("?")[0].endswith("/sitemap.xml"):
            return self._local_sitemap()
        return super().send_head()

    def _local_sitemap(self):
        path = Path(self.translate_path(self.path.split("?")[0]))
        if not path.is_file():
            return super().send_head()
        text = path.read_text(encoding="utf-8")
        locs = re.findall(r"<loc>([^<]+)</loc>", text)
        if locs:
            # The shortest URL is the home page of the sitemap's language: the
            # site URL, or below it the language's folder (nb/sitemap.xml).
            folder = self.path.split("?")[0].rsplit("/", 1)[0].lstrip("/")
            home = min(locs, key=len)
            site = home[: len(home) - len(folder) - 1] if folder and home.endswith(f"/{folder}/") else home
            text = text.replace(f"<loc>{site}", f"<loc>http://{self.headers.get('Host', 'localhost')}/")
        body = text.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class PagesHandler(SiteHandler):
    """Serves the site only under ``prefix``, as GitHub Pages serves a project site.

    Every other path is a 404; a missing file under the prefix gets the site's
    own 404.html; the sitemap goes out as built.  Each request's path is
    appended to ``requested``.  start(prefix=...) makes a subclass per server.
    """

    prefix = "/"
    requested: ClassVar[list[str]] = []

    def send_head(self):
        self.requested.append(self.path)
        path = self.path.split("?")[0]
        if path == self.prefix.rstrip("/"):  # Pages adds the slash
            self.send_response(301)
            self.send_header("Location", self.prefix)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if not path.startswith(self.prefix):
            self.send_error(404, f"outside the site's sub-path {self.prefix}")
            return None
        return http.server.SimpleHTTPRequestHandler.send_head(self)

    def translate_path(self, path):
        return super().translate_path("/" + path[len(self.prefix):] if path.startswith(self.prefix) else path)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not self.path.startswith(self.prefix) or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


class QuietServer(http.server.ThreadingHTTPServer):
    """Ignores clients that hang up early (a browser closing a page mid-download)."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def pages_handler(prefix: str) -> type[PagesHandler]:
    """A PagesHandler for the site at ``prefix`` (like "/clusterlab/"), with its own request log."""
    if not (prefix.startswith("/") and prefix.endswith("/") and len(prefix) > 1):
        raise ValueError(f"prefix must be a sub-path that starts and ends with '/', like '/clusterlab/', not {prefix!r}")
    return type("PagesHandler", (PagesHandler,), {"prefix": prefix, "requested": []})


def start(directory: Path = SITE, port: int = 0, host: str = "127.0.0.1", handler_class=None, prefix: str = "/"):
    """Start a threaded server in the background; return (server, the site's URL).

    A ``prefix`` other than "/" serves the site there as Pages does (PagesHandler);
    ``server.requested`` then lists the paths asked for, in order.
    """
    if prefix != "/":
        handler_class = pages_handler(prefix)
    handler = functools.partial(handler_class or SiteHandler, directory=str(directory))
    server = QuietServer((host, port), handler)
    server.requested = getattr(handler_class, "requested", None)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}{prefix}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dir", type=Path, default=SITE)
    parser.add_argument("--prefix", default="/", help="serve only under this path, as GitHub Pages serves a "
                        "project site (every other path is a 404); build with SITE_URL ending in it")
    args = parser.parse_args()
    if not (args.dir / "index.html").exists():
        raise SystemExit(f"{args.dir}/index.html is missing; run `make build` first.")
    try:
        handler_class = pages_handler(args.prefix) if args.prefix != "/" else SiteHandler
    except ValueError as error:
        raise SystemExit(f"--prefix: {error}") from None
    handler = functools.partial(handler_class, directory=str(args.dir))
    with QuietServer(("127.0.0.1", args.port), handler) as server:
        print(f"Serving {args.dir} at http://127.0.0.1:{args.port}{args.prefix}  (Ctrl+C stops)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
