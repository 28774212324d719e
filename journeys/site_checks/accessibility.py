"""axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules, run on a page in the browser."""

from __future__ import annotations

import re
from pathlib import Path

from journeys.site_checks.findings import Finding

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# GOV.UK Frontend's conditional reveal puts aria-expanded on the radio or checkbox that opens it.
# ARIA does not allow it there, and axe says so; GOV.UK keeps it on purpose, for screen reader
# users (govuk-frontend issues 979 and 2823). That one attribute on that one markup is let
# through: any other attribute, rule or element is still reported (docs/checks.md says so).
GOVUK_REVEAL_INPUT = re.compile(r'^<input class="govuk-(radios|checkboxes)__input"[^>]* aria-controls="conditional-[^"]+"')


def axe_source(node_modules: Path) -> str:
    """axe-core's script, from the folder journeys.site_checks.tools found."""
    return (node_modules / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


def check_accessibility(page, path: str, source: str) -> list[Finding]:
    """Every axe violation on the page open in `page`."""
    # Evaluated, not added as a <script>: the prototype's Content-Security-Policy blocks that.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(source)
    results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    findings = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            if govuk_reveal(violation["id"], node):
                continue
            findings.append(Finding(
                page=path, check="accessibility", rule=violation["id"],
                element=" ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"]),
                message=violation["help"],
                fix=violation["helpUrl"].split("?")[0],  # the rule's page says how to fix it
            ))
    return findings


def govuk_reveal(rule: str, node: dict) -> bool:
    """Whether axe's finding is only aria-expanded on a GOV.UK radio or checkbox that opens a conditional reveal."""
    if rule != "aria-allowed-attr" or not GOVUK_REVEAL_INPUT.match(node.get("html", "")):
        return False
    data = [check.get("data") for check in node.get("any", []) + node.get("all", []) + node.get("none", [])]
    values = [value for item in data if isinstance(item, dict) for value in item.get("values", [])]
    return bool(values) and all(isinstance(item, dict) for item in data) \
        and all(value.startswith('aria-expanded="') for value in values)
