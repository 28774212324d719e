"""What the server keeps is bounded: answers expire, bodies and answers have a size limit (issue 13, item 8)."""

import sqlite3
import time

SHOW = '{% extends "base.html" %}{% block content %}<p id="name">{{ data.name }}</p>{% endblock %}'
FORM = ('{% extends "base.html" %}{% block content %}<form method="post" action="/show">'
        '<input name="name"><textarea name="story"></textarea><button>Continue</button></form>{% endblock %}')


def test_answers_untouched_for_the_expiry_time_are_deleted(make_project, make_app, tmp_path):
    database = tmp_path / "answers.sqlite3"
    app = make_app(make_project({"pages/show.html": SHOW, "pages/form.html": FORM}), ANSWERS_EXPIRE_DAYS=1 / 86400)
    first, second = app.test_client(), app.test_client()
    first.post("/show", data={"name": "Ada"})
    assert '<p id="name">Ada</p>' in first.get("/show").text
    time.sleep(1.2)  # one second is this app's 30 days
    assert '<p id="name"></p>' in first.get("/show").text
    second.post("/show", data={"name": "Grace"})  # a later answer sweeps away what has expired
    with sqlite3.connect(database) as db:
        assert [row[0] for row in db.execute("SELECT answers FROM answers")] == ['{"name": "Grace"}']


def test_answers_are_kept_30_days_by_default(make_project, make_app):
    from journeys.web.state import state

    app = make_app(make_project({"pages/show.html": SHOW}))
    assert app.config["ANSWERS_EXPIRE_DAYS"] == 30 and state(app).answers.expire_after == 30 * 86400


ASKING = {
    "pages/show.html": SHOW,
    "pages/form.html": FORM,
    # Fields named in GOV.UK macros, a date input's parts, and answers a page only reads.
    "pages/macros.html": '{{ govukInput({"name": "email", "label": {"text": "Email"}}) }}'
                         '{{ govukDateInput({"namePrefix": "dob", "fieldset": {"legend": {"text": "Born"}}}) }}'
                         '<p>{{ data["nickname"] }} {{ data.town }} {{ answer("pet") }}</p>',
    "layouts/extra.html": "<form method=post><select name='colour'></select></form>",
    "pages/apply.yaml": "title: Apply\npages:\n  age:\n    title: Age\n    questions:\n      - name: age\n"
                        "    next: done\n  done:\n    layout: confirmation\n    title: Done\n",
}


def stored(database) -> dict:
    import json

    if not database.exists():
        return {}  # nothing was ever kept
    with sqlite3.connect(database) as db:
        rows = [json.loads(row[0]) for row in db.execute("SELECT answers FROM answers")]
    return rows[0] if rows else {}


def test_a_jinja_page_keeps_only_fields_some_question_page_or_layout_names(make_project, make_app, tmp_path):
    client = make_app(make_project(ASKING)).test_client()
    named = {"name": "Ada", "story": "Once", "email": "ada@example.com", "dob-day": "10", "dob-month": "12",
             "dob-year": "1815", "nickname": "Ada", "town": "London", "pet": "Cat", "colour": "Green", "age": "36"}
    junk = {f"junk-{n}": "x" * 1000 for n in range(150)}
    assert client.post("/show", data={**named, **junk, "dob-hour": "9"}).status_code == 303
    assert stored(tmp_path / "answers.sqlite3") == named
    assert '<p id="name">Ada</p>' in client.get("/show").text


def test_a_jinja_page_answer_over_the_limit_is_refused_with_a_govuk_page(make_project, make_app, tmp_path):
    client = make_app(make_project(ASKING)).test_client()
    client.post("/show", data={"name": "Ada"})
    response = client.post("/show", data={"name": "Grace", "story": "x" * 20_001})
    assert response.status_code == 413
    assert '<h1 class="govuk-heading-l">An answer is too long</h1>' in response.text
    assert "The answer to ‘story’ is longer than 20,000 characters, so nothing was saved." in response.text
    assert "govuk-header" in response.text  # a GOV.UK page, not a bare error
    assert stored(tmp_path / "answers.sqlite3") == {"name": "Ada"}


def test_a_flow_answer_over_the_limit_gets_a_govuk_error_message(make_project, make_app, tmp_path):
    client = make_app(make_project(ASKING)).test_client()
    page = client.post("/apply/age", data={"age": "x" * 20_001}).text
    assert "govuk-error-summary" in page and "Your answer must be 20,000 characters or less" in page
    assert stored(tmp_path / "answers.sqlite3") == {}
    assert client.post("/apply/age", data={"age": "x" * 20_000}).status_code == 303


def test_a_body_over_the_limit_is_refused_with_a_govuk_page(make_project, make_app, tmp_path):
    client = make_app(make_project(ASKING)).test_client()
    response = client.post("/show", data={"story": "x" * 300_000})  # typed text past 200 KB
    assert response.status_code == 413
    assert '<h1 class="govuk-heading-l">Too much was sent</h1>' in response.text
    assert "up to 10 MB in one go, files included, and 200 KB of typed answers" in response.text
    assert stored(tmp_path / "answers.sqlite3") == {}


def peak_memory_mb(pid: int) -> float:
    status = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status").read().splitlines())
    return int(status["VmHWM"].split()[0]) / 1024


def test_the_dev_server_refuses_100_mb_posts_without_keeping_them(make_project, live_server, tmp_path):
    import http.client

    database = tmp_path / "kept.sqlite3"
    server = live_server(make_project(ASKING), env={"JOURNEYS_ANSWERS_DB": str(database)})
    urllib_post(server.url + "/show", b"name=Ada")
    before = peak_memory_mb(server.process.pid)
    chunk = b"&junk=" + b"x" * (1024 * 1024 - 6)
    for kind in ("urlencoded", "multipart"):
        for _ in range(2):
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
            content_type = ("application/x-www-form-urlencoded" if kind == "urlencoded"
                            else "multipart/form-data; boundary=x")
            connection.putrequest("POST", "/show")
            connection.putheader("Content-Type", content_type)
            connection.putheader("Content-Length", str(100 * len(chunk)))
            connection.endheaders()
            for _ in range(100):
                connection.send(chunk)
            response = connection.getresponse()
            body = response.read().decode()
            connection.close()
            assert response.status == 413 and "Too much was sent" in body
    assert peak_memory_mb(server.process.pid) - before < 40  # nothing held: read and dropped
    assert database.stat().st_size < 1024 * 1024


def urllib_post(url: str, data: bytes) -> None:
    import urllib.request

    urllib.request.urlopen(url, data=data).read()
