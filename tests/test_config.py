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
    ],
)
def test_bad_settings_are_rejected(values: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings.load(values, env={})
