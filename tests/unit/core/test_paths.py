"""Where the data folder is: --data-dir, YICHAO_DATA_DIR, the wizard's choice, the default."""

from __future__ import annotations

from pathlib import Path

import pytest

from yichao.app.core import chosen_data_dir, data_dir_forced, remember_data_dir, resolve_data_dir


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Local" / "Yichao"
    monkeypatch.setattr("yichao.app.core.paths.default_data_dir", lambda: folder)
    monkeypatch.delenv("YICHAO_DATA_DIR", raising=False)
    return folder


def test_the_wizards_choice_is_found_by_every_later_start(home: Path, tmp_path: Path) -> None:
    assert resolve_data_dir() == home
    chosen = tmp_path / "D" / "益巢数据"
    remember_data_dir(chosen)
    assert resolve_data_dir() == chosen.resolve()
    assert chosen_data_dir(home) == chosen.resolve()
    remember_data_dir(home)  # choosing the default again forgets the pointer
    assert resolve_data_dir() == home and not (home / "data-folder.txt").exists()


def test_an_option_or_the_variable_wins_and_data_in_the_default_folder_wins_over_a_pointer(
        home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    remember_data_dir(tmp_path / "elsewhere")
    assert data_dir_forced("X") and resolve_data_dir(tmp_path / "cli") == (tmp_path / "cli").resolve()
    monkeypatch.setenv("YICHAO_DATA_DIR", str(tmp_path / "env"))
    assert data_dir_forced(None) and resolve_data_dir() == (tmp_path / "env").resolve()
    monkeypatch.delenv("YICHAO_DATA_DIR")
    (home / "yichao.db").write_bytes(b"")
    assert resolve_data_dir() == home
