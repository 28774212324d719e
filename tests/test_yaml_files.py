"""YAML is read safely, with Yes and No kept as words, and the same way by both parsers."""

import pytest
import yaml

from journeys import yaml_files
from journeys.problems import ContentError
from journeys.yaml_files import parse_yaml

LOADERS = [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)]


@pytest.fixture(params=LOADERS, ids=lambda loader: loader.__name__)
def loader(request, monkeypatch):
    # Both parsers must give the same answers: libyaml's where installed, Python's otherwise.
    monkeypatch.setattr(yaml_files, "FAST_LOADER", request.param)
    return request.param


def test_yes_no_on_and_off_stay_words_and_true_false_are_booleans(loader):
    data = parse_yaml("options: [Yes, No, yes, On, off]\nflags: [true, False]\nquoted: ['Yes', \"No\"]\n", "f.yaml").data
    assert data == {"options": ["Yes", "No", "yes", "On", "off"], "flags": [True, False], "quoted": ["Yes", "No"]}


def test_every_key_and_item_has_its_line_and_block_text_starts_after_its_indicator(loader):
    document = parse_yaml("title: Test\npages:\n  start:\n    content: |\n      Hello\n    next: [a, b]\n", "f.yaml")
    assert document.line("pages", "start") == 3
    assert document.line("pages", "start", "next", 1) == 6
    assert document.text_lines[("pages", "start", "content")] == 5


def test_a_python_object_tag_is_refused(loader):
    with pytest.raises(ContentError) as raised:
        parse_yaml("x: !!python/object/apply:os.system ['true']\n", "f.yaml")
    problem = raised.value.problems[0]
    assert (problem.file, problem.line) == ("f.yaml", 1)
    assert "could not determine a constructor" in problem.message
    assert problem.fix == "Remove the '!' tag: Journeys reads plain YAML text, lists and mappings only."


def test_a_mistake_is_explained_in_the_python_parsers_words(loader):
    with pytest.raises(ContentError) as raised:
        parse_yaml("title: Test\npages:\n  start:\n    title: [Unclosed\n    next: done\n", "f.yaml")
    problem = raised.value.problems[0]
    assert problem.line == 4  # where the bracket opened
    assert problem.message.startswith("this is not valid YAML: while parsing a flow sequence")
