"""What the tests and the NGINX preview start, they stop: whatever signals are ignored, within the ports given."""

import signal
import socket
import subprocess
import sys

import pytest
from conftest import ROOT, free_port, start_process, stop_started, write_files


def answering(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def nginx_processes() -> list[str]:
    """Every NGINX master these tests' prefix folders name, as `ps` lists them."""
    listed = subprocess.run(["ps", "-eo", "pid,stat,args"], capture_output=True, text=True).stdout.splitlines()
    return [line for line in listed if "nginx: master" in line and "journeys-nginx-" in line and " Z" not in line]


def living_in_group(group: int) -> list[str]:
    """The processes of a process group that still run (a zombie waiting for its parent does not)."""
    listed = subprocess.run(["ps", "-eo", "pgid=,stat=,args="], capture_output=True, text=True).stdout.splitlines()
    return [line for line in listed if line.split()[0] == str(group) and not line.split()[1].startswith("Z")]


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP], ids=["kill", "closed terminal"])
def test_the_nginx_preview_stops_nginx_however_it_is_stopped(example_builds, stop):
    port = free_port()
    preview = start_process([sys.executable, "-m", "journeys.site_checks.nginx", str(example_builds["/"]),
                             "--port", str(port)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert f"at http://127.0.0.1:{port}" in preview.stdout.readline()
    assert answering(port)
    preview.send_signal(stop)  # to the preview alone, not to NGINX
    assert preview.wait(timeout=10) == 0
    preview.stdout.close()
    assert not answering(port)  # NGINX stopped with it


def test_tests_that_press_ctrl_c_pass_and_leave_nothing_running_under_nohup(tmp_path):
    # A script's background job, or nohup, starts the tests with Ctrl-C and hang-up ignored;
    # what the tests start must still stop as it does in a designer's terminal.
    before = nginx_processes()
    tests = ["tests/test_build.py::test_an_interrupted_build_leaves_dist_as_it_was[ctrl-c]",
             "tests/test_nginx.py::test_python_m_journeys_nginx_serves_a_build_as_production_will"]

    def ignore_ctrl_c_and_hang_up():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGHUP, signal.SIG_IGN)

    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests], cwd=ROOT,
                            capture_output=True, text=True, timeout=240, preexec_fn=ignore_ctrl_c_and_hang_up)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "2 passed" in result.stdout
    assert nginx_processes() == before


def test_the_tests_servers_listen_in_the_port_range_given(monkeypatch, make_project, live_server, nginx, public_folder):
    monkeypatch.setenv("JOURNEYS_PORTS", "23400-23449")
    wanted = range(23400, 23450)
    project = make_project({"pages/index.html": "<h1>Home</h1>"})
    write_files(public_folder, {"index.html": "<h1>Home</h1>"})
    assert free_port() in wanted
    assert live_server(project).port in wanted
    assert nginx(public_folder).port in wanted


def test_a_port_range_written_wrong_says_how_to_write_it(monkeypatch):
    monkeypatch.setenv("JOURNEYS_PORTS", "20000:20999")
    with pytest.raises(ValueError) as raised:
        free_port()
    assert str(raised.value) == ("JOURNEYS_PORTS=20000:20999 is not a range of ports: write it as two numbers "
                                 "from 1024 to 65535, such as 20000-20999")


def test_what_a_test_leaves_running_is_stopped_after_it():
    # A process that ignores the polite stop, and the child it started: both gone when the test ends.
    script = ("import subprocess, signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
              "subprocess.Popen(['sleep', '600']); print('started', flush=True); time.sleep(600)")
    stubborn = start_process([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert stubborn.stdout.readline() == "started\n"
    stop_started([stubborn])  # what every test's teardown does with what it started
    assert stubborn.wait(timeout=10) == -signal.SIGKILL
    stubborn.stdout.close()
    assert living_in_group(stubborn.pid) == []  # nothing of its group is left, its child included
