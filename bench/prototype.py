"""Generated prototypes for the benchmark: N realistic question pages, in YAML flows.

Each page is described as data first (`questions`), then written as flow files
(`write_flow_yaml`).
"""

from __future__ import annotations

from pathlib import Path

ITEMS = ["Sofa or armchair", "Fridge or freezer", "Mattress or bed frame", "Wardrobe", "Washing machine", "Something else"]
KINDS = ("radios", "input", "date", "radios", "input")


def questions(count: int) -> list[dict]:
    """`count` question pages as data: the kind of question, its name, wording and the next page."""
    pages = []
    for n in range(1, count + 1):
        kind = KINDS[n % len(KINDS)]
        page = {
            "id": f"question-{n}",
            "kind": kind,
            "name": f"answer-{n}",
            "title": {
                "radios": f"What is the largest item you need collected? (question {n})",
                "input": f"How many items do you have? (question {n})",
                "date": f"When would you like the collection? (question {n})",
            }[kind],
            "hint": {
                "radios": "We can take up to 3 items in one collection.",
                "input": "Count each piece of furniture separately.",
                "date": "For example, 27 3 2026",
            }[kind],
            "back": f"/service/question-{n - 1}" if n > 1 else "/",
            "next": f"/service/question-{n + 1}" if n < count else "/",
            "items": ITEMS[: 3 + n % 4],
        }
        pages.append(page)
    return pages


PAGES_PER_FLOW = 50
FLOW_KINDS = {"radios": "radios", "input": "number", "date": "date"}


def write_flow_yaml(folder: Path, count: int, per_flow: int = PAGES_PER_FLOW) -> Path:
    """A prototype in `folder` with `count` question pages in YAML flows of `per_flow` (50) pages each.

    Each flow branches (a radios answer decides whether a page is skipped), validates
    (required, number ranges, past dates) and ends with check answers and a confirmation.
    """
    import yaml

    (folder / "pages").mkdir(parents=True, exist_ok=True)
    (folder / "data").mkdir(exist_ok=True)
    (folder / "data" / "settings.yaml").write_text("service_name: Book a bulky waste collection\n")
    all_pages = questions(count)
    for start in range(0, count, per_flow):
        chunk = all_pages[start:start + per_flow]
        pages = {}
        for index, page in enumerate(chunk):
            kind = FLOW_KINDS[page["kind"]]
            question = {"name": page["name"], "type": kind, "hint": page["hint"], "required": True}
            if kind == "radios":
                question["options"] = page["items"]
            elif kind == "number":
                question.update(min=1, max=30)
            else:
                question["past"] = True
            following = chunk[index + 1]["id"] if index + 1 < len(chunk) else "check-answers"
            after = chunk[index + 2]["id"] if index + 2 < len(chunk) else "check-answers"
            if kind == "radios" and following != after:
                # Branching: the largest item being a sofa skips the next question.
                rules = [{"when": {page["name"]: page["items"][0]}, "goto": after}, {"goto": following}]
            else:
                rules = following
            pages[page["id"]] = {"title": page["title"], "caption": f"Collection {start // per_flow + 1}",
                                 "questions": [question], "next": rules}
        pages["check-answers"] = {"layout": "check-answers", "title": "Check your answers", "next": "confirmation"}
        pages["confirmation"] = {"layout": "confirmation", "title": "Collection booked"}
        flow = {"title": "Book a bulky waste collection", "pages": pages}
        (folder / "pages" / f"collection-{start // per_flow + 1}.yaml").write_text(
            yaml.safe_dump(flow, sort_keys=False, allow_unicode=True))
    return folder
