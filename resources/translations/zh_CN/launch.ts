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
    <message>
        <source>Second backup</source>
        <translation>第二备份</translation>
    </message>
    <message>
        <source>Copying a backup to the second folder...</source>
        <translation>正在把备份复制到第二备份位置……</translation>
    </message>
    <message>
        <source>Plug the USB stick in and choose Retry, or Ignore to close without it.</source>
        <translation>请插上U盘后点“重试”；点“忽略”则这次不备份到那里，直接关闭。</translation>
    </message>
</context>
</TS>