"""axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules, run on a page in the browser."""

from __future__ import annotations

from pathlib import Path

from journeys.site_checks.findings import Finding

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


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
            findings.append(Finding(
                page=path, check="accessibility", rule=violation["id"],
                element=" ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"]),
                message=violation["help"],
                fix=violation["helpUrl"].split("?")[0],  # the rule's page says how to fix it
            ))
    return findings


