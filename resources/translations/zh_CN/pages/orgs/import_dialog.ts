<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>OrgImportDialog</name>
    <message>
        <source>Import organizations</source>
        <translation>导入组织档案</translation>
    </message>
    <message>
        <source>%1: sheet “%2”, header in row %3, %4 data rows.</source>
        <translation>%1：工作表“%2”，表头在第%3行，数据%4行。</translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>未导入：%1。</translation>
    </message>
    <message>
        <source>row %1 (%2)</source>
        <translation>第%1行（%2）</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>Import the valid rows and leave out the rows with errors</source>
        <translation>只导入正确的行，跳过有错误的行</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Two columns are mapped to the same field.</source>
        <translation>有两列对应到了同一个字段。</translation>
    </message>
    <message>
        <source>Checking...</source>
        <translation>正在检查……</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>正在导入……</translation>
    </message>
    <message>
        <source>%1 organizations imported.</source>
        <translation>已导入%1个组织。</translation>
    </message>
</context>
</TS>