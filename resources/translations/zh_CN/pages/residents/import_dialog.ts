<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>%1 residents imported.</source>
        <translation>已导入 %1 位居民。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import check</source>
        <translation>导入预检</translation>
    </message>
    <message>
        <source>Import the valid rows and leave out the rows with errors</source>
        <translation>只导入正确的行，跳过有错误的行</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
</TS>