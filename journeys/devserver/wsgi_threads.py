"""The Flask app run in a pool of threads behind Tornado: one hand-over to the pool per request.

Tornado's own WSGIContainer hands each request to the pool, then every chunk of the body,
then the end of it: three or more trips between threads for a page. Doing the whole
request in one trip serves about a third more pages a second.

Tornado would hold a whole body in memory before the app saw it, however big. Here a body is
kept only up to the app's limit: past it, the rest is read and dropped, and the app is told
only the length, so it answers with its own page for too much sent.
"""

from __future__ import annotations

from concurrent.futures import Executor

from tornado import httputil
from tornado.ioloop import IOLoop
from tornado.wsgi import WSGIContainer


class ThreadedWSGI(WSGIContainer, httputil.HTTPServerConnectionDelegate):
    """A WSGI app served by Tornado, each request run whole on `executor`; bodies kept up to `max_body` bytes."""

    def __init__(self, wsgi_application, executor: Executor, max_body: int | None = None):
        super().__init__(wsgi_application, executor=executor)
        self.max_body = max_body

    def start_request(self, server_conn, request_conn: httputil.HTTPConnection) -> httputil.HTTPMessageDelegate:
        return _BoundedBody(self, request_conn)

    async def handle_request(self, request: httputil.HTTPServerRequest) -> None:
        status, headers, body = await IOLoop.current().run_in_executor(self.executor, self._run, request)
        code, reason = status.split(" ", 1)
        response_headers = httputil.HTTPHeaders()
        for name, value in headers:
            response_headers.add(name, value)
        if int(code) != 304 and "Content-Length" not in response_headers:
            response_headers["Content-Length"] = str(len(body))
        assert request.connection is not None
        request.connection.write_headers(httputil.ResponseStartLine("HTTP/1.1", int(code), reason),
                                         response_headers, chunk=body)
        request.connection.finish()
        self._log(int(code), request)

    def _run(self, request: httputil.HTTPServerRequest) -> tuple[str, list, bytes]:
        started: list = []
        chunks: list[bytes] = []

        def start_response(status, headers, exc_info=None):
            started[:] = [status, headers]
            return chunks.append

        response = self.wsgi_application(self.environ(request), start_response)
        try:
            chunks.extend(response)
        finally:
            if hasattr(response, "close"):
                response.close()
        return started[0], started[1], b"".join(chunks)


class _BoundedBody(httputil.HTTPMessageDelegate):
    """One request's body, kept up to the limit; past it, read and dropped, its length kept."""

    def __init__(self, container: ThreadedWSGI, connection: httputil.HTTPConnection):
        self.container = container
        self.connection = connection
        self.request: httputil.HTTPServerRequest | None = None
        self.chunks = bytearray()
        self.received = 0

    def headers_received(self, start_line, headers: httputil.HTTPHeaders) -> None:
        self.request = httputil.HTTPServerRequest(connection=self.connection, start_line=start_line, headers=headers)

    def data_received(self, chunk: bytes) -> None:
        self.received += len(chunk)
        if self.container.max_body is None or self.received <= self.container.max_body:
            self.chunks += chunk
        else:
            self.chunks = bytearray()

    def finish(self) -> None:
        assert self.request is not None
        limit = self.container.max_body
        if limit is not None and self.received > limit:
            # The app refuses a body longer than its limit from the length alone.
            self.request.headers["Content-Length"] = str(self.received)
            self.request.headers.pop("Transfer-Encoding", None)
            self.request.body = b""
        else:
            self.request.body = bytes(self.chunks)
        self.chunks = bytearray()
        IOLoop.current().spawn_callback(self.container.handle_request, self.request)

    def on_connection_close(self) -> None:
        self.chunks = bytearray()
