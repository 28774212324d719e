"""How much a request may send and an answer may hold: every limit, and what a person is told past one."""

from __future__ import annotations

from werkzeug.exceptions import RequestEntityTooLarge

MAX_ANSWER_LENGTH = 20_000  # characters in one answer: a long essay fits, a flood does not

DEFAULTS = {
    "MAX_CONTENT_LENGTH": 10 * 1024 * 1024,  # a whole request, files included: a photo from a phone fits
    "MAX_FORM_MEMORY_SIZE": 200_000,  # the text of a form (each text field, in a form with files)
    "MAX_FORM_PARTS": 200,  # fields and files in one form with files
    "MAX_ANSWER_LENGTH": MAX_ANSWER_LENGTH,
}


def refuse_too_much(request, settings) -> None:
    """Refuse a request whose body is over the limits before anything reads it.

    Werkzeug applies MAX_FORM_MEMORY_SIZE to each text field of a form with files, but reads a
    plain form whole: here a plain form is held to it too, so both kinds keep the same limit.
    """
    length = request.content_length or 0
    plain_form = request.mimetype == "application/x-www-form-urlencoded"
    if length > settings["MAX_CONTENT_LENGTH"] or (plain_form and length > settings["MAX_FORM_MEMORY_SIZE"]):
        raise RequestEntityTooLarge()


def answer_length(value) -> int:
    """The characters in an answer: its text, or all of its parts' (a list, an address)."""
    if isinstance(value, dict):
        return sum(answer_length(part) for part in value.values())
    if isinstance(value, (list, tuple)):
        return sum(answer_length(part) for part in value)
    return len(str(value)) if value is not None else 0


def too_long(answers: dict, limit: int) -> list[str]:
    """The names of the answers longer than `limit` characters."""
    return [name for name, value in answers.items() if answer_length(value) > limit]


def size(count: int) -> str:
    """10 MB, 200 KB: a limit as people say it."""
    return f"{count // (1024 * 1024)} MB" if count >= 1024 * 1024 else f"{count // 1000} KB"
