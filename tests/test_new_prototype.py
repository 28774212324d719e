"""`journeys new FOLDER`: a starter prototype that serves, checks clean, builds, and walks as its README says."""

import subprocess
import sys

import pytest

STARTER_FILES = [
    ".gitignore", "README.md", "data/settings.yaml", "layouts/.gitkeep", "pages/index.html",
    "pages/juggling-licence.yaml", "static/.gitkeep",
]


def journeys(*args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "journeys", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def starter(tmp_path):
    result = journeys("new", "my-prototype", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "my-prototype"


def files_in(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_journeys_new_makes_the_starter_and_says_what_to_type_next(tmp_path):
    result = journeys("new", "my-prototype", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:5] == [
        f"Made a new prototype in {tmp_path / 'my-prototype'}", "", "To see it, type:", "  cd my-prototype",
        "  journeys serve",
    ]
    assert files_in(tmp_path / "my-prototype") == STARTER_FILES
    ignored = (tmp_path / "my-prototype/.gitignore").read_text().splitlines()
    assert "dist/" in ignored and ".journeys/" in ignored and "storyboard/" in ignored


def test_an_empty_folder_is_used_and_a_folder_with_files_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    assert journeys("new", "empty", cwd=tmp_path).returncode == 0
    assert files_in(tmp_path / "empty") == STARTER_FILES

    (tmp_path / "notes").mkdir()
    (tmp_path / "notes/ideas.txt").write_text("mine")
    result = journeys("new", "notes", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "notes already has files in it, and a new prototype would mix with them. Choose a name for a new "
        "folder, such as 'journeys new my-prototype', or empty this one.")
    assert files_in(tmp_path / "notes") == ["ideas.txt"] and (tmp_path / "notes/ideas.txt").read_text() == "mine"


def test_the_starter_has_no_problems_and_builds(starter):
    check = journeys("check", cwd=starter)
    assert (check.returncode, check.stdout.strip(), check.stderr) == (0, f"No problems found in {starter}", "")
    build = journeys("build", cwd=starter)
    assert build.returncode == 0, build.stderr
    for page in ("index.html", "juggling-licence/juggling-balls/index.html", "juggling-licence/cannot-apply/index.html",
                 "juggling-licence/check-answers/index.html", "juggling-licence/confirmation/index.html"):
        assert (starter / "dist" / page).is_file(), page


def test_the_example_journey_branches_and_plays_the_answers_back(starter, make_app):
    client = make_app(starter).test_client()
    start = client.get("/").text
    assert "Apply for a juggling licence" in start and 'href="/juggling-licence"' in start
    assert client.get("/juggling-licence").headers["Location"] == "/juggling-licence/juggling-balls"

    answer = client.post("/juggling-licence/juggling-balls", data={"juggling-balls": "None - I cannot juggle"})
    assert answer.headers["Location"] == "/juggling-licence/cannot-apply"
    assert "You cannot apply for a juggling licence" in client.get("/juggling-licence/cannot-apply").text

    answer = client.post("/juggling-licence/juggling-balls", data={"juggling-balls": "3 or more"})
    assert answer.headers["Location"] == "/juggling-licence/juggling-trick"
    answer = client.post("/juggling-licence/juggling-trick", data={"juggling-trick": "Five clubs, blindfolded"})
    assert answer.headers["Location"] == "/juggling-licence/check-answers"
    check_answers = client.get("/juggling-licence/check-answers").text
    assert "Number of balls" in check_answers and "3 or more" in check_answers
    assert "Most impressive trick" in check_answers and "Five clubs, blindfolded" in check_answers
    assert client.post("/juggling-licence/check-answers").headers["Location"] == "/juggling-licence/confirmation"
    assert "Application complete" in client.get("/juggling-licence/confirmation").text



def test_a_command_typed_in_a_folder_that_is_not_a_prototype_says_so(tmp_path):
    result = journeys("build", "--out", str(tmp_path / "dist"), cwd=tmp_path)
    assert result.stderr.strip().splitlines()[0] == (
        f"{tmp_path} has no pages/ folder, so there is nothing of yours to show. Is this the prototype's "
        "folder? To make a new prototype: journeys new my-prototype")
    checked = journeys("check", cwd=tmp_path)  # a check there finds nothing to check: that is a failure
    assert checked.returncode == 1
    assert checked.stderr.strip() == (
        f"There is no prototype in {tmp_path}: it has no pages/ folder. Run 'journeys check' in the prototype's "
        "folder, or name it: journeys check --project my-prototype")
