"""The servers the benchmarks load: gunicorn on 127.0.0.1, in a process group of its own.

from servers import free_port, start_gunicorn, stop

server = start_gunicorn("newsroom.wsgi", port=free_port(), workers=2, env=env)
try:
    ...  # load it
finally:
    stop(server)
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_gunicorn(
    app: str,
    *,
    port: int,
    workers: int,
    env: dict,
    threads: int = 1,
    ready_path: str = "/healthz",
    cwd: Path = ROOT,
) -> subprocess.Popen:
    """gunicorn serving app, once ready_path answers 200 (a SystemExit if it never does)."""
    command = [str(GUNICORN), app, "--bind", f"{HOST}:{port}", "--workers", str(workers)]
    if threads > 1:
        command += ["--threads", str(threads), "--worker-class", "gthread"]
    process = subprocess.Popen(
        [*command, "--log-level", "warning"],
        cwd=cwd,
        env=env,
        start_new_session=True,  # its own process group, so stopping it stops the workers
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited during start-up; see its output above.")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}{ready_path}", timeout=2) as r:
                if r.status == 200:
                    return process
        except OSError:
            pass
        time.sleep(0.3)
    stop(process)
    raise SystemExit(f"gunicorn did not answer {ready_path} within 30 seconds.")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
