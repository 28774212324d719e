"""Rendering: the Jinja environment, the GOV.UK macros and their caches, questions, answers shown back, layouts."""
