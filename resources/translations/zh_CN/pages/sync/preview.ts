<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Import bundle</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>Bundle no. %1 from %2 (%3), made %4: %5 records.</source>
        <translation>来自 %2（%3）的第 %1 号数据包，%4 生成，共 %5 条记录。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>暂存</translation>
    </message>
    <message>
        <source>Attachments: %1</source>
        <translation>附件：%1 个</translation>
    </message>
    <message>
        <source>Nothing has been changed yet. Import applies all of it at once, or nothing.</source>
        <translation>现在还没有任何改动。导入时要么全部应用，要么什么都不改。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
</TS>