<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>OrgsPage</name>
    <message>
        <source>&amp;New...</source>
        <translation>新建(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>编辑(&amp;E)...</translation>
    </message>
    <message>
        <source>Change &amp;stage...</source>
        <translation>变更阶段(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Residency...</source>
        <translation>入驻(&amp;R)...</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Record &amp;grade...</source>
        <translation>录入评估等级(&amp;G)...</translation>
    </message>
    <message>
        <source>&amp;Lists...</source>
        <translation>列表(&amp;L)...</translation>
    </message>
    <message>
        <source>&amp;Overdue follow-ups</source>
        <translation>逾期跟进(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Import...</source>
        <translation>导入(&amp;I)...</translation>
    </message>
    <message>
        <source>E&amp;xport list...</source>
        <translation>导出列表(&amp;X)...</translation>
    </message>
    <message>
        <source>This street has no communities yet. Organizations and residents belong to a community: add the street's communities first.</source>
        <translation>本街道还没有社区。组织和居民都要归到社区，请先添加本街道的社区。</translation>
    </message>
    <message>
        <source>Add &amp;communities...</source>
        <translation>添加社区(&amp;C)...</translation>
    </message>
    <message>
        <source>No organization files yet. Add the first one, or import the street's organization roster.</source>
        <translation>还没有社会组织档案。新建第一个，或导入街道的组织花名册。</translation>
    </message>
    <message>
        <source>New organization...</source>
        <translation>新建组织...</translation>
    </message>
    <message>
        <source>Import roster...</source>
        <translation>导入花名册...</translation>
    </message>
    <message>
        <source>No organization matches the search and filters. The street has organization files: clear the filter to see them all.</source>
        <translation>没有符合搜索和筛选条件的组织。本街道已有组织档案：清除筛选即可看到全部。</translation>
    </message>
    <message>
        <source>End &amp;residency...</source>
        <translation>办理退驻(&amp;R)...</translation>
    </message>
    <message>
        <source>Start &amp;residency...</source>
        <translation>办理入驻(&amp;R)...</translation>
    </message>
    <message>
        <source>Delete organization</source>
        <translation>删除组织档案</translation>
    </message>
    <message>
        <source>Delete the file of %1? It stays in the journal.</source>
        <translation>删除“%1”的档案？操作日志中仍会保留记录。</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>逾期未跟进的督导</translation>
    </message>
    <message>
        <source>No follow-up is overdue.</source>
        <translation>没有逾期未跟进的督导。</translation>
    </message>
    <message>
        <source>... and %1 more</source>
        <translation>……另有%1条</translation>
    </message>
    <message>
        <source>Overdue follow-ups (%1)</source>
        <translation>逾期未跟进的督导（%1条）</translation>
    </message>
    <message>
        <source>Import organizations</source>
        <translation>导入组织档案</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>%1 organizations written.</source>
        <translation>已导出%1个组织。</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>正在导出……</translation>
    </message>
</context>
</TS>