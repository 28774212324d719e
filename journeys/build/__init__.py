"""The build: every page frozen through the app by Frozen-Flask, into a folder that replaces dist/ whole."""

from journeys.build.freeze_site import Summary, build

__all__ = ["Summary", "build"]
