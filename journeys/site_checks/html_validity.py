"""html-validate on every frozen page: markup the HTML standard does not allow."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from journeys.site_checks.findings import Finding

CONFIG = Path(__file__).parent / "html-validate.json"


def check_html(site: Path, files: list[Path], url_of, node_modules: Path) -> list[Finding]:
    """Every html-validate error in `files` (pages of the frozen `site`); `url_of` names their pages."""
    html_validate = node_modules / "html-validate" / "bin" / "html-validate.mjs"
    # Into a file: Node cuts a long report short on a pipe (at about 128 KB) when it exits.
    with tempfile.TemporaryDirectory(prefix="journeys-html-") as folder:
        written = Path(folder) / "report.json"
        result = subprocess.run(
            [shutil.which("node") or "node", str(html_validate), "--config", str(CONFIG), "--formatter",
             f"json={written}", *map(str, files)],
            capture_output=True, text=True, cwd=site,
        )
        report_text = written.read_text() if written.exists() else ""
    if result.returncode not in (0, 1) or not report_text.strip():
        raise RuntimeError(f"html-validate failed: {result.stderr or result.stdout}")
    findings = []
    for report in json.loads(report_text):
        for message in report["messages"]:
            findings.append(Finding(
                page=url_of(Path(report["filePath"])), check="html", rule=message["ruleId"],
                element=message.get("selector") or f"line {message['line']}",
                message=message["message"],
                fix=f"https://html-validate.org/rules/{message['ruleId']}.html",
            ))
    return findings
