<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>NeedListImport</name>
    <message>
        <source>Import a need list</source>
        <translation>导入需求清单</translation>
    </message>
    <message>
        <source>%1 needs imported.</source>
        <translation>已导入 %1 条需求。</translation>
    </message>
</context>
</TS>