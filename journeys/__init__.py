"""Journeys: GOV.UK prototypes from YAML page flows, served live or frozen to static HTML."""

from journeys.web.app import create_app

__all__ = ["create_app"]
