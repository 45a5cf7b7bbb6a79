"""The CLI's one stderr console: logs, progress and messages go there, data to stdout."""

from __future__ import annotations

from rich.console import Console

stderr = Console(stderr=True, soft_wrap=True)
