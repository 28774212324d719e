"""The threads pages run in: daemon threads, so a page stuck in a loop never keeps the server alive.

concurrent.futures' ThreadPoolExecutor joins its threads when Python exits: after Ctrl-C, a
page rendering for ever would hold the server open for ever. These threads are abandoned at
exit instead, as a stopped server's unfinished pages should be.
"""

from __future__ import annotations

import queue
import threading
from concurrent.futures import Executor, Future


class PageThreads(Executor):
    """A fixed pool of daemon threads running submitted calls, first come first served."""

    def __init__(self, count: int, name: str = "journeys-page"):
        self._work: queue.SimpleQueue = queue.SimpleQueue()
        self._stopped = False
        for number in range(count):
            threading.Thread(target=self._run, name=f"{name}-{number}", daemon=True).start()

    def submit(self, fn, /, *args, **kwargs) -> Future:
        if self._stopped:
            raise RuntimeError("the page threads have stopped")
        future: Future = Future()
        self._work.put((future, fn, args, kwargs))
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Take no more work; with `cancel_futures`, drop what has not started. Never waits for a running page."""
        self._stopped = True
        while cancel_futures:
            try:
                self._work.get_nowait()[0].cancel()
            except queue.Empty:
                break

    def _run(self) -> None:
        while True:
            future, fn, args, kwargs = self._work.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args, **kwargs))
            except BaseException as error:  # handed to the request that asked, as concurrent.futures does
                future.set_exception(error)
