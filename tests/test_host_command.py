"""`journeys host`, `journeys link` and `journeys nginx-config --host` as a researcher or platform engineer types them.

Only what they say before serving: tests/test_hosting_stack.py runs `journeys host` for real.
"""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ROOT, copy_example

from journeys.hosting.tokens import read_link

KEY = "0123456789abcdef" * 4


def journeys(*args: str, env: dict | None = None, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "journeys", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", **(env or {})}, timeout=60)


@pytest.fixture
def example(tmp_path):
    return copy_example(tmp_path / "example")


def test_host_refuses_to_start_without_a_secret_key_or_a_password_saying_how_to_make_them(example):
    result = journeys("host", "--project", str(example))
    assert result.returncode == 1
    assert "SECRET_KEY: is not set" in result.stderr
    assert "python3 -c 'import secrets; print(secrets.token_hex(32))'" in result.stderr
    assert "the same for every instance" in result.stderr
    assert "JOURNEYS_PASSWORD: is not set" in result.stderr and "--public" in result.stderr
    assert "Listening" not in result.stdout + result.stderr


@pytest.mark.parametrize("env, args, said", [
    ({"SECRET_KEY": "short"}, ["--public"], "SECRET_KEY: is 5 characters long"),
    ({"SECRET_KEY": KEY, "JOURNEYS_PASSWORD": "x"}, ["--forget-after", "a week"], "--forget-after: 'a week' is not a length of time"),
    ({"SECRET_KEY": KEY}, ["--public", "--workers", "0"], "--workers: '0' is not a whole number from 1 to 64"),
])
def test_host_says_what_is_wrong_with_its_settings(example, env, args, said):
    result = journeys("host", "--project", str(example), *args, env=env)
    assert result.returncode == 1 and said in result.stderr


def test_host_refuses_a_prototype_with_problems(example):
    (example / "pages/broken.yaml").write_text("title: Broken\npages:\n  a:\n    title: A\n    next: nowhere\n")
    result = journeys("host", "--project", str(example), "--public", env={"SECRET_KEY": KEY})
    assert result.returncode == 1
    assert "pages/broken.yaml:5" in result.stderr and "journeys check" in result.stderr


def test_link_prints_links_each_for_one_person_with_its_scenario(example):
    result = journeys("link", "something-else", "--expires", "2h", "--count", "3", "--base-url",
                      "https://research.example.gov.uk/", "--project", str(example), env={"SECRET_KEY": KEY})
    assert result.returncode == 0, result.stderr
    links = result.stdout.split()
    assert len(set(links)) == 3
    for link in links:
        assert link.startswith("https://research.example.gov.uk/_journeys/join?link=")
        ticket = read_link(KEY, parse_qs(urlsplit(link).query)["link"][0])
        assert ticket.scenario == "something-else"
    assert "Each link lets one person in, until" in result.stderr


@pytest.mark.parametrize("args, env, said", [
    (["fridge-with-reductoin"], {"SECRET_KEY": KEY}, "there is no scenario called 'fridge-with-reductoin'\n    "
                                                      "did you mean 'fridge-with-reduction'?"),
    (["fridge-with-reduction"], {}, "SECRET_KEY: is not set: links are signed with the hosted prototype's key"),
    (["--expires", "soon"], {"SECRET_KEY": KEY}, "--expires: 'soon' is not a length of time"),
    (["--base-url", "research.example.gov.uk"], {"SECRET_KEY": KEY}, "--base-url: 'research.example.gov.uk' is not a web address"),
])
def test_link_says_what_is_wrong(example, args, env, said):
    result = journeys("link", *args, "--project", str(example), env=env)
    assert result.returncode == 1 and said in result.stderr and result.stdout == ""


def test_nginx_config_for_hosting_names_the_instances_and_this_machines_folders(example):
    result = journeys("nginx-config", "--host", "--project", str(example), "--upstream", "10.0.0.5:8000",
                      "--upstream", "10.0.0.6:8000")
    assert result.returncode == 0, result.stderr
    assert "    server 10.0.0.5:8000 max_fails=1 fail_timeout=10s;\n    server 10.0.0.6:8000 max_fails=1" in result.stdout
    assert f"alias {example.resolve()}/static/;" in result.stdout
    assert f"alias {ROOT}/journeys/static/init.js;" in result.stdout
    assert "/srv/" not in result.stdout
    assert journeys("nginx-config").stdout.startswith("# NGINX serving a Journeys prototype frozen")
    bad = journeys("nginx-config", "--host", "--project", str(example), "--upstream", "http://10.0.0.5")
    assert bad.returncode == 1 and "'http://10.0.0.5' is not an instance's address" in bad.stderr


def test_what_the_hosting_guide_shows_host_saying_is_what_it_says(example):
    import re

    documented = re.search(r"```\n(The prototype cannot be hosted yet\..*?)```", (ROOT / "docs/hosting.md").read_text(),
                           flags=re.S)
    assert journeys("host", "--project", str(example)).stderr == documented.group(1)
