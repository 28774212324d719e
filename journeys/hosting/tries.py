"""Wrong passwords from one address are slowed down: a few at once, then one every few seconds.

The tries are kept where the answers are (Redis when there is one, so every instance counts
them together), under a keyed hash of the address: the address itself is never stored.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time

from journeys.web.answer_store import AnswerStore

FREE_TRIES = 5  # wrong passwords from one address before each further try must wait
WAIT = 10  # seconds between tries after those
WINDOW = 15 * 60  # seconds after which a wrong try no longer counts


class Tries:
    """Wrong passwords per address, in `store`."""

    def __init__(self, store: AnswerStore, secret_key: str):
        self.store = store
        self.key = secret_key.encode()

    def wait(self, address: str, now: float | None = None) -> int:
        """Seconds before `address` may try again (0: now)."""
        now = time.time() if now is None else now
        recent = self._recent(self.store.load(self._name(address)), now)
        if len(recent) < FREE_TRIES:
            return 0
        return max(0, math.ceil(max(recent) + WAIT - now))

    def wrong(self, address: str, now: float | None = None) -> None:
        """Count a wrong password from `address` (and forget its tries too old to count)."""
        now = time.time() if now is None else now
        name = self._name(address)
        known = self.store.load(name)
        old = [stamp for stamp in known if float(stamp) <= now - WINDOW]
        self.store.update(name, {f"{now:.6f}": 1}, remove=old)

    def _name(self, address: str) -> str:
        # ':' never appears in a session id, so these never meet a person's answers.
        return "tries:" + hmac.new(self.key, address.encode(), hashlib.sha256).hexdigest()[:32]

    @staticmethod
    def _recent(tries: dict, now: float) -> list[float]:
        return [float(stamp) for stamp in tries if float(stamp) > now - WINDOW]
