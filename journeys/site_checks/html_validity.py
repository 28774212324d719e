"""html-validate on every frozen page: markup the HTML standard does not allow."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from journeys.assets import PACKAGE_ROOT
from journeys.site_checks.findings import Finding

CONFIG = Path(__file__).parent / "html-validate.json"
HTML_VALIDATE = PACKAGE_ROOT / "node_modules" / "html-validate" / "bin" / "html-validate.mjs"


def check_html(site: Path, files: list[Path], url_of) -> list[Finding]:
    """Every html-validate error in `files` (pages of the frozen `site`); `url_of` names their pages."""
    if not HTML_VALIDATE.is_file():
        raise FileNotFoundError(f"{HTML_VALIDATE} is missing: run 'make check' (or 'npm ci') to install html-validate")
    result = subprocess.run(
        ["node", str(HTML_VALIDATE), "--config", str(CONFIG), "--formatter", "json", *map(str, files)],
        capture_output=True, text=True, cwd=site,
    )
    if result.returncode not in (0, 1) or not result.stdout.strip():
        raise RuntimeError(f"html-validate failed: {result.stderr or result.stdout}")
    findings = []
    for report in json.loads(result.stdout):
        for message in report["messages"]:
            findings.append(Finding(
                page=url_of(Path(report["filePath"])), check="html", rule=message["ruleId"],
                element=message.get("selector") or f"line {message['line']}",
                message=message["message"],
                fix=f"https://html-validate.org/rules/{message['ruleId']}.html",
            ))
    return findings
