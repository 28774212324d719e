"""docs/publishing.md followed word for word on this Debian machine's own NGINX, in a sandbox that changes nothing of it.

The guide's commands for the designer's computer and for the server run as written. The
server is this machine seen through Linux namespaces: its own /etc/nginx, /var/www,
/var/log/nginx and /run (copies, or empty), its own network (so its own port 80) and its own
processes (so NGINX stops when the test does). Only copying to the server (scp) is done with
cp, and installing NGINX is skipped: it is installed already.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, copy_example

from journeys.build.freeze_site import build

GUIDE = ROOT / "docs/publishing.md"
HOST = "prototype.example.org"

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("unshare") or not Path("/etc/nginx/nginx.conf").exists(),
    reason="follows the guide as root on Debian's NGINX, in Linux namespaces (unshare)")


def guide_commands() -> tuple[str, str]:
    """(the commands on the designer's computer, the commands on the server), as the guide writes them."""
    section = GUIDE.read_text().split("### On a Debian or Ubuntu server", 1)[1].split("Add HTTPS", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.S)
    assert len(blocks) == 2, blocks
    return blocks[0], blocks[1]


def follow_the_guide(tmp_path: Path, server_commands: str, host: str = HOST) -> dict[str, str]:
    """The guide's steps, from a built prototype to NGINX answering; what it answers, by address, asked for `host`."""
    designer, home = tmp_path / "designer", tmp_path / "server-home"
    copy_example(designer)
    build(designer, designer / "dist", report=lambda line: None)
    on_computer, _ = guide_commands()
    bin_folder = Path(os.sys.executable).parent
    for line in on_computer.splitlines():
        command = line.split("#", 1)[0].strip()
        if command.startswith("scp "):  # to the server: this machine, its home folder
            home.mkdir()
            for name in command.split()[2:-1]:
                (shutil.copytree if (designer / name).is_dir() else shutil.copy)(designer / name, home / name)
        elif command:
            subprocess.run(command, shell=True, check=True, cwd=designer, env={**os.environ, "PATH": f"{bin_folder}:{os.environ['PATH']}"})
        if command.startswith("journeys nginx-config"):
            # The guide's edit: the domain the prototype is served at.
            config = designer / "prototype.conf"
            config.write_text(config.read_text().replace("server_name _;", f"server_name {HOST};"))
    server = "\n".join(line for line in server_commands.splitlines() if not line.startswith("apt-get install"))
    sandbox = tmp_path / "sandbox"
    shutil.copytree("/etc/nginx", sandbox / "etc-nginx", symlinks=True)
    shutil.copytree("/var/www", sandbox / "var-www", symlinks=True)
    (sandbox / "answers").mkdir()
    script = f"""set -e
mount --bind {sandbox}/etc-nginx /etc/nginx
mount --bind {sandbox}/var-www /var/www
mount -t tmpfs tmpfs /var/log/nginx
mount -t tmpfs tmpfs /run
ip link set lo up
cd {home}
{server}
for page in / /about /bulky-waste/start /nowhere; do
  curl -s -o {sandbox}/answers/$(echo "$page" | tr / _).html -w '%{{http_code}}\\n' -H 'Host: {host}' "http://127.0.0.1$page" \\
    > {sandbox}/answers/$(echo "$page" | tr / _).status
done
"""
    done = subprocess.run(["unshare", "--mount", "--net", "--pid", "--fork", "--propagation", "private", "sh", "-c", script],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    return {page: (sandbox / "answers" / (page.replace("/", "_") + ".status")).read_text().strip() + " " +
            (sandbox / "answers" / (page.replace("/", "_") + ".html")).read_text()
            for page in ["/", "/about", "/bulky-waste/start", "/nowhere"]}


@pytest.mark.parametrize("host", [HOST, "127.0.0.1"], ids=["by its name", "by the server's address"])
def test_the_guide_followed_on_a_debian_server_publishes_the_prototype(tmp_path, host):
    answers = follow_the_guide(tmp_path, guide_commands()[1], host)
    assert answers["/"].startswith("200 ") and "Book a bulky waste collection" in answers["/"]
    assert "Welcome to nginx" not in answers["/"]
    assert answers["/about"].startswith("200 ") and answers["/bulky-waste/start"].startswith("200 ")
    assert answers["/nowhere"].startswith("404 ") and "Page not found" in answers["/nowhere"]


def test_without_removing_debians_default_site_its_welcome_page_answers(tmp_path):
    # Why the guide removes it: NGINX gives a request for any other name, or for the server's
    # address, to Debian's default site.
    kept = "\n".join(line for line in guide_commands()[1].splitlines() if "sites-enabled/default" not in line)
    answers = follow_the_guide(tmp_path, kept, "127.0.0.1")
    assert "Welcome to nginx!" in answers["/"]
