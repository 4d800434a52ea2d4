"""The set-up wizard's 加入已有的区级数据库 against a real PostgreSQL server (issue 19, gap D): a wrong
address, a database that is not Yichao's and a wrong password are one sentence each on the page and
leave the folder unjoined; the right address with an administrator's sign-in writes this PC's
settings, and `yichao pc list` lists it among the district's PCs."""

from __future__ import annotations

import json
import os
import subprocess

import psycopg
from PySide6.QtWidgets import QWizard
from sqlalchemy.engine import make_url

from tests.e2e.conftest_pg import pg_database  # noqa: F401 - the fixture
from yichao.app.core.setup import initialize
from yichao.ui.dialogs.setup_wizard import SetupWizard
from yichao.ui.launch import make_application

PASSWORD = "secret123"


def finish(wizard: SetupWizard, url: str, user: str = "admin", password: str = PASSWORD) -> str:
    """Fill the join page, press Finish; the page's error line (empty when it joined)."""
    page = wizard.join_page
    page.url.setText(url)
    page.username.setText(user)
    page.password.setText(password)
    finish_button = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish_button.isEnabled()
    finish_button.click()
    return page.error.text()


def one_sentence(text: str, words: str) -> None:
    assert words in text, text
    assert "\n" not in text and "Traceback" not in text and text.endswith("。"), text


def foreign_database(url: str) -> None:
    """Another program's tables in the database."""
    u = make_url(url)
    with psycopg.connect(host=u.host, port=u.port, user=u.username, dbname=u.database, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id serial PRIMARY KEY, amount numeric)")


def test_join_page_refuses_in_one_sentence_then_joins(qtbot, tmp_path, pg_database):  # noqa: F811
    make_application()
    url = pg_database()
    initialize(tmp_path / "A", "district", "370102", "历下区", "admin", PASSWORD, database_url=url).close()
    (tmp_path / "pw").write_text(PASSWORD + "\n", encoding="utf-8")
    b = tmp_path / "B"
    wizard = SetupWizard(b)
    qtbot.addWidget(wizard)
    wizard.show()
    site = wizard.site_page
    site.role.setCurrentIndex(site.role.findData("join"))
    assert not site.code.isEnabled() and not site.name.isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.join_page

    port = make_url(url).port
    one_sentence(finish(wizard, "not a database address"), "PostgreSQL")
    one_sentence(finish(wizard, url.replace(f":{port}/", f":{port + 1 if port < 65535 else port - 1}/")),
                 "无法连接数据库服务器")
    other = pg_database()
    foreign_database(other)
    one_sentence(finish(wizard, other), "不是益巢的数据库")
    one_sentence(finish(wizard, pg_database()), "还没有初始化")
    one_sentence(finish(wizard, url, password="wrong-one"), "用户名或密码不正确")
    assert wizard.workspace is None and wizard.isVisible()
    assert "database_url" not in json.loads((b / "settings.json").read_text(encoding="utf-8"))

    assert finish(wizard, url) == ""
    ws = wizard.workspace
    assert ws is not None and not wizard.isVisible()
    try:
        assert ws.site.code == "370102" and ws.user is not None and ws.user.username == "admin"
        assert wizard.credentials() == ("admin", PASSWORD)
        settings = json.loads((b / "settings.json").read_text(encoding="utf-8"))
        assert settings["database_url"] == url and settings["site_label"] == "历下区（370102）"
        assert (b / "keys" / "pc.key").exists() and not (b / "yichao.db").exists()
        pc_id = settings["pc_id"]
    finally:
        ws.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("YICHAO_")}
    listed = subprocess.run(["yichao", "--data-dir", str(b), "--user", "admin", "--password-file",
                             str(tmp_path / "pw"), "pc", "list", "--json"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert listed.returncode == 0, listed.stderr
    pcs = [json.loads(line) for line in listed.stdout.splitlines()]  # the first PC and this one
    assert len(pcs) == 2
    assert [(p["revoked"], p["this_pc"], p["joined_by"]) for p in pcs if p["uid"] == pc_id] == [(False, True, "admin")]
