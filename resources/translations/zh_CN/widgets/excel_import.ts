<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExcelImport</name>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 表格 (*.xlsx)</translation>
    </message>
    <message>
        <source>Reading the file...</source>
        <translation>正在读取文件……</translation>
    </message>
    <message>
        <source>Checking every row...</source>
        <translation>正在逐行检查……</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>正在导入……</translation>
    </message>
</context>
</TS>