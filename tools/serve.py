"""Serve the built site on localhost with the MIME types Pyodide needs.

``python tools/serve.py [--port 8000] [--dir site]``; also imported by the tests.
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


class QuietServer(http.server.ThreadingHTTPServer):
    """Ignores clients that hang up early (a browser closing a page mid-download)."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def start(directory: Path = SITE, port: int = 0, host: str = "127.0.0.1", handler_class=None):
    """Start a threaded server in the background; return (server, base URL)."""
    handler = functools.partial(handler_class or SiteHandler, directory=str(directory))
    server = QuietServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dir", type=Path, default=SITE)
    args = parser.parse_args()
    if not (args.dir / "index.html").exists():
        raise SystemExit(f"{args.dir}/index.html is missing; run `make build` first.")
    handler = functools.partial(SiteHandler, directory=str(args.dir))
    with QuietServer(("127.0.0.1", args.port), handler) as server:
        print(f"Serving {args.dir} at http://127.0.0.1:{args.port}/  (Ctrl+C stops)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
