<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DataFolderPage</name>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Where Yichao keeps its database, attachments and backups. Choose a folder on this PC&apos;s own disk; if this PC has a restore card that wipes C: at every restart, choose a folder on D: or another disk it keeps.</source>
        <translation>益巢的数据库、附件和备份都存放在这里。请选择本机硬盘上的文件夹；如果这台电脑装有还原卡（每次重启都会清空 C 盘），请选 D 盘或其他不会被还原的磁盘。</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>A USB stick or another drive can receive a second copy of the backups later (System → Settings).</source>
        <translation>以后还可以在“系统管理 → 设置”里让备份再复制一份到U盘或另一块磁盘。</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>请选择一个文件夹。</translation>
    </message>
    <message>
        <source>Give the whole path, e.g. D:\Yichao.</source>
        <translation>请填写完整路径，例如 D:\益巢数据。</translation>
    </message>
    <message>
        <source>This folder already holds Yichao data. Finish to use it and sign in.</source>
        <translation>这个文件夹里已有益巢数据。点“完成”即使用它并登录。</translation>
    </message>
</context>
</TS>
