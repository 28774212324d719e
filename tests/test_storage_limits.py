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
