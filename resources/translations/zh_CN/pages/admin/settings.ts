<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>SettingsTab</name>
    <message>
        <source>empty: the built-in SQLite database in the data folder</source>
        <translation>留空：使用数据文件夹中的内置 SQLite 数据库</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Database (district, PostgreSQL):</source>
        <translation>数据库（区级 PostgreSQL）(&amp;D)：</translation>
    </message>
    <message>
        <source>Automatic &amp;backups kept:</source>
        <translation>自动备份保留份数(&amp;B)：</translation>
    </message>
    <message>
        <source>Second backup &amp;folder:</source>
        <translation>第二备份位置(&amp;F)：</translation>
    </message>
    <message>
        <source>every </source>
        <translation>每 </translation>
    </message>
    <message>
        <source> day(s), when Yichao closes</source>
        <translation> 天一次，在关闭益巢时</translation>
    </message>
    <message>
        <source>Copy a backup there:</source>
        <translation>复制备份到那里：</translation>
    </message>
    <message>
        <source>Backups kept there:</source>
        <translation>那里保留的备份份数：</translation>
    </message>
    <message>
        <source>Last copy there:</source>
        <translation>最近一次复制：</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>还没有</translation>
    </message>
    <message>
        <source>Largest &amp;attachment:</source>
        <translation>附件大小上限(&amp;A)：</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
        <source>e.g. E:\Yichao backups on a USB stick; empty: none</source>
        <translation>例如U盘上的 E:\益巢备份；留空表示不用</translation>
    </message>
    <message>
        <source>Bro&amp;wse...</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Second backup folder</source>
        <translation>第二备份位置</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>Restart Yichao for the language or database change to take effect.</source>
        <translation>界面语言或数据库的修改在重新启动益巢后生效。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
</TS>