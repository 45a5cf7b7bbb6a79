"""`newsgraph serve` as an operator runs it: a real process, the token from the environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from tests.web.harness import free_port

EXE = Path(sys.executable).with_name("newsgraph")


def _get(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


@pytest.mark.skipif(
    not EXE.exists(), reason="the newsgraph console script is not installed in this environment"
)
def test_serve_answers_and_reads_the_token(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "NEWSGRAPH_API_TOKEN": "operator-token"}
    db = tmp_path / "served.db"
    process = subprocess.Popen(
        [str(EXE), "serve", "--db", str(db), "--port", str(port), "--max-body", "1000"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = _get(f"{base}/api/health")
                break
            except (urllib.error.URLError, ConnectionError):
                assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
                assert time.monotonic() < deadline, "newsgraph serve did not answer within 60 s"
                time.sleep(0.2)
        assert (status, body) == (200, {"status": "ok", "documents": 0})
        headers = {"Content-Type": "application/json", "Authorization": "Bearer wrong"}
        status, body = _get(f"{base}/api/ingest", data=b'{"articles": [{"text": "x"}]}', headers=headers)
        assert status == 401 and body["error"]["code"] == "E-UNAUTHORIZED"  # enabled: the token was read
        status, body = _get(f"{base}/api/ingest", data=b"{" + b" " * 2000 + b"}", headers=headers)
        assert status == 413 and body["error"]["code"] == "E-TOO-LARGE"  # --max-body applies
        status, body = _get(f"{base}/api/nothing-here")
        assert status == 404 and body == {
            "error": {"code": "E-NOT-FOUND", "message": body["error"]["message"], "status": 404}
        }
    finally:
        process.terminate()
        process.wait(timeout=15)
