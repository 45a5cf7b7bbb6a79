from __future__ import annotations

import pytest

from newsgraph.config import Settings
from newsgraph.errors import ConfigError


def test_defaults_env_then_values() -> None:
    assert Settings.load(env={}).db == "sqlite:///newsgraph.db"
    assert Settings.load(env={"NEWSGRAPH_BATCH_SIZE": "8"}).batch_size == 8
    assert Settings.load({"batch_size": 4}, env={"NEWSGRAPH_BATCH_SIZE": "8"}).batch_size == 4


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"batchsize": 3}, "unknown setting 'batchsize'"),
        ({"batch_size": "many"}, "must be int"),
        ({"max_bytes": 0}, "at least 1"),
        ({"n_process": -1}, "at least 0"),  # 0 chooses: one per core
    ],
)
def test_bad_settings_are_rejected(values: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings.load(values, env={})


def test_parsing_processes_default_to_one_per_core() -> None:
    assert Settings.load(env={}).n_process == 0
    assert Settings.load({"n_process": 2}, env={}).n_process == 2
