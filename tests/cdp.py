"""A small headless-Chromium driver over the DevTools protocol (standard library only), for page tests.

Every request the page makes is intercepted (``Fetch.enable`` on all URLs): file:, data: and blob: URLs
continue, anything else is failed and recorded in ``Browser.blocked`` — so a test sees a network request
even if the machine is offline. The viewport is set before the page loads (a phone is emulated below 600
px), keys are real key events (``Input.dispatchKeyEvent``), and ``eval`` runs JavaScript in the page.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")

KEYS = {  # key: (code, windowsVirtualKeyCode)
    "ArrowRight": ("ArrowRight", 39), "ArrowLeft": ("ArrowLeft", 37), "ArrowDown": ("ArrowDown", 40),
    "ArrowUp": ("ArrowUp", 38), "PageDown": ("PageDown", 34), "PageUp": ("PageUp", 33), "Home": ("Home", 36),
    "End": ("End", 35), "Escape": ("Escape", 27), " ": ("Space", 32), "q": ("KeyQ", 81),
}


class _WS:
    def __init__(self, url: str) -> None:
        host, rest = url[len("ws://"):].split("/", 1)
        h, p = host.split(":")
        self.s = socket.create_connection((h, int(p)), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        self.s.sendall((f"GET /{rest} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        buf = b""
        while b"\r\n\r\n" not in buf:
            buf += self.s.recv(4096)
        self.buf = buf.split(b"\r\n\r\n", 1)[1]
        self.id = 0
        self.events: list[dict] = []

    def send(self, obj: dict) -> None:
        data = json.dumps(obj).encode()
        mask = os.urandom(4)
        n = len(data)
        if n < 126:
            hdr = bytes([0x81, 0x80 | n])
        elif n < 65536:
            hdr = bytes([0x81, 0x80 | 126]) + n.to_bytes(2, "big")
        else:
            hdr = bytes([0x81, 0x80 | 127]) + n.to_bytes(8, "big")
        self.s.sendall(hdr + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _read(self, n: int) -> bytes:
        while len(self.buf) < n:
            chunk = self.s.recv(1 << 20)
            if not chunk:
                raise EOFError("the browser closed the connection")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def recv(self) -> dict:
        _b1, b2 = self._read(2)
        n = b2 & 0x7F
        if n == 126:
            n = int.from_bytes(self._read(2), "big")
        elif n == 127:
            n = int.from_bytes(self._read(8), "big")
        return json.loads(self._read(n))

    def call(self, method: str, on_event=None, **params) -> dict:
        self.id += 1
        self.send({"id": self.id, "method": method, "params": params})
        while True:
            msg = self.recv()
            if msg.get("id") == self.id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg and on_event is not None:
                on_event(msg)


class Browser:
    def __init__(self, tmp: Path | None = None) -> None:
        if not CHROMIUM:
            raise RuntimeError("Chromium is not installed")
        self.profile = tempfile.mkdtemp(dir=tmp)
        port = 9200 + (os.getpid() * 7 + int(time.time() * 1000)) % 700
        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
             "--proxy-server=http://127.0.0.1:9", f"--user-data-dir={self.profile}",
             f"--remote-debugging-port={port}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        targets = []
        for _ in range(200):
            try:
                targets = [t for t in json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2))
                           if t["type"] == "page"]
                if targets:
                    break
            except OSError:
                pass
            time.sleep(0.05)
        if not targets:
            self.close()
            raise RuntimeError("Chromium did not start")
        self.ws = _WS(targets[0]["webSocketDebuggerUrl"])
        self.blocked: list[str] = []
        self._n = 0
        self.errors: list[str] = []
        self.ws.call("Fetch.enable", patterns=[{"urlPattern": "*"}])
        self.ws.call("Runtime.enable")

    def _event(self, msg: dict) -> None:
        method, p = msg["method"], msg.get("params", {})
        if method == "Fetch.requestPaused":
            url = p["request"]["url"]
            self._n += 1
            if url.startswith(("file:", "data:", "blob:")):
                self.ws.send({"id": 10**9 + self._n, "method": "Fetch.continueRequest",
                              "params": {"requestId": p["requestId"]}})
            else:
                self.blocked.append(url)
                self.ws.send({"id": 10**9 + self._n, "method": "Fetch.failRequest",
                              "params": {"requestId": p["requestId"], "errorReason": "BlockedByClient"}})
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            self.errors.append((d.get("exception") or {}).get("description") or d.get("text", "error"))

    def call(self, method: str, **params) -> dict:
        return self.ws.call(method, on_event=self._event, **params)

    def open(self, page: Path, width: int, height: int, settle: float = 1.5) -> None:
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=width < 600 and not os.environ.get("NOMOBILE"))
        self.call("Emulation.setTouchEmulationEnabled", enabled=width < 600)
        self.call("Page.enable")
        self.call("Page.navigate", url=Path(page).resolve().as_uri())
        self.wait(settle)

    def wait(self, seconds: float) -> None:
        end = time.time() + seconds
        while time.time() < end:  # keep serving intercepted requests while the page works
            self.call("Runtime.evaluate", expression="1")
            time.sleep(0.05)

    def eval(self, expr: str):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(r["exceptionDetails"].get("text", "") + " " + json.dumps(r["exceptionDetails"])[:500])
        return r.get("result", {}).get("value")

    def key(self, key: str, settle: float = 0.4) -> None:
        code, vk = KEYS.get(key, (key, 0))
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, code=code, windowsVirtualKeyCode=vk,
                      nativeVirtualKeyCode=vk, text=key if (kind == "keyDown" and len(key) == 1) else "")
        self.wait(settle)

    def click(self, x: float, y: float, settle: float = 0.4) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)
        self.wait(settle)

    def screenshot(self, out: Path) -> None:
        shot = self.call("Page.captureScreenshot", format="png")
        Path(out).write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        try:
            self.proc.kill()
            self.proc.wait(10)
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
