"""Real processes for the tests that need them: `manage.py run_worker`, an SMTP server that
records what it accepts, and a TCP proxy that can cut the way to the database."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from aiosmtpd.controller import Controller
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition: Callable[[], object], *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


class SmtpServer:
    """Accepts every message on 127.0.0.1, after `delay` seconds, and counts recipients.
    `on_message(n)` runs (in the server's thread) as the n-th message arrives, before it
    is accepted; `messages` keeps each message's envelope sender, recipients and bytes."""

    def __init__(
        self, *, delay: float = 0.0, on_message: Callable[[int], object] | None = None
    ) -> None:
        self.delay = delay
        self.on_message = on_message
        self.recipients: Counter[str] = Counter()
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.peers: set[tuple[str, int]] = set()  # the client end of each connection
        self._lock = threading.Lock()
        self.port = free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.on_message:
            self.on_message(len(self.messages) + 1)
        with self._lock:
            self.recipients.update(envelope.rcpt_tos)
            self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content))
            self.peers.add(session.peer)
        return "250 Message accepted for delivery"

    @property
    def received(self) -> int:
        with self._lock:
            return sum(self.recipients.values())

    def __enter__(self) -> "SmtpServer":
        self._controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self._controller.stop()


class TcpProxy:
    """Forwards 127.0.0.1:port to the database; stop() cuts every connection and refuses
    new ones until start() again."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.port = free_port()
        self._listener: socket.socket | None = None
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        if self._listener is not None:
            try:
                self._listener.shutdown(socket.SHUT_RDWR)  # wakes the thread in accept()
            except OSError:
                pass
            self._listener.close()
            self._listener = None
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # stopped
            try:
                server = socket.create_connection(self.upstream)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets += [client, server]
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        for sock in (source, target):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def __enter__(self) -> "TcpProxy":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def database_url(*, port: int | None = None) -> str:
    """The test database as a URL for a worker process, optionally through a proxy port."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    host = "127.0.0.1" if port else (db["HOST"] or "127.0.0.1")
    return f"postgres://{db['USER']}{password}@{host}:{port or db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    """`manage.py run_worker` in its own process, on the real settings, logging to a file."""

    def __init__(self, log: Path, *, database_url: str, smtp_port: int, **env: str) -> None:
        self.log = log
        self._env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DATABASE_URL": database_url,
            "SECRET_KEY": "worker-test-secret-key",
            "DEBUG": "0",
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "CACHE_URL": "locmemcache://worker-test",
            "LOG_LEVEL": "INFO",
            **env,
        }
        self.process: subprocess.Popen | None = None

    def start(self) -> "Worker":
        with open(self.log, "ab") as out:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "run_worker",
                    "--no-startup-delay",
                    "--no-reload",
                    "--interval",
                    "0.1",
                ],
                cwd=ROOT,
                env=self._env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        wait_for(lambda: "Starting worker" in self.output(), timeout=30, what="the worker to start")
        return self

    @property
    def pid(self) -> int:
        return self.process.pid

    def output(self) -> str:
        return self.log.read_text() if self.log.exists() else ""

    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self, timeout: float = 30) -> int:
        """SIGTERM, as systemd sends it; returns the exit code."""
        if not self.is_running():
            return self.process.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
            raise
