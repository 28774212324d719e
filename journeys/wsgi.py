"""For a WSGI server: gunicorn 'journeys.wsgi:app' serves the prototype in $JOURNEYS_PROJECT."""

from journeys.web.app import create_app

app = create_app()
