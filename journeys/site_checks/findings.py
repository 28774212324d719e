"""What a browser check found: on which page, which rule, which element, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby


@dataclass(frozen=True, order=True)
class Finding:
    page: str  # the URL path, as a person would type it
    check: str  # accessibility, html, link or scenario
    rule: str
    element: str
    message: str
    fix: str = ""


def report(findings: list[Finding], pages: int, seconds: float) -> str:
    """One readable report, grouped by page."""
    if not findings:
        return f"No problems found on {pages} pages ({seconds:.1f} s)."
    lines = [f"{len(findings)} problem{'s' if len(findings) != 1 else ''} found on {pages} pages ({seconds:.1f} s):"]
    for page, found in groupby(sorted(set(findings)), key=lambda f: f.page):
        lines.append(f"\n{page}")
        for finding in found:
            lines.append(f"  [{finding.check}: {finding.rule}] {finding.message}")
            if finding.element:
                lines.append(f"    element: {finding.element}")
            if finding.fix:
                lines.append(f"    fix: {finding.fix}")
    return "\n".join(lines)
