<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Launch</name>
    <message>
        <source>Yichao</source>
        <translation>益巢</translation>
    </message>
    <message>
        <source>Restore the newest backup from %1?</source>
        <translation>要恢复 %1 的最新备份吗？</translation>
    </message>
    <message>
        <source>This data folder is not set up yet; run yichao init first.</source>
        <translation>这个数据文件夹还没有初始化，请先运行 yichao init。</translation>
    </message>
    <message>
        <source>Could not save the screenshot to %1.</source>
        <translation>无法把截图保存到 %1。</translation>
    </message>
</context>
</TS>