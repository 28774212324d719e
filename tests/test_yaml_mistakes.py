"""YAML mistakes in plain words, at the line to fix (issue 12, item 6)."""

import pytest
from flow_helpers import load_flow

from journeys.problems import ContentError
from journeys.yaml_files import parse_yaml

PAGE = "title: Test\npages:\n  start:\n    title: Start\n"

# (the shape, the file, the problem as 'line: message', its fix)
CASES = [
    ("a key indented too far", PAGE + "      next: done\n",
     "5: 'next:' on line 5 is more indented than 'title:' on line 4 above it",
     "Line it up with 'title:', 4 spaces in (only a name with nothing after its ':' can have lines indented under it)."),
    ("a key between two levels", PAGE + "   next: done\n",
     "5: 'next:' on line 5 does not line up with the lines above it",
     "Indent it 4 spaces in, like 'title:' on line 4, to keep it with them; or 2 spaces in, like 'start:' on line 3, "
     "if it belongs there."),
    ("a list item's key short of its first", PAGE + "    questions:\n      - name: a\n       type: text\n",
     "7: 'type:' on line 7 does not line up with the lines above it",
     "Indent it 8 spaces in, like 'name:' on line 6, to keep it with them; or 4 spaces in, like 'questions:' on "
     "line 5, if it belongs there."),
    ("a list's dash out of line", PAGE + "    questions:\n      - name: a\n        type: text\n     - name: b\n",
     "8: the '-' on line 8 is not lined up with the '-' on line 6 above it",
     "Indent it 6 spaces, as on line 6: every item of a list starts in line."),
    ("a name with no colon", "title: Test\npages:\n  start:\n    title Start\n    next: done\n",
     "4: line 4 has no ':' after its name", "Write it as 'name: value', like:  title: Start"),
    ("no space after a colon", "title: Test\npages:\n  start:\n    title:Start\n    next: done\n",
     "4: line 4 needs a space after its ':'", "YAML needs a space between a name and its value:  title: Start"),
    ("a colon in text", "title: Test\npages:\n  start:\n    title: Note: this\n",
     "4: the text after 'title:' has a colon and a space in it, which YAML reads as another key",
     'Put the text in quotes:  title: "Note: this"'),
    ("Markdown's stars at the start of text", PAGE + "    content: *Important* read this\n",
     "5: the text after 'content:' starts with '*', which YAML reads as an alias (a copy of something marked with &)",
     'Put the text in quotes:  content: "*Important* read this"'),
    ("a key indented under the one before", "title: Test\n  pages:\n",
     "2: 'pages:' on line 2 is more indented than 'title:' on line 1 above it",
     "Line it up with 'title:', at the start of its line (only a name with nothing after its ':' can have lines "
     "indented under it)."),
]


@pytest.mark.parametrize("shape, text, expected, fix", CASES, ids=[case[0] for case in CASES])
def test_an_indenting_mistake_is_named_in_plain_words_at_its_line(shape, text, expected, fix):
    with pytest.raises(ContentError) as raised:
        parse_yaml(text, "pages/test.yaml")
    problem = raised.value.problems[0]
    assert f"{problem.line}: {problem.message}" == expected
    assert problem.fix == fix
    assert "<block" not in problem.message and "expected" not in problem.message


def test_a_next_less_indented_than_its_page_says_so_at_its_line(make_project):
    project = make_project({"pages/index.html": "Home", "pages/apply.yaml": """
        title: Apply
        pages:
          start:
            title: Start
            questions:
              - name: colour
          next: done
          done:
            layout: confirmation
            title: Done
        """})
    with pytest.raises(ContentError) as raised:
        load_flow(project, "apply")
    found = [str(problem) for problem in raised.value.problems]
    assert ("pages/apply.yaml:7: 'next:' on line 7 is less indented than the page it belongs to ('start' on line 3), "
            "so it reads as a page called 'next'\n    Indent it as far as the page's other lines, like 'questions:' on line 5."
            ) in found
    assert not any("Give it at least a title" in problem for problem in found)
