<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>Yichao - %1</source>
        <translation>益巢 - %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Switch user...</source>
        <translation>切换用户(&amp;S)...</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <source>Change &amp;password...</source>
        <translation>修改密码(&amp;P)...</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Yichao</source>
        <translation>关于益巢(&amp;A)</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <source>Community office</source>
        <translation>社区储蓄所</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Site: %1 (%2, %3)</source>
        <translation>站点：%1（%2，%3）</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <source>Last bundle exchange: never</source>
        <translation>最近数据交换：从未</translation>
    </message>
    <message>
        <source>Last bundle exchange: %1</source>
        <translation>最近数据交换：%1</translation>
    </message>
    <message>
        <source>About Yichao</source>
        <translation>关于益巢</translation>
    </message>
    <message>
        <source>Yichao %1: the workbench of a street social-organization incubation center.</source>
        <translation>益巢 %1：街道社会组织孵化中心工作台。</translation>
    </message>
    <message>
        <source>Yichao</source>
        <translation>益巢</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>原密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Your password is changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
</TS>