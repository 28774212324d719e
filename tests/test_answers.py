"""Answers: a POST stores them and redirects to a GET; they live on the server, across restarts."""

import http.cookiejar
import urllib.parse
import urllib.request

import pytest

SHOW = '{% extends "base.html" %}{% block content %}<dl>{% for k, v in data.items() %}<dt>{{ k }}</dt><dd id="{{ k }}">{{ v }}</dd>{% endfor %}</dl>{% endblock %}'


# The form that asks for the answers these tests send: a field no page names is never kept.
FORM = """{% extends "base.html" %}{% block content %}<form method="post" action="/next">
  <input name="name"> <input name="colour"> <input name="town"> <input name="a"> <textarea name="essay"></textarea>
  <input type="checkbox" name="fruit" value="Apple"> <input type="file" name="photo"> <button>Continue</button>
</form>{% endblock %}"""


@pytest.fixture
def project(make_project):
    return make_project({
        "pages/index.html": SHOW,
        "pages/next.html": SHOW,
        "pages/form.html": FORM,
    })


@pytest.fixture
def client(project, make_app):
    return make_app(project).test_client()


def test_a_post_stores_answers_and_redirects_to_a_get_of_that_page(client):
    response = client.post("/next", data={"name": "Ada Lovelace", "colour": "Green"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/next"
    page = client.get("/next").text
    assert '<dd id="name">Ada Lovelace</dd>' in page and '<dd id="colour">Green</dd>' in page


def test_the_redirect_keeps_the_query_string(client):
    assert client.post("/next?from=check", data={"a": "1"}).headers["Location"] == "/next?from=check"


def test_fields_starting_with_underscore_are_not_answers(client):
    client.post("/next", data={"name": "Ada", "_csrf": "x", "_action": "save"})
    page = client.get("/").text
    assert "Ada" in page and "_csrf" not in page and "_action" not in page


def test_ticked_checkboxes_are_a_list_and_unticking_all_clears_the_answer(client):
    client.post("/next", data={"fruit": ["_unchecked", "Apple", "Pear"]})
    # Printed as the options ticked (a list still: tests/test_docs_examples.py loops over one).
    assert '<dd id="fruit">Apple, Pear</dd>' in client.get("/").text
    client.post("/next", data={"fruit": ["_unchecked", "Apple"]})
    assert '<dd id="fruit">Apple</dd>' in client.get("/").text
    client.post("/next", data={"fruit": "_unchecked"})
    assert '<dd id="fruit"></dd>' in client.get("/").text


def test_a_later_answer_replaces_an_earlier_one_and_keeps_the_others(client):
    client.post("/next", data={"name": "Ada", "town": "Leeds"})
    client.post("/next", data={"name": "Grace"})
    page = client.get("/").text
    assert '<dd id="name">Grace</dd>' in page and '<dd id="town">Leeds</dd>' in page


def test_a_10kb_answer_is_kept_whole_and_the_cookie_stays_small(client):
    essay = "All work and no play. " * 480  # 10,560 characters
    response = client.post("/next", data={"essay": essay})
    cookie = response.headers["Set-Cookie"]
    assert len(cookie) < 300
    assert f'<dd id="essay">{essay}</dd>' in client.get("/").text


def test_each_browser_has_its_own_answers(project, make_app):
    app = make_app(project)
    first, second = app.test_client(), app.test_client()
    first.post("/next", data={"name": "Ada"})
    assert "Ada" not in second.get("/").text


def test_an_uploaded_file_is_remembered_by_its_name(client):
    import io

    client.post("/next", data={"photo": (io.BytesIO(b"\x89PNG..."), "sofa.png")}, content_type="multipart/form-data")
    assert '<dd id="photo">sofa.png</dd>' in client.get("/").text


def test_answers_are_escaped_when_shown(client):
    client.post("/next", data={"name": "<script>alert('x')</script>\""})
    page = client.get("/").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&#34;" in page


def test_clear_answers_forgets_everything(client):
    client.post("/next", data={"name": "Ada"})
    assert "Clear answers" in client.get("/clear-answers").text
    response = client.post("/clear-answers")
    assert response.status_code == 303 and response.headers["Location"] == "/"
    assert "Ada" not in client.get("/").text


def test_answers_survive_a_restart_of_the_server(project, live_server, tmp_path):
    env = {"JOURNEYS_ANSWERS_DB": str(tmp_path / "kept.sqlite3"), "SECRET_KEY": "kept"}
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    server = live_server(project, env=env)
    form = urllib.parse.urlencode({"name": "Ada Lovelace"}).encode()
    assert "Ada Lovelace" in browser.open(server.url + "/next", data=form).read().decode()
    server.stop()

    restarted = live_server(project, port=server.port, env=env)
    assert '<dd id="name">Ada Lovelace</dd>' in browser.open(restarted.url + "/").read().decode()


def test_without_a_secret_key_set_one_is_kept_so_sessions_survive_restarts(project, make_app):
    first = make_app(project, SECRET_KEY=None).config["SECRET_KEY"]
    assert first and make_app(project, SECRET_KEY=None).config["SECRET_KEY"] == first


@pytest.mark.parametrize("name", ["items", "keys", "values", "get", "pop", "update", "copy"])
def test_answers_named_like_dict_methods_are_just_answers(make_project, make_app, name):
    page = '{% extends "base.html" %}{% block content %}[{% for x in data["' + name + '"] %}{{ x }};{% endfor %}]{% endblock %}'
    client = make_app(make_project({"pages/index.html": page})).test_client()
    assert "[]" in client.get("/").text
    client.post("/", data={name: ["_unchecked", "Sofa", "Bed"]})
    assert "[Sofa;Bed;]" in client.get("/").text
