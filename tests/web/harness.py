"""Browser-test plumbing: the Chromium to drive, a real uvicorn server on a free port, PNG pixel counts."""

from __future__ import annotations

import os
import socket
import struct
import threading
import time
import urllib.request
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pytest
import uvicorn
from fastapi import FastAPI

CHROMIUM_ENV = "NEWSGRAPH_TEST_CHROMIUM"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def chromium_path() -> str:
    """The Chromium binary from the environment: skipped locally when unset, a failure in CI."""
    path = os.environ.get(CHROMIUM_ENV)
    if not path:
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM_ENV} is not set in CI: .ci/run must install chromium and export it")
        pytest.skip(
            f"{CHROMIUM_ENV} is not set: browser tests need a Chromium binary (apt-get install chromium)"
        )
    if not os.path.exists(path):
        pytest.fail(f"{CHROMIUM_ENV}={path} does not exist")
    return path


def playwright_sync() -> Any:
    """Playwright's ``sync_playwright``: skipped locally when the package is missing, a failure in CI."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("playwright is not installed in CI: add it to the dev dependencies")
        pytest.skip("playwright is not installed: pip install playwright (never `playwright install`)")
    return sync_playwright


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def running(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a thread on 127.0.0.1; yields the base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/health", timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not answer on {base}") from None
            time.sleep(0.05)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _unfilter(kind: int, line: np.ndarray, prev: np.ndarray, bpp: int) -> np.ndarray:
    """Undo one row's PNG filter; None, Sub and Up vectorised, Average and Paeth byte by byte."""
    if kind == 0:
        return line
    if kind == 2:
        return (line.astype(np.uint16) + prev).astype(np.uint8)
    if kind == 1:
        cells = line.reshape(-1, bpp).astype(np.uint64)
        return (np.cumsum(cells, axis=0) % 256).astype(np.uint8).reshape(-1)
    out = bytearray(line.tobytes())
    up_row = prev.tobytes()
    for i in range(len(out)):
        left = out[i - bpp] if i >= bpp else 0
        up = up_row[i]
        if kind == 3:
            out[i] = (out[i] + ((left + up) >> 1)) & 0xFF
        else:
            corner = up_row[i - bpp] if i >= bpp else 0
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            out[i] = (out[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
    return np.frombuffer(bytes(out), dtype=np.uint8)


def png_pixels(data: bytes) -> np.ndarray:
    """RGB pixels (height × width × 3) of an 8-bit RGB/RGBA non-interlaced PNG, as Chromium writes them."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = colour = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG format"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 4 if colour == 6 else 3
    raw = np.frombuffer(zlib.decompress(idat), dtype=np.uint8).reshape(height, width * bpp + 1)
    rows = np.zeros((height, width * bpp), dtype=np.uint8)
    prev = np.zeros(width * bpp, dtype=np.uint8)
    for y in range(height):
        prev = rows[y] = _unfilter(int(raw[y, 0]), raw[y, 1:], prev, bpp)
    return rows.reshape(height, width, bpp)[:, :, :3]


def ink(pixels: np.ndarray, background: tuple[int, int, int] = (255, 255, 255)) -> int:
    """How many pixels differ visibly from the background."""
    distance = np.abs(pixels.astype(np.int16) - np.array(background, dtype=np.int16)).max(axis=2)
    return int((distance > 24).sum())


def area(pixels: np.ndarray) -> int:
    return int(pixels.shape[0] * pixels.shape[1])
