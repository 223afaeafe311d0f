"""A real HTTP server on 127.0.0.1 for the fetching and feed tests, serving the pages in site/.

Besides the files (feeds answer conditional requests with 304), it serves a redirect, a redirect
loop, a redirect to a private address, a 404, a slow response, an oversized response (with and
without Content-Length) and a binary file. Tests may change a page or a feed variable while it runs.
"""

from __future__ import annotations

import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE = Path(__file__).resolve().parent / "site"

# How each file is labelled on the wire: the Big5 page declares its charset only in a meta tag;
# the GB18030 page is labelled GB2312 (as many mainland sites do) but uses GB18030 characters.
CONTENT_TYPES = {
    "/articles/tw-big5.html": "text/html",
    "/articles/cn-gb18030.html": "text/html; charset=GB2312",
    "/articles/en-utf8.html": "text/html; charset=utf-8",
    "/articles/tw-utf8.html": "text/html",
    "/articles/cn-utf8.html": "text/html; charset=UTF-8",
    "/feeds/rss.xml": "application/rss+xml; charset=utf-8",
    "/feeds/atom.xml": "application/atom+xml",
}
LAST_MODIFIED = "Mon, 20 Oct 2025 03:00:00 GMT"


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A client that stops reading (the size cap, the timeout) breaks the pipe; that is the point.
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    def __init__(self, *, slow_seconds: float = 3.0, huge_bytes: int = 3_000_000) -> None:
        self.slow_seconds = slow_seconds
        self.huge_bytes = huge_bytes
        self.variables: dict[str, str] = {"TW_UPDATED": "2025-10-20T03:00:00Z"}
        self.overrides: dict[str, bytes] = {}  # path -> replacement body (same content type)
        self.requests: list[tuple[str, dict[str, str]]] = []  # (path, headers) of every request
        self._lock = threading.Lock()
        handler = type("Handler", (_Handler,), {"site": self})
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.variables["BASE"] = self.base_url
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)

    def start(self) -> SiteServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return self.base_url + path

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for p, _ in self.requests if p == path)

    def body(self, path: str) -> bytes | None:
        if path in self.overrides:
            data = self.overrides[path]
        else:
            file = (SITE / path.lstrip("/")).resolve()
            if SITE not in file.parents or not file.is_file():
                return None
            data = file.read_bytes()
        if path.startswith("/feeds/"):
            for name, value in self.variables.items():
                data = data.replace(b"{{" + name.encode() + b"}}", value.encode())
        return data


class _Handler(BaseHTTPRequestHandler):
    site: SiteServer
    protocol_version = "HTTP/1.1"

    def log_message(self, *_args) -> None:  # keep test output quiet
        return

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = self.path.split("?", 1)[0]
        with self.site._lock:
            self.site.requests.append((path, dict(self.headers)))
        if path == "/redirect/en":
            self._send(302, headers={"Location": "/articles/en-utf8.html"})
        elif path == "/redirect/loop":
            self._send(302, headers={"Location": "/redirect/loop"})
        elif path == "/redirect/private":
            self._send(302, headers={"Location": "http://10.1.2.3/internal/admin"})
        elif path == "/redirect/metadata":
            self._send(301, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
        elif path == "/slow":
            time.sleep(self.site.slow_seconds)
            self._send(200, b"<html><body><p>late</p></body></html>", {"Content-Type": "text/html"})
        elif path == "/huge":
            self._send(200, b"<html><body><p>" + b"x" * self.site.huge_bytes + b"</p></body></html>",
                       {"Content-Type": "text/html"})
        elif path == "/huge-chunked":
            # No Content-Length: the size is only known by reading, so the cap must stop the read.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<p>" + b"y" * 65_536 + b"</p>"
            try:
                for _ in range(self.site.huge_bytes // len(chunk) + 1):
                    self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/file.pdf":
            self._send(200, b"%PDF-1.4\n" + bytes(range(256)) * 20, {"Content-Type": "application/pdf"})
        else:
            body = self.site.body(path)
            if body is None:
                self._send(404, b"<html><body>Not found</body></html>", {"Content-Type": "text/html"})
                return
            headers = {"Content-Type": CONTENT_TYPES.get(path, "text/html")}
            if path.startswith("/feeds/"):
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                headers.update(ETag=etag, **{"Last-Modified": LAST_MODIFIED})
                if self.headers.get("If-None-Match") == etag:
                    self._send(304, headers={"ETag": etag})
                    return
            self._send(200, body, headers)
