"""Mistakes in a Jinja template (unknown filters, tests and names; `when` on values no option has), and `data` the published site cannot show."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Mapping

from jinja2 import Environment, TemplateSyntaxError, meta, nodes

from journeys.flows.condition_checks import condition_problems
from journeys.flows.model import Question
from journeys.problems import ContentError, Problem, did_you_mean, read_text, syntax_problem
from journeys.rendering.environment import PAGE_NAMES, add_macros

_ENVIRONMENT = Environment()  # parsing only: Jinja's own filters, tests and globals, and the GOV.UK macros
add_macros(_ENVIRONMENT)
FILTERS = {*_ENVIRONMENT.filters, "tojson"}  # Flask adds tojson
TESTS = set(_ENVIRONMENT.tests)
NAMES = {*_ENVIRONMENT.globals, *PAGE_NAMES}


FILLED_BY_SCRIPT = ("value", "values", "checked")  # a macro's form field: the published site fills it from the answers
NOT_SHOWN = "`data` is empty on the published prototype, so this shows as if nothing was answered"


def template_problems(path: Path, name: str, page: bool, questions: Mapping[str, Question] | None = None) -> list[Problem]:
    """Every mistake in the template at `path` (named `name` in messages); `page`: a page file, which sees only NAMES.

    With `questions`, the conditions of its `when` blocks are checked against their options.
    """
    try:
        tree = _ENVIRONMENT.parse(read_text(path, name), filename=str(path))
    except ContentError as error:
        return error.problems
    except TemplateSyntaxError as error:
        return [syntax_problem(error, name)]
    problems = []
    for line, condition in _when_calls(tree):
        problems += condition_problems(condition, questions or {}, name, line)
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


def _when_calls(tree: nodes.Template) -> Iterator[tuple[int, dict]]:
    """(line, condition) of each `when({...})` whose condition is written out."""
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name == "when" and call.args:
            try:
                condition = call.args[0].as_const()
            except nodes.Impossible:
                continue  # made while the page renders: checked then
            if isinstance(condition, dict):
                yield call.lineno, condition


def published_warnings(path: Path, name: str) -> list[Problem]:
    """A warning for each use of `data` whose output the published site cannot reproduce, with the way that can."""
    try:
        tree = _ENVIRONMENT.parse(read_text(path, name), filename=str(path))
    except (ContentError, TemplateSyntaxError):
        return []  # reported as a problem
    warnings = []
    for line, answer in _data_uses(tree, []):
        fix = (f"Show the answer with {{{{ answer(\"{answer}\") }}}}: it works in both places." if answer else
               "Show the part that depends on answers with {% call when({...}) %} ... {% endcall %}: it works in both places.")
        warnings.append(Problem(name, line, NOT_SHOWN, fix))
    return warnings


def _data_uses(node: nodes.Node, above: list[nodes.Node]) -> Iterator[tuple[int, str]]:
    """(line, the answer shown or '') for each `data` read outside a form field's value."""
    if isinstance(node, nodes.Name) and node.name == "data" and node.ctx == "load":
        if not _in_form_field(node, above):
            yield node.lineno, _shown_answer(node, above)
        return
    for child in node.iter_child_nodes():
        yield from _data_uses(child, [*above, node])


def _in_form_field(node: nodes.Node, above: list[nodes.Node]) -> bool:
    for parent, child in zip(reversed(above), reversed([*above[1:], node])):
        if isinstance(parent, nodes.Pair) and child is parent.value and isinstance(parent.key, nodes.Const) \
                and parent.key.value in FILLED_BY_SCRIPT:
            return True
    return False


def _shown_answer(node: nodes.Node, above: list[nodes.Node]) -> str:
    """The answer's name when `data["x"]` is printed as it is ({{ data["x"] }}), else ''."""
    name, chain = "", list(reversed(above))
    for parent in chain:
        if isinstance(parent, nodes.Getitem) and isinstance(parent.arg, nodes.Const) and not name:
            name = str(parent.arg.value)
        elif isinstance(parent, nodes.Getattr) and not name:
            name = parent.attr if parent.attr != "get" else ""
        elif isinstance(parent, nodes.Call) and isinstance(parent.node, nodes.Getattr) and parent.node.attr == "get" \
                and parent.args and isinstance(parent.args[0], nodes.Const):
            name = str(parent.args[0].value)
        elif isinstance(parent, nodes.Filter):
            continue
        elif isinstance(parent, nodes.Output):
            return name
        else:
            return ""
    return ""
