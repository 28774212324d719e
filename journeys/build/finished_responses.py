"""The build app's responses, finished for the frozen site, so Frozen-Flask writes the final bytes.

Pages are rendered as the live server renders them, then their URLs are moved under the base
URL with CSS and JS linked by their hashed names (rewrite.py says why the output is rewritten
rather than the rendering changed). Files the asset pipeline finishes (CSS and JS with their
URLs rewritten) are sent as finished in place of the file on disk.
"""

from __future__ import annotations

from flask import Flask, Response, request

from journeys.build import rewrite
from journeys.build.hashed_assets import Assets


def finish_responses(app: Flask, base: str, assets: Assets) -> None:
    """Make every response of the build app `app` what the site served at `base` sends."""

    def to_url(url: str) -> str:
        return base.rstrip("/") + assets.hashed.get(url, url)

    @app.after_request
    def finish(response: Response) -> Response:
        finished = assets.files.get(request.path)
        if finished is not None:
            response.close()  # the file the view opened
            return app.response_class(finished, status=response.status, mimetype=response.mimetype)
        if response.mimetype == "text/html":
            response.set_data(rewrite.html(response.get_data(as_text=True), to_url))
        return response
