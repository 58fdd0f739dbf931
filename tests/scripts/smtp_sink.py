#!/usr/bin/env python3
"""A real SMTP server for the e-mail tests (aiosmtpd from PyPI).

    python3 tests/scripts/smtp_sink.py --dir DIR [--port N] [--auth USER:PASSWORD]

Accepts every message and writes it whole to DIR/<pid>-<n>.eml (a temporary name,
then a rename, so a reader never sees half a message), with the envelope recipients
in a first `X-Envelope-To:` line. With --auth, clients must sign in (AUTH PLAIN or
LOGIN) with that user and password. Prints `listening <port>` once it accepts
connections, and runs until SIGTERM. `make test` installs aiosmtpd; the Rust tests
start and stop this server (tests/api/smtp.rs).
"""
import argparse
import itertools
import os
import signal
import socket
import threading
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.counter = itertools.count()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            n = next(self.counter)
        name = f"{os.getpid()}-{n:06d}"
        tmp = os.path.join(self.directory, "." + name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(("X-Envelope-To: " + ",".join(envelope.rcpt_tos) + "\r\n").encode())
            content = envelope.original_content or envelope.content
            if isinstance(content, str):
                content = content.encode()
            f.write(content)
        os.rename(tmp, os.path.join(self.directory, name + ".eml"))
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    # Tests sign in over plain SMTP on 127.0.0.1 on purpose.
    warnings.filterwarnings("ignore", category=UserWarning)
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--auth", default=None)
    args = ap.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    port = args.port or free_port()
    kwargs = {}
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (
                isinstance(auth_data, LoginPassword)
                and auth_data.login.decode() == user
                and auth_data.password.decode() == password
            )
            return AuthResult(success=ok)

        kwargs = dict(authenticator=authenticator, auth_required=True, auth_require_tls=False)
    controller = Controller(Sink(args.dir), hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    print(f"listening {port}", flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    controller.stop()


if __name__ == "__main__":
    main()
