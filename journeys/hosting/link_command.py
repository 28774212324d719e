"""`journeys link`: participant links for a scenario, made with the hosted prototype's secret key."""

from __future__ import annotations

import os
import sys
import time
from urllib.parse import urlsplit

from journeys.hosting.settings import DEFAULT_PORT, MAKE_A_KEY, duration
from journeys.hosting.tokens import make_link
from journeys.problems import ContentError, Problem, did_you_mean
from journeys.project import Project
from journeys.prototype import read_prototype


def print_links(project: str, scenario: str | None, expires: str, base_url: str | None, count: int,
                environ=os.environ) -> int:
    """Print `count` links, one a line; the exit status (1, with every problem, if one cannot be made)."""
    try:
        links = participant_links(project, scenario, expires, base_url, count, environ)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print("\n".join(links))
    lasts = duration(expires, "--expires")
    until = time.strftime("%d %B %Y at %H:%M", time.localtime(time.time() + lasts))
    print(f"Each link lets one person in, until {until}. Send each participant their own.", file=sys.stderr)
    return 0


def participant_links(project: str, scenario: str | None, expires: str, base_url: str | None, count: int,
                      environ=os.environ) -> list[str]:
    """The links; ContentError with every problem found."""
    problems = []
    secret_key = environ.get("SECRET_KEY", "")
    if not secret_key:
        problems.append(Problem("SECRET_KEY", None, "is not set: links are signed with the hosted prototype's key",
                                "Set SECRET_KEY to the key the prototype is hosted with (not a new one: "
                                f"links signed with another key do not work). To make a key: {MAKE_A_KEY}"))
    try:
        lasts = duration(expires, "--expires")
    except ContentError as error:
        problems += error.problems
    url = base_url or environ.get("JOURNEYS_BASE_URL") or f"http://127.0.0.1:{environ.get('PORT') or DEFAULT_PORT}"
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        problems.append(Problem("--base-url", None, f"'{url}' is not a web address",
                                "Give the prototype's address as participants will open it: "
                                "--base-url https://research.example.gov.uk"))
    if count < 1:
        problems.append(Problem("--count", None, f"'{count}' links cannot be made", "Give a number of links from 1."))
    if scenario:
        known = read_prototype(Project.at(project)).scenarios
        if scenario not in known:
            names = ", ".join(sorted(known)) or "none: add one to data/scenarios/"
            problems.append(Problem(f"data/scenarios/{scenario}.yaml", None, f"there is no scenario called '{scenario}'",
                                    did_you_mean(scenario, known) or f"The scenarios are: {names}"))
    if problems:
        raise ContentError(problems)
    return [make_link(secret_key, url, scenario, lasts) for _ in range(count)]
