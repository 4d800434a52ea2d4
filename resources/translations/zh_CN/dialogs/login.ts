<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LoginDialog</name>
    <message>
        <source>Yichao - Sign in</source>
        <translation>益巢 - 登录</translation>
    </message>
    <message>
        <source>Yichao social-organization incubation workbench</source>
        <translation>益巢 · 社会组织孵化工作台</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Please enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Please enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Signing in...</source>
        <translation>正在登录...</translation>
    </message>
</context>
</TS>
