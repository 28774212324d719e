"""Mistakes the browser or the build would meet: `journeys check` names each, and the dev server shows it as its error page."""

import subprocess
import sys

import pytest
from conftest import ROOT

END = "  done:\n    layout: confirmation\n    title: Done\n"


def flow(pages: str, title: str = "Test") -> str:
    return f"title: {title}\npages:\n{pages}{END}"


DOG = flow("""  dog:
    title: What type of dog do you have?
    questions:
      - name: dog-type
        type: radios
        options: [Pedigree, Crossbreed]
    next:
      - when: {dog-type: pedigree}
        goto: papers
      - goto: done
  papers:
    title: Do you have its papers?
    questions: [{name: papers, type: yes-no}]
    next: done
""")

# (what is wrong, the prototype's files, the problem as check prints it, a page showing it on the dev server)
CASES = [
    ("a Markdown page with a flow's address", {
        "pages/book.yaml": flow("  start:\n    title: Book\n    next: done\n"),
        "pages/book.md": "# Book\n",
    }, "pages/book.yaml:1: pages/book.md has the same address, /book, as this flow\n"
       "    Rename the page file, or the flow's file.", "/book"),
    ("a page file inside a flow's folder", {
        "pages/book.yaml": flow("  start:\n    title: Book\n    next: done\n"),
        "pages/book/done.md": "# Done\n",
    }, "pages/book.yaml:6: pages/book/done.md has the same address, /book/done, as this page\n"
       "    Rename the page file or this page's id.", "/book/done"),
    ("an undefined name in a Jinja page", {
        "pages/contact.html": '{% extends "base.html" %}\n{% block content %}\n<p>{{ answr("email") }}</p>\n{% endblock %}\n',
    }, "pages/contact.html:3: there is nothing called 'answr' on this page\n    did you mean 'answer'?", "/contact"),
    ("an unknown filter in a Jinja page", {
        "pages/contact.html": '{% extends "base.html" %}\n{% block content %}\n\n<p>{{ "x" | uppr }}</p>\n{% endblock %}\n',
    }, "pages/contact.html:4: there is no filter called 'uppr'\n    did you mean 'upper'?", "/contact"),
    ("a condition on a value that is not an option", {"pages/dog.yaml": DOG},
     "pages/dog.yaml:11: the condition compares 'dog-type' with 'pedigree', which is not one of its options, "
     "so it never holds\n    did you mean 'Pedigree'?", "/dog/dog"),
    ("includes on a text answer", {"pages/dog.yaml": flow("""  dog:
    title: What is your dog's name?
    questions: [{name: dog-name}]
    next:
      - when: {dog-name: {includes: Rex}}
        goto: papers
      - goto: done
  papers:
    title: Papers
    next: done
""")}, "pages/dog.yaml:8: 'includes' asks which boxes are ticked, but 'dog-name' is a text answer\n"
       "    Compare it with a value instead, like:  {dog-name: Rex}", "/dog/dog"),
    ("a loop with no way out", {"pages/loop.yaml": flow("""  a:
    title: A
    questions: [{name: a}]
    next: b
  b:
    title: B
    questions: [{name: b}]
    next: a
""")}, None, "/loop/a"),
    ("min above max on a number", {"pages/age.yaml": flow("""  age:
    title: How old are you?
    questions: [{name: age, type: number, min: 65, max: 18}]
    next: done
""")}, "pages/age.yaml:5: 'min' is 65, more than 'max' (18), so no answer can be right\n"
       "    Make 'min' no more than 'max'.", "/age/age"),
    ("a flow file name with spaces and capitals", {"pages/Dog Licence.yaml": flow("  start:\n    title: Start\n    next: done\n")},
     "pages/Dog Licence.yaml:1: the file's name is the flow's address, /Dog Licence, which should have only "
     "lowercase letters, numbers and hyphens\n    Rename the file to pages/dog-licence.yaml.", "/Dog%20Licence/start"),
]


@pytest.mark.parametrize("files, expected", [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_journeys_check_names_the_mistake(make_project, files, expected):
    result = subprocess.run([sys.executable, "-m", "journeys.cli", "check", "--project", str(make_project(files))],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1, result.stdout
    if expected is None:  # the loop's message is checked below
        return
    assert expected in result.stderr


@pytest.mark.parametrize("files, url", [(c[1], c[3]) for c in CASES], ids=[c[0] for c in CASES])
def test_the_dev_server_shows_the_mistake_as_its_error_page(make_project, make_app, files, url):
    client = make_app(make_project(files)).test_client()
    response = client.get(url)
    assert response.status_code == 500
    assert "in this prototype</h1>" in response.text


def test_a_loop_with_no_way_out_is_named_with_its_pages(make_project):
    files = CASES[[c[0] for c in CASES].index("a loop with no way out")][1]
    result = subprocess.run([sys.executable, "-m", "journeys.cli", "check", "--project", str(make_project(files))],
                            capture_output=True, text=True, cwd=ROOT)
    assert ("pages/loop.yaml:3: people who reach 'a' can never finish: every way on leads back (a -> b -> a)\n"
            "    Give one of these pages a way out: a 'goto' to a page outside the loop, such as a check answers "
            "or confirmation page.") in result.stderr
    assert "no page leads to 'done'" in result.stderr  # the page the loop never reaches


def test_the_same_answer_asked_with_different_types_by_two_flows(make_project, make_app):
    project = make_project({
        "pages/passport.yaml": flow("""  born:
    title: What is your date of birth?
    questions: [{name: date-of-birth, type: date}]
    next: done
"""),
        "pages/licence.yaml": flow("""  born:
    title: How old are you?
    questions: [{name: date-of-birth, type: number}]
    next: done
"""),
    })
    result = subprocess.run([sys.executable, "-m", "journeys.cli", "check", "--project", str(project)],
                            capture_output=True, text=True, cwd=ROOT)
    assert ("pages/licence.yaml:5: 'date-of-birth' is a number answer here, but a date answer in "
            "pages/passport.yaml (line 5): answers are shared by every flow, so each would show the other's\n"
            "    Give one of them another name, or the same type.") in result.stderr
    assert "pages/passport.yaml:5: 'date-of-birth' is a date answer here, but a number answer in " \
           "pages/licence.yaml (line 5)" in result.stderr
    assert make_app(project).test_client().get("/licence/born").status_code == 500


def test_the_same_answer_with_the_same_type_in_two_flows_is_shared(make_project):
    question = "  email:\n    title: Email\n    questions: [{name: email, type: email}]\n    next: done\n"
    project = make_project({"pages/one.yaml": flow(question), "pages/two.yaml": flow(question)})
    result = subprocess.run([sys.executable, "-m", "journeys.cli", "check", "--project", str(project)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_check_outside_a_prototype_says_so_and_fails(tmp_path):
    (tmp_path / "notes.txt").write_text("not a prototype")
    result = subprocess.run([sys.executable, "-m", "journeys.cli", "check", "--project", str(tmp_path)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "No problems found" not in result.stdout
    assert result.stderr.startswith(f"There is no prototype in {tmp_path}: it has no pages/ folder.")


def test_every_name_a_page_has_is_one_the_checks_know(make_project, make_app):
    from journeys.pages.template_checks import NAMES
    from journeys.web.template_globals import template_globals

    app = make_app(make_project({"pages/index.html": "<h1>Home</h1>"}))
    with app.test_request_context("/"):
        given = set(template_globals()) | set(app.jinja_env.globals)
    assert given <= NAMES, given - NAMES
