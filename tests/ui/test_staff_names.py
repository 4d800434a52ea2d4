"""Staff appear on screen by the name a clerk knows them by, never by their login name; the command
line as 命令行. The needs tab's full record (全过程记录) on a fresh site."""

from __future__ import annotations

from tests.conftest import PASSWORD
from yichao.app.core import create_user
from yichao.app.core.communities import add_community
from yichao.app.core.workspace import CLI_USER, CurrentUser
from yichao.app.needs import NeedInput, claim, create_need, publish
from yichao.app.people import PersonInput, create_person
from yichao.ui.launch import make_application


def test_need_history_names_staff_by_display_name(qtbot, workspace):
    from yichao.ui.pages.residents.needs import NeedsTab

    make_application()
    admin = workspace.user
    create_user(workspace, "wangli", PASSWORD, "staff", "王丽")
    community = add_community(workspace, "甸柳第一社区")
    volunteer = create_person(workspace, PersonInput("李建国", community_uid=community.uid, is_volunteer=True))
    need = create_need(workspace, NeedInput("楼道清理", "环境"))  # by the administrator (管理员)
    workspace.user = CurrentUser("wangli", "staff", "王丽")
    publish(workspace, need.uid)
    workspace.user = CLI_USER  # a command typed on the PC
    claim(workspace, need.uid, "volunteer", volunteer.uid)
    workspace.user = admin

    tab = NeedsTab(workspace)
    qtbot.addWidget(tab)
    tab.show()
    tab.select(need.uid)
    lines = [tab.history.item(i).text() for i in range(tab.history.count())]
    assert len(lines) == 3
    assert "(管理员)" in lines[0] and "(王丽)" in lines[1] and "(命令行)" in lines[2]
    assert not any(login in line for line in lines for login in ("(admin)", "(wangli)", "(cli)"))
