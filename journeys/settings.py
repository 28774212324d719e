"""data/settings.yaml: the service's name and the phase banner's tag, checked."""

from __future__ import annotations

from pathlib import Path

from journeys.problems import ContentError, Problem, did_you_mean
from journeys.yaml_files import read_yaml

SETTINGS_FILE = "settings.yaml"  # in data/
SETTINGS = {
    "service_name": "the service's name, shown in the header",
    "phase": "the tag in the phase banner (default: Prototype)",
}


def read_settings(path: Path, name: str) -> dict:
    """data/settings.yaml as a dict, with its keys checked."""
    document = read_yaml(path, name)
    settings = document.data or {}
    if not isinstance(settings, dict):
        raise ContentError([Problem(document.name, 1, "settings should be a list of 'name: value' lines",
                                    "For example:  service_name: Book a bulky waste collection")])
    unknown = [
        Problem(document.name, document.line(key), f"unknown setting '{key}'",
                did_you_mean(key, SETTINGS) or "Settings are: " + ", ".join(SETTINGS))
        for key in settings if key not in SETTINGS
    ]
    if unknown:
        raise ContentError(unknown)
    return settings
