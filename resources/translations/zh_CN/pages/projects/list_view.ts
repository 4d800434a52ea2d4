<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ProjectsTab</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Search title, initials or applicant</source>
        <translation>搜索项目名称、拼音首字母或申报组织</translation>
    </message>
    <message>
        <source>New &amp;round...</source>
        <translation>新建批次(&amp;R)...</translation>
    </message>
    <message>
        <source>Edit r&amp;ound...</source>
        <translation>修改批次(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Apply...</source>
        <translation>登记申报(&amp;A)...</translation>
    </message>
    <message>
        <source>Next &amp;step...</source>
        <translation>下一步(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Disburse...</source>
        <translation>拨付(&amp;D)...</translation>
    </message>
    <message>
        <source>&amp;Milestone...</source>
        <translation>项目节点(&amp;M)...</translation>
    </message>
    <message>
        <source>Import past pro&amp;jects...</source>
        <translation>导入往年项目(&amp;J)…</translation>
    </message>
    <message>
        <source>Tranche &amp;plan...</source>
        <translation>拨付计划(&amp;P)...</translation>
    </message>
    <message>
        <source>E&amp;valuation...</source>
        <translation>评估(&amp;V)...</translation>
    </message>
    <message>
        <source>Acti&amp;vity...</source>
        <translation>活动(&amp;I)...</translation>
    </message>
    <message>
        <source>O&amp;utcome...</source>
        <translation>执行情况(&amp;U)...</translation>
    </message>
    <message>
        <source>Close-out &amp;report...</source>
        <translation>结项报告(&amp;R)...</translation>
    </message>
    <message>
        <source>E&amp;xport...</source>
        <translation>导出(&amp;X)...</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>资助批次：</translation>
    </message>
    <message>
        <source>All rounds</source>
        <translation>全部批次</translation>
    </message>
    <message>
        <source>%1 rounds</source>
        <translation>共 %1 个批次</translation>
    </message>
    <message>
        <source>Committed %p%</source>
        <translation>已立项 %p%</translation>
    </message>
</context>
</TS>