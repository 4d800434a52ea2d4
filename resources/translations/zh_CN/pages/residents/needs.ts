<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>NeedsTab</name>
    <message>
        <source>Search: title, pinyin initials, claimant</source>
        <translation>搜索：需求标题、拼音首字母、揭榜方</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>看板(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>列表(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;New need...</source>
        <translation>登记需求(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>修改(&amp;E)...</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Claim...</source>
        <translation>揭榜(&amp;C)...</translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation>撤榜(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Start service</source>
        <translation>开始服务(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完成服务(&amp;F)</translation>
    </message>
    <message>
        <source>Re&amp;view...</source>
        <translation>评价(&amp;V)...</translation>
    </message>
    <message>
        <source>Cancel need...</source>
        <translation>取消需求...</translation>
    </message>
    <message>
        <source>For an &amp;organization...</source>
        <translation>按组织匹配(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Import list...</source>
        <translation>导入清单(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport list...</source>
        <translation>导出列表(&amp;X)...</translation>
    </message>
    <message>
        <source>History</source>
        <translation>全过程记录</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>匹配推荐</translation>
    </message>
    <message>
        <source>No needs recorded yet. Record a resident's need, or import the street's need list.</source>
        <translation>还没有登记任何需求。请登记居民提出的需求，或导入街道的需求清单。</translation>
    </message>
    <message>
        <source>New need...</source>
        <translation>登记需求...</translation>
    </message>
    <message>
        <source>Import list...</source>
        <translation>导入清单...</translation>
    </message>
    <message>
        <source>No need matches the search and filters. Clear the filter to see every need again.</source>
        <translation>没有符合搜索和筛选条件的需求。清除筛选即可看到全部需求。</translation>
    </message>
    <message>
        <source>%1 needs</source>
        <translation>共 %1 条需求</translation>
    </message>
    <message>
        <source>Select a need to see its details and history.</source>
        <translation>选择一条需求查看详情和全过程记录。</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>（逾期）</translation>
    </message>
    <message>
        <source>Community: %1</source>
        <translation>社区：%1</translation>
    </message>
    <message>
        <source>Asked by: %1</source>
        <translation>求助居民：%1</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>截止日期：%1</translation>
    </message>
    <message>
        <source>Reward points: %1</source>
        <translation>奖励积分：%1</translation>
    </message>
    <message>
        <source>Claimed by: %1</source>
        <translation>揭榜方：%1</translation>
    </message>
    <message>
        <source>Satisfaction: %1</source>
        <translation>满意度：%1</translation>
    </message>
    <message>
        <source>No organization or resident fits this need yet.</source>
        <translation>暂无匹配的组织或居民。</translation>
    </message>
    <message>
        <source>Suggestions are shown while a need waits for a claim.</source>
        <translation>需求待揭榜时显示匹配推荐。</translation>
    </message>
    <message>
        <source>Why is the need cancelled?</source>
        <translation>取消原因：</translation>
    </message>
    <message>
        <source>Why is the claim released?</source>
        <translation>撤榜原因：</translation>
    </message>
    <message>
        <source>Delete need</source>
        <translation>删除需求</translation>
    </message>
    <message>
        <source>Delete the need %1? The journal keeps it.</source>
        <translation>删除需求%1？操作日志中仍会保留记录。</translation>
    </message>
    <message>
        <source>Export needs</source>
        <translation>导出需求清单</translation>
    </message>
    <message>
        <source>needs.xlsx</source>
        <translation>居民需求清单.xlsx</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>%1 needs written to %2.</source>
        <translation>已将 %1 条需求导出到 %2。</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>正在导出...</translation>
    </message>
</context>
</TS>