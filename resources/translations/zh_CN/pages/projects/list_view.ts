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
        <translation>导入往年项目(&amp;J)...</translation>
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
        <source>No organization is on file yet. Projects are applied for by organizations: add the street's organizations first. A funding round can be opened meanwhile.</source>
        <translation>还没有社会组织档案。项目由社会组织申报，请先登记本街道的社会组织；资助批次可以先建好。</translation>
    </message>
    <message>
        <source>Go to organizations...</source>
        <translation>前往组织档案...</translation>
    </message>
    <message>
        <source>New funding round...</source>
        <translation>新建资助批次...</translation>
    </message>
    <message>
        <source>No venture projects yet. Open a funding round, then record the organizations' applications; projects of past years can be imported.</source>
        <translation>还没有创投项目。先新建资助批次，再登记各组织的项目申报；往年的项目可以导入。</translation>
    </message>
    <message>
        <source>New application...</source>
        <translation>登记申报...</translation>
    </message>
    <message>
        <source>Import past projects...</source>
        <translation>导入往年项目...</translation>
    </message>
    <message>
        <source>No project matches the chosen round, status and search. Clear the filter to see every project.</source>
        <translation>没有符合所选批次、状态和搜索条件的项目。清除筛选即可看到全部项目。</translation>
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