<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>PastProjectsImport</name>
    <message>
        <source>Import past projects</source>
        <translation>导入往年项目</translation>
    </message>
    <message>
        <source>%1 past projects imported into their rounds; the statistics now cover those years.</source>
        <translation>已将 %1 个往年项目导入各自的批次，统计报表已包含这些年度。</translation>
    </message>
</context>
</TS>