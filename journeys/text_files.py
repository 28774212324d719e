"""Reading a designer's text file as UTF-8: a file saved in another encoding is a problem with its line and column."""

from __future__ import annotations

from pathlib import Path

from journeys.problems import ContentError, Problem


def read_text(path: Path, name: str) -> str:
    """The file's text; ContentError pointing at the first byte that is not UTF-8. `name` is how messages refer to it."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentError([not_utf8(data, error, name)]) from None


def not_utf8(data: bytes, error: UnicodeDecodeError, name: str) -> Problem:
    """The problem of a file that is not UTF-8: where the first wrong byte is, and how to save it as UTF-8."""
    line_start = data.rfind(b"\n", 0, error.start) + 1
    line = data.count(b"\n", 0, error.start) + 1
    column = len(data[line_start:error.start].decode("utf-8", errors="replace")) + 1
    wrong = data[error.start:error.end].hex(" ")
    return Problem(name, line, f"this file is not UTF-8 text: column {column} has the byte {wrong}, which UTF-8 "
                   "does not allow (the file was probably saved as Windows-1252 or Latin-1)",
                   "Save it as UTF-8: in most editors, Save As, then choose the encoding UTF-8. "
                   "Then check the characters on this line (£, quotes and accents) look right.")
