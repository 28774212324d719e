"""The base of every reader of a designer's YAML: each problem noted against its line."""

from __future__ import annotations

from journeys.problems import Problem, did_you_mean
from journeys.yaml_files import YamlDocument


class DocumentReader:
    """Walks one YAML document, noting each problem against its line."""

    def __init__(self, document: YamlDocument):
        self.document = document
        self.problems: list[Problem] = []

    def problem(self, path: tuple, message: str, fix: str = "") -> None:
        self.problems.append(Problem(self.document.name, self.document.line(*path), message, fix))

    def keys(self, mapping: dict, allowed, path: tuple, what: str) -> None:
        for key in mapping:
            if key not in allowed:
                self.problem(path + (key,), f"unknown {what} key '{key}'",
                             did_you_mean(key, allowed) or f"{what.capitalize()} keys are: " + ", ".join(allowed))

    def text(self, mapping: dict, key: str, path: tuple, required: str = "") -> str:
        value = mapping.get(key)
        if value is None:
            if required:
                self.problem(path, f"'{key}' is missing", required)
            return ""
        if isinstance(value, (dict, list)):
            self.problem(path + (key,), f"'{key}' should be text, not a {'list' if isinstance(value, list) else 'mapping'}")
            return ""
        return str(value).strip() if not isinstance(value, bool) else ("true" if value else "false")

    def whole_number(self, mapping: dict, key: str, path: tuple, least: int) -> int | None:
        """A whole number of at least `least` under `key`, or None (noting a problem if it is not one)."""
        value = mapping.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            self.problem(path + (key,), f"'{key}' should be a whole number, {least} or more", f"For example:  {key}: {least + 1}")
            return None
        return value
