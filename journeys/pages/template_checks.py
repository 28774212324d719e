"""Mistakes in a Jinja template that would break it when it renders: unknown filters and tests, and names a page never has."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError, meta, nodes

from journeys.problems import ContentError, Problem, did_you_mean, read_text, syntax_problem
from journeys.rendering.environment import PAGE_NAMES, add_macros

_ENVIRONMENT = Environment()  # parsing only: Jinja's own filters, tests and globals, and the GOV.UK macros
add_macros(_ENVIRONMENT)
FILTERS = {*_ENVIRONMENT.filters, "tojson"}  # Flask adds tojson
TESTS = set(_ENVIRONMENT.tests)
NAMES = {*_ENVIRONMENT.globals, *PAGE_NAMES}


def template_problems(path: Path, name: str, page: bool) -> list[Problem]:
    """Every mistake in the template at `path` (named `name` in messages); `page`: a page file, which sees only NAMES."""
    try:
        tree = _ENVIRONMENT.parse(read_text(path, name), filename=str(path))
    except ContentError as error:
        return error.problems
    except TemplateSyntaxError as error:
        return [syntax_problem(error, name)]
    problems = []
    for node in tree.find_all((nodes.Filter, nodes.Test)):
        kind, known = ("filter", FILTERS) if isinstance(node, nodes.Filter) else ("test", TESTS)
        if node.name not in known:
            problems.append(Problem(name, node.lineno, f"there is no {kind} called '{node.name}'",
                                    did_you_mean(node.name, known) or f"Check its spelling: Jinja's {kind}s are listed at "
                                    f"https://jinja.palletsprojects.com/en/stable/templates/#list-of-builtin-{kind}s"))
    if page and not problems:  # Jinja's search for names stops at an unknown filter
        problems += _unknown_names(tree, name)
    return problems


def _unknown_names(tree: nodes.Template, name: str) -> list[Problem]:
    # A page renders with nothing but NAMES: any other name it reads is empty, or fails when called.
    # A name set anywhere in the page counts: a {% set %} outside the blocks is seen inside them.
    set_here = {node.name for node in tree.find_all(nodes.Name) if node.ctx in ("store", "param")}
    unknown = meta.find_undeclared_variables(tree) - NAMES - set_here
    problems, seen = [], set()
    for node in tree.find_all(nodes.Name):
        if node.ctx == "load" and node.name in unknown and node.name not in seen:
            seen.add(node.name)
            problems.append(Problem(name, node.lineno, f"there is nothing called '{node.name}' on this page",
                                    did_you_mean(node.name, NAMES) or "A page sees the answers (data and answer()), "
                                    "serviceName and phase, the GOV.UK macros (such as govukButton), and what it sets itself."))
    return problems
