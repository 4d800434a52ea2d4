<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ItemDialog</name>
    <message>
        <source>Catalog item</source>
        <translation>兑换物品</translation>
    </message>
    <message>
        <source>Offered at the counter</source>
        <translation>柜台可兑换</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
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
        <source>Unit</source>
        <translation>单位</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Points rule</source>
        <translation>积分规则</translation>
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
        <source>In force</source>
        <translation>生效</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
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
</context>
</TS>
