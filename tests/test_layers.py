"""The data flow is the architecture: each folder imports only from the folders below it.

    base modules -> flows -> rendering -> content -> pages -> the prototype's model
    -> web (the Flask app) -> devserver, build, hosting -> site_checks, designer_tools -> cli

`flows/` and `content/` never import Flask; nothing below `web/` touches Flask's request
globals (current_app, request, session, g).
"""

import ast
import subprocess
import sys

import pytest
from conftest import ROOT

PACKAGE = ROOT / "journeys"
# Lowest first: a module may import from its own layer and the layers before it.
LAYERS = [
    {"problems", "project", "yaml_files", "yaml_reading", "file_cache", "settings", "assets", "starter"},
    {"flows"},
    {"rendering"},
    {"content"},
    {"pages"},
    {"prototype", "prototype_checks"},
    {"web", "wsgi"},
    {"devserver", "build", "hosting"},
    {"site_checks", "designer_tools"},
    {"cli", "__main__", "__init__"},
]
REQUEST_GLOBALS = {"current_app", "request", "session", "g"}
BELOW_WEB = set().union(*LAYERS[:LAYERS.index({"web", "wsgi"})])


def part_of(module: str) -> str:
    """'journeys.flows.model' -> 'flows'; 'journeys.cli' -> 'cli'."""
    return module.split(".")[1] if "." in module else "__init__"


def layer_of(module: str) -> int:
    return next(number for number, parts in enumerate(LAYERS) if part_of(module) in parts)


def modules() -> dict[str, ast.Module]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT).with_suffix("")
        name = ".".join(relative.parts[:-1] if relative.name == "__init__" else relative.parts)
        found[name] = ast.parse(path.read_text(), filename=str(path))
    return found


def imports(tree: ast.Module) -> list[tuple[str, list[str]]]:
    """(module, names) for every import in a module, relative ones made absolute."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "Journeys imports are absolute: from journeys.flows.model import Flow"
            found.append((node.module, [alias.name for alias in node.names]))
    return found


MODULES = modules()


def test_every_module_belongs_to_a_layer():
    for name in MODULES:
        if name != "journeys":
            layer_of(name)  # raises StopIteration for a folder no layer names


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_module_imports_only_from_its_layer_and_those_below(name):
    if name == "journeys":
        return
    mine = layer_of(name)
    for module, names in imports(MODULES[name]):
        targets = [f"{module}.{n}" for n in names] if module == "journeys" else [module]
        for target in targets:
            if target.startswith("journeys."):
                assert layer_of(target) <= mine, f"{name} imports {target}, from a layer above it"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n != "journeys" and part_of(n) in BELOW_WEB))
def test_nothing_below_web_touches_flasks_request_globals(name):
    for module, names in imports(MODULES[name]):
        assert not (module == "flask" and REQUEST_GLOBALS & set(names)), f"{name} imports {REQUEST_GLOBALS & set(names)}"
    for node in ast.walk(MODULES[name]):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "flask":
            assert node.attr not in REQUEST_GLOBALS, f"{name} uses flask.{node.attr}"


def test_the_journey_language_and_content_run_without_flask():
    # Imported for real, in a fresh interpreter: whatever they pull in, Flask must not be among it.
    lower = sorted(n for n in MODULES if part_of(n) in ("flows", "content"))
    script = "import sys\n" + "".join(f"import {n}\n" for n in lower) + \
        "print(sorted(m for m in sys.modules if m == 'flask' or m.startswith('flask.')))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert len(lower) > 10


def test_the_rule_catches_a_module_that_breaks_it(tmp_path):
    # The checks above must be able to fail: a flows module importing the app is caught.
    tree = ast.parse("from journeys.web.state import state\nfrom flask import request\n")
    imported = [target for module, _ in imports(tree) for target in [module] if target.startswith("journeys.")]
    assert [layer_of(target) > layer_of("journeys.flows.model") for target in imported] == [True]


def test_each_package_says_in_one_line_what_it_is_and_the_guide_describes_it():
    guide = (ROOT / "docs" / "architecture.md").read_text()
    packages = sorted(init.parent for init in PACKAGE.glob("*/__init__.py"))
    assert len(packages) >= 8
    for package in packages:
        docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text()))
        assert docstring and "\n" not in docstring.strip(), package.name
        assert f"**`{package.name}/`**" in guide, package.name


def test_the_top_of_the_package_holds_at_most_a_dozen_modules():
    assert len(list(PACKAGE.glob("*.py"))) <= 12
