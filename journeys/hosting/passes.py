"""The pass: a signed cookie saying this browser may see the prototype, given for the password or a participant link.

It names the password it was given for (by a keyed hash, never the password), so a new
password turns every earlier pass away; it lasts as long as answers are kept.
"""

from __future__ import annotations

import hashlib
import hmac

from flask import Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

COOKIE = "journeys_pass"


class Passes:
    """Makes and reads passes for one prototype's password."""

    def __init__(self, secret_key: str, password: str | None, lasts: float):
        self.signer = URLSafeTimedSerializer(secret_key, salt="journeys-pass")
        self.mark = hmac.new(secret_key.encode(), b"password:" + (password or "").encode(), hashlib.sha256).hexdigest()[:32]
        self.lasts = lasts

    def valid(self, cookie: str | None) -> bool:
        if not cookie:
            return False
        try:
            mark = self.signer.loads(cookie, max_age=self.lasts)
        except BadSignature:  # forged, changed, or too old
            return False
        return isinstance(mark, str) and hmac.compare_digest(mark, self.mark)

    def value(self) -> str:
        """A new pass, as the cookie holds it."""
        return self.signer.dumps(self.mark)

    def give(self, response: Response, secure: bool) -> Response:
        """Set the pass on `response`: HttpOnly, SameSite=Lax, and Secure over HTTPS."""
        response.set_cookie(COOKIE, self.value(), max_age=int(self.lasts), path="/",
                            secure=secure, httponly=True, samesite="Lax")
        return response
