<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictsTab</name>
    <message>
        <source>Records of different streets that share a key</source>
        <translation>不同街道共用同一编号的记录</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Street:</source>
        <translation>街道：</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>What should the street check or correct? (needed when asking)</source>
        <translation>请街道核对或更正什么？（请街道更正时必填）</translation>
    </message>
    <message>
        <source>&amp;Same one</source>
        <translation>认定为同一个(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Different ones</source>
        <translation>认定为不同的(&amp;D)</translation>
    </message>
    <message>
        <source>As&amp;k the street to correct</source>
        <translation>请街道更正(&amp;K)</translation>
    </message>
    <message>
        <source>One real organization or person registered in several streets</source>
        <translation>同一个组织或居民在多个街道登记</translation>
    </message>
    <message>
        <source>Different organizations or people that happen to share the key</source>
        <translation>不同的组织或居民，只是编号相同</translation>
    </message>
    <message>
        <source>Correction requests from the district</source>
        <translation>区里的更正请求</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Records held back from imports (the rest was imported)</source>
        <translation>导入时暂存的记录（其余记录已导入）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>%1 correction requests, %2 records held.</source>
        <translation>更正请求 %1 条，暂存记录 %2 条。</translation>
    </message>
    <message>
        <source>%1 overlaps shown (%2 open), %3 records held.</source>
        <translation>显示数据冲突 %1 处（待处理 %2 处），暂存记录 %3 条。</translation>
    </message>
    <message>
        <source>All streets</source>
        <translation>全部街道</translation>
    </message>
</context>
</TS>