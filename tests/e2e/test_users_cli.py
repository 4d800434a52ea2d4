"""`yichao users unlock NAME`: the only administrator, locked out, is unlocked on the PC itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from .cli import init_street, yichao


@pytest.fixture
def street(tmp_path: Path) -> Path:
    folder = tmp_path / "street"
    init_street(folder)
    return folder


def test_the_locked_only_administrator_is_unlocked_without_signing_in(street, tmp_path):
    from yichao.app.core import UserError, login, open_workspace

    ws = open_workspace(street)
    try:
        for _ in range(5):
            with pytest.raises(UserError):
                login(ws, "admin", "wrong")
        with pytest.raises(Exception, match="yichao users unlock admin"):
            login(ws, "admin", "secret123")
    finally:
        ws.close()
    r = yichao("users", "unlock", "admin", data_dir=street)
    assert r.returncode == 0, r.stderr
    assert "已解锁" in r.stdout
    ws = open_workspace(street)
    try:
        assert login(ws, "admin", "secret123").username == "admin"
    finally:
        ws.close()
    r = yichao("users", "unlock", "nobody", data_dir=street)
    assert r.returncode == 1 and "没有用户 nobody" in r.stderr and len(r.stderr.strip().splitlines()) == 1
