"""A broken file shows an error page in the open browser, and fixing it brings the page back."""

import pytest
from conftest import LiveServer, write_files
from playwright.sync_api import expect

FLOW = """title: Book
pages:
  name:
    title: What is your name?
    questions: [{{name: name}}]
    next: {goto}
  done:
    layout: confirmation
    title: Booked
"""

FILES = {
    "pages/index.html": '{% extends "base.html" %}\n{% block content %}\n<h1 class="govuk-heading-l">Home</h1>\n{% endblock %}\n',
    "pages/about.md": "---\ntitle: About\n---\nWe collect sofas.\n",
    "data/settings.yaml": "service_name: Book a bulky waste collection\n",
    "pages/book.yaml": FLOW.format(goto="done"),
}

# (file, broken text, url, line, the marked line, message), one for each kind of broken file.
BROKEN = {
    "invalid YAML": ("data/settings.yaml", "service_name: [Book a bulky waste collection\n", "/",
                     1, "service_name: [Book a bulky waste collection", "this is not valid YAML"),
    "Jinja syntax error": ("pages/index.html", '{% extends "base.html" %}\n{% block content %}\n{% if %}\n{% endblock %}\n', "/",
                           3, "{% if %}", "Jinja syntax error: Expected an expression, got 'end of statement block'"),
    "Jinja runtime error": ("pages/index.html", '{% extends "base.html" %}\n{% block content %}\n<h1>Home</h1>\n{{ data.nothing.here }}\n{% endblock %}\n', "/",
                            4, "{{ data.nothing.here }}", "UndefinedError: 'nothing' is undefined"),
    "a name the page does not have": ("pages/index.html", '{% extends "base.html" %}\n{% block content %}\n<h1>Home</h1>\n{{ nothing.here.at_all }}\n{% endblock %}\n', "/",
                                      4, "{{ nothing.here.at_all }}", "there is nothing called 'nothing' on this page"),
    "front matter that is not YAML": ("pages/about.md", "---\ntitle: [About\n---\nWe collect sofas.\n", "/about",
                                      2, "title: [About", "this is not valid YAML"),
    "front matter with an unknown key": ("pages/about.md", "---\ntitel: About\n---\nWe collect sofas.\n", "/about",
                                         2, "titel: About", "unknown front matter key 'titel'"),
    "a flow that is not YAML": ("pages/book.yaml", FLOW.format(goto="done").replace("[{name: name}]", "[{name: name}"),
                                "/book/name", 5, "    questions: [{name: name}", "this is not valid YAML"),
    "a failed flow check": ("pages/book.yaml", FLOW.format(goto="[{when: {nmae: Ada}, goto: done}, {goto: done}]"),
                            "/book/name", 6, "    next: [{when: {nmae: Ada}, goto: done}, {goto: done}]",
                            "the condition reads 'nmae', but no page asks it"),
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One server for every kind of broken file: each test breaks one file and fixes it again."""
    project = write_files(tmp_path_factory.mktemp("errors") / "prototype", FILES)
    server = LiveServer(project).start()
    yield server
    server.stop()


@pytest.mark.parametrize("kind", BROKEN)
def test_a_broken_file_shows_an_error_page_until_it_is_fixed(server, page, kind):
    name, broken, url, line, marked, message = BROKEN[kind]
    path = server.project / name
    good = path.read_text()
    page.goto(server.url + url)
    heading = page.get_by_role("heading", level=1)
    expect(heading).not_to_have_text("1 problem in this prototype")
    good_heading = heading.inner_text()

    page.wait_for_live_reload()
    path.write_text(broken)
    try:
        expect(heading).to_have_text("1 problem in this prototype")
        expect(page.get_by_role("heading", level=2)).to_have_text(f"{name}:{line}")
        expect(page.locator(".message")).to_contain_text(message)
        assert page.locator("tr.mark td").all_inner_texts() == [str(line), marked]
        assert f"{name}:{line}: " in server.output() and message in server.output()
        page.wait_for_live_reload()
    finally:
        path.write_text(good)
    expect(heading).to_have_text(good_heading)


def test_the_server_keeps_serving_after_errors(server, page):
    page.goto(server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Home")
    assert server.process.poll() is None


def test_a_missing_page_with_broken_settings_shows_the_settings_problem(make_project, make_app):
    client = make_app(make_project({"data/settings.yaml": "phase: [Beta\n"})).test_client()
    response = client.get("/nowhere")
    assert response.status_code == 500
    assert "data/settings.yaml:1" in response.text and "this is not valid YAML" in response.text


def test_each_error_page_names_its_server_so_it_can_reload(server):
    import urllib.error
    import urllib.request

    (server.project / "pages" / "broken.html").write_text("{% if %}")
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(server.url + "/broken")
    assert error.value.code == 500
    assert '<script src="/livereload.js"></script></head>' in error.value.read().decode()
