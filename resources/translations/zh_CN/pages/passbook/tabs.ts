<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CatalogTab</name>
    <message>
        <source>New item</source>
        <translation>新增物品</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Stock in / correct</source>
        <translation>入库 / 更正</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>可兑换</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Published by</source>
        <translation>发布方</translation>
    </message>
    <message>
        <source>Change the stock of %1 by (negative to correct down):</source>
        <translation>%1 的库存增加（负数为减少更正）：</translation>
    </message>
</context>
<context>
    <name>PassbooksTab</name>
    <message>
        <source>Number, holder, pinyin initials or phone</source>
        <translation>存折号、持折人、拼音首字母或电话</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Reported lost</source>
        <translation>已挂失</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已换折</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已销户</translation>
    </message>
    <message>
        <source>With pending lines</source>
        <translation>只看待补登</translation>
    </message>
    <message>
        <source>No passbooks issued yet. Issue a resident's passbook, or take over the street's paper passbooks from their ledger workbook.</source>
        <translation>还没有开立存折。可以为居民开立存折，也可以按台账工作簿接管本街道的纸质存折。</translation>
    </message>
    <message>
        <source>Issue passbook...</source>
        <translation>开立存折…</translation>
    </message>
    <message>
        <source>Take over paper passbooks...</source>
        <translation>接管纸质存折…</translation>
    </message>
    <message>
        <source>No passbook matches the search and filters. Clear the filter to see every passbook.</source>
        <translation>没有符合搜索和筛选条件的存折。清除筛选即可看到全部存折。</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <source>New rule</source>
        <translation>新增规则</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Points per service hour</source>
        <translation>每服务小时积分</translation>
    </message>
    <message>
        <source>Fixed points for a need</source>
        <translation>需求固定积分</translation>
    </message>
    <message>
        <source>Points expire after years</source>
        <translation>积分有效期（年）</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Activity type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>生效</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>制定方</translation>
    </message>
</context>
<context>
    <name>_ListTab</name>
    <message>
        <source>This record is published by the district and is read-only here.</source>
        <translation>这条记录由区里发布，街道只能查看。</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>District (read-only)</source>
        <translation>区级（只读）</translation>
    </message>
    <message>
        <source>Street (read-only)</source>
        <translation>街道（只读）</translation>
    </message>
    <message>
        <source>Community office (read-only)</source>
        <translation>社区储蓄所（只读）</translation>
    </message>
</context>
</TS>