"""The learned parts of the event coder: model files, their errors, and that `make train` rebuilds them."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from newsgraph.cli.app import app
from newsgraph.errors import ModelFileCorruptError, ModelFileMissingError
from newsgraph.events import model
from newsgraph.events.features import Sentence
from newsgraph.training.events import Labelled, split

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_models_load_and_score() -> None:
    quad = model.read(model.models_folder(), "quad")
    assert quad.classes == (0, 1, 2, 3, 4)
    probs = quad.scores([Sentence(("w=attack", "cq=4"), np.zeros(300, dtype=np.float32))])
    assert probs.shape == (1, 5) and abs(float(probs.sum()) - 1.0) < 1e-9


def test_a_missing_model_file_names_the_command_to_rebuild_it(tmp_path: Path) -> None:
    with pytest.raises(ModelFileMissingError) as caught:
        model.read(tmp_path, "quad")
    assert caught.value.code == "E-MODEL-FILE-MISSING" and "make train" in caught.value.message


def test_a_corrupt_model_file_is_refused(tmp_path: Path) -> None:
    for path in model.models_folder().iterdir():
        shutil.copyfile(path, tmp_path / path.name)
    weights = tmp_path / "quad.npz"
    blob = bytearray(weights.read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    weights.write_bytes(bytes(blob))
    with pytest.raises(ModelFileCorruptError) as caught:
        model.read(tmp_path, "quad")
    assert caught.value.code == "E-MODEL-FILE-CORRUPT" and "make train" in caught.value.message


def test_the_cli_stops_with_one_line_when_models_are_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(model.MODELS_ENV, str(tmp_path))
    model.load.cache_clear()
    try:
        article = tmp_path / "a.txt"
        article.write_text("North Korea fired two artillery shells at Seoul on Monday.\n")
        result = CliRunner().invoke(app, ["extract", str(article)])
    finally:
        model.load.cache_clear()
    assert result.exit_code != 0
    assert "E-MODEL-FILE-MISSING" in result.output and "Traceback" not in result.output


def test_the_split_is_stratified_and_fixed() -> None:
    rows = [Labelled(f"s{i}", i % 5) for i in range(100)]
    train, dev = split(rows)
    assert len(dev) == 20 and {r.quad_class for r in dev} == {0, 1, 2, 3, 4}
    assert split(rows) == (train, dev) and split(rows, seed=1) != (train, dev)


@pytest.mark.slow
def test_make_train_rebuilds_the_shipped_models(shared_data: Path, tmp_path: Path) -> None:
    """The same data, seed and code give the same weights, byte for byte (what the Makefile runs)."""
    result = CliRunner().invoke(
        app,
        [
            "train",
            "events",
            "--data",
            str(shared_data / "events" / "conflibert_cameo_train.jsonl"),
            "--relevance-labels",
            str(ROOT / "train" / "lee-relevance.tsv"),
            "--out",
            str(tmp_path),
        ],
    )
    model.load.cache_clear()
    assert result.exit_code == 0, result.output
    assert "dev quad macro-F1" in result.output
    for name in ("quad.npz", "relevance.npz"):
        shipped = model.read(model.models_folder(), name.removesuffix(".npz"))
        rebuilt = model.read(tmp_path, name.removesuffix(".npz"))
        assert np.array_equal(shipped.terms, rebuilt.terms) and np.array_equal(shipped.dense, rebuilt.dense)
