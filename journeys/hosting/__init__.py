"""Hosting a prototype for research: gunicorn, answers in Redis, a password, participant links, forms safe to host."""
