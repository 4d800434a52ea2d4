<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportCheckView</name>
    <message>
        <source>Check the file first; nothing is written until you import.</source>
        <translation>请先检查文件；点“导入”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Create these &amp;communities</source>
        <translation>新建这些社区(&amp;C)</translation>
    </message>
    <message>
        <source>Errors (%1 rows): nothing is imported while any row has one</source>
        <translation>错误（%1 行）：有错误行时不导入任何记录</translation>
    </message>
    <message>
        <source>Warnings (%1 rows): imported all the same, the record marked to complete</source>
        <translation>提醒（%1 行）：照常导入，记录标为“待补”</translation>
    </message>
</context>
</TS>