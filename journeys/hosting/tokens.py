"""Participant links' tokens: signed with the secret key, so only someone holding it can make one, and expiring."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from itsdangerous import BadSignature, URLSafeSerializer

PATH = "/_journeys/join"
SALT = "journeys-participant-link"


@dataclass(frozen=True)
class Ticket:
    """What a link holds: the scenario (None: a blank session at the home page), its own id, and when it expires."""

    scenario: str | None
    id: str
    expires: float


class LinkRefused(Exception):
    """A link that cannot be used: `expired` says whether it is only too old, else it was changed or made elsewhere."""

    def __init__(self, expired: bool):
        self.expired = expired


def make_link(secret_key: str, base_url: str, scenario: str | None, lasts: float, now: float | None = None) -> str:
    """A participant link for `scenario`, usable for `lasts` seconds from now."""
    expires = int((time.time() if now is None else now) + lasts)
    token = URLSafeSerializer(secret_key, salt=SALT).dumps([scenario or "", secrets.token_urlsafe(12), expires])
    return base_url.rstrip("/") + PATH + "?" + urlencode({"link": token})


def read_link(secret_key: str, token: str, now: float | None = None) -> Ticket:
    """The ticket a link's token holds; LinkRefused if it was changed or has expired."""
    try:
        scenario, link_id, expires = URLSafeSerializer(secret_key, salt=SALT).loads(token)
    except (BadSignature, ValueError, TypeError):
        raise LinkRefused(expired=False) from None
    if (time.time() if now is None else now) > expires:
        raise LinkRefused(expired=True)
    return Ticket(scenario or None, str(link_id), float(expires))
